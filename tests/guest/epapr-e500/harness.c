/* SPDX-License-Identifier: MIT */
/*
 * The answer hook of the ePAPR/KVM hypervisor the image plays behind `sc 1`
 * (harness/epapr.c checks the instruction and poisons what the ABI lets a
 * hypervisor change): it records the token (r11) and arguments (r3-r10) and
 * answers. KVM_HC_PPC_MAP_MAGIC_PAGE really maps a page at -4096 (TLB1
 * entry 2) and fills it with shadow state.
 */
#include "harness.h"

#include <guest/test.h>

#define EPAPR(nr)       HYP_EPAPR_TOKEN(HYP_EPAPR_VENDOR_EPAPR, nr)
#define TSIZE_4K        2
#define MAS3_SW         0x04
#define MAS3_SR         0x01

struct hv_state hv;
unsigned long hv_mem_probe;
uint8_t hv_magic_backing[4096] __attribute__((aligned(4096)));
const char hv_rx_text[sizeof(HV_RX_TEXT)] = HV_RX_TEXT;

static void unpack(char *dst, const unsigned long *regs, unsigned int count)
{
	for (unsigned int i = 0; i < count; i++)
		dst[i] = (char)(uint8_t)((uint32_t)regs[i / 4] >> (24 - 8 * (i % 4)));
}

static void pack(unsigned long *regs, const char *src, unsigned int count)
{
	for (unsigned int i = 0; i < 4; i++)
		regs[i] = 0;
	for (unsigned int i = 0; i < count; i++)
		regs[i / 4] |= (unsigned long)(uint8_t)src[i] << (24 - 8 * (i % 4));
}

static unsigned long send(unsigned long handle, unsigned long count, const unsigned long *data,
			  unsigned long *sent)
{
	unsigned int c = (unsigned int)count;

	if (handle > HV_CHAN_BUSY || count > 16)
		return HYP_EV_EINVAL;
	if (handle == HV_CHAN_BUSY) {
		if (hv.busy_toggle++ % 2 == 0)
			return HYP_EV_EAGAIN;
		if (c > 5)
			c = 5;
	}
	if (hv.chan_len[handle] + c > sizeof(hv.chan[0]))
		return HYP_EV_BUFFER_OVERFLOW;
	unpack(hv.chan[handle] + hv.chan_len[handle], data, c);
	hv.chan_len[handle] += c;
	*sent = c;
	return HYP_EV_SUCCESS;
}

static void map_magic(struct guest_frame *f, unsigned long ea)
{
	volatile struct hyp_kvm_ppc_magic_page *mp = (void *)hv_magic_backing;
	unsigned long v;

	guest_e500_tlb1_write(2, (uint32_t)ea, (uint64_t)(uintptr_t)hv_magic_backing,
			      TSIZE_4K, 0, MAS3_SR | MAS3_SW);
	/* The guest's supervisor state as the hypervisor shadows it. */
	mp->msr = f->srr1;
	__asm__ __volatile__("mfspr %0, 272" : "=r"(v));
	mp->sprg0 = v;
	__asm__ __volatile__("mfspr %0, 273" : "=r"(v));
	mp->sprg1 = v;
	__asm__ __volatile__("mfspr %0, 274" : "=r"(v));
	mp->sprg2 = v;
	__asm__ __volatile__("mfspr %0, 275" : "=r"(v));
	mp->sprg3 = v;
	__asm__ __volatile__("mfspr %0, 61" : "=r"(v));     /* DEAR */
	mp->dar = v;
	__asm__ __volatile__("mfspr %0, 62" : "=r"(v));     /* ESR */
	mp->dsisr = (uint32_t)v;
	mp->srr0 = 0;
	mp->srr1 = 0;
	hv.magic_msr = f->srr1;
	hv.magic_mapped = true;
}

