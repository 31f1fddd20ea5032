/* SPDX-License-Identifier: MIT */
/*
 * lib/powerpc/patch.c: binutils assembles the table (ppc_patch_input.S), the
 * patcher rewrites it, binutils' objdump disassembles the result, and every
 * line is compared with what Linux Documentation/virt/kvm/ppc-pv.rst's
 * patching table says it must become: the
 * patcher's encodings are checked by a disassembler, not by themselves.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include <hyp/epapr_abi.h>
#include <hyp/error.h>
#include <hyp/ppc_patch.h>

#define MAXW        64
#define GENW        (8 * HYP_KVM_PPC_PATCH_SITE_WORDS)
#define CODE_ADDR   0x100000ull
#define GEN_ADDR    0x200000ull
#define OFF(f)      ((int)offsetof(struct hyp_kvm_ppc_magic_page, f))

static uint32_t input[MAXW];
static size_t ninput;

enum kind { LOAD, STORE, NOP, BRANCH, SAME };

struct row {
	enum kind kind;
	int reg;
	int off;        /* field offset */
	bool wide;      /* 64-bit field */
};

/* ppc_patch_input.S, line by line (Book3S flavour). */
static const struct row table[] = {
	{ LOAD, 5, OFF(msr), true },
	{ LOAD, 6, OFF(sprg0), true }, { LOAD, 7, OFF(sprg1), true },
	{ LOAD, 8, OFF(sprg2), true }, { LOAD, 9, OFF(sprg3), true },
	{ LOAD, 10, OFF(srr0), true }, { LOAD, 11, OFF(srr1), true },
	{ LOAD, 12, OFF(dar), true }, { LOAD, 3, OFF(dsisr), false },
	{ STORE, 6, OFF(sprg0), true }, { STORE, 7, OFF(sprg1), true },
	{ STORE, 8, OFF(sprg2), true }, { STORE, 9, OFF(sprg3), true },
	{ STORE, 10, OFF(srr0), true }, { STORE, 11, OFF(srr1), true },
	{ STORE, 12, OFF(dar), true }, { STORE, 3, OFF(dsisr), false },
	{ NOP, 0, 0, false },
	{ BRANCH, 7, 0, false },        /* mtmsr r7: 32-bit only (64: SAME) */
	{ BRANCH, 30, 0, false },
	{ BRANCH, 8, 0, false },
	{ BRANCH, 31, 0, false },
	{ BRANCH, 0, 0, false },
	{ BRANCH, 0, 0, false },
	{ SAME, 0, 0, false }, { SAME, 0, 0, false }, { SAME, 0, 0, false },
	{ SAME, 0, 0, false }, { SAME, 0, 0, false },
	{ LOAD, 0, OFF(msr), true },
	{ SAME, 0, 0, false },
};

static void load_input(void)
{
	FILE *f = fopen(HYP_PATCH_INPUT, "rb");
	uint8_t b[4];

	assert_non_null(f);
	ninput = 0;
	while (fread(b, 1, 4, f) == 4 && ninput < MAXW)
		input[ninput++] = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
	fclose(f);
	assert_int_equal(ninput, sizeof(table) / sizeof(table[0]));
}

/* Disassemble `n` words (as big-endian bytes) at `addr`; one normalised line each. */
static void disassemble(const uint32_t *w, size_t n, uint64_t addr, char lines[][96])
{
	char path[] = "/tmp/hyp_patch_XXXXXX", cmd[512], buf[256];
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "wb"), *p;
	size_t i = 0;

	assert_non_null(f);
	for (size_t k = 0; k < n; k++) {
		uint8_t b[4] = { (uint8_t)(w[k] >> 24), (uint8_t)(w[k] >> 16), (uint8_t)(w[k] >> 8), (uint8_t)w[k] };
		fwrite(b, 1, 4, f);
	}
	fclose(f);
	snprintf(cmd, sizeof(cmd), "%s -D -b binary -m powerpc:common64 -EB --adjust-vma=0x%llx %s",
		 HYP_OBJDUMP, (unsigned long long)addr, path);
	p = popen(cmd, "r");
	assert_non_null(p);
	while (fgets(buf, sizeof(buf), p) && i < n) {
		char *tab = strchr(buf, '\t'), *out;

		if (!tab || !strchr(buf, ':'))
			continue;
		tab = strchr(tab + 1, '\t');    /* after the bytes */
		if (!tab)
			continue;
		out = lines[i++];
		/* mnemonic + one space + operands, no trailing newline */
		for (char *s = tab + 1, *d = out, sp = 0; ; s++) {
			if (*s == '\n' || *s == '\0' || *s == '<') {
				while (d > out && d[-1] == ' ')
					d--;
				*d = '\0';
				break;
			}
			if (*s == ' ' || *s == '\t') {
				if (!sp && d != out)
					*d++ = ' ';
				sp = 1;
				continue;
			}
			sp = 0;
			*d++ = *s;
		}
	}
	pclose(p);
	unlink(path);
	assert_int_equal(i, n);
}

