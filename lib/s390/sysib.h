/* SPDX-License-Identifier: MIT */
/* s390x: reading STSI's system-information blocks (pure C, host-testable). */
#ifndef HYP_LIB_S390_SYSIB_H
#define HYP_LIB_S390_SYSIB_H

#include <stdint.h>

#include <hyp/hyp.h>

#define HYP_S390_SYSIB_SIZE     4096u

/*
 * Fill `info` from SYSIB 3.2.2 (`sysib322`, the control programs of a level-3
 * configuration) and SYSIB 1.1.1 (`sysib111`, the machine; NULL if STSI
 * 1.1.1 failed). See s390_detect.c for what each host reports.
 */
void hyp_s390_read_sysib(const uint8_t *sysib322, const uint8_t *sysib111,
			 struct hyp_info *info);

#endif /* HYP_LIB_S390_SYSIB_H */
