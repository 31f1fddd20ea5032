/* SPDX-License-Identifier: MIT */
/* s390x: reading SYSIB 3.2.2 and 1.1.1 into struct hyp_info (see s390_detect.c). */
#include "sysib.h"

#include <hyp/s390/kvm_abi.h>

/* SYSIB 3.2.2 (Principles of Operation, STSI; Linux asm/sysinfo.h). */
#define SYSIB322_COUNT      31u         /* low 4 bits: entries in vm[] */
#define SYSIB322_VM0        32u         /* vm[0], the innermost level; 64 bytes each */
#define SYSIB322_VM_NAME    12u         /* 8 EBCDIC characters */
#define SYSIB322_VM_CPI     24u         /* 16 EBCDIC characters */
/* SYSIB 1.1.1 */
#define SYSIB111_MANUF      32u         /* 16 EBCDIC characters */

#define DIAG500_TCG_CODES   ((1u << HYP_KVM_S390_VIRTIO_NOTIFY) | (1u << HYP_KVM_S390_VIRTIO_CCW_NOTIFY))
#define DIAG500_KVM_CODES   (1u << HYP_KVM_S390_VIRTIO_CCW_NOTIFY)

/* The EBCDIC characters a control program name uses; anything else is '?'. */
static char ebcdic_to_ascii(unsigned char c)
{
	if (c >= 0xc1 && c <= 0xc9)
		return (char)('A' + (c - 0xc1));
	if (c >= 0xd1 && c <= 0xd9)
		return (char)('J' + (c - 0xd1));
	if (c >= 0xe2 && c <= 0xe9)
		return (char)('S' + (c - 0xe2));
	if (c >= 0x81 && c <= 0x89)
		return (char)('a' + (c - 0x81));
	if (c >= 0x91 && c <= 0x99)
		return (char)('j' + (c - 0x91));
	if (c >= 0xa2 && c <= 0xa9)
		return (char)('s' + (c - 0xa2));
	if (c >= 0xf0 && c <= 0xf9)
		return (char)('0' + (c - 0xf0));
	switch (c) {
	case 0x40: return ' ';
	case 0x4b: return '.';
	case 0x60: return '-';
	case 0x61: return '/';
	case 0x6d: return '_';
	case 0x00: return '\0';
	default:   return '?';
	}
}

/* EBCDIC field to NUL-terminated ASCII without trailing blanks; `out` holds n + 1. */
static void field_to_ascii(char *out, const unsigned char *field, size_t n)
{
	size_t len = 0;

	for (size_t i = 0; i < n; i++) {
		out[i] = ebcdic_to_ascii(field[i]);
		if (out[i] != ' ' && out[i] != '\0')
			len = i + 1;
	}
	out[len] = '\0';
}

static bool starts_with(const char *s, const char *prefix)
{
	while (*prefix)
		if (*s++ != *prefix++)
			return false;
	return true;
}

void hyp_s390_read_sysib(const uint8_t *sysib322, const uint8_t *sysib111,
			 struct hyp_info *info)
{
	char cpi[17], manuf[17];

	if ((sysib322[SYSIB322_COUNT] & 0xf) == 0)
		return;
	field_to_ascii(cpi, &sysib322[SYSIB322_VM0 + SYSIB322_VM_CPI], 16);
	field_to_ascii(info->s390_vm_name, &sysib322[SYSIB322_VM0 + SYSIB322_VM_NAME], 8);
	manuf[0] = '\0';
	if (sysib111)
		field_to_ascii(manuf, &sysib111[SYSIB111_MANUF], 16);

	for (unsigned int i = 0; i < sizeof(info->signature) - 1 && cpi[i]; i++)
		info->signature[i] = cpi[i];
	if (!starts_with(cpi, "KVM/")) {
		info->kind = HYP_KIND_UNKNOWN;
		return;
	}
	info->families |= HYP_FAMILY_KVM;
	if (starts_with(manuf, "QEMU")) {
		info->kind = HYP_KIND_TCG;
		info->s390_diag500_codes = DIAG500_TCG_CODES;
	} else {
		info->kind = HYP_KIND_KVM;
		info->s390_diag500_codes = DIAG500_KVM_CODES;
	}
}
