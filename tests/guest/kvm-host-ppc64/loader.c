/* SPDX-License-Identifier: MIT */
/*
 * /init of the ppc64le Linux that hosts KVM-PR (run-under-kvm-pr.sh): runs
 * one ppc64 / ppc64le pseries test image in a KVM-PR vCPU and passes its
 * verdict out of QEMU (see loader_exit()).
 *
 * usage (from /loader.args, one per line): [-no-hypervisor] [-timeout S]
 *
 * The guest sees what the pseries runtime expects under QEMU/VOF, plus a
 * device tree:
 * - RAM from 0 (GUEST_RAM), the image's PT_LOAD segments at their p_vaddr
 *   (0x400000: the pseries link address), entry at e_entry's first byte
 *   in real mode, big-endian, 64-bit mode off (as VOF enters);
 * - r3 = a flattened device tree at FDT_GPA, r6 = the ePAPR magic
 *   0x65504150, r7 = its size (ePAPR 1.1 section 5.4.1: the boot register
 *   state). The tree has /hypervisor built from KVM_PPC_GET_PVINFO as QEMU
 *   builds it under KVM (hw/ppc/spapr.c / ppce500: compatible "linux,kvm"
 *   and "epapr,hypervisor-1", hcall-instructions = pvinfo.hcall as stored,
 *   has-idle if KVM_PPC_PVINFO_FLAGS_EV_IDLE), unless -no-hypervisor;
 *   /chosen bootargs says which ("expect=kvm-pr" / "expect=none");
 * - PAPR hcalls KVM-PR leaves to user space (KVM_CAP_PPC_PAPR): the console
 *   (H_PUT_TERM_CHAR; H_GET_TERM_CHAR: no input), H_SET_MODE(LE) as LPCR[ILE] (KVM_REG_PPC_LPCR_64),
 *   RTAS power-off (pass) / ibm,os-term (fail) through KVMPPC_H_RTAS, and
 *   the loader's own calls below;
 * - OSI (KVM_CAP_PPC_OSI): KVM_EXIT_OSI with all 32 GPRs; the loader
 *   answers OSI_CALL_AVAILABLE and its echo selector, writing GPRs back.
 *
 * Verdicts: 0 pass, 1 fail (the image's word), 0x7e an exit the loader did
 * not expect, 0x7f loader failure, 0x3b skip; printed as "loader: verdict
 * N (...)". A pass rings pvpanic-pci (QEMU exits 1 with -action
 * panic=exit-failure); every other verdict powers off (QEMU exits 0).
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#define GUEST_RAM       (64ul << 20)
#define FDT_GPA         0x3f00000ul
#define FDT_MAX         0x10000ul
#define EPAPR_MAGIC     0x65504150ul    /* "ePAP", 64-bit boot (ePAPR 1.1, 5.4.1) */

#define EXIT_PASS       0
#define EXIT_FAIL       1
#define EXIT_SKIP       0x3b
#define EXIT_UNEXPECTED 0x7e
#define EXIT_LOADER     0x7f

/* PAPR (LoPAPR; QEMU include/hw/ppc/spapr.h for the KVMPPC_ private range). */
#define H_SUCCESS               0
#define H_FUNCTION              (-2)
#define H_PARAMETER             (-4)
#define H_GET_TERM_CHAR         0x54    /* out r4 count, r5-r6 the bytes */
#define H_PUT_TERM_CHAR         0x58
#define H_SET_MODE              0x31c
#define H_SET_MODE_RESOURCE_LE  4
#define KVMPPC_H_RTAS           0xf000
#define RTAS_POWER_OFF          0x2003  /* QEMU's RTAS_TOKEN_BASE 0x2000 + index */
#define RTAS_IBM_OS_TERM        0x201f
#define LPCR_ILE                (1ul << 25)

/*
 * The loader's own hcalls (outside every range LoPAPR and QEMU use), for
 * the tests: the image reads the KVM exit counters, and a PAPR round trip.
 */
