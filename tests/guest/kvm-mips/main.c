/* SPDX-License-Identifier: MIT */
/*
 * MIPS KVM hypercalls under TCG with a trap-and-emulate harness: the RI
 * handler of harness/kvm_mips.c plays the KVM host, answer() below answers.
 *
 * KVM_MIPS_DECLARED=1: hyp_init() is told KVM is there; every wrapper and
 * raw call is checked against what the harness saw and answered.
 * KVM_MIPS_DECLARED=0: nothing declared; every call returns HYP_ENOHYP and
 * the harness counts no trap.
 */
#include <guest/mips.h>
#include <guest/test.h>
#include <harness/kvm_mips.h>
#include <hyp/hyp.h>

#ifndef KVM_MIPS_DECLARED
#define KVM_MIPS_DECLARED 1
#endif

#define HARNESS_CLOCK_HZ    100000000l          /* answer to GET_CLOCK_FREQ */
#define HARNESS_HC_ECHO     0x7e57u             /* a test-only number */
#define HARNESS_ECHO_RESULT 0x600dl             /* its answer */
#define HARNESS_NO_ANSWER   0x7fffffffl         /* console_answer unset */
#define HARNESS_OVER        0x7ffffffel         /* console_fail_with: len + 1 */

/* Text that only the console hypercall carries to the UART (runner --expect). */
#define CONSOLE_TEXT "MIPS KVM console: libhyp carried this line through HYPCALL 8 in 5-byte pieces"

/* What the harness saw and how it answers. */
static struct {
	unsigned int traps;
	unsigned long nr;
	unsigned long args[4];
	unsigned int exit_requests;
	unsigned long console_chunk;    /* bytes taken per call */
	long console_answer;            /* forced answer, HARNESS_NO_ANSWER for none */
	unsigned int console_fail_after; /* calls that succeed before console_fail_with */
	long console_fail_with;         /* HARNESS_OVER: one more byte than asked */
	unsigned int console_calls;
	unsigned long console_bytes;
} hv;

static bool unmapped_kseg(unsigned long addr)
{
	unsigned long top = (unsigned long)(long)(int32_t)0x80000000u;
	unsigned long end = (unsigned long)(long)(int32_t)0xc0000000u;

	return addr >= top && addr < end;
}

static long harness_console(unsigned long vterm, unsigned long buf, unsigned long len)
{
	unsigned long n;

	hv.console_calls++;
	if (hv.console_answer != HARNESS_NO_ANSWER)
		return hv.console_answer;
	if (hv.console_fail_after && hv.console_calls > hv.console_fail_after)
		return hv.console_fail_with == HARNESS_OVER ? (long)len + 1 : hv.console_fail_with;
	if (vterm != 0)
		return -HYP_KVM_EINVAL;
	if (!unmapped_kseg(buf) || (len && !unmapped_kseg(buf + len - 1)))
		return -HYP_KVM_EFAULT;
	n = len < hv.console_chunk ? len : hv.console_chunk;
	for (unsigned long i = 0; i < n; i++)
		arch_putchar(((const char *)buf)[i]);
	hv.console_bytes += n;
	return (long)n;
}

static long answer(unsigned long nr, const unsigned long args[4])
{
	long ret;

	hv.traps++;
	hv.nr = nr;
	for (unsigned int i = 0; i < 4; i++)
		hv.args[i] = args[i];

	switch (hv.nr) {
	case HYP_KVM_HC_MIPS_GET_CLOCK_FREQ:
		ret = HARNESS_CLOCK_HZ;
		break;
	case HYP_KVM_HC_MIPS_EXIT_VM:
		hv.exit_requests++;     /* a host stops the VM; the harness goes on */
		ret = 0;
		break;
	case HYP_KVM_HC_MIPS_CONSOLE_OUTPUT:
		ret = harness_console(hv.args[0], hv.args[1], hv.args[2]);
		break;
	case HARNESS_HC_ECHO:
		ret = HARNESS_ECHO_RESULT;
		break;
	default:
		ret = -HYP_KVM_ENOSYS;
		break;
	}
	return ret;
}

