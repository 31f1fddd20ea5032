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
	default:                return err > 0 ? "HYP_OK" : "HYP_E?";
	}
}

const char *hyp_kind_name(enum hyp_kind kind)
{
	switch (kind) {
	case HYP_KIND_NONE:         return "none";
	case HYP_KIND_KVM:          return "KVM";
	case HYP_KIND_XEN:          return "Xen";
	case HYP_KIND_TCG:          return "QEMU TCG";
	case HYP_KIND_HYPERV:       return "Hyper-V";
	case HYP_KIND_VMWARE:       return "VMware";
	case HYP_KIND_VIRTUALBOX:   return "VirtualBox";
	case HYP_KIND_BHYVE:        return "bhyve";
	case HYP_KIND_ACRN:         return "ACRN";
	case HYP_KIND_PARALLELS:    return "Parallels";
	case HYP_KIND_QNX:          return "QNX";
	case HYP_KIND_JAILHOUSE:    return "Jailhouse";
	case HYP_KIND_UNKNOWN:      return "unknown";
	}
	return "unknown";
}