static void expect_access(const char *got, const struct row *r, unsigned int flags)
{
	char want[96];
	bool st = r->kind == STORE;
	int d = -4096 + r->off;

	if (r->wide && (flags & HYP_KVM_PPC_PATCH_64))
		snprintf(want, sizeof(want), "%s r%d,%d(0)", st ? "std" : "ld", r->reg, d);
	else
		snprintf(want, sizeof(want), "%s r%d,%d(0)", st ? "stw" : "lwz", r->reg,
			 d + (r->wide && !(flags & HYP_KVM_PPC_PATCH_LE) ? 4 : 0));
	if (strcmp(got, want))
		fail_msg("got \"%s\", want \"%s\"", got, want);
}

static void run_mode(unsigned int flags)
{
	uint32_t code[MAXW], gen[GENW], again[MAXW];
	static char in_lines[MAXW][96], out_lines[MAXW][96], gen_lines[GENW][96];
	struct hyp_kvm_ppc_patch_stats st, st2;
	unsigned int loads = 0, branches = 0;

	load_input();
	memcpy(code, input, sizeof(input));
	memset(gen, 0, sizeof(gen));
	assert_int_equal(hyp_kvm_ppc_patch_words(code, ninput, CODE_ADDR, gen, GENW, GEN_ADDR,
						 flags, &st), HYP_OK);
	disassemble(input, ninput, CODE_ADDR, in_lines);
	disassemble(code, ninput, CODE_ADDR, out_lines);
	if (st.gen_used)
		disassemble(gen, st.gen_used, GEN_ADDR, gen_lines);

	for (size_t i = 0; i < ninput; i++) {
		const struct row *r = &table[i];
		enum kind k = r->kind;
		char want[96];

		/* mtmsr (L=0) in 64-bit mode keeps MSR's upper half: left alone. */
		if (i == 18 && (flags & HYP_KVM_PPC_PATCH_64))
			k = SAME;
		switch (k) {
		case LOAD:
		case STORE:
			expect_access(out_lines[i], r, flags);
			loads++;
			break;
		case NOP:
			assert_string_equal(out_lines[i], "nop");
			loads++;
			break;
		case SAME:
			assert_int_equal(code[i], input[i]);
			break;
		case BRANCH: {
			uint64_t target;
			size_t g, end;
			bool orig_seen = false, back_seen = false, crit_set = false;

			assert_int_equal(sscanf(out_lines[i], "b 0x%llx", (unsigned long long *)&target), 1);
			assert_true(target >= GEN_ADDR && target < GEN_ADDR + 4 * st.gen_used);
			g = (size_t)(target - GEN_ADDR) / 4;
			end = g + HYP_KVM_PPC_PATCH_SITE_WORDS < st.gen_used ? g + HYP_KVM_PPC_PATCH_SITE_WORDS : st.gen_used;
			snprintf(want, sizeof(want), "%s r1,%d(0)",
				 (flags & HYP_KVM_PPC_PATCH_64) ? "std" : "stw",
				 -4096 + OFF(critical) + ((flags & HYP_KVM_PPC_PATCH_64) || (flags & HYP_KVM_PPC_PATCH_LE) ? 0 : 4));
			/* The block ends with its second branch back (after the real path). */
			for (size_t k2 = g, backs = 0; k2 < end && backs < 2; k2++) {
				char back[64];

				snprintf(back, sizeof(back), "b 0x%llx",
					 (unsigned long long)(CODE_ADDR + 4 * i + 4));
				if (!strcmp(gen_lines[k2], in_lines[i]))
					orig_seen = true;
				if (!strcmp(gen_lines[k2], want))
					crit_set = true;
				if (!strcmp(gen_lines[k2], back)) {
					back_seen = true;
					backs++;
				}
				/* The source register is never saved as a scratch register. */
				if (r->reg > 1 && !strncmp(gen_lines[k2], "st", 2)) {
					char srcreg[16];

					snprintf(srcreg, sizeof(srcreg), " r%d,", r->reg);
					if (strstr(gen_lines[k2], srcreg))
						fail_msg("line %zu: block stores r%d: %s", i, r->reg, gen_lines[k2]);
				}
			}
			if (!orig_seen || !back_seen || !crit_set)
				fail_msg("line %zu (%s): generated block lacks the original (%d), "
					 "magic->critical = r1 (%d) or the branch back (%d)",
					 i, in_lines[i], orig_seen, crit_set, back_seen);
			branches++;
			break;
		}
		}
	}
	assert_int_equal(st.loads_stores, loads);
	assert_int_equal(st.branches, branches);
	assert_int_equal(st.skipped, 0);

	/* A second run finds nothing left to patch. */
	memcpy(again, code, sizeof(code));
	assert_int_equal(hyp_kvm_ppc_patch_words(again, ninput, CODE_ADDR, gen + st.gen_used,
						 GENW - st.gen_used, GEN_ADDR + 4 * st.gen_used,
						 flags, &st2), HYP_OK);
	assert_memory_equal(again, code, ninput * 4);
	assert_int_equal(st2.loads_stores + st2.branches + st2.gen_used, 0);
}

