/* SPDX-License-Identifier: MIT */
/* s390x program-check dispatch, unexpected interruptions, disabled-wait exit. */
#include <guest/s390.h>
#include <guest/test.h>

#define LC_PGM_ILEN         0x8c
#define LC_PGM_CODE         0x8e
#define LC_PGM_OLD_PSW      0x150
#define LC_SAVED_GPRS       0x200

/* Disabled wait with 64-bit addressing: QEMU takes address 0xfff as a clean
 * shutdown (exit 0) and any other as a guest panic (exit 1 with
 * -action panic=exit-failure). */
#define PSW_MASK_DISABLED_WAIT  0x0002000180000000ull
#define PSW_ADDR_SHUTDOWN       0xfffull
#define PSW_ADDR_PANIC          0xbadull

static bool in_handler;

void sclp_flush(void);
void guest_s390_program_check(void);
void guest_s390_unexpected(unsigned long klass);

/* An absolute lowcore address, hidden from the compiler's bounds checks. */
static void *lowcore(unsigned long addr)
{
	void *p;

	__asm__("" : "=r"(p) : "0"(addr));
	return p;
}

void guest_s390_program_check(void)
{
	volatile uint64_t *gprs = lowcore(LC_SAVED_GPRS);
	volatile uint64_t *psw = lowcore(LC_PGM_OLD_PSW);
	struct guest_frame frame;

	for (unsigned int i = 0; i < 16; i++)
		frame.gprs[i] = gprs[i];
	frame.psw_mask = psw[0];
	frame.psw_addr = psw[1];
	frame.pgm_code = *(volatile uint16_t *)lowcore(LC_PGM_CODE);
	frame.ilen = *(volatile uint16_t *)lowcore(LC_PGM_ILEN) & 6;

	if (in_handler)
		report_abort("program interruption code 0x%x inside a handler at PSW %016llx",
			     frame.pgm_code, (unsigned long long)frame.psw_addr);
	in_handler = true;
	if (!guest_trap_handled(frame.pgm_code, &frame))
		guest_trap_unhandled(frame.pgm_code, frame.psw_addr,
				     "program interruption code 0x%x, PSW %016llx %016llx (ilen %u)",
				     frame.pgm_code, (unsigned long long)frame.psw_mask,
				     (unsigned long long)frame.psw_addr, frame.ilen);
	in_handler = false;
	for (unsigned int i = 0; i < 16; i++)
		gprs[i] = frame.gprs[i];
	psw[0] = frame.psw_mask;
	psw[1] = frame.psw_addr;
}

void guest_s390_unexpected(unsigned long klass)
{
	static const char *const names[] = { "?", "external", "SVC", "program", "machine check", "I/O" };
	volatile uint64_t *old = lowcore(0x120 + 0x10 * klass);

	report_abort("unexpected %s interruption, old PSW %016llx %016llx",
		     klass < 6 ? names[klass] : "?", (unsigned long long)old[0],
		     (unsigned long long)old[1]);
}

uint64_t guest_s390_time_us(void)
{
	uint64_t tod;

	__asm__ __volatile__("stck %0" : "=Q"(tod) : : "cc");
	return tod >> 12;
}

void arch_exit(bool pass)
{
	static uint64_t wait_psw[2] __attribute__((aligned(8)));

	sclp_flush();
	wait_psw[0] = PSW_MASK_DISABLED_WAIT;
	wait_psw[1] = pass ? PSW_ADDR_SHUTDOWN : PSW_ADDR_PANIC;
	__asm__ __volatile__("lpswe %0" : : "Q"(wait_psw) : "memory");
	__builtin_unreachable();
}
