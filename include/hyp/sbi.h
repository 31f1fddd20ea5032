/* SPDX-License-Identifier: MIT */
/*
 * libhyp: the RISC-V Supervisor Binary Interface family (HYP_FAMILY_SBI).
 *
 * An S-mode kernel always has an SBI implementation below it: the platform
 * contract (RISC-V privileged spec; SBI spec chapter 1) is that ecall from
 * S-mode reaches M-mode firmware (OpenSBI, RustSBI, ...) or, in a virtual
 * machine, the hypervisor (KVM, Xen, Xvisor, bhyve). So on riscv64 the
 * family is present unless the kernel says nothing is below it
 * (hyp_platform.riscv_no_sbi) or it runs in M-mode (riscv_m_mode), and what
 * answers is asked, not guessed: hyp_init() opens the gate and reads BASE
 * (spec version, implementation ID and version, probe_extension for every
 * extension below) into hyp_info. hyp_detect() alone makes no ecall.
 *
 * No kernel hangs or traps because nothing answers: a kernel without SBI
 * (xv6-style, ecall from S-mode delegated to its own S-mode) gets hyp_init()'s
 * first ecall back as an S-mode trap. For that one ecall hyp_init() owns
 * stvec, with sstatus.SIE clear, and restores both after: trapped means no
 * SBI, the family closes (HYP_ENOHYP) with no further ecall. The kernel's
 * stvec may be anything, even unset, while hyp_init() runs on an S-mode hart.
 *
 * Typed calls return >= 0 (0 or the SBI value) or a HYP_E* code; one whose
 * extension probe_extension reported absent returns HYP_ENOSYS without an
 * ecall. hyp_sbi_error() maps SBI error codes:
 *   FAILED -1 -> HYP_EIO            NOT_SUPPORTED -2 -> HYP_ENOSYS
 *   INVALID_PARAM -3 -> HYP_EINVAL  DENIED -4 -> HYP_EPERM
 *   INVALID_ADDRESS -5 -> HYP_EFAULT ALREADY_AVAILABLE -6 -> HYP_EEXIST
 *   ALREADY_STARTED -7, ALREADY_STOPPED -8 -> HYP_EALREADY
 *   NO_SHMEM -9 -> HYP_ENOMEM       INVALID_STATE -10 -> HYP_EBUSY
 *   BAD_RANGE -11 -> HYP_ERANGE     TIMEOUT -12 -> HYP_ETIMEDOUT
 *   IO -13 -> HYP_EIO               others -> HYP_EIO
 * The raw pair stays available from hyp_sbi_hypercallN().
 */
#ifndef HYP_SBI_H
#define HYP_SBI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <hyp/error.h>
#include <hyp/sbi_abi.h>
#if defined(__riscv)
#include <hyp/riscv/sbi_call.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* hyp_info.sbi_extensions: the extensions probe_extension said present. */
#define HYP_SBI_HAS_BASE        (1u << 0)
#define HYP_SBI_HAS_TIME        (1u << 1)
#define HYP_SBI_HAS_IPI         (1u << 2)
#define HYP_SBI_HAS_RFENCE      (1u << 3)
#define HYP_SBI_HAS_HSM         (1u << 4)
#define HYP_SBI_HAS_SRST        (1u << 5)
#define HYP_SBI_HAS_PMU         (1u << 6)
#define HYP_SBI_HAS_DBCN        (1u << 7)
#define HYP_SBI_HAS_SUSP        (1u << 8)
#define HYP_SBI_HAS_CPPC        (1u << 9)
#define HYP_SBI_HAS_NACL        (1u << 10)
#define HYP_SBI_HAS_STA         (1u << 11)
/* Legacy EIDs 0x00..0x08: bit 16 + EID. */
#define HYP_SBI_HAS_LEGACY(eid) (1u << (16 + (eid)))
#define HYP_SBI_HAS_LEGACY_ALL  (0x1ffu << 16)

/* The EID of HYP_SBI_HAS_* bit `bit` (0..11, 16..24); ~0ul for no such bit. */
unsigned long hyp_sbi_ext_of_bit(unsigned int bit);

/* SBI error code (a0) -> HYP_E*; 0 -> HYP_OK (see the table above). */
int hyp_sbi_error(long sbi_error);

/* "OpenSBI", "KVM", ... for an implementation ID; "unknown" otherwise. */
const char *hyp_sbi_impl_name(unsigned long impl_id);

/* Whether implementation `impl_id` is a hypervisor (KVM, Xen, Xvisor,
 * Diosix, bhyve) rather than machine-mode firmware. */
bool hyp_sbi_impl_is_hypervisor(unsigned long impl_id);

#if defined(__riscv)
/* Whether probe_extension said HYP_SBI_HAS_<x> (false before hyp_init()). */
bool hyp_sbi_has(uint32_t has_bit);

/* ---- BASE (always present from SBI 0.2 on) ---- */
int hyp_sbi_spec_version(void);                 /* major << 24 | minor */
int hyp_sbi_impl_id(void);                      /* HYP_SBI_IMPL_* */
int hyp_sbi_impl_version(unsigned long *version);
int hyp_sbi_probe_extension(unsigned long eid); /* 0 absent, else > 0 (clamped to INT_MAX) */
int hyp_sbi_mvendorid(unsigned long *value);
int hyp_sbi_marchid(unsigned long *value);
int hyp_sbi_mimpid(unsigned long *value);