#define H_LOADER_STATS          0xf800  /* -> r4 sum_exits, r5 emulated_inst_exits, r6 papr exits, r7 osi exits, r8 dec + ext_intr exits */
#define H_LOADER_ECHO           0xf801  /* r4..r12 -> r4..r12 = ~arg, r3 = H_SUCCESS */

/* Mac-on-Linux OSI (MOL osi.h: selector in r5, arguments r6..., status r3). */
#define OSI_CALL_AVAILABLE      0
#define OSI_LOADER_ECHO         0x4c48  /* the loader's: r6..r11 -> r4..r9 = arg ^ magic, r3 = 0 */
#define OSI_ECHO_XOR            0x5a5a5a5a5a5a5a5aul

static unsigned long papr_exits, osi_exits;

/*
 * The one way out of QEMU with a status other than 0: QEMU's pvpanic-pci
 * (vendor 0x1b36, device 0x0011; BAR 0 byte: bit 0 "panicked"), which
 * with -action panic=exit-failure makes QEMU exit 1. A pass rings it; every
 * other verdict powers off (QEMU exits 0) after its line, so QEMU's rc 0
 * never reads as a pass.
 */
static bool pvpanic_ring(void)
{
	static const char dir[] = "/sys/bus/pci/devices";
	char path[512], id[32];
	bool rung = false;

	mkdir("/sys", 0755);
	mount("sysfs", "/sys", "sysfs", 0, NULL);
	for (unsigned int dom = 0; dom < 8 && !rung; dom++) {
		for (unsigned int slot = 0; slot < 32 && !rung; slot++) {
			FILE *f;
			unsigned int vendor = 0, device = 0;
			int fd;
			volatile uint8_t *bar;

			snprintf(path, sizeof(path), "%s/%04x:%02x:%02x.0/vendor", dir, dom, 1, slot);
			f = fopen(path, "r");
			if (!f)
				continue;
			if (fgets(id, sizeof(id), f))
				vendor = (unsigned int)strtoul(id, NULL, 0);
			fclose(f);
			snprintf(path, sizeof(path), "%s/%04x:%02x:%02x.0/device", dir, dom, 1, slot);
			f = fopen(path, "r");
			if (f && fgets(id, sizeof(id), f))
				device = (unsigned int)strtoul(id, NULL, 0);
			if (f)
				fclose(f);
			if (vendor != 0x1b36 || device != 0x0011)
				continue;
			snprintf(path, sizeof(path), "%s/%04x:%02x:%02x.0/enable", dir, dom, 1, slot);
			fd = open(path, O_WRONLY);
			if (fd >= 0) {
				if (write(fd, "1", 1) != 1)
					printf("loader: enabling pvpanic: %s\n", strerror(errno));
				close(fd);
			}
			snprintf(path, sizeof(path), "%s/%04x:%02x:%02x.0/resource0", dir, dom, 1, slot);
			fd = open(path, O_RDWR | O_SYNC);
			if (fd < 0)
				continue;
			bar = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
			if (bar != MAP_FAILED) {
				fflush(stdout);
				*bar = 1;
				__asm__ __volatile__("sync" ::: "memory");
				rung = true;
				sleep(5);       /* QEMU exits meanwhile */
			}
			close(fd);
		}
	}
	return rung;
}

static void loader_exit(int v) __attribute__((noreturn));
static void loader_exit(int v)
{
	printf("loader: verdict %d (%s)\n", v, v == EXIT_PASS ? "pass" : v == EXIT_FAIL ? "the image failed" :
	       v == EXIT_SKIP ? "skip" : v == EXIT_UNEXPECTED ? "unexpected exit" : "loader failure");
	fflush(stdout);
	if (v == EXIT_PASS && !pvpanic_ring())
		printf("loader: no pvpanic-pci device to end QEMU with a pass\n");
	fflush(stdout);
	reboot(RB_POWER_OFF);
	for (;;)
		pause();
}

