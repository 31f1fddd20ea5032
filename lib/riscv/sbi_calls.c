/* SPDX-License-Identifier: MIT */
/*
 * SBI typed calls (SBI spec v2.0 chapters 4-16): each checks the gate and
 * the extension's probe first, then one ecall; the answer through
 * hyp_sbi_result(). Arguments as the spec's function listings give them.
 */
#include "../page_span.h"
#include "sbi_internal.h"

#define READY(bits) do { int _e = hyp_sbi_ready(bits); if (_e) return _e; } while (0)

/* 64-bit quantities: one register on RV64, (lo, hi) on RV32 (chapters 6, 12, 16). */
#if __riscv_xlen == 32
#define LO(x)   ((unsigned long)(uint64_t)(x))
#define HI(x)   ((unsigned long)((uint64_t)(x) >> 32))
#else
#define LO(x)   ((unsigned long)(x))
#define HI(x)   0ul
#endif

/* ---- BASE ---- */
static int base_value(unsigned long fid, unsigned long *out)
{
	struct hyp_sbiret r;

	READY(HYP_SBI_HAS_BASE);
	r = hyp_sbi_ecall0(HYP_SBI_EXT_BASE, fid);
	if (r.error != HYP_SBI_SUCCESS)
		return hyp_sbi_error(r.error);
	*out = (unsigned long)r.value;
	return HYP_OK;
}

static int base_int(unsigned long fid)
{
	unsigned long v = 0;
	int err = base_value(fid, &v);

	if (err)
		return err;
	return v > (unsigned long)__INT_MAX__ ? __INT_MAX__ : (int)v;
}

static int base_out(unsigned long fid, unsigned long *out)
{
	if (!out)
		return HYP_EINVAL;
	return base_value(fid, out);
}

int hyp_sbi_spec_version(void) { return base_int(HYP_SBI_BASE_GET_SPEC_VERSION); }
int hyp_sbi_impl_id(void) { return base_int(HYP_SBI_BASE_GET_IMPL_ID); }
int hyp_sbi_impl_version(unsigned long *v) { return base_out(HYP_SBI_BASE_GET_IMPL_VERSION, v); }
int hyp_sbi_mvendorid(unsigned long *v) { return base_out(HYP_SBI_BASE_GET_MVENDORID, v); }
int hyp_sbi_marchid(unsigned long *v) { return base_out(HYP_SBI_BASE_GET_MARCHID, v); }
int hyp_sbi_mimpid(unsigned long *v) { return base_out(HYP_SBI_BASE_GET_MIMPID, v); }

int hyp_sbi_probe_extension(unsigned long eid)
{
	READY(HYP_SBI_HAS_BASE);
	return hyp_sbi_result(hyp_sbi_ecall1(HYP_SBI_EXT_BASE, HYP_SBI_BASE_PROBE_EXT, eid));
}

/* ---- TIME, IPI, RFENCE ---- */
int hyp_sbi_set_timer(uint64_t stime)
{
	READY(HYP_SBI_HAS_TIME);
#if __riscv_xlen == 32
	return hyp_sbi_result(hyp_sbi_ecall2(HYP_SBI_EXT_TIME, HYP_SBI_TIME_SET_TIMER,
					     LO(stime), HI(stime)));
#else
	return hyp_sbi_result(hyp_sbi_ecall1(HYP_SBI_EXT_TIME, HYP_SBI_TIME_SET_TIMER, stime));
#endif
}

int hyp_sbi_send_ipi(unsigned long hart_mask, unsigned long hart_mask_base)
{
	READY(HYP_SBI_HAS_IPI);
	return hyp_sbi_result(hyp_sbi_ecall2(HYP_SBI_EXT_IPI, HYP_SBI_IPI_SEND_IPI,
					     hart_mask, hart_mask_base));
}

int hyp_sbi_remote_fence_i(unsigned long hart_mask, unsigned long hart_mask_base)
{
	READY(HYP_SBI_HAS_RFENCE);
	return hyp_sbi_result(hyp_sbi_ecall2(HYP_SBI_EXT_RFENCE, HYP_SBI_RFENCE_REMOTE_FENCE_I,
					     hart_mask, hart_mask_base));
}

static int rfence4(unsigned long fid, unsigned long mask, unsigned long base,
		   unsigned long start, unsigned long size)
{
	READY(HYP_SBI_HAS_RFENCE);
	return hyp_sbi_result(hyp_sbi_ecall4(HYP_SBI_EXT_RFENCE, fid, mask, base, start, size));
}

static int rfence5(unsigned long fid, unsigned long mask, unsigned long base,
		   unsigned long start, unsigned long size, unsigned long id)
{
	READY(HYP_SBI_HAS_RFENCE);
	return hyp_sbi_result(hyp_sbi_ecall5(HYP_SBI_EXT_RFENCE, fid, mask, base, start, size, id));
}

int hyp_sbi_remote_sfence_vma(unsigned long hart_mask, unsigned long hart_mask_base,
			      unsigned long start, unsigned long size)
{
	return rfence4(HYP_SBI_RFENCE_REMOTE_SFENCE_VMA, hart_mask, hart_mask_base, start, size);
}