static void harness_console_reset(unsigned long chunk)
{
	hv.console_chunk = chunk;
	hv.console_answer = HARNESS_NO_ANSWER;
	hv.console_fail_after = 0;
	hv.console_fail_with = 0;
	hv.console_calls = 0;
	hv.console_bytes = 0;
}

/* Argument values that use the whole register (64 bits on n64). */
#define ARG(n)  ((unsigned long)(0x1111111111111111ull * (n) + 0x8000000000000000ull) ^ 0x0a0bul)

static bool args_seen(unsigned int nr, unsigned int count)
{
	if (hv.nr != nr)
		return false;
	for (unsigned int i = 0; i < count; i++)
		if (hv.args[i] != ARG(i + 1))
			return false;
	return true;
}

/* One raw call: the harness saw nr and the first `count` arguments, v0 came back. */
static void check_raw(const char *name, unsigned int count, long ret, unsigned int traps_before)
{
	if (!args_seen(HARNESS_HC_ECHO, count))
		report_info("%s: harness saw v0 0x%lx a0 0x%lx a1 0x%lx a2 0x%lx a3 0x%lx", name,
			    hv.nr, hv.args[0], hv.args[1], hv.args[2], hv.args[3]);
	report(hv.traps == traps_before + 1 && args_seen(HARNESS_HC_ECHO, count) &&
	       ret == HARNESS_ECHO_RESULT,
	       "%s: one trap, v0 = 0x%x and %u argument(s) in a0.. reached the hypervisor, v0 = 0x%lx back",
	       name, HARNESS_HC_ECHO, count, (unsigned long)ret);
}

/* regs.S: run HYPCALL with every GPR loaded, store them all as they came back. */
void probe_hypcall_regs(unsigned long out[32]);

#define REG_PATTERN(n)  ((unsigned long)(0x5a5a5a5a00000000ull | 0xa5000000u | ((n) << 8) | (n)))

/* The harness changes v0 (the answer) and k0/k1 (poison), nothing else. */
static void test_register_contract(void)
{
	unsigned long regs[32];
	unsigned int t = hv.traps, bad = 0;

	probe_hypcall_regs(regs);
	for (unsigned int n = 1; n < 32; n++) {
		if (n == MIPS_REG_V0 || n == MIPS_REG_K0 || n == MIPS_REG_K1 || n == MIPS_REG_SP)
			continue;
		if (regs[n] != REG_PATTERN(n)) {
			report_info("register $%u came back 0x%lx, not 0x%lx", n, regs[n], REG_PATTERN(n));
			bad++;
		}
	}
	report(hv.traps == t + 1 && bad == 0 && regs[MIPS_REG_V0] == HARNESS_ECHO_RESULT,
	       "HYPCALL keeps $1, $3-$25, $28, $30, $31; v0 = 0x%lx", regs[MIPS_REG_V0]);
	report(regs[MIPS_REG_K0] == KVM_MIPS_POISON && regs[MIPS_REG_K1] == KVM_MIPS_POISON,
	       "harness poisons k0/k1 (0x%lx, 0x%lx)", regs[MIPS_REG_K0], regs[MIPS_REG_K1]);
}

static void test_before_init(void)
{
	report(hyp_get_info() == NULL, "before hyp_init: no info");
	report(hyp_kvm_hypercall0(HARNESS_HC_ECHO) == HYP_ENOTINIT &&
	       hyp_kvm_hypercall4(HARNESS_HC_ECHO, 1, 2, 3, 4) == HYP_ENOTINIT &&
	       hyp_kvm_mips_get_clock_freq() == HYP_ENOTINIT &&
	       hyp_kvm_mips_console_output(0, "x", 1) == HYP_ENOTINIT &&
	       hyp_kvm_mips_console_write(0, "x", 1) == HYP_ENOTINIT,
	       "before hyp_init: calls return HYP_ENOTINIT");
	report(hv.traps == 0, "before hyp_init: no trap (%u)", hv.traps);
}

