/* SPDX-License-Identifier: MIT */
/*
 * The x86 hypercall instructions, emitted as bytes so any assembler takes
 * them: vmcall (Intel VMX: Intel, Centaur, Zhaoxin) and vmmcall (AMD SVM:
 * AMD, Hygon). Overridable before inclusion (the host ABI tests replace them
 * with a trapping encoding); see <hyp/config.h>. i386 stubs may bind ebx:
 * gcc >= 5 and clang keep it usable with -fPIC (the GOT pointer) by saving it.
 */
#ifndef HYP_X86_INSN_H
#define HYP_X86_INSN_H

#ifndef HYP_X86_VMCALL_INSN
#define HYP_X86_VMCALL_INSN     ".byte 0x0f, 0x01, 0xc1"    /* vmcall */
#endif
#ifndef HYP_X86_VMMCALL_INSN
#define HYP_X86_VMMCALL_INSN    ".byte 0x0f, 0x01, 0xd9"    /* vmmcall */
#endif

/*
 * A call from inside an asm statement. The x86_64 psABI (3.2.2) lets a
 * function keep data in the 128 bytes below rsp, which `call` would
 * overwrite: stepped over unless HYP_X86_NO_RED_ZONE (<hyp/config.h>).
 */
#if defined(__x86_64__) && !defined(HYP_X86_NO_RED_ZONE)
#define HYP_X86_ASM_CALL(target) "lea -128(%%rsp), %%rsp\n\tcall *" target "\n\tlea 128(%%rsp), %%rsp"
#else
#define HYP_X86_ASM_CALL(target) "call *" target
#endif

#endif /* HYP_X86_INSN_H */
