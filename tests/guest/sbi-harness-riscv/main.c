/* SPDX-License-Identifier: MIT */
/*
 * SBI under a trap-and-emulate harness: the library runs in U-mode, where
 * ecall traps to this image's S-mode handler, which plays an SBI 2.0
 * implementation ("RustSBI": BASE TIME IPI RFENCE HSM SRST DBCN SUSP STA,
 * no legacy, no PMU) and records every register it was given. That shows
 * what no implementation here offers (DBCN, SUSP, STA), the exact register
 * placement of every typed call, and that a call refused by the library
 * (absent extension, closed gate, bad argument) makes no ecall at all.
 * SBI_HARNESS_MMODE=1: the kernel declares M-mode; the family stays closed.
 * hyp_init()'s first ecall swaps stvec and clears sstatus.SIE around it
 * (trap-safe probe): from U-mode those CSR accesses trap as illegal
 * instructions, and csr_as_s() plays an S-mode hart's stvec and sstatus.
 */
#include <guest/riscv.h>
#include <guest/test.h>
#include <hyp/hyp.h>

#define FAKE_IMPL_VERSION 0x0000000000020001ul
#define FAKE_SPEC         0x02000000ul
#define FAKE_MASK (HYP_SBI_HAS_BASE | HYP_SBI_HAS_TIME | HYP_SBI_HAS_IPI | HYP_SBI_HAS_RFENCE | \
		   HYP_SBI_HAS_HSM | HYP_SBI_HAS_SRST | HYP_SBI_HAS_DBCN | HYP_SBI_HAS_SUSP | \
		   HYP_SBI_HAS_STA)
#define DBCN_CHUNK 7

static unsigned long ecalls;
static unsigned long last[8];           /* a0..a7 of the last ecall */
static bool dbcn_stall;

static unsigned long fake_stvec = 0x1230, fake_sstatus = 2;     /* SIE set */
static unsigned long csr_insns;

/* Zicsr from U-mode on stvec (0x105) or sstatus (0x100): done on the fakes. */
static bool csr_as_s(struct guest_frame *f)
{
	uint32_t insn = *(const uint32_t *)f->sepc;
	unsigned int rd = insn >> 7 & 31, funct3 = insn >> 12 & 7, rs1 = insn >> 15 & 31;
	unsigned int csr = insn >> 20;
	unsigned long *reg, old, src;

	if ((insn & 0x7f) != 0x73 || (funct3 & 3) == 0 || (csr != 0x105 && csr != 0x100))
		return false;
	reg = csr == 0x105 ? &fake_stvec : &fake_sstatus;
	old = *reg;
	src = funct3 & 4 ? rs1 : f->regs[rs1];  /* csrr*i: the 5-bit immediate */
	if (rs1 == 0 && !(funct3 & 4))
		src = 0;
	switch (funct3 & 3) {
	case 1: *reg = src; break;
	case 2: *reg = old | src; break;
	case 3: *reg = old & ~src; break;
	}
	if (rd)
		f->regs[rd] = old;
	csr_insns++;
	f->sepc += 4;
	return true;
}

