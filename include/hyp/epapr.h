/* SPDX-License-Identifier: MIT */
/*
 * ePAPR hypercalls (PowerPC, KVM and other ePAPR hypervisors): the patched
 * hypercall area, byte channels, idle, the virtual interrupt controller, and
 * the raw stubs hyp_epapr_hypercallN (<hyp/powerpc/epapr_hypercall.h>).
 */
#ifndef HYP_EPAPR_H
#define HYP_EPAPR_H

#include <hyp/core.h>
#include <hyp/epapr_abi.h>
#if defined(__powerpc__) || defined(__powerpc64__)
#include <hyp/powerpc/epapr_hypercall.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Map an ePAPR status (r3: 0 or HYP_EV_*) into the error model. */
int hyp_epapr_error(long raw);

#if defined(__powerpc__) || defined(__powerpc64__)
/*
 * The ePAPR hypercall area holds the instructions it was patched with
 * (true) or the fallback (false).
 */
bool hyp_epapr_patched(void);

/*
 * Patch the area with `count` instruction words (1..4; the rest becomes nop)
 * and make it visible to instruction fetch (dcbst, sync, icbi, isync per
 * word). Any other count: HYP_EINVAL, the area unchanged. hyp_init() does
 * this from /hypervisor; the area's text must be writable then.
 * hyp_epapr_restore_fallback() puts the fallback back.
 */
int hyp_epapr_patch_area(const uint32_t *words, size_t count);
void hyp_epapr_restore_fallback(void);

/* EV_BYTE_CHANNEL_SEND: up to 16 bytes; returns the bytes the channel took. */
int hyp_epapr_byte_channel_send(uint32_t handle, const char *buf, unsigned int count);
/* Sends all `count` bytes, retrying while the channel is busy (EV_EAGAIN)
 * up to `retries` times in a row; returns count or the first error. */
int hyp_epapr_byte_channel_write(uint32_t handle, const char *buf, size_t count,
				 unsigned int retries);
/* EV_BYTE_CHANNEL_RECEIVE: up to `max` (<= 16) bytes into buf; returns the count. */
int hyp_epapr_byte_channel_receive(uint32_t handle, char *buf, unsigned int max);
/* EV_BYTE_CHANNEL_POLL: bytes waiting to be read, space to write. 0. */
int hyp_epapr_byte_channel_poll(uint32_t handle, uint32_t *rx_count, uint32_t *tx_space);
/* EV_IDLE: wait for an interrupt in the hypervisor. 0. HYP_ENOSYS without has-idle. */
int hyp_epapr_idle(void);
/* Interrupt controller (ePAPR 1.1 section 6.5: the virtual MPIC). 0 or a value. */
int hyp_epapr_int_set_config(uint32_t irq, uint32_t config, uint32_t priority, uint32_t destination);
int hyp_epapr_int_get_config(uint32_t irq, uint32_t *config, uint32_t *priority, uint32_t *destination);
int hyp_epapr_int_set_mask(uint32_t irq, uint32_t mask);
int hyp_epapr_int_get_mask(uint32_t irq, uint32_t *mask);
int hyp_epapr_int_iack(uint32_t handle, uint32_t *vector);
int hyp_epapr_int_eoi(uint32_t irq);
int hyp_epapr_int_send_ipi(uint32_t ipi);
int hyp_epapr_int_set_task_priority(uint32_t priority);
int hyp_epapr_int_get_task_priority(uint32_t *priority);
int hyp_epapr_doorbell_send(uint32_t handle);
#endif

#ifdef __cplusplus
}
#endif

#endif /* HYP_EPAPR_H */
