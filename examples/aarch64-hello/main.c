/* SPDX-License-Identifier: MIT */
/*
 * aarch64-hello: a tiny arm64 kernel that asks libhyp what it runs on and
 * greets through it. One Image for QEMU virt (PSCI from QEMU), a real KVM
 * (the KVM loader) and a real Xen (dom0). Console: QEMU virt's PL011, or
 * Xen's console_io under Xen. Exit: the KVM loader's exit register when the
 * device tree has /libhyp-exit, else semihosting SYS_EXIT (1 = success).
 */
#include <hyp/fdt.h>
#include <hyp/hyp.h>

#define PL011 ((volatile uint32_t *)0x09000000ul)

static bool xen;

/* The compiler may call these for this kernel's struct copies and zeroing (libhyp.a calls neither). */
void *memset(void *dst, int c, unsigned long n);
void *memcpy(void *dst, const void *src, unsigned long n);
void *memset(void *dst, int c, unsigned long n)
{
	volatile unsigned char *d = dst;

	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

void *memcpy(void *dst, const void *src, unsigned long n)
{
	volatile unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

static void put(const char *s)
{
	unsigned long n = 0;

	while (s[n])
		n++;
	if (xen) {
		hyp_xen_console_write(s, n);
		return;
	}
	for (unsigned long i = 0; i < n; i++) {
		if (s[i] == '\n')
			PL011[0] = '\r';
		PL011[0] = (uint8_t)s[i];
	}
}

static void put_hex(uint64_t v)
{
	char buf[19] = "0x";

	for (int i = 0; i < 16; i++)
		buf[2 + i] = "0123456789abcdef"[(v >> (60 - 4 * i)) & 15];
	buf[18] = '\0';
	put(buf);
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void finish(const void *fdt, size_t size, bool ok)
{
	uint64_t code = ok ? 1 : 3;
	struct hyp_fdt t;
	const void *reg;
	uint32_t len;
	int node;

	put(ok ? "1 passed, 0 failed\n" : "0 passed, 1 failed\n");
	if (fdt && hyp_fdt_open(&t, fdt, size) == 0 &&
	    (node = hyp_fdt_path_offset(&t, "/libhyp-exit")) >= 0 &&
	    hyp_fdt_getprop(&t, node, "reg", &reg, &len) == 0 && len == 16) {
		*(volatile uint32_t *)(uintptr_t)((uint64_t)be32(reg) << 32 | be32((const uint8_t *)reg + 4)) =
			(uint32_t)code;
	} else {
		uint64_t block[2] = { 0x20026, code };   /* ADP_Stopped_ApplicationExit */
		register uint64_t x0 __asm__("x0") = 0x18; /* SYS_EXIT */
		register uint64_t x1 __asm__("x1") = (uint64_t)(uintptr_t)block;

		__asm__ __volatile__("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
	}
}

void kmain(const void *fdt);
void kmain(const void *fdt)
{
	size_t size = fdt ? be32((const uint8_t *)fdt + 4) : 0;
	struct hyp_platform plat = { .fdt = fdt, .fdt_size = size };
	const struct hyp_info *info;
	bool ok = false;

	hyp_init(&plat);
	info = hyp_get_info();
	xen = info && (info->families & HYP_FAMILY_XEN);
	put("Hello from an aarch64 kernel; libhyp found: ");
	put(info ? hyp_kind_name(info->kind) : "(init failed)");
	put("\n");
	if (!info) {
		finish(fdt, size, false);
		return;
	}
	put("PSCI version ");
	put_hex((uint64_t)hyp_psci_version());
	put("\n");
	if (info->kind == HYP_KIND_KVM) {
		uint64_t ns, cycles, rnd[3];

		ok = hyp_kvm_arm_ptp(HYP_SMCCC_KVM_PTP_VIRT_COUNTER, &ns, &cycles) == 0 &&
		     hyp_trng_rnd64(64, rnd) == 0;
		put("KVM's wall clock (ns): ");
		put_hex(ns);
		put(", 64 random bits from KVM's TRNG: ");
		put_hex(rnd[2]);
		put("\n");
	} else if (info->kind == HYP_KIND_XEN) {
		int v = hyp_xen_version();

		put("Xen version ");
		put_hex((uint64_t)v);
		put(" (this line went through console_io)\n");
		ok = v > 0;
	} else {
		ok = hyp_psci_version() > 0 && hyp_trng_version() == HYP_ENOHYP;
		put("No hypervisor: PSCI from the firmware, nothing else called\n");
	}
	finish(fdt, size, ok);
}