static void test_detect(void)
{
	struct hyp_platform plat = { 0 };
	struct hyp_info info;

	report(hyp_detect(&plat, &info) == HYP_OK && info.kind == HYP_KIND_NONE &&
	       info.families == 0, "detect: nothing declared, nothing found");
	plat.declared_kind = HYP_KIND_KVM;
	report(hyp_detect(&plat, &info) == HYP_OK && info.kind == HYP_KIND_KVM &&
	       (info.families & HYP_FAMILY_KVM) && strcmp(info.signature, "KVM") == 0,
	       "detect: declared KVM is KVM (signature '%s')", info.signature);
	plat.declared_kind = (enum hyp_kind)999;
	report(hyp_detect(&plat, &info) == HYP_EINVAL, "detect: unknown declared kind is HYP_EINVAL");
	report(hyp_detect(NULL, &info) == HYP_OK && info.kind == HYP_KIND_NONE,
	       "detect: NULL platform means nothing declared");
	report(hv.traps == 0, "detect: no trap (%u)", hv.traps);
}

static void test_raw_calls(void)
{
	unsigned int t;
	long ret;

	t = hv.traps; ret = hyp_kvm_hypcall0(HARNESS_HC_ECHO);
	check_raw("hyp_kvm_hypcall0", 0, ret, t);
	t = hv.traps; ret = hyp_kvm_hypcall1(HARNESS_HC_ECHO, ARG(1));
	check_raw("hyp_kvm_hypcall1", 1, ret, t);
	t = hv.traps; ret = hyp_kvm_hypcall2(HARNESS_HC_ECHO, ARG(1), ARG(2));
	check_raw("hyp_kvm_hypcall2", 2, ret, t);
	t = hv.traps; ret = hyp_kvm_hypcall3(HARNESS_HC_ECHO, ARG(1), ARG(2), ARG(3));
	check_raw("hyp_kvm_hypcall3", 3, ret, t);
	t = hv.traps; ret = hyp_kvm_hypcall4(HARNESS_HC_ECHO, ARG(1), ARG(2), ARG(3), ARG(4));
	check_raw("hyp_kvm_hypcall4", 4, ret, t);

	t = hv.traps; ret = hyp_kvm_hypercall0(HARNESS_HC_ECHO);
	check_raw("hyp_kvm_hypercall0", 0, ret, t);
	t = hv.traps; ret = hyp_kvm_hypercall1(HARNESS_HC_ECHO, ARG(1));
	check_raw("hyp_kvm_hypercall1", 1, ret, t);
	t = hv.traps; ret = hyp_kvm_hypercall2(HARNESS_HC_ECHO, ARG(1), ARG(2));
	check_raw("hyp_kvm_hypercall2", 2, ret, t);
	t = hv.traps; ret = hyp_kvm_hypercall3(HARNESS_HC_ECHO, ARG(1), ARG(2), ARG(3));
	check_raw("hyp_kvm_hypercall3", 3, ret, t);
	t = hv.traps; ret = hyp_kvm_hypercall4(HARNESS_HC_ECHO, ARG(1), ARG(2), ARG(3), ARG(4));
	check_raw("hyp_kvm_hypercall4", 4, ret, t);

	ret = hyp_kvm_hypercall1(0x7ffe, 0);
	report(ret == -HYP_KVM_ENOSYS && hyp_kvm_error(ret) == HYP_ENOSYS,
	       "unknown number: raw %ld, mapped HYP_ENOSYS", ret);
	report(!hyp_kvm_has_feature(0), "no KVM feature bits on MIPS");
}

static void test_typed(void)
{
	unsigned int t;
	int ret;

	t = hv.traps;
	ret = hyp_kvm_mips_get_clock_freq();
	report(ret == HARNESS_CLOCK_HZ && hv.traps == t + 1 &&
	       hv.nr == HYP_KVM_HC_MIPS_GET_CLOCK_FREQ,
	       "hyp_kvm_mips_get_clock_freq: v0 = %u, answer %d Hz",
	       HYP_KVM_HC_MIPS_GET_CLOCK_FREQ, ret);

	t = hv.traps;
	ret = hyp_kvm_mips_exit_vm();
	report(ret == 0 && hv.exit_requests == 1 && hv.traps == t + 1 &&
	       hv.nr == HYP_KVM_HC_MIPS_EXIT_VM,
	       "hyp_kvm_mips_exit_vm: v0 = %u reached the hypervisor (%d)",
	       HYP_KVM_HC_MIPS_EXIT_VM, ret);
}

