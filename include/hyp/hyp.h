/* SPDX-License-Identifier: MIT */
/*
 * libhyp: every family, for a kernel that wants one include. Each header
 * below is self-contained and may be included alone.
 *
 *   <hyp/core.h>     hyp_init(), hyp_detect(), hyp_get_info(), the kernel's word
 *   <hyp/kvm.h>      KVM (x86, s390x, MIPS, PowerPC)
 *   <hyp/xen.h>      Xen (x86, aarch64)
 *   <hyp/hyperv.h>   Hyper-V (x86)        <hyp/vmware.h>  VMware backdoor (x86)
 *   <hyp/epapr.h>    ePAPR (PowerPC)      <hyp/papr.h>    PAPR (pseries)
 *   <hyp/osi.h>      Mac-on-Linux OSI (PowerPC book3s)
 *   <hyp/smccc.h>    SMCCC, PSCI, TRNG, KVM vendor services (aarch64)
 *   <hyp/sbi.h>      SBI (riscv64)
 *   <hyp/clock.h>    time from the hypervisor, whichever answers
 *   <hyp/services.h> console, power, entropy, idle, CPUs, steal time: whichever path answers
 *   <hyp/version.h>  HYP_VERSION_MAJOR/MINOR/PATCH, HYP_VERSION_STRING
 */
#ifndef HYP_HYP_H
#define HYP_HYP_H

#include <hyp/version.h>
#include <hyp/core.h>
#include <hyp/kvm.h>
#include <hyp/xen.h>
#include <hyp/xen_start.h>
#include <hyp/xen_console.h>
#include <hyp/xenstore.h>
#include <hyp/xen_grant.h>
#include <hyp/xen_evtchn.h>
#include <hyp/clock.h>
#include <hyp/services.h>
#include <hyp/epapr.h>
#include <hyp/papr.h>
#if defined(__x86_64__) || defined(__i386__)
#include <hyp/hyperv.h>
#include <hyp/vmware.h>
#endif
#if defined(__powerpc__) || defined(__powerpc64__)
#include <hyp/osi.h>
#endif
#if defined(__riscv)
#include <hyp/sbi.h>
#endif
#if defined(__aarch64__)
#include <hyp/smccc.h>
#endif

#endif /* HYP_HYP_H */
