/* SPDX-License-Identifier: MIT */
/*
 * The VMware backdoor against QEMU's vmport under TCG; the command line says
 * what the machine has (expect=vmport|off|undeclared ram=<MiB>):
 *   vmport      vmport on, the kernel declares it (hyp_platform.x86_vmware_backdoor)
 *   off         vmport=off, declared: GETVERSION finds nothing, the gate stays shut
 *   undeclared  vmport on, not declared: the port is never touched
 */
#include <guest/test.h>
#include <guest/x86.h>
#include <hyp/hyp.h>

static char expect[16] = "?", ram[16] = "0";

static bool is(const char *what)
{
	return !strcmp(expect, what);
}

static unsigned long parse(const char *s)
{
	unsigned long v = 0;

	while (*s >= '0' && *s <= '9')
		v = v * 10 + (unsigned long)(*s++ - '0');
	return v;
}

/*
 * Values live in callee-saved and argument registers across backdoor calls:
 * a stub that hid a changed register would corrupt them.
 */
static __attribute__((noinline)) unsigned long live_across(unsigned int rounds)
{
	unsigned long a = 0x1111, b = 0x2222, c = 0x3333, d = 0x4444, sum = 0;

	for (unsigned int i = 0; i < rounds; i++) {
		struct hyp_vmware_regs r = { .bx = ~0ul, .cx = HYP_VMWARE_CMD_GETVERSION,
					     .si = a + i, .di = b + i };

		hyp_vmware_call(&r);
		sum += (r.bx == HYP_VMWARE_MAGIC) + a + b + c + d;
		a += 1; b += 2; c += 3; d += 4;
	}
	return sum;
}

static void test_vmport(void)
{
	const struct hyp_info *info = hyp_get_info();
	struct hyp_vmware_regs r = { .bx = ~0ul, .cx = HYP_VMWARE_CMD_GETVERSION };
	uint32_t version = 0, product = 0, bytes = 0, flags = 7, sec = 0, usec = 0, lag = 0;
	uint64_t hz = 0, sec64 = 0;
	struct hyp_vmware_channel ch = { 0 };
	char reply[16];
	unsigned long want_sum = 0;
	int err;

	report((info->families & HYP_FAMILY_VMWARE) && info->vmware_conduit == HYP_VMWARE_CONDUIT_PORT,
	       "declared backdoor: family found, conduit port (kind %s)", hyp_kind_name(info->kind));
	report(hyp_vmware_present() && hyp_vmware_gate == HYP_GATE_VMWARE_PORT,
	       "GETVERSION proved it at hyp_init(): gate open on the port");
	err = hyp_vmware_call(&r);
	report(err == 0 && (uint32_t)r.ax == 6 && (uint32_t)r.bx == HYP_VMWARE_MAGIC &&
	       (uint32_t)r.cx == 2, "raw GETVERSION: eax %lx ebx %lx ecx %lx", r.ax, r.bx, r.cx);
	err = hyp_vmware_get_version(&version, &product);
	report(err == 0 && version == 6 && product == 2, "get_version: %u, product %u", version, product);
	err = hyp_vmware_get_ram_size(&bytes);
	report(err == 0 && bytes == parse(ram) << 20, "get_ram_size: %u bytes (-m %s)", bytes, ram);
	err = hyp_vmware_get_hz(&hz, NULL);
	report(err == HYP_EOPNOTSUPP, "get_hz: %s (TCG: ebx ~0, frequency unknown)", hyp_strerror(err));
	err = hyp_vmware_get_vcpu_info(&flags);
	report(err == 0 && flags == 0, "get_vcpu_info: %s, flags %x", hyp_strerror(err), flags);
	/* QEMU 7.2's vmport does not serve GETTIME (23) / GETTIMEFULL (46): eax ~0. */
	r = (struct hyp_vmware_regs){ .bx = ~0ul, .cx = HYP_VMWARE_CMD_GETTIME };
	hyp_vmware_call(&r);
	err = hyp_vmware_get_time(&sec, &usec, &lag);
	report(err == HYP_ENOSYS && (uint32_t)r.ax == HYP_VMWARE_UNKNOWN,
	       "get_time: %s (raw eax %lx)", hyp_strerror(err), r.ax);
	r = (struct hyp_vmware_regs){ .bx = ~0ul, .cx = HYP_VMWARE_CMD_GETTIMEFULL };
	hyp_vmware_call(&r);
	err = hyp_vmware_get_time_full(&sec64, &usec, &lag);
	report(err == HYP_ENOSYS && (uint32_t)r.ax == HYP_VMWARE_UNKNOWN,
	       "get_time_full: %s (raw eax %lx)", hyp_strerror(err), r.ax);
	r = (struct hyp_vmware_regs){ .bx = 0x1234, .cx = 0xfe, .dx = 0x77770000, .si = 0x55, .di = 0x66 };
	err = hyp_vmware_call(&r);
	report(err == 0 && (uint32_t)r.ax == HYP_VMWARE_UNKNOWN && r.bx == 0x1234 &&
	       r.cx == 0xfe && r.si == 0x55 && r.di == 0x66,
	       "unknown command 0xfe: eax %lx, other registers as sent", r.ax);
	r = (struct hyp_vmware_regs){ .bx = ~0ul, .cx = 0x10000u | HYP_VMWARE_CMD_GETVERSION };
	hyp_vmware_call(&r);
	report((uint32_t)r.bx == HYP_VMWARE_MAGIC, "only ecx's low bits select the command (ecx 0x1000a)");
	err = hyp_vmware_rpc_open(&ch);
	report(err == HYP_EIO, "RPC open: %s (QEMU's vmport serves no MESSAGE)", hyp_strerror(err));
	/* eax ~0 and ecx as sent: SENDSIZE's and RECVSIZE's types read as SUCCESS if taken for a status. */
	ch = (struct hyp_vmware_channel){ .id = 1, .cookie_high = 2, .cookie_low = 3 };
	err = hyp_vmware_rpc_send(&ch, "", 0);
	report(err == HYP_EIO, "RPC send(\"\", 0): %s", hyp_strerror(err));
	err = hyp_vmware_rpc_receive(&ch, reply, sizeof(reply));
	report(err == HYP_EIO, "RPC receive: %s", hyp_strerror(err));
	for (unsigned int i = 0; i < 64; i++)
		want_sum += 1 + (0x1111 + i) + (0x2222 + 2 * i) + (0x3333 + 3 * i) + (0x4444 + 4 * i);
	report(live_across(64) == want_sum, "64 calls with values live across them");
}

