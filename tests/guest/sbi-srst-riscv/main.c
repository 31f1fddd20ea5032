/* SPDX-License-Identifier: MIT */
/*
 * A real system reset through SBI, where its end can be told from any
 * other: under KVM RISC-V, SRST (or the legacy shutdown, SBI_SRST_LEGACY=1)
 * reaches the VMM as KVM_EXIT_SYSTEM_EVENT, and the loader ends the outer
 * QEMU with 0x21 (shutdown). Under OpenSBI the same call ends QEMU with
 * rc 0, which no runner may read as a pass, so that run is not made.
 */
#include <guest/riscv.h>
#include <guest/test.h>
#include <hyp/hyp.h>

void test_main(void)
{
	const struct hyp_info *info;
	int r;

	report(hyp_init(NULL) == HYP_OK && (info = hyp_get_info()) != NULL &&
	       info->sbi_impl_id == HYP_SBI_IMPL_KVM, "hyp_init: KVM answers");
#if SBI_SRST_LEGACY
	report(hyp_sbi_has(HYP_SBI_HAS_LEGACY(HYP_SBI_EXT_LEGACY_SHUTDOWN)), "legacy shutdown present");
	report_info("legacy shutdown now: the loader should see a shutdown event");
	report_summary();
	r = hyp_sbi_legacy_shutdown();
#else
	report(hyp_sbi_has(HYP_SBI_HAS_SRST), "SRST present");
	report_info("SRST shutdown now: the loader should see a shutdown event");
	report_summary();
	r = hyp_sbi_system_reset(HYP_SBI_SRST_TYPE_SHUTDOWN, HYP_SBI_SRST_REASON_NONE);
#endif
	report(false, "the reset returned %s", hyp_strerror(r));
}