/* ---- TIME, IPI, RFENCE ---- */
/* Next timer event at `stime` (time CSR units); clears the pending timer. 0. */
int hyp_sbi_set_timer(uint64_t stime);
/* IPI to harts hart_mask_base + n for every bit n (base ~0ul: all harts). 0. */
int hyp_sbi_send_ipi(unsigned long hart_mask, unsigned long hart_mask_base);
int hyp_sbi_remote_fence_i(unsigned long hart_mask, unsigned long hart_mask_base);
int hyp_sbi_remote_sfence_vma(unsigned long hart_mask, unsigned long hart_mask_base,
			      unsigned long start, unsigned long size);
int hyp_sbi_remote_sfence_vma_asid(unsigned long hart_mask, unsigned long hart_mask_base,
				   unsigned long start, unsigned long size, unsigned long asid);
/* Hypervisor fences (the caller runs a hypervisor: HS-mode). */
int hyp_sbi_remote_hfence_gvma_vmid(unsigned long hart_mask, unsigned long hart_mask_base,
				    unsigned long start, unsigned long size, unsigned long vmid);
int hyp_sbi_remote_hfence_gvma(unsigned long hart_mask, unsigned long hart_mask_base,
			       unsigned long start, unsigned long size);
int hyp_sbi_remote_hfence_vvma_asid(unsigned long hart_mask, unsigned long hart_mask_base,
				    unsigned long start, unsigned long size, unsigned long asid);
int hyp_sbi_remote_hfence_vvma(unsigned long hart_mask, unsigned long hart_mask_base,
			       unsigned long start, unsigned long size);

/* ---- HSM ---- */
/* Start hart `hartid` in S-mode at physical `start_addr` with a0 = hartid, a1 = opaque. 0. */
int hyp_sbi_hart_start(unsigned long hartid, unsigned long start_addr, unsigned long opaque);
/* Stop the calling hart; returns only on failure. */
int hyp_sbi_hart_stop(void);
/* HYP_SBI_HSM_STATE_* of `hartid`; HYP_EINVAL for a hart that does not exist. */
int hyp_sbi_hart_get_status(unsigned long hartid);
/* Suspend the calling hart (HYP_SBI_HSM_SUSPEND_*); a retentive one returns 0 on wake-up. */
int hyp_sbi_hart_suspend(uint32_t suspend_type, unsigned long resume_addr, unsigned long opaque);

/* ---- SRST ---- */
/* Reset or shut down (HYP_SBI_SRST_TYPE_*, _REASON_*); returns only on failure. */
int hyp_sbi_system_reset(uint32_t reset_type, uint32_t reset_reason);

/* ---- DBCN (SBI 2.0) ---- */
/*
 * Up to `len` bytes of `buf` (guest-physical through hyp_platform.virt_to_phys,
 * one ecall per piece ending at a 4 KiB page boundary, each piece translated
 * on its own); returns the bytes written, which may be fewer. HYP_EIO when
 * the implementation claims more than a piece; an error answer is returned
 * as the error even after earlier pieces went out.
 */
int hyp_sbi_debug_console_write(const char *buf, size_t len);
/* Up to `len` bytes into `buf`, pieces and checks as for write; returns the count (0: nothing waiting). */
int hyp_sbi_debug_console_read(char *buf, size_t len);
int hyp_sbi_debug_console_write_byte(uint8_t byte);

/* ---- SUSP (SBI 2.0) ---- */
/* Suspend the system (all other harts stopped); on resume the hart starts at
 * resume_addr with a0 = hartid, a1 = opaque. Returns only on failure. */
int hyp_sbi_system_suspend(uint32_t sleep_type, unsigned long resume_addr, unsigned long opaque);

/* ---- STA (SBI 2.0) ---- */
/* Where the implementation writes this hart's steal time (64-byte aligned,
 * else HYP_EINVAL unsent); NULL stops it. 0. */
int hyp_sbi_steal_time_set_shmem(struct hyp_sbi_sta_shmem *shmem);

/* ---- Legacy (SBI 0.1, chapter 5; only where probe_extension lists them) ---- */
int hyp_sbi_legacy_set_timer(uint64_t stime);
int hyp_sbi_legacy_console_putchar(int ch);
int hyp_sbi_legacy_console_getchar(void);       /* the byte, or HYP_EAGAIN if none waits */
int hyp_sbi_legacy_clear_ipi(void);
/*
 * The hart masks are virtual addresses of one unsigned long (the implementation
 * reads them); NULL means every hart (OpenSBI lib/sbi/sbi_ecall_legacy.c,
 * sbi_load_hart_mask_unpriv).
 */
int hyp_sbi_legacy_send_ipi(const unsigned long *hart_mask);
int hyp_sbi_legacy_remote_fence_i(const unsigned long *hart_mask);
int hyp_sbi_legacy_remote_sfence_vma(const unsigned long *hart_mask, unsigned long start,
				     unsigned long size);
int hyp_sbi_legacy_remote_sfence_vma_asid(const unsigned long *hart_mask, unsigned long start,
					  unsigned long size, unsigned long asid);
int hyp_sbi_legacy_shutdown(void);              /* returns only on failure */

/* ---- Console: DBCN where present, else legacy putchar ---- */
/*
 * All `len` bytes (at most INT_MAX): DBCN write, repeated for what was not
 * taken (HYP_SBI_CONSOLE_STALLS answers of 0 in a row, counted afresh after
 * each progress: HYP_EAGAIN or the count so far); without DBCN, legacy
 * putchar byte by byte. Returns len; HYP_ENOSYS where neither is present
 * (nothing executed); an error answer (HYP_EIO for a count above what was
 * asked) is returned as the error, even after some bytes went out.
 */
#define HYP_SBI_CONSOLE_STALLS 16
int hyp_sbi_console_write(const char *buf, size_t len);
#endif /* __riscv */

#ifdef __cplusplus
}
#endif

#endif /* HYP_SBI_H */