unsigned long hv_answer(struct epapr_call *c)
{
	struct guest_frame *f = c->frame;
	unsigned long *r = f->gpr, *in = c->in, *out = c->out, status = HYP_EV_SUCCESS;
	unsigned long irq;

	hv.calls++;
	if (r[3] == HV_PAPR_ECHO) {
		/* PAPR's shape (LoPAPR): opcode r3, arguments r4..r12, outputs r4..r12. */
		for (unsigned int i = 0; i < 10; i++)
			hv.papr[i] = r[3 + i];
		for (unsigned int i = 4; i <= 12; i++)
			r[i] += 0x2000;
		r[3] = 0;
		c->own_shape = true;
		return 0;
	}
	hv.token = c->token;
	hv_mem_probe = c->token;
	hv.call_site = f->srr0 - 4;
	for (unsigned int i = 0; i < 8; i++)
		hv.args[i] = in[i];
	irq = in[0];

	switch (hv.token) {
	case HV_ECHO_TOKEN:
		for (unsigned int i = 0; i < 8; i++)
			out[i] = in[i] + 0x1000;
		break;
	case EPAPR(HYP_EPAPR_BYTE_CHANNEL_SEND):
		status = send(in[0], in[1], &in[2], &out[0]);
		break;
	case EPAPR(HYP_EPAPR_BYTE_CHANNEL_RECEIVE):
		if (in[0] == HV_CHAN_HOSTILE) {
			out[0] = 200;
		} else if (in[0] == HV_CHAN_CONSOLE && in[1] <= 16) {
			unsigned int left = (unsigned int)(sizeof(hv_rx_text) - 1 - hv.rx_pos);
			unsigned int n = left < in[1] ? left : (unsigned int)in[1];

			out[0] = n;
			pack(&out[1], hv_rx_text + hv.rx_pos, n);
			hv.rx_pos += n;
		} else {
			status = HYP_EV_EINVAL;
		}
		break;
	case EPAPR(HYP_EPAPR_BYTE_CHANNEL_POLL):
		out[0] = sizeof(hv_rx_text) - 1 - hv.rx_pos;
		out[1] = 16;
		break;
	case EPAPR(HYP_EPAPR_INT_SET_CONFIG):
		if (irq >= HV_IRQS) {
			status = HYP_EV_EINVAL;
			break;
		}
		hv.irq[irq].config = (uint32_t)in[1];
		hv.irq[irq].priority = (uint32_t)in[2];
		hv.irq[irq].destination = (uint32_t)in[3];
		break;
	case EPAPR(HYP_EPAPR_INT_GET_CONFIG):
		if (irq >= HV_IRQS) {
			status = HYP_EV_EINVAL;
			break;
		}
		out[0] = hv.irq[irq].config;
		out[1] = hv.irq[irq].priority;
		out[2] = hv.irq[irq].destination;
		break;
	case EPAPR(HYP_EPAPR_INT_SET_MASK):
		if (irq >= HV_IRQS)
			status = HYP_EV_EINVAL;
		else
			hv.irq[irq].mask = (uint32_t)in[1];
		break;
	case EPAPR(HYP_EPAPR_INT_GET_MASK):
		if (irq >= HV_IRQS)
			status = HYP_EV_EINVAL;
		else
			out[0] = hv.irq[irq].mask;
		break;
	case EPAPR(HYP_EPAPR_INT_IACK):
		out[0] = 0x42;
		break;
	case EPAPR(HYP_EPAPR_INT_EOI):
		hv.eoi_last = (uint32_t)in[0];
		break;
	case EPAPR(HYP_EPAPR_INT_SEND_IPI):
		hv.ipi_last = (uint32_t)in[0];
		break;
	case EPAPR(HYP_EPAPR_INT_SET_TASK_PRIORITY):
		hv.task_priority = (uint32_t)in[0];
		break;
	case EPAPR(HYP_EPAPR_INT_GET_TASK_PRIORITY):
		out[0] = hv.task_priority;
		break;
	case EPAPR(HYP_EPAPR_DOORBELL_SEND):
		hv.doorbell_last = (uint32_t)in[0];
		break;
	case EPAPR(HYP_EPAPR_IDLE):
		hv.idles++;
		break;
	case HYP_EPAPR_KVM_TOKEN(HYP_KVM_HC_FEATURES):
		out[0] = 1ul << HYP_KVM_PPC_FEATURE_MAGIC_PAGE;
		break;
	case HYP_EPAPR_KVM_TOKEN(HYP_KVM_HC_PPC_MAP_MAGIC_PAGE):
		/* r3 guest-physical, r4 effective address | flags (KVM's order). */
		if ((in[1] & ~0xffful) != HV_MAGIC_EA) {
			status = HYP_EV_EINVAL;
			break;
		}
		map_magic(f, in[1] & ~0xffful);
		out[0] = HYP_KVM_PPC_MAGIC_FEAT_SR | HYP_KVM_PPC_MAGIC_FEAT_MAS0_TO_SPRG7;
		break;
	default:
		status = HYP_EV_UNIMPLEMENTED;
		break;
	}

	return status;
}
