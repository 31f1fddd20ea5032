/* SPDX-License-Identifier: MIT */
/* ePAPR status codes (r3) into the error model; portable so the host tests it. */
#include <hyp/hyp.h>

int hyp_epapr_error(long raw)
{
	switch (raw) {
	case HYP_EV_SUCCESS:            return HYP_OK;
	case HYP_EV_EPERM:              return HYP_EPERM;
	case HYP_EV_ENOENT:             return HYP_ENOENT;
	case HYP_EV_EIO:                return HYP_EIO;
	case HYP_EV_EAGAIN:             return HYP_EAGAIN;
	case HYP_EV_ENOMEM:             return HYP_ENOMEM;
	case HYP_EV_EFAULT:             return HYP_EFAULT;
	case HYP_EV_ENODEV:             return HYP_ENODEV;
	case HYP_EV_EINVAL:             return HYP_EINVAL;
	case HYP_EV_INTERNAL:           return HYP_EIO;
	case HYP_EV_CONFIG:             return HYP_EINVAL;
	case HYP_EV_INVALID_STATE:      return HYP_EBUSY;
	case HYP_EV_UNIMPLEMENTED:      return HYP_ENOSYS;
	case HYP_EV_BUFFER_OVERFLOW:    return HYP_ENOSPC;
	default:                        return HYP_EIO; /* the library's codes too */
	}
}
