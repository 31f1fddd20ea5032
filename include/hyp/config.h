/* SPDX-License-Identifier: MIT */
/*
 * Compile-time knobs. Every one is optional; define it the same way for the
 * library and the kernel (e.g. with -D in both builds). Each is listed here
 * with its default and the check that rejects a bad combination.
 *
 * HYP_X86_KVM_FORCE_VMCALL, HYP_X86_KVM_FORCE_VMMCALL
 *     x86 KVM: issue this instruction instead of the one hyp_init() picks
 *     from the CPU vendor (a load and a compare less per call). Default:
 *     neither, chosen at run time. CMake: -DHYP_X86_KVM_INSN=vmcall|vmmcall.
 * HYP_X86_NO_RED_ZONE
 *     x86_64: the code that includes libhyp's headers is compiled with
 *     -mno-red-zone (as every x86_64 kernel is), so a Xen or Hyper-V
 *     hypercall-page call is a bare `call` instead of stepping rsp over the psABI's 128-byte red
 *     zone (2 instructions less per page call). Default: undefined, the step
 *     stays. No check is possible: neither gcc (12) nor clang (14) predefines
 *     any macro for -mno-red-zone (compare `cc -dM -E` with and without it),
 *     so defining this in a build that keeps its red zone is not rejected and
 *     lets a page stub's `call` overwrite up to 8 bytes of the caller's
 *     red-zone data. CMake: -DHYP_X86_NO_RED_ZONE=ON adds it together with
 *     -mno-red-zone to everything that links hyp, so the two cannot part.
 *     libhyp's own objects are always built with both (lib/CMakeLists.txt):
 *     its typed Xen and Hyper-V calls carry no step whatever the kernel defines.
 * HYP_X86_VMCALL_INSN, HYP_X86_VMMCALL_INSN       (<hyp/x86/insn.h>)
 * HYP_XEN_PAGE_CALL_INSN                          (<hyp/x86/xen_hypercall.h>)
 * HYP_HYPERV_PAGE_CALL_INSN                       (<hyp/x86/hyperv_call.h>)
 * HYP_S390_DIAG500_INSN                           (<hyp/s390/kvm_hypercall.h>)
 * HYP_MIPS_HYPCALL_INSN                           (<hyp/mips/kvm_hypercall.h>)
 * HYP_PAPR_HVSC_INSN                              (<hyp/powerpc/papr_hypercall.h>)
 * HYP_EPAPR_CALL_INSN                             (<hyp/powerpc/epapr_hypercall.h>)
 * HYP_OSI_INSN                                    (<hyp/powerpc/osi_call.h>)
 * HYP_RISCV_ECALL_INSN                            (<hyp/riscv/sbi_call.h>)
 * HYP_ARM64_HVC_INSN, HYP_ARM64_SMC_INSN         (<hyp/arm64/smccc_call.h>)
 * HYP_ARM64_XEN_INSN                              (<hyp/arm64/xen_call.h>)
 *     The instruction text each stub emits. Default: the real instruction.
 *     The host ABI tests replace them with a trapping encoding.
 * HYP_FAMILIES
 *     The families libhyp.a detects (HYP_FAMILY_* bits of <hyp/core.h>,
 *     or-ed): a family left out is never detected, its gate stays absent
 *     (its calls answer HYP_ENOHYP, nothing executed) and no code of its
 *     detection is referenced, so a kernel linking with --gc-sections pays
 *     for the families it keeps (docs/PERFORMANCE.md, "Size"). Families
 *     with a choice: x86 KVM, Xen, Hyper-V, VMware; PowerPC ePAPR, KVM
 *     (magic page), PAPR, OSI; aarch64 Xen, SMCCC (KVM's services are
 *     SMCCC's). Default: all. CMake: -DHYP_FAMILIES="kvm;xen" (names:
 *     kvm xen hyperv vmware smccc sbi epapr papr osi); otherwise
 *     -DHYP_FAMILIES='(HYP_FAMILY_KVM)' for the library's sources.
 */
#ifndef HYP_CONFIG_H
#define HYP_CONFIG_H

#if defined(HYP_X86_KVM_FORCE_VMCALL) && defined(HYP_X86_KVM_FORCE_VMMCALL)
#error "define at most one of HYP_X86_KVM_FORCE_VMCALL and HYP_X86_KVM_FORCE_VMMCALL"
#endif

#ifndef HYP_FAMILIES
#define HYP_FAMILIES 0xffffffffu
#endif
/* Whether family f (HYP_FAMILY_*) is compiled into detection. */
#define HYP_FAMILY_BUILT(f) ((HYP_FAMILIES & (f)) != 0)

#endif /* HYP_CONFIG_H */
