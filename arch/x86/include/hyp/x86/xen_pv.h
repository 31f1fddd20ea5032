/* SPDX-License-Identifier: MIT */
/*
 * x86 Xen PV: the hypercall page a PV image provides and the ELF note that
 * names it (Xen docs/guest-guide/x86/hypercall-abi.rst; the note
 * XEN_ELFNOTE_HYPERCALL_PAGE in xen/include/public/elfnote.h).
 *
 * HYP_XEN_PV_HYPERCALL_PAGE(name), at file scope in one C file of the image,
 * emits a 4 KiB-aligned page `name` in .text, prefilled like
 * hyp_xen_hypercall_page_fill() (ud2 per 32-byte slot, int3 elsewhere), and
 * a .note.Xen entry of type XEN_ELFNOTE_HYPERCALL_PAGE holding its virtual
 * address. Xen overwrites the page before the guest's first instruction; the
 * kernel then calls hyp_xen_set_hypercall_page(name), which verifies it.
 * The image's linker script must keep .note.Xen in a PT_NOTE segment; the
 * other PV notes (ENTRY, XEN_VERSION, ...) belong to the image's entry code.
 */
#ifndef HYP_X86_XEN_PV_H
#define HYP_X86_XEN_PV_H

#include <hyp/xen_abi.h>

#if defined(__x86_64__)
#define HYP_XEN_PV_NOTE_WORD        ".quad"
#define HYP_XEN_PV_NOTE_WORD_SIZE   "8"
#else
#define HYP_XEN_PV_NOTE_WORD        ".long"
#define HYP_XEN_PV_NOTE_WORD_SIZE   "4"
#endif

#define HYP_XEN_PV_STRINGIFY_(x)    #x
#define HYP_XEN_PV_STRINGIFY(x)     HYP_XEN_PV_STRINGIFY_(x)

#define HYP_XEN_PV_HYPERCALL_PAGE(name)                                             \
	extern unsigned char name[HYP_XEN_PAGE_SIZE];                               \
	__asm__(".pushsection .text.hyp_xen_hypercall_page, \"ax\", @progbits\n"    \
		".balign 4096\n"                                                     \
		".globl " #name "\n"                                                 \
		".type " #name ", @object\n"                                         \
		#name ":\n"                                                          \
		".rept 128\n"                                                        \
		".byte 0x0f, 0x0b\n"                                                 \
		".fill 30, 1, 0xcc\n"                                                \
		".endr\n"                                                            \
		".size " #name ", 4096\n"                                            \
		".popsection\n"                                                      \
		".pushsection .note.Xen, \"a\", @note\n"                             \
		".balign 4\n"                                                        \
		".long 4, " HYP_XEN_PV_NOTE_WORD_SIZE ", "                           \
		HYP_XEN_PV_STRINGIFY(HYP_XEN_ELFNOTE_HYPERCALL_PAGE) "\n"            \
		".asciz \"Xen\"\n"                                                   \
		".balign 4\n"                                                        \
		HYP_XEN_PV_NOTE_WORD " " #name "\n"                                  \
		".balign 4\n"                                                        \
		".popsection\n")

#endif /* HYP_X86_XEN_PV_H */