int hyp_sbi_remote_sfence_vma_asid(unsigned long hart_mask, unsigned long hart_mask_base,
				   unsigned long start, unsigned long size, unsigned long asid)
{
	return rfence5(HYP_SBI_RFENCE_REMOTE_SFENCE_VMA_ASID, hart_mask, hart_mask_base,
		       start, size, asid);
}

int hyp_sbi_remote_hfence_gvma_vmid(unsigned long hart_mask, unsigned long hart_mask_base,
				    unsigned long start, unsigned long size, unsigned long vmid)
{
	return rfence5(HYP_SBI_RFENCE_REMOTE_HFENCE_GVMA_VMID, hart_mask, hart_mask_base,
		       start, size, vmid);
}

int hyp_sbi_remote_hfence_gvma(unsigned long hart_mask, unsigned long hart_mask_base,
			       unsigned long start, unsigned long size)
{
	return rfence4(HYP_SBI_RFENCE_REMOTE_HFENCE_GVMA, hart_mask, hart_mask_base, start, size);
}

int hyp_sbi_remote_hfence_vvma_asid(unsigned long hart_mask, unsigned long hart_mask_base,
				    unsigned long start, unsigned long size, unsigned long asid)
{
	return rfence5(HYP_SBI_RFENCE_REMOTE_HFENCE_VVMA_ASID, hart_mask, hart_mask_base,
		       start, size, asid);
}

int hyp_sbi_remote_hfence_vvma(unsigned long hart_mask, unsigned long hart_mask_base,
			       unsigned long start, unsigned long size)
{
	return rfence4(HYP_SBI_RFENCE_REMOTE_HFENCE_VVMA, hart_mask, hart_mask_base, start, size);
}

/* ---- HSM ---- */
int hyp_sbi_hart_start(unsigned long hartid, unsigned long start_addr, unsigned long opaque)
{
	READY(HYP_SBI_HAS_HSM);
	return hyp_sbi_result(hyp_sbi_ecall3(HYP_SBI_EXT_HSM, HYP_SBI_HSM_HART_START,
					     hartid, start_addr, opaque));
}

int hyp_sbi_hart_stop(void)
{
	READY(HYP_SBI_HAS_HSM);
	return hyp_sbi_result(hyp_sbi_ecall0(HYP_SBI_EXT_HSM, HYP_SBI_HSM_HART_STOP));
}

int hyp_sbi_hart_get_status(unsigned long hartid)
{
	READY(HYP_SBI_HAS_HSM);
	return hyp_sbi_result(hyp_sbi_ecall1(HYP_SBI_EXT_HSM, HYP_SBI_HSM_HART_GET_STATUS, hartid));
}

int hyp_sbi_hart_suspend(uint32_t suspend_type, unsigned long resume_addr, unsigned long opaque)
{
	READY(HYP_SBI_HAS_HSM);
	return hyp_sbi_result(hyp_sbi_ecall3(HYP_SBI_EXT_HSM, HYP_SBI_HSM_HART_SUSPEND,
					     suspend_type, resume_addr, opaque));
}

/* ---- SRST, SUSP ---- */
int hyp_sbi_system_reset(uint32_t reset_type, uint32_t reset_reason)
{
	READY(HYP_SBI_HAS_SRST);
	return hyp_sbi_result(hyp_sbi_ecall2(HYP_SBI_EXT_SRST, HYP_SBI_SRST_RESET,
					     reset_type, reset_reason));
}

int hyp_sbi_system_suspend(uint32_t sleep_type, unsigned long resume_addr, unsigned long opaque)
{
	READY(HYP_SBI_HAS_SUSP);
	return hyp_sbi_result(hyp_sbi_ecall3(HYP_SBI_EXT_SUSP, HYP_SBI_SUSP_SYSTEM_SUSPEND,
					     sleep_type, resume_addr, opaque));
}

/*
 * ---- DBCN ----
 * One ecall names one physical address and a length, and the implementation
 * reads or writes that physical range (chapter 12): the buffer goes in
 * pieces that end at 4 KiB page boundaries, each translated on its own. A
 * count above the piece is the implementation's error (HYP_EIO, never
 * progress); a short count ends the call with the bytes moved so far; an
 * error ends it with that error, whatever moved before.
 */
#define RISCV_PAGE 4096u        /* the base page: a virtual page maps one physical page */