static void test_console(void)
{
	static const char text[] = CONSOLE_TEXT;
	static const char part[] = "abcdefgh";
	size_t len = sizeof(text) - 1;
	unsigned int t;
	int ret;

	/* One call: the hypervisor takes 4 of 8 bytes. */
	harness_console_reset(4);
	t = hv.traps;
	printf("INFO: console_output(4 of 8): [");
	ret = hyp_kvm_mips_console_output(0, part, 8);
	printf("]\n");
	report(ret == 4 && hv.traps == t + 1 && hv.nr == HYP_KVM_HC_MIPS_CONSOLE_OUTPUT &&
	       hv.args[0] == 0 && hv.args[1] == (unsigned long)part && hv.args[2] == 8,
	       "hyp_kvm_mips_console_output: a0 vterm 0, a1 buffer, a2 8; took %d", ret);

	/* The whole line through 5-byte pieces: nothing lost, nothing repeated. */
	harness_console_reset(5);
	t = hv.traps;
	ret = hyp_kvm_mips_console_write(0, text, len);
	printf("\n");
	report(ret == (int)len && hv.console_bytes == len && hv.traps - t == (len + 4) / 5,
	       "hyp_kvm_mips_console_write: %d of %u bytes in %u calls",
	       ret, (unsigned int)len, hv.traps - t);

	/* A hypervisor that takes nothing: bounded retries, HYP_EAGAIN. */
	harness_console_reset(5);
	hv.console_answer = 0;
	t = hv.traps;
	ret = hyp_kvm_mips_console_write(0, part, 8);
	report(ret == HYP_EAGAIN && hv.traps - t == HYP_KVM_MIPS_CONSOLE_STALLS,
	       "console_write, hypervisor takes 0: HYP_EAGAIN after %u calls", hv.traps - t);

	/* Fails after taking 3 bytes: the error, whatever went before (as SBI DBCN). */
	harness_console_reset(3);
	hv.console_fail_after = 1;
	hv.console_fail_with = -HYP_KVM_EFAULT;
	printf("INFO: console_write(3, then error): [");
	ret = hyp_kvm_mips_console_write(0, part, 8);
	printf("]\n");
	report(ret == HYP_EFAULT && hv.console_calls == 2,
	       "console_write, error after 3 bytes: the error (%d)", ret);

	/* Takes 3 bytes, then claims 6 of the 5 left: HYP_EIO, not 3. */
	harness_console_reset(3);
	hv.console_fail_after = 1;
	hv.console_fail_with = HARNESS_OVER;
	printf("INFO: console_write(3, then 6 of 5): [");
	ret = hyp_kvm_mips_console_write(0, part, 8);
	printf("]\n");
	report(ret == HYP_EIO && hv.args[2] == 5,
	       "console_write, 3 bytes then 6 of 5 claimed: %s", hyp_strerror(ret));

	/* One call claiming more than offered: HYP_EIO, never a count above len. */
	harness_console_reset(5);
	hv.console_answer = 9;
	ret = hyp_kvm_mips_console_output(0, part, 8);
	report(ret == HYP_EIO, "console_output, hypervisor claims 9 of 8: %s (%d)",
	       hyp_strerror(ret), ret);

	/* Fails at once: the error. */
	harness_console_reset(5);
	hv.console_answer = -HYP_KVM_EINVAL;
	ret = hyp_kvm_mips_console_write(0, part, 8);
	report(ret == HYP_EINVAL, "console_write, hypervisor says -EINVAL: %s", hyp_strerror(ret));

	/* Claims more than offered: HYP_EIO. */
	harness_console_reset(5);
	hv.console_answer = 9;
	ret = hyp_kvm_mips_console_write(0, part, 8);
	report(ret == HYP_EIO, "console_write, hypervisor claims 9 of 8: %s", hyp_strerror(ret));

	/* vterm reaches a0. */
	harness_console_reset(5);
	ret = hyp_kvm_mips_console_output(1, part, 8);
	report(ret == HYP_EINVAL && hv.args[0] == 1,
	       "console_output vterm 1 in a0: harness refuses, %s", hyp_strerror(ret));

	/* Bad input never reaches the hypervisor. */
	t = hv.traps;
	report(hyp_kvm_mips_console_output(0, NULL, 5) == HYP_EINVAL &&
	       hyp_kvm_mips_console_write(0, NULL, 5) == HYP_EINVAL,
	       "console: NULL buffer is HYP_EINVAL");
	report(hyp_kvm_mips_console_output(0, (const char *)0x1000, 4) == HYP_EFAULT &&
	       hyp_kvm_mips_console_write(0, (const char *)0x1000, 4) == HYP_EFAULT,
	       "console: mapped (KUSEG) buffer is HYP_EFAULT");
	report(hyp_kvm_mips_console_write(0, part, 0) == 0, "console_write of 0 bytes is 0");
	report(hv.traps == t, "console: bad input made no trap (%u)", hv.traps - t);
}

