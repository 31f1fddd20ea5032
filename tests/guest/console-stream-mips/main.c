/* SPDX-License-Identifier: MIT */
/*
 * No lost bytes, MIPS KVM console hypercall (KVM_HC_MIPS_CONSOLE_OUTPUT):
 * the stream goes through one hyp_kvm_mips_console_write() call. The RI
 * handler of harness/kvm_mips.c plays the KVM host; answer() below passes
 * each console call to harness/console_stream.c, which takes a random short
 * count (now and then nothing), sends the bytes it took to the second UART
 * (COM2, QEMU -serial file:...) for check-stream.py, and checks a CRC-32 of
 * them against the buffer's.
 */
#include <guest/mips.h>
#include <guest/test.h>
#include <guest/uart16550.h>
#include <harness/console_stream.h>
#include <harness/kvm_mips.h>
#include <hyp/hyp.h>

#define KSEG1_ADDR(a)       ((uintptr_t)(intptr_t)(int32_t)(a))
#define COM2_BASE           KSEG1_ADDR(0xb80002f8u)    /* ISA 0x2f8: QEMU's second -serial */

static void com2_put(uint8_t c)
{
	uart16550_put(COM2_BASE, c, 0);
}

static struct console_stream cs = {
	.write = "console_write", .call = "CONSOLE_OUTPUT on vterm 0", .who = "host",
	.idle = "answers of 0", .max_take = 4096, .put = com2_put,
};

static long answer(unsigned long nr, const unsigned long args[4])
{
	bool bad = nr != HYP_KVM_HC_MIPS_CONSOLE_OUTPUT || args[0] != 0;
	unsigned long n = console_stream_take(&cs, (const uint8_t *)args[1], args[2], bad);

	return bad ? -HYP_KVM_EINVAL : (long)n;
}

void test_main(void)
{
	struct hyp_platform plat = { .declared_kind = HYP_KIND_KVM };

	console_stream_start(&cs);
	kvm_mips_harness_install(answer);
	report(hyp_init(&plat) == HYP_OK, "hyp_init: KVM declared");
	console_stream_check(&cs, hyp_kvm_mips_console_write(0, (const char *)console_stream_buf,
							      console_stream_len));
}
