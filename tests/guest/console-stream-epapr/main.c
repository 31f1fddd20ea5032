/* SPDX-License-Identifier: MIT */
/*
 * No lost bytes, ePAPR byte channel (EV_BYTE_CHANNEL_SEND behind the
 * /hypervisor node's `sc 1`, ppce500): the stream goes through one
 * hyp_epapr_byte_channel_write() call. harness/epapr.c plays the
 * hypervisor; answer() below passes each send of up to 16 bytes to
 * harness/console_stream.c, which takes a random count (now and then
 * nothing: EV_EAGAIN), sends what it took to the second UART (CCSR +
 * 0x4600, QEMU's second -serial, a file) for check-stream.py, and checks a
 * CRC-32 of it against the buffer's.
 */
#include <guest/powerpc.h>
#include <guest/test.h>
#include <guest/uart16550.h>
#include <harness/console_stream.h>
#include <harness/epapr.h>
#include <hyp/hyp.h>

#define CCSR_EA         0xe0000000u     /* mapped by the runtime */
#define UART1_BASE      (CCSR_EA + 0x4600)
#define RETRIES         16u
#define HANDLE          7
#define STR(x)          #x
#define XSTR(x)         STR(x)

static void uart1_put(uint8_t c)
{
	uart16550_put(UART1_BASE, c, 0);
}

static struct console_stream cs = {
	.write = "byte_channel_write", .call = "BYTE_CHANNEL_SEND on handle " XSTR(HANDLE),
	.who = "channel", .idle = "EV_EAGAIN", .max_take = 16, .put = uart1_put,
};

static unsigned long answer(struct epapr_call *c)
{
	unsigned long count = c->in[1];
	bool bad = c->token != HYP_EPAPR_TOKEN(HYP_EPAPR_VENDOR_EPAPR, HYP_EPAPR_BYTE_CHANNEL_SEND) ||
		   c->in[0] != HANDLE || count > 16;
	uint8_t bytes[16] = { 0 };
	unsigned long n;

	for (unsigned int i = 0; !bad && i < count; i++)   /* r5-r8: the bytes, big-endian words */
		bytes[i] = (uint8_t)((uint32_t)c->in[2 + i / 4] >> (24 - 8 * (i % 4)));
	n = console_stream_take(&cs, bytes, count, bad);
	if (bad)
		return HYP_EV_EINVAL;
	if (count && !n)
		return HYP_EV_EAGAIN;
	c->out[0] = n;
	return HYP_EV_SUCCESS;
}

void test_main(void)
{
	struct hyp_platform plat = { .fdt = guest_ppc_fdt, .fdt_size = guest_ppc_fdt_size };

	console_stream_start(&cs);
	epapr_harness_install(answer);
	report(hyp_init(&plat) == HYP_OK && hyp_epapr_patched(), "hyp_init: /hypervisor, area patched");
	console_stream_check(&cs, hyp_epapr_byte_channel_write(HANDLE, (const char *)console_stream_buf,
								console_stream_len, RETRIES));
}
