/* SPDX-License-Identifier: MIT */
/* Between the PowerPC files of lib/powerpc/. */
#ifndef HYP_LIB_POWERPC_H
#define HYP_LIB_POWERPC_H

#include "../internal.h"

/* Patch the ePAPR area from `info` (if it has valid words) and open the gate. */
void hyp_powerpc_epapr_open(const struct hyp_info *info);

/* OSI (lib/powerpc/osi_detect.c): the kernel's word into `info`; its gate. */
void hyp_osi_probe(const struct hyp_platform *plat, struct hyp_info *info);
void hyp_osi_open(const struct hyp_info *info);

#endif /* HYP_LIB_POWERPC_H */