static bool fake_sbi(struct guest_frame *f)
{
	unsigned long eid = f->regs[RV_REG_A7], fid = f->regs[RV_REG_A6];
	unsigned long *a = &f->regs[RV_REG_A0];
	long err = HYP_SBI_SUCCESS, val = 0;

	ecalls++;
	for (unsigned int i = 0; i < 8; i++)
		last[i] = a[i];
	if (eid == HYP_SBI_EXT_BASE) {
		switch (fid) {
		case 0: val = (long)FAKE_SPEC; break;
		case 1: val = HYP_SBI_IMPL_RUSTSBI; break;
		case 2: val = (long)FAKE_IMPL_VERSION; break;
		case 3:
			for (unsigned int bit = 0; bit < 32; bit++)
				if ((FAKE_MASK >> bit & 1) && hyp_sbi_ext_of_bit(bit) == a[0])
					val = 1;
			break;
		case 4: case 5: case 6: val = 0x1000 + (long)fid; break;
		default: err = HYP_SBI_ERR_NOT_SUPPORTED;
		}
	} else if (eid == HYP_SBI_EXT_DBCN && fid == HYP_SBI_DBCN_CONSOLE_WRITE) {
		unsigned long n = dbcn_stall ? 0 : (a[0] < DBCN_CHUNK ? a[0] : DBCN_CHUNK);

		for (unsigned long i = 0; i < n; i++)
			arch_putchar(((const char *)a[1])[i]);
		val = (long)n;
	} else if (eid == HYP_SBI_EXT_DBCN && fid == HYP_SBI_DBCN_CONSOLE_READ) {
		((char *)a[1])[0] = 'h';
		val = 1;
	} else if (eid == HYP_SBI_EXT_HSM && fid == HYP_SBI_HSM_HART_GET_STATUS && a[0] >= 100) {
		err = -(long)(a[0] - 100);      /* hart 100 + k answers error -k */
	} else if (eid == HYP_SBI_EXT_STA && a[0] != HYP_SBI_STA_SHMEM_DISABLE) {
		struct hyp_sbi_sta_shmem *s = (struct hyp_sbi_sta_shmem *)a[0];

		s->steal = 12345;
		s->sequence = 2;
	} else if (eid <= HYP_SBI_EXT_LEGACY_SHUTDOWN || eid == HYP_SBI_EXT_PMU) {
		err = HYP_SBI_ERR_NOT_SUPPORTED;
	}
	a[0] = (unsigned long)err;
	a[1] = (unsigned long)val;
	f->sepc += 4;
	return true;
}

/* The last ecall had a0..a(n-1), a6 and a7 = want[] (the rest is not an argument). */
static __attribute__((unused)) bool regs_are(unsigned int n, const unsigned long want[8])
{
	for (unsigned int i = 0; i < 8; i++)
		if ((i < n || i >= 6) && last[i] != want[i]) {
			report_info("a%u = 0x%lx, expected 0x%lx", i, last[i], want[i]);
			return false;
		}
	return true;
}

/* One typed call: its result, one ecall, and the registers it set. */
#define CALL(expr, want_ret, nargs, ...) do { \
	unsigned long _before = ecalls; \
	static const unsigned long _want[8] = { __VA_ARGS__ }; \
	long _r = (expr); \
	report(_r == (want_ret) && ecalls == _before + 1 && regs_are(nargs, _want), \
	       "%s = %ld, one ecall with a0..a7 as the spec lists them", #expr, _r); \
} while (0)

/* A call the library refuses: its result, and no ecall. */
#define REFUSED(expr, want_ret) do { \
	unsigned long _before = ecalls; \
	long _r = (expr); \
	report(_r == (want_ret) && ecalls == _before, "%s refused: %s, no ecall", #expr, \
	       hyp_strerror((int)_r)); \
} while (0)

static struct hyp_sbi_sta_shmem sta __attribute__((aligned(64), unused));
/* 64 bytes on each side of a 64-byte boundary: the alignment check at limit-1, limit, limit+1. */
static uint8_t sta_area[192] __attribute__((aligned(64), unused));

