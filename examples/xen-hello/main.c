/* SPDX-License-Identifier: MIT */
/*
 * xen-hello: a kernel booted as Xen's PVH dom0 (start.S: the PVH entry). Detect
 * Xen, ask its version, say hello on Xen's console (console_io), read the wall
 * clock from shared_info, ask again through the hypercall page. Console: port
 * 0xE9 (Xen prints "(d0) ..."). Exit: isa-debug-exit (QEMU exits 1 for pass).
 */
#include <hyp/hyp.h>

#define DEBUGCON_PORT   0xe9
#define DEBUG_EXIT_PORT 0xf4

void kernel_main(void);

/* The compiler may call these for this kernel's structure copies (libhyp.a calls neither). */
void *memset(void *dst, int c, size_t n)
{
	for (unsigned char *d = dst; n--;)
		*d++ = (unsigned char)c;
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	for (unsigned char *d = dst, *s = (unsigned char *)src; n--;)
		*d++ = *s++;
	return dst;
}

/* Xen replaces these whole pages: the union type is exactly one page. */
static union hyp_xen_shared_info_page shared_info;
static _Alignas(4096) unsigned char hypercall_page[4096];

static void outb(uint16_t port, uint8_t v)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(v), "Nd"(port));
}

static void puts(const char *s)
{
	while (*s)
		outb(DEBUGCON_PORT, (uint8_t)*s++);
}

static void put_dec(unsigned long u)
{
	char buf[24];
	int i = sizeof(buf) - 1;

	buf[i] = '\0';
	do
		buf[--i] = (char)('0' + u % 10);
	while ((u /= 10) && i > 0);
	puts(buf + i);
}

static void put_version(int version)   /* major << 16 | minor */
{
	put_dec((unsigned long)version >> 16);
	puts(".");
	put_dec((unsigned long)version & 0xffff);
	puts("\n");
}

static void __attribute__((noreturn)) exit_qemu(bool pass)
{
	puts(pass ? "PASS\n" : "FAIL\n");
	for (outb(DEBUG_EXIT_PORT, pass ? 0 : 1);;)     /* no such device: stop here */
		__asm__ __volatile__("cli; hlt");
}

/* Seconds since 1970 at Xen's system time 0; retried while Xen updates it. */
static unsigned long boot_wall_clock(void)
{
	volatile struct hyp_xen_shared_info *s = &shared_info.info;
	uint32_t version, sec;

	do {
		version = s->wc_version;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		sec = s->wc_sec;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
	} while ((version & 1) || version != s->wc_version);
	return sec;
}

void kernel_main(void)
{
	static const char hello[] = "hello from libhyp through Xen's console_io\n";
	const struct hyp_info *info;
	int version, written;
	unsigned long wall;

	hyp_init(NULL);
	info = hyp_get_info();
	if (!info || !(info->families & HYP_FAMILY_XEN)) {
		puts("no Xen here: boot me as Xen's PVH dom0\n");
		exit_qemu(false);
	}
	version = hyp_xen_version();    /* direct vmcall/vmmcall by CPU vendor */
	puts("direct calls: Xen ");
	put_version(version);
	written = hyp_xen_console_write(hello, sizeof(hello) - 1);

	wall = hyp_xen_map_shared_info(&shared_info) == HYP_OK ? boot_wall_clock() : 0;
	puts("shared_info: Xen started at ");
	put_dec(wall);
	puts(" s since 1970\n");

	if (hyp_xen_set_hypercall_page(hypercall_page) != HYP_OK)
		exit_qemu(false);
	puts("through the page: Xen ");
	put_version(hyp_xen_version());
	exit_qemu(version > 0 && written == (int)sizeof(hello) - 1 && wall > 1600000000u);
}
