/* SPDX-License-Identifier: MIT */
/* The ePAPR/KVM hypervisor the System Call handler plays (harness.c). */
#ifndef EPAPR_E500_HARNESS_H
#define EPAPR_E500_HARNESS_H

#include <stdbool.h>
#include <stdint.h>

#include <guest/powerpc.h>
#include <harness/epapr.h>
#include <hyp/hyp.h>

#define HV_PAPR_ECHO        0xf3ecul    /* r3 of a PAPR-shaped call: r4..r12 answered + 0x2000 */
#define HV_ECHO_TOKEN       HYP_EPAPR_TOKEN(0, 0x7e)   /* outputs r4..r11 = r3..r10 + 0x1000 */
#define HV_CHAN_CONSOLE     0   /* takes everything */
#define HV_CHAN_BUSY        1   /* EV_EAGAIN every other call, then at most 5 bytes */
#define HV_CHAN_HOSTILE     2   /* receive claims 200 bytes */
#define HV_MAGIC_EA         0xfffff000ul
#define HV_IRQS             16

struct hv_state {
	unsigned int calls;             /* sc 1 calls served */
	unsigned long token;            /* last call: r11 */
	unsigned long args[8];          /* last call: r3..r10 */
	unsigned long call_site;        /* last call: address of the sc 1 */
	unsigned long papr[10];         /* last HV_PAPR_ECHO call: r3..r12 */
	char chan[2][128];              /* bytes sent per channel */
	unsigned int chan_len[2];
	unsigned int busy_toggle;
	unsigned int rx_pos;
	unsigned int idles;
	struct { uint32_t config, priority, destination, mask; } irq[HV_IRQS];
	uint32_t task_priority;
	uint32_t eoi_last, ipi_last, doorbell_last;
	bool magic_mapped;
	unsigned long magic_msr;        /* the MSR stored in the page at mapping time */
};

extern struct hv_state hv;
extern uint8_t hv_magic_backing[4096];
#define HV_RX_TEXT          "from the hypervisor, via receive"
extern const char hv_rx_text[sizeof(HV_RX_TEXT)];

unsigned long hv_answer(struct epapr_call *c);

/* The harness stores each call's token here (pressure.c re-reads it). */
extern unsigned long hv_mem_probe;

/* pressure.c */
unsigned long pressure_across_call(unsigned long seed, bool call);
unsigned long cr_across_call(unsigned long a, unsigned long b);
unsigned long memory_across_call(void);
void ctr_across_call(unsigned long n);

#endif
