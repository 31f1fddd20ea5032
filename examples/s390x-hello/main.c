/* SPDX-License-Identifier: MIT */
/*
 * s390x-hello: find the hypervisor with STSI (libhyp), then make a KVM
 * hypercall, DIAGNOSE 0x500 subcode 3 (virtio-ccw notify), which QEMU itself
 * answers: 0 for queue 0 of the device on subchannel 0.0.0000 (run QEMU with
 * `-device virtio-rng-ccw,devno=fe.0.0000`), -22 (HYP_EINVAL) for a missing one.
 * Console: SCLP Write Event Data with one ASCII console event (QEMU's
 * sclpconsole). Exit: a disabled-wait PSW; at address 0xfff QEMU shuts down
 * cleanly (rc 0), at any other it sees a guest panic (rc 1 with
 * `-action panic=exit-failure`).
 */
#include <hyp/hyp.h>

#define SCLP_CMD_WRITE_EVENT_DATA   0x00760005u
#define SCLP_EVENT_ASCII_CONSOLE    0x1a
#define PSW_MASK_DISABLED_WAIT      0x0002000180000000ull

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

/* The service-call control block: header, one event buffer, the text. */
struct sccb_write {
	uint16_t length;
	uint8_t function_code;
	uint8_t control_mask[3];
	uint16_t response_code;
	uint16_t event_length;
	uint8_t event_type;
	uint8_t event_flags;
	uint16_t event_reserved;
	char data[128];
} __attribute__((packed));

static struct sccb_write sccb __attribute__((aligned(4096)));

/* SERVICE CALL (binutils has no mnemonic for it); QEMU completes the command
 * before the instruction ends. */
static void puts(const char *s)
{
	unsigned int n = 0;

	while (s[n] && n < sizeof(sccb.data))
		n++;
	for (unsigned int i = 0; i < sizeof(sccb); i++)
		((volatile char *)&sccb)[i] = 0;
	for (unsigned int i = 0; i < n; i++)
		sccb.data[i] = s[i];
	sccb.length = (uint16_t)(14 + n);
	sccb.event_length = (uint16_t)(6 + n);
	sccb.event_type = SCLP_EVENT_ASCII_CONSOLE;
	__asm__ __volatile__(".insn rre,0xb2200000,%0,%1"
			     : : "d"((unsigned long)SCLP_CMD_WRITE_EVENT_DATA), "a"(&sccb)
			     : "cc", "memory");
}

static void put_dec(long v)
{
	char buf[24];
	unsigned long u = v < 0 ? 0 - (unsigned long)v : (unsigned long)v;
	int i = sizeof(buf) - 1;

	buf[i] = '\0';
	do
		buf[--i] = (char)('0' + u % 10);
	while ((u /= 10) && i > 1);
	if (v < 0)
		buf[--i] = '-';
	puts(buf + i);
}

static void __attribute__((noreturn)) exit_qemu(bool pass)
{
	static uint64_t psw[2] __attribute__((aligned(8)));

	puts(pass ? "PASS\n" : "FAIL\n");
	psw[0] = PSW_MASK_DISABLED_WAIT;
	psw[1] = pass ? 0xfff : 0xbad;
	__asm__ __volatile__("lpswe %0" : : "Q"(psw) : "memory");
	__builtin_unreachable();
}

void kernel_main(void)
{
	const struct hyp_info *info;
	int ok, missing;

	hyp_init(NULL);
	info = hyp_get_info();
	puts("hello from libhyp: hypervisor ");
	puts(info ? hyp_kind_name(info->kind) : "?");
	puts(", control program \"");
	puts(info ? info->signature : "");
	puts("\"\n");
	if (!info || !(info->families & HYP_FAMILY_KVM))
		exit_qemu(false);

	ok = hyp_kvm_virtio_ccw_notify(HYP_S390_SCHID(0, 0), 0, 0);
	missing = hyp_kvm_virtio_ccw_notify(HYP_S390_SCHID(0, 0x42), 0, 0);
	puts("diag 0x500 notify, subchannel 0.0.0000: ");
	put_dec(ok);
	puts(", missing subchannel 0.0.0042: ");
	puts(hyp_strerror(missing));
	puts("\n");
	exit_qemu(ok == 0 && missing == HYP_EINVAL);
}
