// SPDX-License-Identifier: MIT
// A C++ kernel using libhyp as a C++ kernel author writes it (g++/clang++
// -ffreestanding -fno-exceptions -fno-rtti): every call must resolve to the
// C symbol in libhyp.a, and every struct the headers name must be usable by
// its plain name. Linked, never run (tests/host/check-cxx-consumer.sh).
#include <hyp/hyp.h>

extern "C" {
void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void kmain(void);
}

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = static_cast<unsigned char *>(dst);

	while (n--)
		*d++ = static_cast<unsigned char>(c);
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = static_cast<unsigned char *>(dst);
	const unsigned char *s = static_cast<const unsigned char *>(src);

	while (n--)
		*d++ = *s++;
	return dst;
}

volatile long kernel_sink;

void kmain(void)
{
	long r = hyp_init(nullptr);

	r += hyp_strerror(static_cast<int>(r))[0];
#if defined(__x86_64__) || defined(__i386__)
	hyp_kvm_clock_pairing_args pairing;            // was shadowed by the function
	hyp_xen_evtchn_status_args status = {};
	r += hyp_kvm_clock_pairing(&pairing, 0);
	r += hyp_xen_evtchn_status(1, &status);
	r += hyp_kvm_vapic_poll_irq() + static_cast<long>(sizeof(hyp_kvm_clock_pairing_args));
#endif
#if defined(__powerpc__) || defined(__powerpc64__)
	static uint32_t code[4], gen[64];
	hyp_kvm_ppc_patch_stats stats;

	r += hyp_kvm_ppc_patch_words(code, 4, 0x1000, gen, 64, 0x2000, 0, &stats);
	r += hyp_kvm_ppc_patch(code, 4, gen, 64, 0, &stats);
#endif
	kernel_sink = r;
	for (;;)
		;
}
