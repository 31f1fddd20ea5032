/* SPDX-License-Identifier: MIT */
/*
 * riscv64 guest runtime (QEMU virt, S-mode or VS-mode under KVM).
 *
 * Entry at 0x80200000 (the image's lowest address) with a0 = hart ID and
 * a1 = device tree, as OpenSBI's and the KVM loader's jump gives them.
 * One trap vector (stvec, direct) saves every register into a struct
 * guest_frame, counts the trap, calls the handler hooked for scause's code
 * (<guest/trap.h>) and restores the frame (a handler edits it) before sret.
 * Console: the 16550 UART at 0x10000000; exit: the sifive_test device at
 * 0x100000.
 */
#ifndef GUEST_RISCV_H
#define GUEST_RISCV_H

#include <stdbool.h>
#include <stdint.h>

#include <guest/trap.h>

/* scause exception codes (privileged spec, table 4.2). */
#define RV_EXC_ILLEGAL          2
#define RV_EXC_BREAKPOINT       3
#define RV_EXC_ECALL_U          8
#define RV_EXC_ECALL_S          9

/* sip/sie bits. */
#define RV_SIP_SSIP             (1ul << 1)
#define RV_SIP_STIP             (1ul << 5)

/* x0..x31 (regs[0] unused, regs[2] = sp at the trap), then the CSRs; the pc is `sepc`. */
struct guest_frame {
	unsigned long regs[32];
	unsigned long sepc, scause, stval, sstatus;
};
#define RV_REG_RA 1
#define RV_REG_SP 2
#define RV_REG_A0 10
#define RV_REG_A1 11
#define RV_REG_A6 16
#define RV_REG_A7 17

/* Every trap taken so far (the vector counts each one). */
extern volatile unsigned long guest_trap_count;

/* Boot arguments. */
extern unsigned long guest_boot_hartid;
extern unsigned long guest_boot_dtb;

/*
 * Run fn(arg) in U-mode (no paging: U reaches all memory PMP allows) and
 * return its result. Its ecalls trap to the vector as RV_EXC_ECALL_U,
 * where a hooked handler can play the SBI implementation.
 */
long guest_run_user(long (*fn)(void *), void *arg);

/* Exit codes through sifive_test: QEMU's status (and the KVM loader's). */
#define GUEST_RISCV_EXIT_PASS   1
#define GUEST_RISCV_EXIT_FAIL   3

#define csr_read(csr) ({ unsigned long _v; __asm__ __volatile__("csrr %0, " #csr : "=r"(_v)); _v; })
#define csr_write(csr, v) __asm__ __volatile__("csrw " #csr ", %0" : : "r"((unsigned long)(v)) : "memory")
#define csr_set(csr, v) __asm__ __volatile__("csrs " #csr ", %0" : : "r"((unsigned long)(v)) : "memory")
#define csr_clear(csr, v) __asm__ __volatile__("csrc " #csr ", %0" : : "r"((unsigned long)(v)) : "memory")

#endif /* GUEST_RISCV_H */
