/* SPDX-License-Identifier: MIT */
/*
 * PAPR hypercalls (pseries: pHyp, KVM-HV, QEMU's sPAPR): typed calls
 * (64-bit PowerPC) and the raw stubs hyp_papr_hypercallN
 * (<hyp/powerpc/papr_hypercall.h>).
 */
#ifndef HYP_PAPR_H
#define HYP_PAPR_H

#include <hyp/core.h>
#include <hyp/papr_abi.h>
#if defined(__powerpc__) || defined(__powerpc64__)
#include <hyp/powerpc/papr_hypercall.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Map a PAPR status (r3: H_*) into the error model (> 0 busy codes: HYP_EAGAIN). */
int hyp_papr_error(long raw);

#if defined(__powerpc64__)  /* lib/powerpc/papr.c: PAPR typed calls are 64-bit only */
/* H_PUT_TERM_CHAR: up to 16 bytes to virtual terminal `vterm`; 0 when taken whole. */
int hyp_papr_put_term_char(unsigned long vterm, const char *buf, unsigned int count);
/* Writes all `count` bytes (16 at a time), retrying H_BUSY up to `retries`
 * times in a row: never drops bytes silently. Returns count or an error. */
int hyp_papr_term_write(unsigned long vterm, const char *buf, size_t count, unsigned int retries);
/* H_GET_TERM_CHAR: up to 16 bytes into buf (16 bytes room); returns the count. */
int hyp_papr_get_term_char(unsigned long vterm, char buf[HYP_PAPR_TERM_CHAR_MAX]);
/* H_RANDOM: 64 random bits. HYP_ENOSYS without a random source. */
int hyp_papr_random(uint64_t *value);
/* H_LOGICAL_CI_LOAD / STORE: cache-inhibited access of 1, 2, 4 or 8 bytes. */
int hyp_papr_logical_ci_load(unsigned int size, unsigned long addr, unsigned long *value);
int hyp_papr_logical_ci_store(unsigned int size, unsigned long addr, unsigned long value);
/* H_SET_MODE. 0. */
int hyp_papr_set_mode(unsigned long mflags, unsigned long resource,
		      unsigned long value1, unsigned long value2);
/* H_CEDE: give up the vCPU until an interrupt. 0. */
int hyp_papr_cede(void);
#endif /* __powerpc64__ */

#ifdef __cplusplus
}
#endif

#endif /* HYP_PAPR_H */
