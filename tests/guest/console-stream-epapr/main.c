/* SPDX-License-Identifier: MIT */
/*
 * No lost bytes, ePAPR byte channel (EV_BYTE_CHANNEL_SEND behind the
 * /hypervisor node's `sc 1`, ppce500): STREAM_BYTES of <guest/stream.h>'s
 * stream from STREAM_SEED go through one hyp_epapr_byte_channel_write()
 * call. The image's System Call handler plays the hypervisor: on each call
 * it takes a random count of the (up to 16) bytes offered, now and then
 * answers EV_EAGAIN, sends what it took to the second UART (CCSR + 0x4600,
 * QEMU's second -serial, a file), and check-stream.py compares that file
 * with the stream byte for byte. A CRC-32 is compared in the guest too.
 */
#include <guest/powerpc.h>
#include <guest/stream.h>
#include <guest/test.h>
#include <hyp/hyp.h>

#define SC1             0x44000022u
#define CCSR_EA         0xe0000000u     /* mapped by the runtime */
#define UART1_THR       (CCSR_EA + 0x4600)
#define UART1_LSR       (CCSR_EA + 0x4605)
#define UART_LSR_THRE   0x20
#define HARNESS_SEED    0x5eed1234u
#define MAX_BUSY_RUN    3u
#define RETRIES         16u
#define HANDLE          7u

static uint8_t buf[STREAM_BYTES];

static struct {
	uint32_t rng;
	unsigned int calls, short_answers, busy_answers, busy_run, full_answers;
	unsigned long bytes;
	uint32_t crc;
	bool bad_call;
} hv;

static void uart1_put(uint8_t c)
{
	while (!(*(volatile uint8_t *)UART1_LSR & UART_LSR_THRE))
		;
	*(volatile uint8_t *)UART1_THR = c;
}

/* How many of `count` bytes the channel takes; 0 means EV_EAGAIN. */
static unsigned int harness_take(unsigned int count)
{
	uint32_t r = stream_step(&hv.rng);

	if (r % 8 == 0 && hv.busy_run < MAX_BUSY_RUN) {
		hv.busy_run++;
		hv.busy_answers++;
		return 0;
	}
	hv.busy_run = 0;
	if (r % 8 == 1 || count <= 1) {
		hv.full_answers++;
		return count;
	}
	hv.short_answers++;
	return 1 + (r >> 8) % (count - 1);
}

static bool harness_sc(struct guest_frame *f)
{
	unsigned int count = (unsigned int)f->gpr[4], n;
	uint8_t bytes[16];

	if (*(const volatile uint32_t *)(f->srr0 - 4) != SC1)
		return false;               /* not the area's sc 1: the runtime aborts */
	hv.calls++;
	if (f->gpr[11] != HYP_EPAPR_TOKEN(HYP_EPAPR_VENDOR_EPAPR, HYP_EPAPR_BYTE_CHANNEL_SEND) ||
	    f->gpr[3] != HANDLE || count > 16) {
		hv.bad_call = true;
		f->gpr[3] = HYP_EV_EINVAL;
		return true;
	}
	n = count ? harness_take(count) : 0;
	if (count && !n) {
		f->gpr[3] = HYP_EV_EAGAIN;
		return true;
	}
	for (unsigned int i = 0; i < n; i++) {   /* r5-r8: the bytes, big-endian words */
		bytes[i] = (uint8_t)((uint32_t)f->gpr[5 + i / 4] >> (24 - 8 * (i % 4)));
		uart1_put(bytes[i]);
	}
	hv.crc = stream_crc32(hv.crc, bytes, n);
	hv.bytes += n;
	f->gpr[3] = HYP_EV_SUCCESS;
	f->gpr[4] = n;
	return true;
}

void test_main(void)
{
	struct hyp_platform plat = { .fdt = guest_ppc_fdt, .fdt_size = guest_ppc_fdt_size };
	uint32_t crc;
	int ret;

	stream_fill(buf, sizeof(buf), STREAM_SEED);
	crc = stream_crc32(0, buf, sizeof(buf));
	hv.rng = HARNESS_SEED;
	guest_set_trap_handler(GUEST_PPC_IVOR_SYSCALL, harness_sc);
	report(hyp_init(&plat) == HYP_OK && hyp_epapr_patched(), "hyp_init: /hypervisor, area patched");

	ret = hyp_epapr_byte_channel_write(HANDLE, (const char *)buf, sizeof(buf), RETRIES);
	report(ret == (int)sizeof(buf), "byte_channel_write returned %d of %u bytes", ret,
	       (unsigned int)sizeof(buf));
	report(!hv.bad_call, "every call was BYTE_CHANNEL_SEND on handle %u", HANDLE);
	report(hv.bytes == sizeof(buf), "the channel took %lu bytes in %u calls", hv.bytes, hv.calls);
	report(hv.short_answers > 0 && hv.busy_answers > 0,
	       "retries proven: %u short answers, %u EV_EAGAIN, %u full", hv.short_answers,
	       hv.busy_answers, hv.full_answers);
	report(hv.crc == crc, "CRC-32 of what the channel sent %08x = the buffer's %08x", hv.crc, crc);
}
