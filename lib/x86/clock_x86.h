/* SPDX-License-Identifier: MIT */
/* Between the x86 clock sources (clock_*.c). */
#ifndef HYP_LIB_X86_CLOCK_X86_H
#define HYP_LIB_X86_CLOCK_X86_H

#include "../clock_internal.h"
#include "x86_msr.h"    /* hyp_x86_rdmsr/wrmsr: only for MSRs a detected hypervisor serves */

#include <hyp/x86/pvclock.h>

#endif /* HYP_LIB_X86_CLOCK_X86_H */