static void fail(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
static void fail(const char *fmt, ...)
{
	va_list ap;

	printf("loader: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	loader_exit(EXIT_LOADER);
}

static void skip(const char *why) __attribute__((noreturn));
static void skip(const char *why)
{
	printf("SKIP: %s\n", why);
	loader_exit(EXIT_SKIP);
}

/* ---- flattened device tree (Devicetree Specification 0.4, chapter 5) ---- */

struct fdt_buf {
	uint8_t st[FDT_MAX / 2];
	size_t st_len;
	char str[1024];
	size_t str_len;
};

static void fdt_put32(struct fdt_buf *f, uint32_t v)
{
	uint32_t be = __builtin_bswap32(v);

	memcpy(f->st + f->st_len, &be, 4);
	f->st_len += 4;
}

static void fdt_begin(struct fdt_buf *f, const char *name)
{
	size_t n = strlen(name) + 1;

	fdt_put32(f, 1);                        /* FDT_BEGIN_NODE */
	memcpy(f->st + f->st_len, name, n);
	f->st_len += n;
	while (f->st_len & 3)
		f->st[f->st_len++] = 0;
}

static void fdt_end(struct fdt_buf *f)
{
	fdt_put32(f, 2);                        /* FDT_END_NODE */
}

static uint32_t fdt_string(struct fdt_buf *f, const char *name)
{
	uint32_t off = (uint32_t)f->str_len;

	memcpy(f->str + f->str_len, name, strlen(name) + 1);
	f->str_len += strlen(name) + 1;
	return off;
}

static void fdt_prop(struct fdt_buf *f, const char *name, const void *val, size_t len)
{
	fdt_put32(f, 3);                        /* FDT_PROP */
	fdt_put32(f, (uint32_t)len);
	fdt_put32(f, fdt_string(f, name));
	memcpy(f->st + f->st_len, val, len);
	f->st_len += len;
	while (f->st_len & 3)
		f->st[f->st_len++] = 0;
}

static void fdt_prop_u32(struct fdt_buf *f, const char *name, uint32_t v)
{
	uint32_t be = __builtin_bswap32(v);

	fdt_prop(f, name, &be, 4);
}

/* Writes the blob to `out`, returns its size. */
static size_t fdt_build(uint8_t *out, const struct kvm_ppc_pvinfo *pv, bool hypervisor)
{
	static struct fdt_buf f;
	static const char compat_hv[] = "linux,kvm\0epapr,hypervisor-1";
	static const char compat_root[] = "libhyp,kvm-pr-loader";
	const char *bootargs = hypervisor ? "expect=kvm-pr" : "expect=none";
	uint32_t hdr[10];
	size_t off_st = 0x40, off_str, total;

	fdt_begin(&f, "");
	fdt_prop_u32(&f, "#address-cells", 2);
	fdt_prop_u32(&f, "#size-cells", 2);
	fdt_prop(&f, "compatible", compat_root, sizeof(compat_root));
	fdt_begin(&f, "chosen");
	fdt_prop(&f, "bootargs", bootargs, strlen(bootargs) + 1);
	fdt_end(&f);
	if (hypervisor) {
		fdt_begin(&f, "hypervisor");
		fdt_prop(&f, "compatible", compat_hv, sizeof(compat_hv));
		/* pvinfo.hcall holds the instruction words as the guest reads them (big-endian). */
		fdt_prop(&f, "hcall-instructions", pv->hcall, sizeof(pv->hcall));
		if (pv->flags & KVM_PPC_PVINFO_FLAGS_EV_IDLE)
			fdt_prop(&f, "has-idle", NULL, 0);
		fdt_end(&f);
	}
	fdt_end(&f);
	fdt_put32(&f, 9);                       /* FDT_END */

	off_str = off_st + f.st_len;
	total = off_str + f.str_len;
	hdr[0] = 0xd00dfeed;
	hdr[1] = (uint32_t)total;
	hdr[2] = (uint32_t)off_st;              /* off_dt_struct */
	hdr[3] = (uint32_t)off_str;             /* off_dt_strings */
	hdr[4] = 0x28;                          /* off_mem_rsvmap: one empty entry */
	hdr[5] = 17;                            /* version */
	hdr[6] = 16;                            /* last_comp_version */
	hdr[7] = 0;                             /* boot_cpuid_phys */
	hdr[8] = (uint32_t)f.str_len;
	hdr[9] = (uint32_t)f.st_len;
	memset(out, 0, off_st);
	for (int i = 0; i < 10; i++) {
		uint32_t be = __builtin_bswap32(hdr[i]);

		memcpy(out + 4 * i, &be, 4);
	}
	memcpy(out + off_st, f.st, f.st_len);
	memcpy(out + off_str, f.str, f.str_len);
	return total;
}

/* ---- the image ---- */

static uint16_t e16(bool be, uint16_t v) { return be ? __builtin_bswap16(v) : v; }
static uint32_t e32(bool be, uint32_t v) { return be ? __builtin_bswap32(v) : v; }
static uint64_t e64(bool be, uint64_t v) { return be ? __builtin_bswap64(v) : v; }

static uint64_t load_image(const char *path, uint8_t *ram, bool *big_endian)
{
	static uint8_t img[8 << 20];
	Elf64_Ehdr eh;
	ssize_t n;
	bool be;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		fail("open %s: %s", path, strerror(errno));
	n = read(fd, img, sizeof(img));
	close(fd);
	if (n < (ssize_t)sizeof(eh))
		fail("%s: short read", path);
	memcpy(&eh, img, sizeof(eh));
	if (memcmp(eh.e_ident, ELFMAG, SELFMAG) || eh.e_ident[EI_CLASS] != ELFCLASS64)
		fail("%s: not a 64-bit ELF", path);
	be = eh.e_ident[EI_DATA] == ELFDATA2MSB;
	if (e16(be, eh.e_machine) != EM_PPC64)
		fail("%s: not a ppc64 ELF", path);
	for (unsigned int i = 0; i < e16(be, eh.e_phnum); i++) {
		Elf64_Phdr ph;
		uint64_t off = e64(be, eh.e_phoff) + (uint64_t)i * e16(be, eh.e_phentsize);

		if (off + sizeof(ph) > (uint64_t)n)
			fail("%s: program header %u out of the file", path, i);
		memcpy(&ph, img + off, sizeof(ph));
		if (e32(be, ph.p_type) != PT_LOAD)
			continue;
		uint64_t va = e64(be, ph.p_vaddr), fsz = e64(be, ph.p_filesz),
			 msz = e64(be, ph.p_memsz), fo = e64(be, ph.p_offset);
		if (fsz > msz || fo > (uint64_t)n || fsz > (uint64_t)n - fo || va > FDT_GPA ||
		    msz > FDT_GPA - va)
			fail("%s: segment %u does not fit", path, i);
		memcpy(ram + va, img + fo, fsz);
		memset(ram + va + fsz, 0, msz - fsz);
	}
	*big_endian = be;
	return e64(be, eh.e_entry);
}

/* ---- KVM ---- */

struct stats {
	int fd;
	off_t sum_off, emul_off;        /* data offsets, -1 if missing */
	off_t dec_off, ext_off;         /* exits the host's own events cause */
};

static void stats_open(int vcpu, struct stats *s)
{
	struct kvm_stats_header h;
	size_t dsz;
	char *descs;

	s->sum_off = s->emul_off = s->dec_off = s->ext_off = -1;
	s->fd = ioctl(vcpu, KVM_GET_STATS_FD, NULL);
	if (s->fd < 0 || pread(s->fd, &h, sizeof(h), 0) != sizeof(h))
		fail("KVM_GET_STATS_FD: %s", strerror(errno));
	dsz = sizeof(struct kvm_stats_desc) + h.name_size;
	descs = calloc(h.num_desc, dsz);
	if (!descs || pread(s->fd, descs, h.num_desc * dsz, h.desc_offset) != (ssize_t)(h.num_desc * dsz))
		fail("reading the stats descriptors: %s", strerror(errno));
	for (unsigned int i = 0; i < h.num_desc; i++) {
		struct kvm_stats_desc *d = (struct kvm_stats_desc *)(descs + i * dsz);

		if (!strcmp(d->name, "sum_exits"))
			s->sum_off = h.data_offset + d->offset;
		else if (!strcmp(d->name, "emulated_inst_exits"))
			s->emul_off = h.data_offset + d->offset;
		else if (!strcmp(d->name, "dec_exits"))
			s->dec_off = h.data_offset + d->offset;
		else if (!strcmp(d->name, "ext_intr_exits"))
			s->ext_off = h.data_offset + d->offset;
	}
	free(descs);
	if (s->sum_off < 0 || s->emul_off < 0 || s->dec_off < 0 || s->ext_off < 0)
		fail("no sum_exits / emulated_inst_exits / dec_exits / ext_intr_exits among the vCPU stats");
}

static uint64_t stat_read(const struct stats *s, off_t off)
{
	uint64_t v;

	if (pread(s->fd, &v, sizeof(v), off) != sizeof(v))
		fail("reading a stat: %s", strerror(errno));
	return v;
}

static void enable_cap(int fd, uint32_t cap, const char *name)
{
	struct kvm_enable_cap c = { .cap = cap };

	if (ioctl(fd, KVM_ENABLE_CAP, &c) < 0)
		fail("KVM_ENABLE_CAP(%s): %s", name, strerror(errno));
}

static void set_lpcr_ile(int vcpu, bool on)
{
	uint64_t lpcr = 0;
	struct kvm_one_reg r = { .id = KVM_REG_PPC_LPCR_64, .addr = (uintptr_t)&lpcr };

	if (ioctl(vcpu, KVM_GET_ONE_REG, &r) < 0)
		fail("KVM_GET_ONE_REG(LPCR): %s", strerror(errno));
	lpcr = on ? lpcr | LPCR_ILE : lpcr & ~LPCR_ILE;
	if (ioctl(vcpu, KVM_SET_ONE_REG, &r) < 0)
		fail("KVM_SET_ONE_REG(LPCR): %s", strerror(errno));
}

static void put_term_char(const struct kvm_run *run)
{
	unsigned long len = run->papr_hcall.args[1];
	char buf[16];

	if (len > 16)
		len = 16;
	for (unsigned long i = 0; i < len; i++)
		buf[i] = (char)(run->papr_hcall.args[2 + i / 8] >> (56 - 8 * (i % 8)));
	fwrite(buf, 1, len, stdout);
	if (memchr(buf, '\n', len))
		fflush(stdout);
}

/* Serves one PAPR hcall; returns -1 to go on, else the verdict. */
static int papr_hcall(int vcpu, struct kvm_run *run, uint8_t *ram, const struct stats *st)
{
	uint64_t nr = run->papr_hcall.nr, *a = run->papr_hcall.args;

	papr_exits++;
	switch (nr) {
	case H_PUT_TERM_CHAR:
		put_term_char(run);
		run->papr_hcall.ret = H_SUCCESS;
		return -1;
	case H_GET_TERM_CHAR:   /* no input here: 0 bytes */
		a[0] = a[1] = a[2] = 0;
		run->papr_hcall.ret = H_SUCCESS;
		return -1;
	case H_SET_MODE:
		if (a[1] != H_SET_MODE_RESOURCE_LE || a[0] > 1) {
			run->papr_hcall.ret = H_PARAMETER;
			return -1;
		}
		set_lpcr_ile(vcpu, a[0] == 1);
		run->papr_hcall.ret = H_SUCCESS;
		return -1;
	case KVMPPC_H_RTAS: {
		uint32_t token;

		if (a[0] > GUEST_RAM - 4)
			fail("RTAS arguments out of RAM: 0x%llx", (unsigned long long)a[0]);
		memcpy(&token, ram + a[0], 4);
		token = __builtin_bswap32(token);       /* RTAS blocks are big-endian */
		fflush(stdout);
		if (token == RTAS_POWER_OFF)
			return EXIT_PASS;
		if (token == RTAS_IBM_OS_TERM)
			return EXIT_FAIL;
		printf("loader: RTAS token 0x%x not served\n", token);
		return EXIT_UNEXPECTED;
	}
	case H_LOADER_STATS:
		a[0] = stat_read(st, st->sum_off);
		a[1] = stat_read(st, st->emul_off);
		a[2] = papr_exits;
		a[3] = osi_exits;
		/* Decrementer and host interrupts exit whenever they fire (more under load). */
		a[4] = stat_read(st, st->dec_off) + stat_read(st, st->ext_off);
		run->papr_hcall.ret = H_SUCCESS;
		return -1;
	case H_LOADER_ECHO:
		printf("loader: PAPR hcall 0x%llx r4=0x%llx r12=0x%llx\n", (unsigned long long)nr,
		       (unsigned long long)a[0], (unsigned long long)a[8]);
		for (int i = 0; i < 9; i++)
			a[i] = ~a[i];
		run->papr_hcall.ret = H_SUCCESS;
		return -1;
	default:
		printf("loader: PAPR hcall 0x%llx not served (H_FUNCTION)\n", (unsigned long long)nr);
		run->papr_hcall.ret = (uint64_t)H_FUNCTION;
		return -1;
	}
}

static void osi_call(struct kvm_run *run)
{
	uint64_t *g = run->osi.gprs;

	osi_exits++;
	switch (g[5]) {
	case OSI_CALL_AVAILABLE:
		g[3] = g[6] == OSI_CALL_AVAILABLE || g[6] == OSI_LOADER_ECHO;
		break;
	case OSI_LOADER_ECHO:
		printf("loader: OSI selector 0x%llx r6=0x%llx r11=0x%llx\n", (unsigned long long)g[5],
		       (unsigned long long)g[6], (unsigned long long)g[11]);
		for (int i = 0; i < 6; i++)
			g[4 + i] = g[6 + i] ^ OSI_ECHO_XOR;
		g[3] = 0;
		break;
	default:
		printf("loader: OSI selector %llu not served\n", (unsigned long long)g[5]);
		g[3] = (uint64_t)-1;
		break;
	}
}

static void on_alarm(int sig)
{
	(void)sig;
	printf("loader: guest timed out\n");
	loader_exit(EXIT_LOADER);
}

int main(int argc, char **argv)
{
	static struct kvm_ppc_pvinfo pv;
	struct kvm_userspace_memory_region mem;
	struct kvm_regs regs;
	struct kvm_run *run;
	struct stats st;
	bool hypervisor = true, big_endian;
	unsigned int timeout = 60;
	uint64_t entry;
	uint8_t *ram;
	size_t fdt_size;
	int kvm, vm, vcpu, run_size, v;
	char line[256];
	FILE *args;

	(void)argc;
	(void)argv;
	mkdir("/dev", 0755);
	if (mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) < 0 && errno != EBUSY)
		fail("mount devtmpfs: %s", strerror(errno));
	{
		int con = open("/dev/hvc0", O_RDWR);

		if (con >= 0) {
			dup2(con, 1);
			dup2(con, 2);
		}
	}
	setvbuf(stdout, NULL, _IOFBF, 1 << 16);

	args = fopen("/loader.args", "r");
	while (args && fgets(line, sizeof(line), args)) {
		line[strcspn(line, "\n")] = 0;
		if (!strcmp(line, "-no-hypervisor"))
			hypervisor = false;
		else if (!strcmp(line, "-timeout") && fgets(line, sizeof(line), args))
			timeout = (unsigned int)atoi(line);
		else if (line[0])
			fail("unknown argument %s", line);
	}
	signal(SIGALRM, on_alarm);
	alarm(timeout);

	kvm = open("/dev/kvm", O_RDWR);
	if (kvm < 0)
		skip("no /dev/kvm in the KVM-PR host");
	vm = ioctl(kvm, KVM_CREATE_VM, 2ul);    /* KVM_VM_PPC_PR */
	if (vm < 0)
		skip("KVM_CREATE_VM(PR) refused");
	if (ioctl(vm, KVM_CHECK_EXTENSION, KVM_CAP_PPC_GET_PVINFO) <= 0 ||
	    ioctl(vm, KVM_CHECK_EXTENSION, KVM_CAP_PPC_PAPR) <= 0 ||
	    ioctl(vm, KVM_CHECK_EXTENSION, KVM_CAP_PPC_OSI) <= 0)
		skip("KVM-PR lacks PVINFO, PAPR or OSI");
	if (ioctl(vm, KVM_PPC_GET_PVINFO, &pv) < 0)
		fail("KVM_PPC_GET_PVINFO: %s", strerror(errno));
	printf("loader: KVM-PR pvinfo flags 0x%x hcall %08x %08x %08x %08x\n", pv.flags,
	       __builtin_bswap32(pv.hcall[0]), __builtin_bswap32(pv.hcall[1]),
	       __builtin_bswap32(pv.hcall[2]), __builtin_bswap32(pv.hcall[3]));

	ram = mmap(NULL, GUEST_RAM, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (ram == MAP_FAILED)
		fail("mmap: %s", strerror(errno));
	mem = (struct kvm_userspace_memory_region){ .slot = 0, .guest_phys_addr = 0,
		.memory_size = GUEST_RAM, .userspace_addr = (uintptr_t)ram };
	if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &mem) < 0)
		fail("KVM_SET_USER_MEMORY_REGION: %s", strerror(errno));
	entry = load_image("/image.elf", ram, &big_endian);
	fdt_size = fdt_build(ram + FDT_GPA, &pv, hypervisor);

	vcpu = ioctl(vm, KVM_CREATE_VCPU, 0ul);
	if (vcpu < 0)
		fail("KVM_CREATE_VCPU: %s", strerror(errno));
	run_size = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
	run = mmap(NULL, (size_t)run_size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
	if (run == MAP_FAILED)
		fail("mmap kvm_run: %s", strerror(errno));
	enable_cap(vcpu, KVM_CAP_PPC_PAPR, "PPC_PAPR");
	enable_cap(vcpu, KVM_CAP_PPC_OSI, "PPC_OSI");
	stats_open(vcpu, &st);

	if (ioctl(vcpu, KVM_GET_REGS, &regs) < 0)
		fail("KVM_GET_REGS: %s", strerror(errno));
	regs.pc = entry;
	regs.msr = 1ul << 12;                   /* ME; real mode, big-endian, 32-bit (as VOF) */
	regs.gpr[3] = FDT_GPA;
	regs.gpr[4] = 0;
	regs.gpr[5] = 0;
	regs.gpr[6] = EPAPR_MAGIC;
	regs.gpr[7] = fdt_size;
	if (ioctl(vcpu, KVM_SET_REGS, &regs) < 0)
		fail("KVM_SET_REGS: %s", strerror(errno));
	printf("loader: %s image, entry 0x%llx, %s\n", big_endian ? "ppc64" : "ppc64le",
	       (unsigned long long)entry, hypervisor ? "/hypervisor from PVINFO" : "no /hypervisor");
	fflush(stdout);

	for (;;) {
		if (ioctl(vcpu, KVM_RUN, 0) < 0) {
			if (errno == EINTR)
				continue;
			fail("KVM_RUN: %s", strerror(errno));
		}
		switch (run->exit_reason) {
		case KVM_EXIT_PAPR_HCALL:
			v = papr_hcall(vcpu, run, ram, &st);
			if (v >= 0) {
				printf("loader: %lu PAPR exits, %lu OSI exits, %llu KVM exits, verdict %d\n",
				       papr_exits, osi_exits,
				       (unsigned long long)stat_read(&st, st.sum_off), v);
				loader_exit(v);
			}
			break;
		case KVM_EXIT_OSI:
			osi_call(run);
			break;
		case KVM_EXIT_INTR:
			break;
		default:
			regs.pc = 0;
			ioctl(vcpu, KVM_GET_REGS, &regs);
			fflush(stdout);
			printf("\nloader: unexpected exit %u at pc 0x%llx\n", run->exit_reason,
			       (unsigned long long)regs.pc);
			loader_exit(EXIT_UNEXPECTED);
		}
	}
}
