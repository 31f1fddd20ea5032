/* SPDX-License-Identifier: MIT */
/*
 * Mac-on-Linux OSI ("operating system interface") call ABI, PowerPC book3s.
 *
 * A guest enters the host with `sc` (system call, LEV 0) holding two magic
 * words in r3 and r4; the selector is in r5, arguments in r6-r11; the host
 * answers a status in r3 and, per selector, values in r4-r9. Sources: MOL's
 * osi.h and osi_calls.h (Samuel Rydh, 1999-2004; the selector list and the
 * register use), Linux arch/powerpc/include/asm/kvm_book3s.h
 * (OSI_SC_MAGIC_R3/R4) and arch/powerpc/kvm/book3s_pr.c: after
 * KVM_ENABLE_CAP(KVM_CAP_PPC_OSI), KVM-PR turns such an `sc` into
 * KVM_EXIT_OSI with all 32 GPRs in kvm_run.osi.gprs and writes all 32 back
 * before the guest resumes (include/uapi/linux/kvm.h). There is no
 * discovery: the kernel must know it runs under such a host.
 */
#ifndef HYP_OSI_ABI_H
#define HYP_OSI_ABI_H

#define HYP_OSI_SC_MAGIC_R3         0x113724FAul
#define HYP_OSI_SC_MAGIC_R4         0x77810F9Bul

/* Selectors (r5), MOL osi.h; a host may serve others of its own. */
#define HYP_OSI_CALL_AVAILABLE      0   /* r6 selector -- r3 non-zero if served */
#define HYP_OSI_DEBUGGER            1
#define HYP_OSI_GET_GMT_TIME        7
#define HYP_OSI_GET_LOCALTIME       9
#define HYP_OSI_LOG_PUTC            47  /* r6 char -- */
#define HYP_OSI_EXIT                54
#define HYP_OSI_USLEEP              58  /* r6 microseconds -- */
#define HYP_OSI_TTY_PUTC            97
#define HYP_OSI_TTY_GETC            98

/* Registers r4..r11 after a call (r[0] = r4): MOL hosts answer in r4-r9. */
struct hyp_osi_out {
	unsigned long r[8];
};

#endif /* HYP_OSI_ABI_H */
