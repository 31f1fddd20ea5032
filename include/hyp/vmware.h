/* SPDX-License-Identifier: MIT */
/*
 * libhyp: the VMware backdoor (x86). Numbers: Linux 6.1
 * arch/x86/include/asm/vmware.h, arch/x86/kernel/cpu/vmware.c (port, magic,
 * GETVERSION, GETHZ, GETVCPU_INFO, CPUID 0x40000010 conduit bits),
 * drivers/gpu/drm/vmwgfx/vmwgfx_msg.c (RPC channel: command, status bits,
 * "RPCI"), checked against those files by tests/host/check-linux-abi.sh.
 * Elsewhere: GETRAMSIZE as QEMU's hw/i386/vmport.c serves it; GETTIME and
 * GETTIMEFULL as open-vm-tools' backdoor_def.h names them (QEMU 7.2 does not
 * serve them: eax ~0); the MESSAGE types 0-6 as iPXE's
 * include/ipxe/guestrpc.h lists them (Linux 6.1 uses them from no header in
 * its tree).
 *
 * Never touched without a reason: HYP_FAMILY_VMWARE is set by detection only
 * for a "VMwareVMware" CPUID signature or hyp_platform.x86_vmware_backdoor
 * (the kernel's word: QEMU's vmport shows no VMware signature); an `in` from
 * port 0x5658 elsewhere may reach a real device. hyp_init() then proves the
 * backdoor with GETVERSION (ebx must echo the magic: a missing port, a wrong
 * magic and an unknown command all read eax 0xffffffff) and only then opens
 * hyp_vmware_gate; otherwise every call answers HYP_ENOHYP without touching
 * the port again.
 */
#ifndef HYP_VMWARE_H
#define HYP_VMWARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <hyp/error.h>
#include <hyp/gate.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HYP_VMWARE_MAGIC            0x564d5868u     /* "VMXh" */
#define HYP_VMWARE_PORT             0x5658u         /* low bandwidth: inl */
#define HYP_VMWARE_PORT_HB          0x5659u         /* high bandwidth: rep outsb / insb */
#define HYP_VMWARE_HB               (1u << 0)       /* dx bits of the vmcall form of HB */
#define HYP_VMWARE_OUT              (1u << 1)
#define HYP_VMWARE_CPUID_FEATURES   0x40000010u     /* eax TSC kHz, ebx bus kHz, ecx conduit */
#define HYP_VMWARE_FEATURE_VMMCALL  (1u << 0)
#define HYP_VMWARE_FEATURE_VMCALL   (1u << 1)

/* Commands (ecx low 16 bits; MESSAGE takes its type in the high 16). */
#define HYP_VMWARE_CMD_GETVERSION   10u     /* eax version, ebx magic, ecx product */
#define HYP_VMWARE_CMD_GETRAMSIZE   20u     /* eax RAM bytes */
#define HYP_VMWARE_CMD_GETTIME      23u     /* eax s, ebx us, ecx max lag us */
#define HYP_VMWARE_CMD_MESSAGE      30u     /* RPC channel */
#define HYP_VMWARE_CMD_GETHZ        45u     /* ebx:eax TSC Hz, ecx bus Hz; ebx ~0: unknown */
#define HYP_VMWARE_CMD_GETTIMEFULL  46u     /* eax magic, esi:edx s, ebx us, ecx max lag us */
#define HYP_VMWARE_CMD_GETVCPU_INFO 68u     /* eax flags */
#define HYP_VMWARE_VCPU_LEGACY_X2APIC (1u << 3)
#define HYP_VMWARE_VCPU_RESERVED    (1u << 31)
#define HYP_VMWARE_UNKNOWN          0xffffffffu     /* eax of an unserved command */

/* RPC channel (MESSAGE): types, status bits (ecx high 16), the RPCI protocol. */
#define HYP_VMWARE_MSG_OPEN         0u
#define HYP_VMWARE_MSG_SENDSIZE     1u
#define HYP_VMWARE_MSG_SENDPAYLOAD  2u
#define HYP_VMWARE_MSG_RECVSIZE     3u
#define HYP_VMWARE_MSG_RECVPAYLOAD  4u
#define HYP_VMWARE_MSG_RECVSTATUS   5u
#define HYP_VMWARE_MSG_CLOSE        6u
#define HYP_VMWARE_MSG_SUCCESS      0x0001u
#define HYP_VMWARE_MSG_DORECV       0x0002u
#define HYP_VMWARE_MSG_CPT          0x0010u         /* checkpointed: retry */
#define HYP_VMWARE_MSG_HB           0x0080u         /* the host takes high-bandwidth transfers */
#define HYP_VMWARE_RPCI_PROTOCOL    0x49435052u     /* "RPCI" */
#define HYP_VMWARE_MSG_FLAG_COOKIE  0x80000000u

