/* SPDX-License-Identifier: MIT */
/*
 * OSI: the Mac-on-Linux hypercall family (PowerPC book3s), served by
 * KVM-PR to its user space (KVM_EXIT_OSI) and by MOL. ABI: <hyp/osi_abi.h>;
 * stubs hyp_osi_scN / hyp_osi_callN: <hyp/powerpc/osi_call.h>.
 *
 * Detection is the kernel's word only: nothing in the machine says an OSI
 * host is there, and without one `sc` enters the kernel's own System Call
 * vector. hyp_platform.ppc_osi = true opens the family (HYP_FAMILY_OSI);
 * otherwise every call returns HYP_ENOHYP (HYP_ENOTINIT before hyp_init())
 * with no instruction executed. BookE KVM does not serve OSI.
 */
#ifndef HYP_OSI_H
#define HYP_OSI_H

#include <hyp/gate.h>
#include <hyp/osi_abi.h>

/* The OSI gate (lib/powerpc/osi_detect.c), read by hyp_osi_callN. */
extern unsigned char hyp_osi_gate;

#if defined(__powerpc__) || defined(__powerpc64__)
#include <hyp/powerpc/osi_call.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__powerpc__) || defined(__powerpc64__)
/*
 * OSI_CALL_AVAILABLE: whether the host serves `selector`: 1 yes, 0 no;
 * HYP_ENOHYP / HYP_ENOTINIT through the closed gate.
 */
int hyp_osi_call_available(unsigned long selector);
#endif

#ifdef __cplusplus
}
#endif

#endif /* HYP_OSI_H */
