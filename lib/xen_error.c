/* SPDX-License-Identifier: MIT */
/* Xen, all architectures: error mapping (Xen's errno.h uses Linux's numbers). */
#include "internal.h"

int hyp_xen_error(long raw)
{
	if (raw >= 0)
		return hyp_result_from_raw(raw);
	switch (raw) {
	case -HYP_XEN_EPERM:        return HYP_EPERM;
	case -HYP_XEN_EACCES:       return HYP_EPERM;   /* XSM/policy refusal: not privileged */
	case -HYP_XEN_ENOENT:       return HYP_ENOENT;
	case -HYP_XEN_ESRCH:        return HYP_ENOENT;  /* no such domain */
	case -HYP_XEN_EIO:          return HYP_EIO;
	case -HYP_XEN_E2BIG:        return HYP_E2BIG;
	case -HYP_XEN_EBADF:        return HYP_EINVAL;  /* bad handle/port argument */
	case -HYP_XEN_EAGAIN:       return HYP_EAGAIN;
	case -HYP_XEN_ENOMEM:       return HYP_ENOMEM;
	case -HYP_XEN_EFAULT:       return HYP_EFAULT;
	case -HYP_XEN_EBUSY:        return HYP_EBUSY;
	case -HYP_XEN_EEXIST:       return HYP_EEXIST;
	case -HYP_XEN_ENODEV:       return HYP_ENODEV;
	case -HYP_XEN_EINVAL:       return HYP_EINVAL;
	case -HYP_XEN_ENOSPC:       return HYP_ENOSPC;
	case -HYP_XEN_ERANGE:       return HYP_ERANGE;
	case -HYP_XEN_ENOSYS:       return HYP_ENOSYS;
	case -HYP_XEN_EOPNOTSUPP:   return HYP_EOPNOTSUPP;
	case -HYP_XEN_ETIMEDOUT:    return HYP_ETIMEDOUT;
	default:                    return HYP_EIO;     /* the library's codes too */
	}
}
