/* SPDX-License-Identifier: MIT */
/*
 * PAPR status codes (r3) into the error model; portable so the host tests it.
 * PAPR's own negative codes overlap the errno range (-19 is H_RH_PARM), so a
 * raw value is always read as PAPR's: typed wrappers check the gate before
 * calling and never pass a gate error through here.
 */
#include <hyp/hyp.h>

int hyp_papr_error(long raw)
{
	if (raw == HYP_PAPR_H_SUCCESS)
		return HYP_OK;
	if (raw >= HYP_PAPR_H_LONG_BUSY_FIRST && raw <= HYP_PAPR_H_LONG_BUSY_LAST)
		return HYP_EAGAIN;
	if (raw <= HYP_PAPR_H_P2 && raw >= HYP_PAPR_H_P9)
		return HYP_EINVAL;
	switch (raw) {
	case HYP_PAPR_H_BUSY:
	case HYP_PAPR_H_PARTIAL:
	case HYP_PAPR_H_IN_PROGRESS:
	case HYP_PAPR_H_PENDING:
	case HYP_PAPR_H_CONTINUE:
	case HYP_PAPR_H_CONSTRAINED:    return HYP_EAGAIN;
	case HYP_PAPR_H_CLOSED:         return HYP_EIO;
	case HYP_PAPR_H_NOT_AVAILABLE:  return HYP_EOPNOTSUPP;
	case HYP_PAPR_H_HARDWARE:       return HYP_EIO;
	case HYP_PAPR_H_FUNCTION:       return HYP_ENOSYS;
	case HYP_PAPR_H_PRIVILEGE:
	case HYP_PAPR_H_AUTHORITY:
	case HYP_PAPR_H_PERMISSION:     return HYP_EPERM;
	case HYP_PAPR_H_PARAMETER:
	case HYP_PAPR_H_BAD_MODE:       return HYP_EINVAL;
	case HYP_PAPR_H_NOT_FOUND:      return HYP_ENOENT;
	case HYP_PAPR_H_NO_MEM:         return HYP_ENOMEM;
	case HYP_PAPR_H_RESOURCE:       return HYP_ENOSPC;
	case HYP_PAPR_H_UNSUPPORTED:    return HYP_EOPNOTSUPP;
	case HYP_PAPR_H_OVERLAP:        return HYP_EEXIST;
	case HYP_PAPR_H_STATE:
	case HYP_PAPR_H_IN_USE:         return HYP_EBUSY;
	default:
		/* -13 .. -35: H_SOURCE_PARM .. H_TRACE_PARM, bad arguments. */
		return raw <= -13 && raw >= -35 ? HYP_EINVAL : HYP_EIO;
	}
}