/* How the backdoor is reached (hyp_info.vmware_conduit). */
enum hyp_vmware_conduit {
	HYP_VMWARE_CONDUIT_NONE = 0,
	HYP_VMWARE_CONDUIT_PORT,        /* inl on 0x5658 (rep outsb/insb on 0x5659) */
	HYP_VMWARE_CONDUIT_VMCALL,      /* CPUID 0x40000010 ecx bit 1 */
	HYP_VMWARE_CONDUIT_VMMCALL,     /* CPUID 0x40000010 ecx bit 0 */
};

#define HYP_GATE_VMWARE_PORT    2
#define HYP_GATE_VMWARE_VMCALL  3
#define HYP_GATE_VMWARE_VMMCALL 4

/* In and out registers of one backdoor call (eax is set to the magic by the stubs). */
struct hyp_vmware_regs {
	unsigned long ax, bx, cx, dx, si, di;
};

#ifdef __cplusplus
}
#endif

#if defined(__x86_64__) || defined(__i386__)
#include <hyp/x86/vmware_call.h>

#ifdef __cplusplus
extern "C" {
#endif

/* GETVERSION proved the backdoor at hyp_init() (the gate is open). */
bool hyp_vmware_present(void);

/* GETVERSION: the backdoor version (eax) and product type (ecx). 0; HYP_EIO if ebx lost the magic. */
int hyp_vmware_get_version(uint32_t *version, uint32_t *product);
/* GETHZ: TSC frequency in Hz, bus frequency in Hz (may be NULL). HYP_EOPNOTSUPP when unknown. */
int hyp_vmware_get_hz(uint64_t *tsc_hz, uint32_t *bus_hz);
/* GETRAMSIZE: guest RAM in bytes (32 bits). HYP_ENOSYS when not served. */
int hyp_vmware_get_ram_size(uint32_t *bytes);
/* GETVCPU_INFO: flags (HYP_VMWARE_VCPU_*). HYP_EOPNOTSUPP when the reserved bit is set. */
int hyp_vmware_get_vcpu_info(uint32_t *flags);
/* GETTIME: host time of day (32-bit seconds), max lag in us (may be NULL). HYP_ENOSYS if not served. */
int hyp_vmware_get_time(uint32_t *sec, uint32_t *usec, uint32_t *max_lag_us);
/* GETTIMEFULL: 64-bit seconds. HYP_ENOSYS if not served (eax is not the magic). */
int hyp_vmware_get_time_full(uint64_t *sec, uint32_t *usec, uint32_t *max_lag_us);

/*
 * RPC channel (the guest RPC "RPCI" protocol, as vmwgfx and open-vm-tools
 * use it): open, send a whole message, receive a reply, close. Messages go
 * 4 bytes per call, or through the high-bandwidth port in one transfer when
 * the host offers it (HYP_VMWARE_MSG_HB in a SENDSIZE/RECVSIZE answer).
 * Errors: HYP_EIO (the host answered without SUCCESS, or does not serve
 * MESSAGE: eax 0xffffffff, as QEMU's vmport), HYP_EAGAIN (still
 * checkpointing after HYP_VMWARE_RPC_RETRIES tries), HYP_ENOSPC (reply
 * longer than the buffer: the reply is consumed and dropped), HYP_E2BIG
 * (reply longer than the buffer and than HYP_VMWARE_RPC_DRAIN_MAX: left
 * unread, at most one call made for it; close the channel), HYP_ENOHYP.
 * Calls per operation: at most HYP_VMWARE_RPC_RETRIES x (3 + length / 4),
 * the length the caller's (send, or a reply that fits) or at most
 * HYP_VMWARE_RPC_DRAIN_MAX (a reply dropped).
 */
#define HYP_VMWARE_RPC_RETRIES 3
#define HYP_VMWARE_RPC_DRAIN_MAX 65536u /* GUESTMSG_MAX_IN_SIZE, open-vm-tools guest_msg_def.h */
struct hyp_vmware_channel {
	uint16_t id;
	uint32_t cookie_high, cookie_low;
};
int hyp_vmware_rpc_open(struct hyp_vmware_channel *ch);
int hyp_vmware_rpc_send(const struct hyp_vmware_channel *ch, const char *msg, size_t len);
/* Returns the reply length (0: no reply waiting). */
int hyp_vmware_rpc_receive(const struct hyp_vmware_channel *ch, char *buf, size_t size);
int hyp_vmware_rpc_close(const struct hyp_vmware_channel *ch);

#ifdef __cplusplus
}
#endif
#endif

#endif /* HYP_VMWARE_H */