static int dbcn_rw(unsigned long fid, const void *buf, size_t len)
{
	size_t done = 0;

	READY(HYP_SBI_HAS_DBCN);
	if ((!buf && len) || len > (size_t)__INT_MAX__)
		return HYP_EINVAL;
	while (done < len) {
		const char *p = (const char *)buf + done;
		uint64_t pa = hyp_virt_to_phys(p);
		size_t piece = len - done;
		struct hyp_sbiret r;

		if (piece > hyp_page_left((uintptr_t)p, RISCV_PAGE))
			piece = (size_t)hyp_page_left((uintptr_t)p, RISCV_PAGE);
		if (piece > hyp_page_left(pa, RISCV_PAGE))
			piece = (size_t)hyp_page_left(pa, RISCV_PAGE);
		r = hyp_sbi_ecall3(HYP_SBI_EXT_DBCN, fid, piece, LO(pa), HI(pa));
		if (r.error != HYP_SBI_SUCCESS)
			return hyp_sbi_error(r.error);
		if ((unsigned long)r.value > piece)
			return HYP_EIO;
		done += (unsigned long)r.value;
		if ((unsigned long)r.value < piece)
			break;
	}
	return (int)done;
}

int hyp_sbi_debug_console_write(const char *buf, size_t len)
{
	return dbcn_rw(HYP_SBI_DBCN_CONSOLE_WRITE, buf, len);
}

int hyp_sbi_debug_console_read(char *buf, size_t len)
{
	return dbcn_rw(HYP_SBI_DBCN_CONSOLE_READ, buf, len);
}

int hyp_sbi_debug_console_write_byte(uint8_t byte)
{
	READY(HYP_SBI_HAS_DBCN);
	return hyp_sbi_result(hyp_sbi_ecall1(HYP_SBI_EXT_DBCN, HYP_SBI_DBCN_CONSOLE_WRITE_BYTE, byte));
}

/* ---- STA ---- */
int hyp_sbi_steal_time_set_shmem(struct hyp_sbi_sta_shmem *shmem)
{
	unsigned long lo = HYP_SBI_STA_SHMEM_DISABLE, hi = HYP_SBI_STA_SHMEM_DISABLE;

	READY(HYP_SBI_HAS_STA);
	if (shmem) {
		uint64_t pa;

		if ((uintptr_t)shmem & 63)
			return HYP_EINVAL;
		pa = hyp_virt_to_phys(shmem);
		if (pa & 63)
			return HYP_EINVAL;
		lo = LO(pa);
		hi = HI(pa);
	}
	return hyp_sbi_result(hyp_sbi_ecall3(HYP_SBI_EXT_STA, HYP_SBI_STA_SET_SHMEM, lo, hi, 0));
}

/* ---- Legacy (chapter 5): a6 ignored, the answer in a0 alone ---- */
static int legacy(unsigned long eid, unsigned long p0, unsigned long p1, unsigned long p2,
		  unsigned long p3)
{
	READY(HYP_SBI_HAS_LEGACY(eid));
	return hyp_sbi_result((struct hyp_sbiret){
		.error = hyp_sbi_ecall4(eid, 0, p0, p1, p2, p3).error });
}

int hyp_sbi_legacy_set_timer(uint64_t stime)
{
	return legacy(HYP_SBI_EXT_LEGACY_SET_TIMER, LO(stime), HI(stime), 0, 0);
}

int hyp_sbi_legacy_console_putchar(int ch)
{
	return legacy(HYP_SBI_EXT_LEGACY_CONSOLE_PUTCHAR, (unsigned char)ch, 0, 0, 0);
}

int hyp_sbi_legacy_console_getchar(void)
{
	struct hyp_sbiret r;

	READY(HYP_SBI_HAS_LEGACY(HYP_SBI_EXT_LEGACY_CONSOLE_GETCHAR));
	r = hyp_sbi_ecall0(HYP_SBI_EXT_LEGACY_CONSOLE_GETCHAR, 0);
	if (r.error < 0)
		return HYP_EAGAIN;      /* -1: nothing to read */
	return (int)(r.error & 0xff);
}

int hyp_sbi_legacy_clear_ipi(void)
{
	return legacy(HYP_SBI_EXT_LEGACY_CLEAR_IPI, 0, 0, 0, 0);
}

int hyp_sbi_legacy_send_ipi(const unsigned long *hart_mask)
{
	return legacy(HYP_SBI_EXT_LEGACY_SEND_IPI, (unsigned long)hart_mask, 0, 0, 0);
}

int hyp_sbi_legacy_remote_fence_i(const unsigned long *hart_mask)
{
	return legacy(HYP_SBI_EXT_LEGACY_REMOTE_FENCE_I, (unsigned long)hart_mask, 0, 0, 0);
}

int hyp_sbi_legacy_remote_sfence_vma(const unsigned long *hart_mask, unsigned long start,
				     unsigned long size)
{
	return legacy(HYP_SBI_EXT_LEGACY_REMOTE_SFENCE_VMA, (unsigned long)hart_mask, start, size, 0);
}

int hyp_sbi_legacy_remote_sfence_vma_asid(const unsigned long *hart_mask, unsigned long start,
					  unsigned long size, unsigned long asid)
{
	return legacy(HYP_SBI_EXT_LEGACY_REMOTE_SFENCE_VMA_ASID, (unsigned long)hart_mask,
		      start, size, asid);
}

int hyp_sbi_legacy_shutdown(void)
{
	return legacy(HYP_SBI_EXT_LEGACY_SHUTDOWN, 0, 0, 0, 0);
}
