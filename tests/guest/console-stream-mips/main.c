/* SPDX-License-Identifier: MIT */
/*
 * No lost bytes, MIPS KVM console hypercall (KVM_HC_MIPS_CONSOLE_OUTPUT):
 * STREAM_BYTES of <guest/stream.h>'s stream from STREAM_SEED go through one
 * hyp_kvm_mips_console_write() call. The harness (the RI handler, playing
 * the KVM host as in tests/guest/kvm-mips) takes a random short count on
 * every call (and now and then nothing), sends the bytes it took to the
 * second UART (COM2, QEMU -serial file:...), and the host side
 * (check-stream.py) compares that file with the stream byte for byte. The
 * guest also compares a CRC-32 of what the harness sent with the buffer's.
 */
#include <guest/mips.h>
#include <guest/stream.h>
#include <guest/test.h>
#include <hyp/hyp.h>

#define KSEG1_ADDR(a)       ((uintptr_t)(intptr_t)(int32_t)(a))
#define COM2_BASE           KSEG1_ADDR(0xb80002f8u)    /* ISA 0x2f8: QEMU's second -serial */
#define UART_THR            0
#define UART_LSR            5
#define UART_LSR_THRE       0x20
#define POISON              ((unsigned long)0xdeadbeefdeadbeefull)
#define MAX_TAKE            4096u       /* a short answer takes 1..MAX_TAKE bytes */
#define MAX_ZERO_RUN        3u          /* well below HYP_KVM_MIPS_CONSOLE_STALLS */
#define HARNESS_SEED        0x5eed1234u

static uint8_t buf[STREAM_BYTES];

static struct {
	uint32_t rng;
	unsigned int calls, short_answers, zero_answers, zero_run, full_answers;
	unsigned long bytes;
	uint32_t crc;
	bool bad_call;
} hv;

static void com2_put(uint8_t c)
{
	while (!(*(volatile uint8_t *)(COM2_BASE + UART_LSR) & UART_LSR_THRE))
		;
	*(volatile uint8_t *)(COM2_BASE + UART_THR) = c;
}

/* How many of `len` bytes the host takes this time. */
static unsigned long harness_take(unsigned long len)
{
	uint32_t r = stream_step(&hv.rng);
	unsigned long cap = len < MAX_TAKE ? len : MAX_TAKE;

	if (r % 8 == 0 && hv.zero_run < MAX_ZERO_RUN) {
		hv.zero_run++;
		hv.zero_answers++;
		return 0;
	}
	hv.zero_run = 0;
	if (r % 8 == 1 || len <= 1) {
		hv.full_answers++;
		return cap;
	}
	hv.short_answers++;
	return 1 + (r >> 8) % (cap < len ? cap : len - 1);
}

static bool harness_hypcall(struct guest_frame *f)
{
	const uint8_t *p = (const uint8_t *)f->regs[MIPS_REG_A1];
	unsigned long len = f->regs[MIPS_REG_A2], n;

	if ((f->cause & MIPS_CAUSE_BD) || *(const volatile uint32_t *)f->epc != HYP_MIPS_HYPCALL_WORD)
		return false;               /* not a hypercall: the runtime aborts */
	hv.calls++;
	if (f->regs[MIPS_REG_V0] != HYP_KVM_HC_MIPS_CONSOLE_OUTPUT || f->regs[MIPS_REG_A0] != 0) {
		hv.bad_call = true;
		f->regs[MIPS_REG_V0] = (unsigned long)-HYP_KVM_EINVAL;
	} else {
		n = len ? harness_take(len) : 0;
		for (unsigned long i = 0; i < n; i++)
			com2_put(p[i]);
		hv.crc = stream_crc32(hv.crc, p, n);
		hv.bytes += n;
		f->regs[MIPS_REG_V0] = n;
	}
	f->regs[MIPS_REG_K0] = POISON;
	f->regs[MIPS_REG_K1] = POISON;
	f->epc += 4;
	return true;
}

void test_main(void)
{
	struct hyp_platform plat = { .declared_kind = HYP_KIND_KVM };
	uint32_t crc;
	int ret;

	stream_fill(buf, sizeof(buf), STREAM_SEED);
	crc = stream_crc32(0, buf, sizeof(buf));
	hv.rng = HARNESS_SEED;
	guest_set_trap_handler(MIPS_EXC_RI, harness_hypcall);
	report(hyp_init(&plat) == HYP_OK, "hyp_init: KVM declared");

	ret = hyp_kvm_mips_console_write(0, (const char *)buf, sizeof(buf));
	report(ret == (int)sizeof(buf), "console_write returned %d of %u bytes", ret,
	       (unsigned int)sizeof(buf));
	report(!hv.bad_call, "every call was CONSOLE_OUTPUT on vterm 0");
	report(hv.bytes == sizeof(buf), "the host took %lu bytes in %u calls", hv.bytes, hv.calls);
	report(hv.short_answers > 0 && hv.zero_answers > 0,
	       "retries proven: %u short answers, %u answers of 0, %u full", hv.short_answers,
	       hv.zero_answers, hv.full_answers);
	report(hv.crc == crc, "CRC-32 of what the host sent %08x = the buffer's %08x", hv.crc, crc);
}