#if SBI_HARNESS_MMODE
static long phase(void *arg)
{
	struct hyp_platform plat = { .riscv_m_mode = true };
	const struct hyp_info *info;

	(void)arg;
	report(hyp_init(&plat) == HYP_OK && ecalls == 0, "hyp_init (M-mode kernel): no ecall");
	info = hyp_get_info();
	report(!(info->families & HYP_FAMILY_SBI) && info->sbi_impl_id == 0,
	       "M-mode: no SBI family (families 0x%x)", info->families);
	REFUSED(hyp_sbi_spec_version(), HYP_ENOHYP);
	REFUSED(hyp_sbi_probe_extension(HYP_SBI_EXT_TIME), HYP_ENOHYP);
	REFUSED(hyp_sbi_console_write("x", 1), HYP_ENOHYP);
	REFUSED(hyp_sbi_legacy_console_putchar('x'), HYP_ENOHYP);
	REFUSED(hyp_sbi_hypercall0(HYP_SBI_EXT_BASE, 0).error, HYP_ENOHYP);
	REFUSED(hyp_sbi_hypercall6(HYP_SBI_EXT_BASE, 0, 1, 2, 3, 4, 5, 6).error, HYP_ENOHYP);
	report(!hyp_sbi_has(HYP_SBI_HAS_BASE), "M-mode: hyp_sbi_has(BASE) false");
	return 0;
}
#else
static long phase(void *arg)
{
	static const char line[] = "SBI harness: this line went out through DBCN in 7-byte pieces\n";
	const struct hyp_info *info;
	unsigned long v = 0, mask = 1;
	char in[4] = { 0 };
	int r;

	(void)arg;
	REFUSED(hyp_sbi_console_write("x", 1), HYP_ENOTINIT);
	r = hyp_init(NULL);
	info = hyp_get_info();
	report(r == HYP_OK && ecalls == 23,
	       "hyp_init: %lu ecalls (BASE spec, impl id, version, 20 probes)", ecalls);
	report(csr_insns == 4 && fake_stvec == 0x1230 && fake_sstatus == 2,
	       "first ecall: %lu CSR accesses, stvec 0x%lx and sstatus 0x%lx restored",
	       csr_insns, fake_stvec, fake_sstatus);
	report(info->sbi_spec_version == FAKE_SPEC && info->sbi_impl_id == HYP_SBI_IMPL_RUSTSBI &&
	       info->sbi_impl_version == FAKE_IMPL_VERSION && info->sbi_extensions == FAKE_MASK &&
	       !info->sbi_hypervisor && info->kind == HYP_KIND_NONE,
	       "hyp_info: %s 0x%llx, spec 0x%x, extensions 0x%x, firmware",
	       hyp_sbi_impl_name(info->sbi_impl_id), (unsigned long long)info->sbi_impl_version,
	       info->sbi_spec_version, info->sbi_extensions);

	/* BASE */
	CALL(hyp_sbi_spec_version(), (long)FAKE_SPEC, 0, 0, 0, 0, 0, 0, 0, 0, HYP_SBI_EXT_BASE);
	CALL(hyp_sbi_impl_version(&v), 0, 0, 0, 0, 0, 0, 0, 0, 2, HYP_SBI_EXT_BASE);
	report(v == FAKE_IMPL_VERSION, "impl version out: 0x%lx", v);
	CALL(hyp_sbi_probe_extension(HYP_SBI_EXT_STA), 1, 1, HYP_SBI_EXT_STA, 0, 0, 0, 0, 0, 3,
	     HYP_SBI_EXT_BASE);
	CALL(hyp_sbi_mimpid(&v), 0, 0, 0, 0, 0, 0, 0, 0, 6, HYP_SBI_EXT_BASE);
	REFUSED(hyp_sbi_mimpid(NULL), HYP_EINVAL);

	/* TIME, IPI, RFENCE, HSM, SRST: placement of every argument. */
	CALL(hyp_sbi_set_timer(0x123456789ull), 0, 1, 0x123456789, 0, 0, 0, 0, 0, 0, HYP_SBI_EXT_TIME);
	CALL(hyp_sbi_send_ipi(5, 2), 0, 2, 5, 2, 0, 0, 0, 0, 0, HYP_SBI_EXT_IPI);
	CALL(hyp_sbi_remote_fence_i(5, 2), 0, 2, 5, 2, 0, 0, 0, 0, 0, HYP_SBI_EXT_RFENCE);
	CALL(hyp_sbi_remote_sfence_vma(5, 2, 0x1000, 0x2000), 0, 4, 5, 2, 0x1000, 0x2000, 0, 0, 1,
	     HYP_SBI_EXT_RFENCE);
	CALL(hyp_sbi_remote_sfence_vma_asid(5, 2, 0x1000, 0x2000, 9), 0, 5, 5, 2, 0x1000, 0x2000, 9, 0,
	     2, HYP_SBI_EXT_RFENCE);
	CALL(hyp_sbi_remote_hfence_gvma_vmid(5, 2, 0x1000, 0x2000, 9), 0, 5, 5, 2, 0x1000, 0x2000, 9,
	     0, 3, HYP_SBI_EXT_RFENCE);
	CALL(hyp_sbi_remote_hfence_gvma(5, 2, 0x1000, 0x2000), 0, 4, 5, 2, 0x1000, 0x2000, 0, 0, 4,
	     HYP_SBI_EXT_RFENCE);
	CALL(hyp_sbi_remote_hfence_vvma_asid(5, 2, 0x1000, 0x2000, 9), 0, 5, 5, 2, 0x1000, 0x2000, 9,
	     0, 5, HYP_SBI_EXT_RFENCE);
	CALL(hyp_sbi_remote_hfence_vvma(5, 2, 0x1000, 0x2000), 0, 4, 5, 2, 0x1000, 0x2000, 0, 0, 6,
	     HYP_SBI_EXT_RFENCE);
	CALL(hyp_sbi_hart_start(1, 0x80200000, 0x77), 0, 3, 1, 0x80200000, 0x77, 0, 0, 0, 0,
	     HYP_SBI_EXT_HSM);
	CALL(hyp_sbi_hart_stop(), 0, 0, 0, 0, 0, 0, 0, 0, 1, HYP_SBI_EXT_HSM);
	CALL(hyp_sbi_hart_get_status(3), 0, 1, 3, 0, 0, 0, 0, 0, 2, HYP_SBI_EXT_HSM);
	CALL(hyp_sbi_hart_suspend(HYP_SBI_HSM_SUSPEND_NON_RET_DEFAULT, 0x80201000, 0x55), 0, 3,
	     HYP_SBI_HSM_SUSPEND_NON_RET_DEFAULT, 0x80201000, 0x55, 0, 0, 0, 3, HYP_SBI_EXT_HSM);
	CALL(hyp_sbi_system_reset(HYP_SBI_SRST_TYPE_COLD_REBOOT, HYP_SBI_SRST_REASON_SYS_FAILURE), 0, 2,
	     1, 1, 0, 0, 0, 0, 0, HYP_SBI_EXT_SRST);

	/* Every SBI error code through a typed call, mapped. */
	{
		static const int want[14] = { 0, HYP_EIO, HYP_ENOSYS, HYP_EINVAL, HYP_EPERM, HYP_EFAULT,
			HYP_EEXIST, HYP_EALREADY, HYP_EALREADY, HYP_ENOMEM, HYP_EBUSY, HYP_ERANGE,
			HYP_ETIMEDOUT, HYP_EIO };
		unsigned int ok = 0;

		for (unsigned int k = 1; k < 14; k++)
			ok += hyp_sbi_hart_get_status(100 + k) == want[k];
		report(ok == 13, "SBI errors -1..-13 mapped (%u of 13)", ok);
	}

	/* DBCN (SBI 2.0): the buffer's physical address in (a1, a2). */
	CALL(hyp_sbi_debug_console_write("abc", 3), 3, 3, 3, (unsigned long)"abc", 0, 0, 0, 0, 0,
	     HYP_SBI_EXT_DBCN);
	arch_putchar('\n');
	r = hyp_sbi_debug_console_read(in, sizeof(in));
	report(r == 1 && in[0] == 'h' && last[0] == sizeof(in) && last[1] == (unsigned long)in &&
	       last[2] == 0 && last[6] == 1, "DBCN read: %d byte into the buffer", r);
	CALL(hyp_sbi_debug_console_write_byte('!'), 0, 1, '!', 0, 0, 0, 0, 0, 2, HYP_SBI_EXT_DBCN);
	arch_putchar('\n');
	REFUSED(hyp_sbi_debug_console_write(NULL, 1), HYP_EINVAL);
	REFUSED(hyp_sbi_debug_console_write("x", (size_t)1 << 40), HYP_EINVAL);
	{
		unsigned long before = ecalls;

		r = hyp_sbi_console_write(line, sizeof(line) - 1);
		report(r == (int)sizeof(line) - 1 &&
		       ecalls - before == (sizeof(line) - 1 + DBCN_CHUNK - 1) / DBCN_CHUNK,
		       "console: %d bytes through DBCN in %lu calls", r, ecalls - before);
		dbcn_stall = true;
		before = ecalls;
		r = hyp_sbi_console_write(line, sizeof(line) - 1);
		dbcn_stall = false;
		report(r == HYP_EAGAIN && ecalls - before == HYP_SBI_CONSOLE_STALLS,
		       "console: a DBCN that takes nothing: %s after %lu calls", hyp_strerror(r),
		       ecalls - before);
	}

	/* SUSP, STA (SBI 2.0). */
	CALL(hyp_sbi_system_suspend(0, 0x80202000, 0x66), 0, 3, 0, 0x80202000, 0x66, 0, 0, 0, 0,
	     HYP_SBI_EXT_SUSP);
	CALL(hyp_sbi_steal_time_set_shmem(&sta), 0, 3, (unsigned long)&sta, 0, 0, 0, 0, 0, 0,
	     HYP_SBI_EXT_STA);
	report(sta.steal == 12345 && sta.sequence == 2, "STA: the record written (steal %llu)",
	       (unsigned long long)sta.steal);
	CALL(hyp_sbi_steal_time_set_shmem(NULL), 0, 3, ~0ul, ~0ul, 0, 0, 0, 0, 0, HYP_SBI_EXT_STA);
	REFUSED(hyp_sbi_steal_time_set_shmem((struct hyp_sbi_sta_shmem *)((char *)&sta + 8)),
		HYP_EINVAL);
	/* 64-byte aligned (SBI 2.0, STA chapter, sta_set_shmem): 63 and 65 refused, 64 sent, 32 refused. */
	REFUSED(hyp_sbi_steal_time_set_shmem((struct hyp_sbi_sta_shmem *)(sta_area + 63)), HYP_EINVAL);
	CALL(hyp_sbi_steal_time_set_shmem((struct hyp_sbi_sta_shmem *)(sta_area + 64)), 0, 3,
	     (unsigned long)(sta_area + 64), 0, 0, 0, 0, 0, 0, HYP_SBI_EXT_STA);
	REFUSED(hyp_sbi_steal_time_set_shmem((struct hyp_sbi_sta_shmem *)(sta_area + 65)), HYP_EINVAL);
	REFUSED(hyp_sbi_steal_time_set_shmem((struct hyp_sbi_sta_shmem *)(sta_area + 32)), HYP_EINVAL);

	/* Absent here: the legacy extensions; refused without an ecall. */
	REFUSED(hyp_sbi_legacy_console_putchar('x'), HYP_ENOSYS);
	REFUSED(hyp_sbi_legacy_console_getchar(), HYP_ENOSYS);
	REFUSED(hyp_sbi_legacy_set_timer(0), HYP_ENOSYS);
	REFUSED(hyp_sbi_legacy_clear_ipi(), HYP_ENOSYS);
	REFUSED(hyp_sbi_legacy_send_ipi(&mask), HYP_ENOSYS);
	REFUSED(hyp_sbi_legacy_remote_fence_i(&mask), HYP_ENOSYS);
	REFUSED(hyp_sbi_legacy_remote_sfence_vma(&mask, 0, 0), HYP_ENOSYS);
	REFUSED(hyp_sbi_legacy_remote_sfence_vma_asid(&mask, 0, 0, 0), HYP_ENOSYS);
	REFUSED(hyp_sbi_legacy_shutdown(), HYP_ENOSYS);
	report(hyp_sbi_has(HYP_SBI_HAS_STA) && !hyp_sbi_has(HYP_SBI_HAS_PMU) &&
	       !hyp_sbi_has(HYP_SBI_HAS_LEGACY(1)), "hyp_sbi_has follows the probe");
	return 0;
}
#endif

void test_main(void)
{
	guest_set_trap_handler(RV_EXC_ECALL_U, fake_sbi);
	guest_set_trap_handler(RV_EXC_ILLEGAL, csr_as_s);
	guest_run_user(phase, NULL);
}
