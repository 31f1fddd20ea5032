/* SPDX-License-Identifier: MIT */
/*
 * libhyp error model.
 *
 * Every typed call returns >= 0 on success or one of these negative codes.
 * Values are Linux errno numbers (KVM and Xen use the same numbers for the
 * codes they share), so a kernel can pass them on unchanged. Codes a
 * hypervisor reports that the library does not know map to HYP_EIO; the raw
 * value stays available from the raw hypercall layer.
 */
#ifndef HYP_ERROR_H
#define HYP_ERROR_H

#define HYP_OK           0
#define HYP_EPERM       (-1)    /* hypervisor refused: not privileged */
#define HYP_ENOENT      (-2)    /* no such object (port, param, channel) */
#define HYP_EINTR       (-4)
#define HYP_EIO         (-5)    /* hypervisor failed with a code unknown here */
#define HYP_E2BIG       (-7)
#define HYP_EAGAIN      (-11)   /* try again: busy or partial progress */
#define HYP_ENOMEM      (-12)
#define HYP_EFAULT      (-14)   /* a guest address the hypervisor could not use */
#define HYP_EBUSY       (-16)
#define HYP_EEXIST      (-17)
#define HYP_ENODEV      (-19)   /* the hypervisor says: no such device */
#define HYP_EINVAL      (-22)
#define HYP_ENOSPC      (-28)
#define HYP_ERANGE      (-34)
#define HYP_ENOSYS      (-38)   /* hypercall not implemented by this hypervisor */
#define HYP_EOPNOTSUPP  (-95)   /* implemented, but not for these arguments/host */
#define HYP_ETIMEDOUT   (-110)
#define HYP_EALREADY    (-114)  /* already in the state asked for (SBI ALREADY_STARTED/_STOPPED) */

/* Library codes, outside the errno range. */
#define HYP_ENOTINIT    (-4001) /* hyp_init() has not run: nothing executed */
#define HYP_EBADDT      (-4002) /* malformed or truncated device tree blob */
#define HYP_ENOHYP      (-4003) /* this hypervisor family was not detected: nothing executed */


/* Short static name of a code ("HYP_EINVAL"), "HYP_E?" for an unknown one. */
const char *hyp_strerror(int err);

#endif /* HYP_ERROR_H */
