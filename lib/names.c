/* SPDX-License-Identifier: MIT */
/* Names of error codes and hypervisor kinds. */
#include <hyp/hyp.h>

const char *hyp_strerror(int err)
{
	switch (err) {
	case HYP_OK:            return "HYP_OK";
	case HYP_EPERM:         return "HYP_EPERM";
	case HYP_ENOENT:        return "HYP_ENOENT";
	case HYP_EINTR:         return "HYP_EINTR";
	case HYP_EIO:           return "HYP_EIO";
	case HYP_E2BIG:         return "HYP_E2BIG";
	case HYP_EAGAIN:        return "HYP_EAGAIN";
	case HYP_ENOMEM:        return "HYP_ENOMEM";
	case HYP_EFAULT:        return "HYP_EFAULT";
	case HYP_EBUSY:         return "HYP_EBUSY";
	case HYP_EEXIST:        return "HYP_EEXIST";
	case HYP_ENODEV:        return "HYP_ENODEV";
	case HYP_EINVAL:        return "HYP_EINVAL";
	case HYP_ENOSPC:        return "HYP_ENOSPC";
	case HYP_ERANGE:        return "HYP_ERANGE";
	case HYP_ENOSYS:        return "HYP_ENOSYS";
	case HYP_EOPNOTSUPP:    return "HYP_EOPNOTSUPP";
	case HYP_ETIMEDOUT:     return "HYP_ETIMEDOUT";
	case HYP_EALREADY:      return "HYP_EALREADY";
	case HYP_ENOTINIT:      return "HYP_ENOTINIT";
	case HYP_EBADDT:        return "HYP_EBADDT";
	case HYP_ENOHYP:        return "HYP_ENOHYP";
	case HYP_ENOSERVICE:    return "HYP_ENOSERVICE";
	case HYP_ENOCONDUIT:    return "HYP_ENOCONDUIT";
	default:                return err > 0 ? "HYP_OK" : "HYP_E?";
	}
}

/* Names in a char array, not a table of pointers (lib/internal.h). */
static const char kind_names[][11] = {
	[HYP_KIND_NONE]         = "none",
	[HYP_KIND_KVM]          = "KVM",
	[HYP_KIND_XEN]          = "Xen",
	[HYP_KIND_TCG]          = "QEMU TCG",
	[HYP_KIND_HYPERV]       = "Hyper-V",
	[HYP_KIND_VMWARE]       = "VMware",
	[HYP_KIND_VIRTUALBOX]   = "VirtualBox",
	[HYP_KIND_BHYVE]        = "bhyve",
	[HYP_KIND_ACRN]         = "ACRN",
	[HYP_KIND_PARALLELS]    = "Parallels",
	[HYP_KIND_QNX]          = "QNX",
	[HYP_KIND_JAILHOUSE]    = "Jailhouse",
	[HYP_KIND_UNKNOWN]      = "unknown",
};

const char *hyp_kind_name(enum hyp_kind kind)
{
	if ((unsigned int)kind >= sizeof(kind_names) / sizeof(kind_names[0]))
		return "unknown";
	return kind_names[kind];
}
