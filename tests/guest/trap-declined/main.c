/* SPDX-License-Identifier: MIT */
/*
 * The trap-hook contract of <guest/trap.h> on every runtime with hooks: a
 * hook that returns false ends the run as a failure with the cause and the
 * pc printed. The image hooks a trap, raises it once and declines it; the
 * runner passes only on the runtime's ABORT line and the summary
 * "0 passed, 1 failed" (CMakeLists.txt). Treating false as handled resumes
 * at the same instruction (a trap loop: timeout); going on after the trap
 * prints a FAIL line instead.
 */
#include <guest/test.h>

#if defined(__x86_64__) || defined(__i386__)
#include <guest/x86.h>
#define CAUSE   X86_VEC_UD
#define RAISE() __asm__ __volatile__("ud2")
#elif defined(__aarch64__)
#include <guest/arm64.h>
#define CAUSE   ARM64_EC_UNKNOWN
#define RAISE() __asm__ __volatile__("udf #0")
#elif defined(__mips__)
#include <guest/mips.h>
#define CAUSE   MIPS_EXC_BP
#define RAISE() __asm__ __volatile__("break")
#elif defined(__riscv)
#include <guest/riscv.h>
#define CAUSE   RV_EXC_BREAKPOINT
#define RAISE() __asm__ __volatile__("ebreak")
#elif defined(__powerpc__)
#include <guest/powerpc.h>
#define CAUSE   GUEST_PPC_IVOR_SYSCALL
#define RAISE() __asm__ __volatile__("sc" ::: "memory")
#elif defined(__s390x__)
#include <guest/s390.h>
#define CAUSE   GUEST_PGM_OPERATION
#define RAISE() __asm__ __volatile__(".short 0")
#endif

static volatile unsigned int declined;

static bool decline(struct guest_frame *frame)
{
	(void)frame;
	declined++;
	report_info("the hook declines trap %u", CAUSE);
	return false;
}

void test_main(void)
{
	guest_set_trap_handler(CAUSE, decline);
	RAISE();
	report(false, "went on after a declined trap (%u)", declined);
}