static void test_absent(void)
{
	const struct hyp_info *info = hyp_get_info();

	report(info && info->kind == HYP_KIND_NONE && info->families == 0,
	       "hyp_init: nothing declared, no family");
	report(hyp_kvm_hypercall0(HARNESS_HC_ECHO) == HYP_ENOHYP &&
	       hyp_kvm_hypercall1(HARNESS_HC_ECHO, 1) == HYP_ENOHYP &&
	       hyp_kvm_hypercall2(HARNESS_HC_ECHO, 1, 2) == HYP_ENOHYP &&
	       hyp_kvm_hypercall3(HARNESS_HC_ECHO, 1, 2, 3) == HYP_ENOHYP &&
	       hyp_kvm_hypercall4(HARNESS_HC_ECHO, 1, 2, 3, 4) == HYP_ENOHYP,
	       "raw hyp_kvm_hypercall0..4: HYP_ENOHYP");
	report(hyp_kvm_mips_get_clock_freq() == HYP_ENOHYP, "hyp_kvm_mips_get_clock_freq: HYP_ENOHYP");
	report(hyp_kvm_mips_exit_vm() == HYP_ENOHYP, "hyp_kvm_mips_exit_vm: HYP_ENOHYP");
	report(hyp_kvm_mips_console_output(0, "x", 1) == HYP_ENOHYP,
	       "hyp_kvm_mips_console_output: HYP_ENOHYP");
	report(hyp_kvm_mips_console_write(0, "xy", 2) == HYP_ENOHYP,
	       "hyp_kvm_mips_console_write: HYP_ENOHYP");
	report(hv.traps == 0, "no hypervisor: the harness counted %u traps", hv.traps);
	/* The harness is live: the unconditional stub still traps. */
	report(hyp_kvm_hypcall0(HARNESS_HC_ECHO) == HARNESS_ECHO_RESULT && hv.traps == 1,
	       "unconditional hyp_kvm_hypcall0 still traps (harness live)");
}

void test_main(void)
{
	struct hyp_platform plat = { 0 };
	int ret;

	kvm_mips_harness_install(answer);
	harness_console_reset(5);
	report_info("%s, %u-bit, %s-endian", KVM_MIPS_DECLARED ? "KVM declared" : "nothing declared",
		    (unsigned int)(sizeof(long) * 8),
		    (*(const uint16_t *)"\1\0" == 1) ? "little" : "big");

	test_before_init();
	test_detect();

	plat.declared_kind = KVM_MIPS_DECLARED ? HYP_KIND_KVM : HYP_KIND_NONE;
	ret = hyp_init(&plat);
	report(ret == HYP_OK, "hyp_init: %s", hyp_strerror(ret));
	if (!KVM_MIPS_DECLARED) {
		test_absent();
		return;
	}
	report(hyp_get_info() && hyp_get_info()->kind == HYP_KIND_KVM &&
	       (hyp_get_info()->families & HYP_FAMILY_KVM), "hyp_init: KVM family open");
	test_register_contract();
	test_raw_calls();
	test_typed();
	test_console();
}