static void test_closed(void)
{
	const struct hyp_info *info = hyp_get_info();
	struct hyp_vmware_regs r = { .cx = HYP_VMWARE_CMD_GETVERSION };
	struct hyp_vmware_channel ch = { 0 };
	uint32_t v;
	uint64_t hz;

	if (is("off"))
		report(!(info->families & HYP_FAMILY_VMWARE) && !hyp_vmware_present() &&
		       hyp_vmware_gate == HYP_GATE_ABSENT,
		       "declared, but GETVERSION found no backdoor: gate shut, not in families");
	else
		report(!(info->families & HYP_FAMILY_VMWARE) && hyp_vmware_gate == HYP_GATE_ABSENT,
		       "not declared, no VMware signature: family absent, port never touched");
	report(hyp_vmware_call(&r) == HYP_ENOHYP && r.ax == 0, "raw call: HYP_ENOHYP, registers untouched");
	report(hyp_vmware_hb_out(&r, 0) == HYP_ENOHYP, "high-bandwidth call: HYP_ENOHYP");
	report(hyp_vmware_get_version(&v, NULL) == HYP_ENOHYP, "get_version: HYP_ENOHYP");
	report(hyp_vmware_get_hz(&hz, NULL) == HYP_ENOHYP, "get_hz: HYP_ENOHYP");
	report(hyp_vmware_get_ram_size(&v) == HYP_ENOHYP, "get_ram_size: HYP_ENOHYP");
	report(hyp_vmware_get_vcpu_info(&v) == HYP_ENOHYP, "get_vcpu_info: HYP_ENOHYP");
	report(hyp_vmware_get_time(&v, &v, &v) == HYP_ENOHYP, "get_time: HYP_ENOHYP");
	report(hyp_vmware_get_time_full(&hz, &v, &v) == HYP_ENOHYP, "get_time_full: HYP_ENOHYP");
	report(hyp_vmware_rpc_open(&ch) == HYP_ENOHYP && hyp_vmware_rpc_send(&ch, "x", 1) == HYP_ENOHYP &&
	       hyp_vmware_rpc_receive(&ch, (char *)&v, 4) == HYP_ENOHYP &&
	       hyp_vmware_rpc_close(&ch) == HYP_ENOHYP, "RPC: HYP_ENOHYP");
}

void test_main(void)
{
	struct hyp_platform plat = { 0 };
	struct hyp_vmware_regs r = { .cx = HYP_VMWARE_CMD_GETVERSION };

	guest_cmdline_get("expect", expect, sizeof(expect));
	guest_cmdline_get("ram", ram, sizeof(ram));
	report_info("expect=%s ram=%s", expect, ram);
	report(hyp_vmware_call(&r) == HYP_ENOTINIT, "before hyp_init(): HYP_ENOTINIT");
	plat.x86_vmware_backdoor = !is("undeclared");
	report(hyp_init(&plat) == HYP_OK, "hyp_init()");
	if (is("vmport"))
		test_vmport();
	else if (is("off") || is("undeclared"))
		test_closed();
	else
		report(false, "command line names no expectation (expect=%s)", expect);
}
