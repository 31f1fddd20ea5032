/* SPDX-License-Identifier: MIT */
/*
 * xen-hello: a kernel booted as Xen's PVH dom0. Detect Xen, ask its version,
 * say hello on Xen's console through console_io, once with the default
 * direct calls and once through the hypercall page.
 */
#include <guest/test.h>
#include <hyp/hyp.h>

static _Alignas(4096) unsigned char hypercall_page[4096];

void test_main(void)
{
	static const char hello[] = "hello from libhyp through Xen's console_io\n";
	const struct hyp_info *info;
	int version, written;

	hyp_init(NULL);
	info = hyp_get_info();
	printf("hypervisor: %s, signature \"%s\"\n", hyp_kind_name(info->kind), info->signature);
	if (!(info->families & HYP_FAMILY_XEN)) {
		report(false, "no Xen here: boot me as Xen's dom0");
		return;
	}

	version = hyp_xen_version();
	printf("direct calls (mode %d): Xen %d.%d\n", hyp_xen_mode(), version >> 16, version & 0xffff);
	written = hyp_xen_console_write(hello, sizeof(hello) - 1);

	report(hyp_xen_set_hypercall_page(hypercall_page) == HYP_OK, "hypercall page installed");
	printf("through the page: Xen %d.%d\n", hyp_xen_version() >> 16, hyp_xen_version() & 0xffff);
	report(version > 0 && written == (int)sizeof(hello) - 1, "Xen answered");
}