static void test_patch_64(void **s) { (void)s; run_mode(HYP_KVM_PPC_PATCH_64); }
static void test_patch_32be(void **s) { (void)s; run_mode(0); }
static void test_patch_32le(void **s) { (void)s; run_mode(HYP_KVM_PPC_PATCH_LE); }

static void test_booke_and_limits(void **state)
{
	uint32_t code[MAXW], gen[GENW];
	static char out_lines[MAXW][96];
	struct hyp_kvm_ppc_patch_stats st;
	struct row dear = { LOAD, 4, OFF(dar), true }, esr = { STORE, 4, OFF(esr), false };

	(void)state;
	load_input();
	memcpy(code, input, sizeof(input));
	assert_int_equal(hyp_kvm_ppc_patch_words(code, ninput, CODE_ADDR, gen, GENW, GEN_ADDR,
						 HYP_KVM_PPC_PATCH_BOOKE, &st), HYP_OK);
	assert_int_equal(code[28], input[28]);      /* ESR: the host did not announce esr */
	memcpy(code, input, sizeof(input));
	assert_int_equal(hyp_kvm_ppc_patch_words(code, ninput, CODE_ADDR, gen, GENW, GEN_ADDR,
						 HYP_KVM_PPC_PATCH_BOOKE | HYP_KVM_PPC_PATCH_ESR, &st), HYP_OK);
	disassemble(code, ninput, CODE_ADDR, out_lines);
	assert_int_equal(code[7], input[7]);        /* mfdar (SPR 19): not a BookE SPR */
	assert_int_equal(code[8], input[8]);        /* mfdsisr (SPR 18) */
	expect_access(out_lines[27], &dear, 0);     /* mfspr r4, DEAR */
	expect_access(out_lines[28], &esr, 0);      /* mtspr ESR, r4 */

	/* No room for generated code: the MSR writes stay, the rest is patched. */
	memcpy(code, input, sizeof(input));
	assert_int_equal(hyp_kvm_ppc_patch_words(code, ninput, CODE_ADDR, gen, 10, GEN_ADDR, 0, &st), HYP_OK);
	assert_int_equal(st.branches, 0);
	assert_int_equal(st.skipped, 6);
	assert_int_equal(code[18], input[18]);
	/* Out of branch range (64 MiB away). */
	memcpy(code, input, sizeof(input));
	assert_int_equal(hyp_kvm_ppc_patch_words(code, ninput, CODE_ADDR, gen, GENW,
						 CODE_ADDR + 0x4000000, 0, &st), HYP_OK);
	assert_int_equal(st.branches, 0);
	/* Overlapping or misaligned buffers. */
	assert_int_equal(hyp_kvm_ppc_patch_words(code, ninput, CODE_ADDR, gen, GENW, CODE_ADDR + 8, 0, NULL),
			 HYP_EINVAL);
	assert_int_equal(hyp_kvm_ppc_patch_words(code, ninput, CODE_ADDR + 2, gen, GENW, GEN_ADDR, 0, NULL),
			 HYP_EINVAL);
	assert_int_equal(hyp_kvm_ppc_patch_words(NULL, 4, CODE_ADDR, gen, GENW, GEN_ADDR, 0, NULL),
			 HYP_EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_patch_64),
		cmocka_unit_test(test_patch_32be),
		cmocka_unit_test(test_patch_32le),
		cmocka_unit_test(test_booke_and_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
