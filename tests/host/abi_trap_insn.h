/* SPDX-License-Identifier: MIT */
/*
 * Forced-included into the host ABI test build: the KVM instructions become
 * ud2 (0f 0b) followed by the real instruction's third byte, so a SIGILL
 * handler can play KVM, tell vmcall (c1) from vmmcall (d9), and resume at
 * ip + 3 exactly as after the real instruction.
 */
#define HYP_X86_VMCALL_INSN     ".byte 0x0f, 0x0b, 0xc1"
#define HYP_X86_VMMCALL_INSN    ".byte 0x0f, 0x0b, 0xd9"
/* The second opcode byte of those instructions, where the library checks code bytes (Hyper-V page). */
#define HYP_X86_VMCALL_OPCODE2  0x0b
