/* SPDX-License-Identifier: MIT */
/*
 * libhyp error model.
 *
 * Every typed call returns >= 0 on success or one of these negative codes.
 *
 * Where a code comes from:
 *   - A hypervisor's answer, mapped: the errno-valued codes HYP_EPERM ..
 *     HYP_EALREADY, Linux's numbers (-1 .. -114), so a kernel can pass them
 *     on. Each family's mapping (hyp_kvm_error, hyp_xen_error,
 *     hyp_epapr_error, hyp_papr_error, hyp_sbi_error) only ever produces these; an answer it
 *     does not know becomes HYP_EIO (the raw value stays available from the
 *     raw hypercall layer). HYP_ENODEV is only ever the hypervisor's "no such
 *     device".
 *   - The library's own checks, before any hypercall: HYP_EINVAL (a bad
 *     argument: NULL, misaligned, out of range), HYP_ERANGE (an answer that
 *     does not fit the return type), HYP_EOPNOTSUPP (not on this kind of
 *     guest), HYP_EIO (the hypervisor wrote something invalid). The typed
 *     call's comment in hyp.h says which.
 *   - Library-only codes, HYP_ELIB_MIN .. HYP_ELIB_MAX (-4999 .. -4001): no
 *     hypervisor answer maps to them, and every family's raw codes lie
 *     outside (KVM down to -1000, Xen's errno.h down to -133, ePAPR positive,
 *     PAPR -1 .. -511 and -9000s in LoPAPR, SBI -1 .. -13). tests/host/test_errors.c sweeps each
 *     mapping and checks the public headers' codes against the range. A
 *     raw stub through a closed gate returns HYP_ENOTINIT or HYP_ENOHYP
 *     itself, without executing anything; a typed call returns those as
 *     they are only while the gate is closed. A hypervisor's answer in the
 *     library range (-4001 from a hostile one) is no library code: every
 *     mapping makes it HYP_EIO.
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

/* Library codes, outside the errno range; the next new one is -4006, then -4007, ... */
#define HYP_ELIB_MAX    (-4001)
#define HYP_ELIB_MIN    (-4999)
#define HYP_IS_LIBRARY_ERROR(err) ((err) <= HYP_ELIB_MAX && (err) >= HYP_ELIB_MIN)
#define HYP_ENOTINIT    (-4001) /* hyp_init() has not run: nothing executed */
#define HYP_EBADDT      (-4002) /* malformed or truncated device tree blob */
#define HYP_ENOHYP      (-4003) /* this hypervisor family was not detected: nothing executed */
#define HYP_ENOSERVICE  (-4004) /* no path offers this service here (hyp/services.h): nothing executed */
/*
 * hyp_init()/hyp_detect(), aarch64: no device tree and no conduit declared
 * (hyp_platform.arm_conduit), so whether a hypervisor is there cannot be
 * asked (hvc/smc may be UNDEFINED): nothing executed, every family closed.
 * Declare HYP_ARM_CONDUIT_HVC, _SMC or _NONE, or pass the tree.
 */
#define HYP_ENOCONDUIT  (-4005)

#ifdef __cplusplus
extern "C" {
#endif

/* Short static name of a code ("HYP_EINVAL"), "HYP_E?" for an unknown one. */
const char *hyp_strerror(int err);

#ifdef __cplusplus
}
#endif

#endif /* HYP_ERROR_H */
