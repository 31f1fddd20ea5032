/*
 * loader: run one x86 PVH guest test image in a real KVM through /dev/kvm.
 *
 * Usage: loader IMAGE [-smp N] [-timeout SECONDS] [-cmdline TEXT]
 *               [-hyperv [-hyperv-enforce] [-hyperv-hide]] [-kvm-pv-clear MASK] [-busy]
 *        loader -exit VALUE          (just write VALUE to isa-debug-exit)
 *
 * Built static; it runs as a program inside a Linux guest of an outer QEMU
 * that has `-device isa-debug-exit,iobase=0xf4,iosize=0x04`, and ends that
 * QEMU itself (ioperm + outl to port 0xf4), so the outer exit status is
 * (value << 1) | 1 exactly as if the image had run directly in QEMU.
 *
 * Image contract: an ELF32 or ELF64 file for EM_386 or EM_X86_64; PT_LOAD
 * segments are copied to p_paddr (>= 1 MiB, inside guest RAM), p_memsz beyond
 * p_filesz is zero; a PT_NOTE holds the Xen note type 18
 * (XEN_ELFNOTE_PHYS32_ENTRY) whose 4- or 8-byte descriptor is the 32-bit
 * physical entry point, which must lie inside a loaded segment.
 *
 * Entry state (PVH boot ABI): 32-bit protected mode, paging off, flat CS
 * (selector 0x8) and flat data segments (0x10), CR0 = PE|ET, EFLAGS = 0x2,
 * EBX = guest-physical address of a struct hvm_start_info (version 1, no
 * modules, no command line, a one-entry E820 memory map covering guest RAM).
 * GDTR/IDTR are zero: the image must load its own before using them.
 *
 * The VM: GUEST_RAM_SIZE of RAM at guest-physical 0, the in-kernel irqchip
 * (LAPIC/IOAPIC/PIC, no PIT), the CPUID that KVM_GET_SUPPORTED_CPUID reports
 * ("KVMKVMKVM" leaves, PV feature bits) plus what QEMU adds on top: the
 * hypervisor bit (CPUID.1:ECX[31]) and per-vCPU APIC IDs. vCPU 0 is the BSP
 * in the PVH state; the other vCPUs (-smp N) keep KVM's reset state and
 * wait for INIT/SIPI in the kernel, each run by its own thread.
 *
 * I/O ports (everything else the in-kernel devices do not claim is a failure,
 * reads included, so an image cannot silently depend on absent hardware):
 *   0xE9 out (any size, rep too): low byte of each element to stdout, flushed
 *        at newline and at exit; 0xE9 in: reads 0xE9 like QEMU's debugcon.
 *   0xF4 out (1, 2 or 4 bytes): the image's result; the outer QEMU is ended
 *        with that value.
 * Failures (unknown port, HLT or triple fault, MMIO outside the in-kernel
 * devices, internal error, failed entry, any other exit, HLT with interrupts
 * off, watchdog timeout) print one "loader: FAIL ..." line with registers and
 * end the outer QEMU with FAIL_VALUE (0x7f). The watchdog (-timeout, default
 * 20 s) and the halted-with-IF=0 check run from a periodic SIGALRM that
 * interrupts KVM_RUN on the BSP.
 *
 * -hyperv: the vCPUs also get KVM's Hyper-V emulation as QEMU's hv flags
 * give it: the leaves of KVM_GET_SUPPORTED_HV_CPUID at 0x40000000 with the
 * vendor renamed "Microsoft Hv", KVM's own leaves moved to 0x40000100.
 * -hyperv-enforce: KVM_CAP_HYPERV_ENFORCE_CPUID (KVM then refuses what the
 * leaves do not grant). -hyperv-hide: grant only the hypercall and time
 * MSRs (leaf 0x40000003 eax bits 1, 5, 9), nothing of 0x40000003 ebx/edx or
 * 0x40000004 (no messages, events, flushes, spin-wait notification).
 *
 * -busy: a child process spins on the host's one CPU while the guest runs,
 * so the host steals time from the vCPU (KVM's steal-time record grows).
 * -kvm-pv-clear MASK: clear MASK in KVM's feature leaf (eax of the
 * "KVMKVMKVM" base + 1) and turn on KVM_CAP_ENFORCE_PV_FEATURE_CPUID, so KVM
 * refuses (#GP) the MSRs and hypercalls of the cleared features
 * (Documentation/virt/kvm/api.rst); e.g. 0x8 hides KVM_FEATURE_CLOCKSOURCE2.
 */
#define _GNU_SOURCE
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/io.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#define GUEST_RAM_SIZE (64u << 20)
#define MIN_LOAD_PADDR (1u << 20)
#define START_INFO_PADDR 0x1000u
#define MEMMAP_PADDR 0x1040u
#define CMDLINE_PADDR 0x1100u      /* -cmdline text, NUL-terminated */
#define CMDLINE_MAX 0xf00
#define TSS_ADDR 0xfffbd000u
#define MAX_VCPUS 16
#define DEBUGCON_PORT 0xe9
#define DEBUG_EXIT_PORT 0xf4
#define FAIL_VALUE 0x7f
#define TICK_MS 200
#define XEN_ELFNOTE_PHYS32_ENTRY 18
#define HVM_START_MAGIC 0x336ec578u

struct hvm_start_info {
	uint32_t magic;
	uint32_t version;
	uint32_t flags;
	uint32_t nr_modules;
	uint64_t modlist_paddr;
	uint64_t cmdline_paddr;
	uint64_t rsdp_paddr;
	uint64_t memmap_paddr;
	uint32_t memmap_entries;
	uint32_t reserved;
};

struct hvm_memmap_table_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;
	uint32_t reserved;
};

struct vcpu {
	int id;
	int fd;
	struct kvm_run *run;
};

static int kvm_fd = -1, vm_fd = -1;
static uint8_t *ram;
static size_t run_size;
static struct vcpu vcpus[MAX_VCPUS];
static int nr_vcpus = 1;
static unsigned timeout_s = 20;
static const char *cmdline;    /* -cmdline: the PVH command line, NULL for none */
static int hyperv, hyperv_enforce, hyperv_hide;  /* -hyperv, -hyperv-enforce, -hyperv-hide */
static uint32_t kvm_pv_clear;                    /* -kvm-pv-clear MASK */
static volatile sig_atomic_t ticks;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static char out_buf[4096];
static size_t out_len;
static int out_midline; /* the last byte written was not a newline */

static void flush_out_locked(void)
{
	size_t off = 0;

	while (off < out_len) {
		ssize_t n = write(1, out_buf + off, out_len - off);
		if (n <= 0) {
			if (n < 0 && errno == EINTR)
				continue;
			break;
		}
		off += (size_t)n;
	}
	if (out_len)
		out_midline = out_buf[out_len - 1] != '\n';
	out_len = 0;
}

static void put_guest_byte(uint8_t c)
{
	pthread_mutex_lock(&out_lock);
	out_buf[out_len++] = (char)c;
	if (c == '\n' || out_len == sizeof(out_buf))
		flush_out_locked();
	pthread_mutex_unlock(&out_lock);
}

/* Ends the outer QEMU; returns only when no isa-debug-exit answered. */
static void debug_exit(uint32_t value)
{
	if (ioperm(DEBUG_EXIT_PORT, 4, 1) == 0)
		outl(value, DEBUG_EXIT_PORT);
	else
		perror("loader: ioperm(0xf4)");
}

static void __attribute__((noreturn)) finish(uint32_t value)
{
	pthread_mutex_lock(&out_lock);
	flush_out_locked();
	debug_exit(value);
	fprintf(stderr, "loader: no isa-debug-exit device; exiting with %u\n",
		value);
	_exit(value > 255 ? 255 : (int)value);
}

static void msg(const char *fmt, ...)
{
	va_list ap;

	pthread_mutex_lock(&out_lock);
	if (out_len || out_midline) {
		/* keep the guest's partial line apart from our message */
		out_buf[out_len++] = '\n';
		flush_out_locked();
	}
	va_start(ap, fmt);
	vdprintf(1, fmt, ap);
	va_end(ap);
	pthread_mutex_unlock(&out_lock);
}

static void __attribute__((noreturn)) fail_setup(const char *fmt, ...)
{
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	msg("loader: FAIL setup: %s\n", line);
	finish(FAIL_VALUE);
}

static void dump_vcpu(struct vcpu *v)
{
	struct kvm_regs r;
	struct kvm_sregs s;

	if (ioctl(v->fd, KVM_GET_REGS, &r) < 0 ||
	    ioctl(v->fd, KVM_GET_SREGS, &s) < 0) {
		msg("loader: vcpu %d: cannot read registers: %s\n", v->id,
		    strerror(errno));
		return;
	}
	msg("loader: vcpu %d: rip=%#llx rflags=%#llx cs=%#x cr0=%#llx "
	    "cr3=%#llx cr4=%#llx efer=%#llx\n"
	    "loader:   rax=%#llx rbx=%#llx rcx=%#llx rdx=%#llx\n"
	    "loader:   rsi=%#llx rdi=%#llx rsp=%#llx rbp=%#llx\n",
	    v->id, r.rip, r.rflags, s.cs.selector, s.cr0, s.cr3, s.cr4,
	    s.efer, r.rax, r.rbx, r.rcx, r.rdx, r.rsi, r.rdi, r.rsp, r.rbp);
}

static void __attribute__((noreturn)) fail_vcpu(struct vcpu *v,
						const char *fmt, ...)
{
	char line[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	msg("loader: FAIL vcpu %d: %s\n", v->id, line);
	dump_vcpu(v);
	finish(FAIL_VALUE);
}

/* ---- ELF loading ---------------------------------------------------- */

struct seg {
	uint64_t off, filesz, paddr, memsz;
};

static int in_file(uint64_t off, uint64_t len, uint64_t size)
{
	return off <= size && len <= size - off;
}

static uint64_t rd(const uint8_t *p, unsigned n)
{
	uint64_t v = 0;

	while (n--)
		v = (v << 8) | p[n];
	return v;
}

/* Walks the notes of one PT_NOTE; returns 1 and the entry if found. */
static int find_pvh_note(const uint8_t *p, uint64_t len, uint64_t align,
			 uint32_t *entry)
{
	uint64_t pos = 0;

	align = align == 8 ? 8 : 4;
	while (len - pos >= 12) {
		uint64_t namesz = rd(p + pos, 4), descsz = rd(p + pos + 4, 4);
		uint64_t type = rd(p + pos + 8, 4);
		uint64_t name_off = pos + 12;
		uint64_t desc_off = name_off + ((namesz + align - 1) & ~(align - 1));
		uint64_t next = desc_off + ((descsz + align - 1) & ~(align - 1));

		if (desc_off > len || descsz > len - desc_off)
			fail_setup("malformed ELF note (runs past its segment)");
		if (namesz == 4 && memcmp(p + name_off, "Xen", 4) == 0 &&
		    type == XEN_ELFNOTE_PHYS32_ENTRY) {
			uint64_t e;

			if (descsz != 4 && descsz != 8)
				fail_setup("Xen PHYS32_ENTRY note has %llu-byte "
					   "descriptor (want 4 or 8)",
					   (unsigned long long)descsz);
			e = rd(p + desc_off, (unsigned)descsz);
			if (e > 0xffffffffu)
				fail_setup("PVH entry %#llx is not 32-bit",
					   (unsigned long long)e);
			*entry = (uint32_t)e;
			return 1;
		}
		if (next >= len)
			break;
		pos = next;
	}
	return 0;
}

static uint32_t load_elf(const char *path)
{
	struct seg segs[64];
	unsigned nsegs = 0;
	uint8_t *f;
	uint64_t size, phoff, phentsize, phnum, i;
	int is64, have_entry = 0;
	uint32_t entry = 0;
	struct stat st;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st) < 0)
		fail_setup("%s: %s", path, strerror(errno));
	if (st.st_size < 52 || (uint64_t)st.st_size > 4 * (uint64_t)GUEST_RAM_SIZE)
		fail_setup("%s: bad file size %lld", path, (long long)st.st_size);
	size = (uint64_t)st.st_size;
	f = malloc(size);
	if (!f)
		fail_setup("out of memory");
	for (i = 0; i < size;) {
		ssize_t n = read(fd, f + i, size - i);
		if (n <= 0)
			fail_setup("%s: short read", path);
		i += (uint64_t)n;
	}
	close(fd);

	if (memcmp(f, ELFMAG, SELFMAG) != 0)
		fail_setup("%s: not an ELF file", path);
	if (f[EI_DATA] != ELFDATA2LSB)
		fail_setup("%s: not little-endian", path);
	if (f[EI_CLASS] == ELFCLASS32) {
		const Elf32_Ehdr *h = (const void *)f;
		is64 = 0;
		if (h->e_machine != EM_386 && h->e_machine != EM_X86_64)
			fail_setup("%s: e_machine %u is not x86", path, h->e_machine);
		phoff = h->e_phoff;
		phentsize = h->e_phentsize;
		phnum = h->e_phnum;
		if (phentsize != sizeof(Elf32_Phdr))
			fail_setup("%s: e_phentsize %llu", path,
				   (unsigned long long)phentsize);
	} else if (f[EI_CLASS] == ELFCLASS64) {
		const Elf64_Ehdr *h = (const void *)f;
		is64 = 1;
		if (size < sizeof(*h))
			fail_setup("%s: truncated ELF header", path);
		if (h->e_machine != EM_386 && h->e_machine != EM_X86_64)
			fail_setup("%s: e_machine %u is not x86", path, h->e_machine);
		phoff = h->e_phoff;
		phentsize = h->e_phentsize;
		phnum = h->e_phnum;
		if (phentsize != sizeof(Elf64_Phdr))
			fail_setup("%s: e_phentsize %llu", path,
				   (unsigned long long)phentsize);
	} else {
		fail_setup("%s: unknown ELF class %u", path, f[EI_CLASS]);
	}
	if (phnum == 0 || !in_file(phoff, phnum * phentsize, size))
		fail_setup("%s: program headers outside the file", path);

	for (i = 0; i < phnum; i++) {
		const uint8_t *ph = f + phoff + i * phentsize;
		uint64_t type, off, filesz, paddr, memsz, align;

		if (is64) {
			const Elf64_Phdr *p = (const void *)ph;
			type = p->p_type; off = p->p_offset; filesz = p->p_filesz;
			paddr = p->p_paddr; memsz = p->p_memsz; align = p->p_align;
		} else {
			Elf32_Phdr p;
			memcpy(&p, ph, sizeof(p));
			type = p.p_type; off = p.p_offset; filesz = p.p_filesz;
			paddr = p.p_paddr; memsz = p.p_memsz; align = p.p_align;
		}
		if (type == PT_LOAD) {
			if (memsz == 0)
				continue;
			if (filesz > memsz)
				fail_setup("segment %llu: p_filesz > p_memsz",
					   (unsigned long long)i);
			if (!in_file(off, filesz, size))
				fail_setup("segment %llu: data outside the file",
					   (unsigned long long)i);
			if (paddr < MIN_LOAD_PADDR || paddr >= GUEST_RAM_SIZE ||
			    memsz > GUEST_RAM_SIZE - paddr)
				fail_setup("segment %llu: paddr %#llx size %#llx "
					   "outside guest RAM [%#x, %#x)",
					   (unsigned long long)i,
					   (unsigned long long)paddr,
					   (unsigned long long)memsz,
					   MIN_LOAD_PADDR, GUEST_RAM_SIZE);
			if (nsegs == sizeof(segs) / sizeof(segs[0]))
				fail_setup("too many PT_LOAD segments");
			segs[nsegs++] = (struct seg){ off, filesz, paddr, memsz };
		} else if (type == PT_NOTE && !have_entry) {
			if (!in_file(off, filesz, size))
				fail_setup("note segment %llu outside the file",
					   (unsigned long long)i);
			have_entry = find_pvh_note(f + off, filesz, align, &entry);
		}
	}
	if (nsegs == 0)
		fail_setup("%s: no PT_LOAD segment", path);
	if (!have_entry)
		fail_setup("%s: no Xen PHYS32_ENTRY (type 18) note", path);
	for (i = 0; i < nsegs; i++) {
		memcpy(ram + segs[i].paddr, f + segs[i].off, segs[i].filesz);
		memset(ram + segs[i].paddr + segs[i].filesz, 0,
		       segs[i].memsz - segs[i].filesz);
	}
	for (i = 0; i < nsegs; i++)
		if (entry >= segs[i].paddr && entry - segs[i].paddr < segs[i].memsz)
			break;
	if (i == nsegs)
		fail_setup("PVH entry %#x is not inside a loaded segment", entry);
	free(f);
	return entry;
}

/* ---- VM setup ------------------------------------------------------- */

static struct kvm_cpuid2 *supported_cpuid(void)
{
	int n = 64;

	for (;;) {
		struct kvm_cpuid2 *c = calloc(1, sizeof(*c) +
					      n * sizeof(struct kvm_cpuid_entry2));
		if (!c)
			fail_setup("out of memory");
		c->nent = (uint32_t)n;
		if (ioctl(kvm_fd, KVM_GET_SUPPORTED_CPUID, c) == 0)
			return c;
		free(c);
		if (errno != E2BIG || n > 4096)
			fail_setup("KVM_GET_SUPPORTED_CPUID: %s", strerror(errno));
		n *= 2;
	}
}

/* -hyperv: KVM's leaves to 0x40000100, the Hyper-V leaves at 0x40000000 (see the top). */
static struct kvm_cpuid2 *hyperv_cpuid(struct vcpu *v, struct kvm_cpuid2 *c)
{
	struct kvm_cpuid2 *hv = calloc(1, sizeof(*hv) + 64 * sizeof(struct kvm_cpuid_entry2));
	int fd = ioctl(kvm_fd, KVM_CHECK_EXTENSION, KVM_CAP_SYS_HYPERV_CPUID) > 0 ? kvm_fd : v->fd;
	uint32_t i, n;

	if (!hv)
		fail_setup("out of memory");
	hv->nent = 64;
	if (ioctl(fd, KVM_GET_SUPPORTED_HV_CPUID, hv) < 0)
		fail_setup("KVM_GET_SUPPORTED_HV_CPUID: %s", strerror(errno));
	for (i = 0; i < c->nent; i++) {
		struct kvm_cpuid_entry2 *e = &c->entries[i];

		if (e->function == 0x40000000)
			e->eax = 0x40000101;
		if (e->function == 0x40000000 || e->function == 0x40000001)
			e->function += 0x100;
	}
	n = c->nent;
	c = realloc(c, sizeof(*c) + (n + hv->nent) * sizeof(struct kvm_cpuid_entry2));
	if (!c)
		fail_setup("out of memory");
	for (i = 0; i < hv->nent; i++) {
		struct kvm_cpuid_entry2 *e = &c->entries[n + i];

		*e = hv->entries[i];
		if (e->function == 0x40000000)
			memcpy(&e->ebx, "Microsoft Hv", 12);
		if (hyperv_hide && e->function == 0x40000003) {
			e->eax &= (1u << 1) | (1u << 5) | (1u << 9);
			e->ebx = e->ecx = e->edx = 0;
		}
		if (hyperv_hide && e->function == 0x40000004)
			e->eax = e->ebx = e->ecx = e->edx = 0;
	}
	c->nent = n + hv->nent;
	free(hv);
	if (hyperv_enforce) {
		struct kvm_enable_cap cap = { .cap = KVM_CAP_HYPERV_ENFORCE_CPUID, .args = { 1 } };

		if (ioctl(v->fd, KVM_ENABLE_CAP, &cap) < 0)
			fail_setup("KVM_ENABLE_CAP(HYPERV_ENFORCE_CPUID): %s", strerror(errno));
	}
	return c;
}

/* -kvm-pv-clear: KVM's feature bits minus the mask, enforced by KVM. */
static void kvm_pv_restrict(struct vcpu *v, struct kvm_cpuid2 *c)
{
	struct kvm_enable_cap cap = { .cap = KVM_CAP_ENFORCE_PV_FEATURE_CPUID, .args = { 1 } };
	uint32_t i, j;

	for (i = 0; i < c->nent; i++)
		if (c->entries[i].ebx == 0x4b4d564bu && c->entries[i].ecx == 0x564b4d56u)
			for (j = 0; j < c->nent; j++)   /* "KVMKVMKVM": base + 1 holds the bits */
				if (c->entries[j].function == c->entries[i].function + 1)
					c->entries[j].eax &= ~kvm_pv_clear;
	if (ioctl(v->fd, KVM_ENABLE_CAP, &cap) < 0)
		fail_setup("KVM_ENABLE_CAP(ENFORCE_PV_FEATURE_CPUID): %s", strerror(errno));
}

static void set_cpuid(struct vcpu *v, const struct kvm_cpuid2 *sup)
{
	size_t sz = sizeof(*sup) + sup->nent * sizeof(struct kvm_cpuid_entry2);
	struct kvm_cpuid2 *c = malloc(sz);
	uint32_t i;

	if (!c)
		fail_setup("out of memory");
	memcpy(c, sup, sz);
	for (i = 0; i < c->nent; i++) {
		struct kvm_cpuid_entry2 *e = &c->entries[i];

		if (e->function == 1) {
			e->ebx = (e->ebx & 0x00ffffffu) | ((uint32_t)v->id << 24);
			e->ecx |= 1u << 31; /* hypervisor: KVM leaves it to VMMs */
		}
		if (e->function == 0xb || e->function == 0x1f)
			e->edx = (uint32_t)v->id;
	}
	if (hyperv)
		c = hyperv_cpuid(v, c);
	if (kvm_pv_clear)
		kvm_pv_restrict(v, c);
	if (ioctl(v->fd, KVM_SET_CPUID2, c) < 0)
		fail_setup("KVM_SET_CPUID2: %s", strerror(errno));
	free(c);
}

static void flat_seg(struct kvm_segment *s, uint16_t sel, uint8_t type)
{
	memset(s, 0, sizeof(*s));
	s->base = 0;
	s->limit = 0xffffffffu;
	s->selector = sel;
	s->type = type;
	s->present = 1;
	s->dpl = 0;
	s->db = 1;
	s->s = 1;
	s->l = 0;
	s->g = 1;
}

static void setup_bsp(struct vcpu *v, uint32_t entry)
{
	struct hvm_start_info *si = (void *)(ram + START_INFO_PADDR);
	struct hvm_memmap_table_entry *mm = (void *)(ram + MEMMAP_PADDR);
	struct kvm_sregs s;
	struct kvm_regs r;

	memset(si, 0, sizeof(*si));
	si->magic = HVM_START_MAGIC;
	si->version = 1;
	si->memmap_paddr = MEMMAP_PADDR;
	si->memmap_entries = 1;
	memset(mm, 0, sizeof(*mm));
	mm->addr = 0;
	mm->size = GUEST_RAM_SIZE;
	mm->type = 1; /* E820 RAM */
	if (cmdline) {
		strcpy((char *)(ram + CMDLINE_PADDR), cmdline);
		si->cmdline_paddr = CMDLINE_PADDR;
	}

	if (ioctl(v->fd, KVM_GET_SREGS, &s) < 0)
		fail_setup("KVM_GET_SREGS: %s", strerror(errno));
	flat_seg(&s.cs, 0x8, 0xb);
	flat_seg(&s.ds, 0x10, 0x3);
	s.es = s.fs = s.gs = s.ss = s.ds;
	memset(&s.tr, 0, sizeof(s.tr));
	s.tr.limit = 0x67;
	s.tr.type = 0xb; /* busy 32-bit TSS, as VMX entry checks want */
	s.tr.present = 1;
	memset(&s.ldt, 0, sizeof(s.ldt));
	s.ldt.type = 0x2;
	s.ldt.unusable = 1;
	s.gdt.base = s.idt.base = 0;
	s.gdt.limit = s.idt.limit = 0;
	s.cr0 = 0x11; /* PE | ET */
	s.cr3 = s.cr4 = s.efer = 0;
	if (ioctl(v->fd, KVM_SET_SREGS, &s) < 0)
		fail_setup("KVM_SET_SREGS: %s", strerror(errno));

	memset(&r, 0, sizeof(r));
	r.rflags = 0x2;
	r.rip = entry;
	r.rbx = START_INFO_PADDR;
	if (ioctl(v->fd, KVM_SET_REGS, &r) < 0)
		fail_setup("KVM_SET_REGS: %s", strerror(errno));
}

/* ---- running -------------------------------------------------------- */

static void check_tick(struct vcpu *v)
{
	struct kvm_mp_state mp;
	struct kvm_regs r;

	pthread_mutex_lock(&out_lock);
	flush_out_locked();
	pthread_mutex_unlock(&out_lock);
	if ((unsigned)ticks * TICK_MS >= timeout_s * 1000u)
		fail_vcpu(v, "watchdog: no result after %u s", timeout_s);
	if (ioctl(v->fd, KVM_GET_MP_STATE, &mp) == 0 &&
	    mp.mp_state == KVM_MP_STATE_HALTED &&
	    ioctl(v->fd, KVM_GET_REGS, &r) == 0 && !(r.rflags & 0x200))
		fail_vcpu(v, "HLT with interrupts disabled");
}

static void handle_io(struct vcpu *v)
{
	struct kvm_run *run = v->run;
	uint8_t *data = (uint8_t *)run + run->io.data_offset;
	unsigned size = run->io.size, count = run->io.count, i;

	if (run->io.port == DEBUGCON_PORT) {
		if (run->io.direction == KVM_EXIT_IO_OUT) {
			for (i = 0; i < count; i++)
				put_guest_byte(data[i * size]);
		} else {
			memset(data, 0, (size_t)size * count);
			for (i = 0; i < count; i++)
				data[i * size] = DEBUGCON_PORT;
		}
		return;
	}
	if (run->io.port == DEBUG_EXIT_PORT &&
	    run->io.direction == KVM_EXIT_IO_OUT && count >= 1) {
		uint32_t value = (uint32_t)rd(data, size > 4 ? 4 : size);
		finish(value);
	}
	if (run->io.direction == KVM_EXIT_IO_OUT)
		fail_vcpu(v, "unexpected I/O out port %#x size %u count %u "
			  "value %#llx", run->io.port, size, count,
			  (unsigned long long)rd(data, size > 8 ? 8 : size));
	fail_vcpu(v, "unexpected I/O in port %#x size %u count %u",
		  run->io.port, size, count);
}

static const char *exit_name(uint32_t r)
{
	switch (r) {
	case KVM_EXIT_UNKNOWN: return "UNKNOWN";
	case KVM_EXIT_EXCEPTION: return "EXCEPTION";
	case KVM_EXIT_HYPERCALL: return "HYPERCALL";
	case KVM_EXIT_DEBUG: return "DEBUG";
	case KVM_EXIT_HLT: return "HLT";
	case KVM_EXIT_MMIO: return "MMIO";
	case KVM_EXIT_IRQ_WINDOW_OPEN: return "IRQ_WINDOW_OPEN";
	case KVM_EXIT_SHUTDOWN:
		/* SVM reinitialises the VMCB: the registers shown are reset ones */
		return "SHUTDOWN (triple fault; registers below are after reset)";
	case KVM_EXIT_FAIL_ENTRY: return "FAIL_ENTRY";
	case KVM_EXIT_INTR: return "INTR";
	case KVM_EXIT_INTERNAL_ERROR: return "INTERNAL_ERROR";
	case KVM_EXIT_SYSTEM_EVENT: return "SYSTEM_EVENT";
	default: return "other";
	}
}

static void run_vcpu(struct vcpu *v, int is_bsp)
{
	struct kvm_run *run = v->run;

	for (;;) {
		if (ioctl(v->fd, KVM_RUN, 0) < 0) {
			if (errno == EINTR || errno == EAGAIN) {
				if (is_bsp)
					check_tick(v);
				continue;
			}
			fail_vcpu(v, "KVM_RUN: %s", strerror(errno));
		}
		switch (run->exit_reason) {
		case KVM_EXIT_IO:
			handle_io(v);
			break;
		case KVM_EXIT_INTR:
			if (is_bsp)
				check_tick(v);
			break;
		case KVM_EXIT_MMIO:
			fail_vcpu(v, "exit MMIO %s at %#llx len %u",
				  run->mmio.is_write ? "write" : "read",
				  (unsigned long long)run->mmio.phys_addr,
				  run->mmio.len);
		case KVM_EXIT_FAIL_ENTRY:
			fail_vcpu(v, "exit FAIL_ENTRY reason %#llx",
				  (unsigned long long)
				  run->fail_entry.hardware_entry_failure_reason);
		case KVM_EXIT_INTERNAL_ERROR: {
			char d[256] = "";
			uint32_t i, n = run->internal.ndata;
			size_t len = 0;

			if (n > 16)
				n = 16;
			for (i = 0; i < n && len < sizeof(d) - 24; i++)
				len += (size_t)snprintf(d + len, sizeof(d) - len,
							" %#llx", (unsigned long long)
							run->internal.data[i]);
			fail_vcpu(v, "exit INTERNAL_ERROR suberror %u data:%s",
				  run->internal.suberror, d);
		}
		default:
			fail_vcpu(v, "exit %s (%u)", exit_name(run->exit_reason),
				  run->exit_reason);
		}
	}
}

static void *ap_thread(void *arg)
{
	run_vcpu(arg, 0);
	return NULL;
}

static void on_alarm(int sig)
{
	(void)sig;
	ticks++;
	/* KVM_RUN normally returns EINTR well before this; last resort */
	if ((unsigned)ticks * TICK_MS >= timeout_s * 1000u + 5000u) {
		static const char m[] = "\nloader: FAIL watchdog: vcpu stuck\n";
		if (write(1, m, sizeof(m) - 1) < 0) {}
		debug_exit(FAIL_VALUE);
		_exit(FAIL_VALUE);
	}
}

/* -busy: a child that spins until the loader exits (it dies with its parent). */
static void spin_beside(void)
{
	pid_t pid = fork();

	if (pid < 0)
		fail_setup("fork: %s", strerror(errno));
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		for (;;)
			__asm__ __volatile__("" ::: "memory");
	}
}

static void usage(void)
{
	fprintf(stderr, "usage: loader IMAGE [-smp N] [-timeout SECONDS] [-cmdline TEXT]\n"
			"              [-hyperv [-hyperv-enforce] [-hyperv-hide]] [-kvm-pv-clear MASK]\n"
			"              [-busy]\n"
			"       loader -exit VALUE\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *image = NULL;
	struct kvm_userspace_memory_region mem;
	struct kvm_cpuid2 *cpuid;
	struct sigaction sa;
	struct itimerval it;
	sigset_t block, old;
	uint32_t entry;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-exit") == 0 && i + 1 < argc) {
			debug_exit((uint32_t)strtoul(argv[i + 1], NULL, 0));
			return 1;
		} else if (strcmp(argv[i], "-smp") == 0 && i + 1 < argc) {
			nr_vcpus = atoi(argv[++i]);
		} else if (strcmp(argv[i], "-cmdline") == 0 && i + 1 < argc) {
			cmdline = argv[++i];
			if (strlen(cmdline) >= CMDLINE_MAX)
				fail_setup("-cmdline longer than %d bytes", CMDLINE_MAX - 1);
		} else if (strcmp(argv[i], "-hyperv") == 0) {
			hyperv = 1;
		} else if (strcmp(argv[i], "-hyperv-enforce") == 0) {
			hyperv_enforce = 1;
		} else if (strcmp(argv[i], "-hyperv-hide") == 0) {
			hyperv_hide = 1;
		} else if (strcmp(argv[i], "-kvm-pv-clear") == 0 && i + 1 < argc) {
			kvm_pv_clear = (uint32_t)strtoul(argv[++i], NULL, 0);
		} else if (strcmp(argv[i], "-busy") == 0) {
			spin_beside();
		} else if (strcmp(argv[i], "-timeout") == 0 && i + 1 < argc) {
			timeout_s = (unsigned)atoi(argv[++i]);
		} else if (argv[i][0] != '-' && !image) {
			image = argv[i];
		} else {
			usage();
		}
	}
	if (!image)
		usage();
	if (nr_vcpus < 1 || nr_vcpus > MAX_VCPUS)
		fail_setup("-smp must be 1..%d", MAX_VCPUS);
	if (timeout_s < 1)
		fail_setup("-timeout must be at least 1");

	kvm_fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm_fd < 0)
		fail_setup("/dev/kvm: %s", strerror(errno));
	if (ioctl(kvm_fd, KVM_GET_API_VERSION, 0) != KVM_API_VERSION)
		fail_setup("unexpected KVM API version");
	if (ioctl(kvm_fd, KVM_CHECK_EXTENSION, KVM_CAP_IRQCHIP) <= 0)
		fail_setup("KVM lacks KVM_CAP_IRQCHIP");
	vm_fd = ioctl(kvm_fd, KVM_CREATE_VM, 0);
	if (vm_fd < 0)
		fail_setup("KVM_CREATE_VM: %s", strerror(errno));
	if (ioctl(vm_fd, KVM_SET_TSS_ADDR, (unsigned long)TSS_ADDR) < 0)
		fail_setup("KVM_SET_TSS_ADDR: %s", strerror(errno));
	if (ioctl(vm_fd, KVM_CREATE_IRQCHIP, 0) < 0)
		fail_setup("KVM_CREATE_IRQCHIP: %s", strerror(errno));

	ram = mmap(NULL, GUEST_RAM_SIZE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (ram == MAP_FAILED)
		fail_setup("mmap guest RAM: %s", strerror(errno));
	mem = (struct kvm_userspace_memory_region){
		.slot = 0, .guest_phys_addr = 0, .memory_size = GUEST_RAM_SIZE,
		.userspace_addr = (uintptr_t)ram,
	};
	if (ioctl(vm_fd, KVM_SET_USER_MEMORY_REGION, &mem) < 0)
		fail_setup("KVM_SET_USER_MEMORY_REGION: %s", strerror(errno));

	entry = load_elf(image);

	run_size = (size_t)ioctl(kvm_fd, KVM_GET_VCPU_MMAP_SIZE, 0);
	if ((long)run_size <= 0)
		fail_setup("KVM_GET_VCPU_MMAP_SIZE failed");
	cpuid = supported_cpuid();
	for (i = 0; i < nr_vcpus; i++) {
		struct vcpu *v = &vcpus[i];

		v->id = i;
		v->fd = ioctl(vm_fd, KVM_CREATE_VCPU, (unsigned long)i);
		if (v->fd < 0)
			fail_setup("KVM_CREATE_VCPU %d: %s", i, strerror(errno));
		v->run = mmap(NULL, run_size, PROT_READ | PROT_WRITE, MAP_SHARED,
			      v->fd, 0);
		if (v->run == MAP_FAILED)
			fail_setup("mmap kvm_run: %s", strerror(errno));
		set_cpuid(v, cpuid);
	}
	setup_bsp(&vcpus[0], entry);

	/* SIGALRM goes to the BSP thread only: it interrupts its KVM_RUN */
	sigemptyset(&block);
	sigaddset(&block, SIGALRM);
	pthread_sigmask(SIG_BLOCK, &block, &old);
	for (i = 1; i < nr_vcpus; i++) {
		pthread_t t;
		if (pthread_create(&t, NULL, ap_thread, &vcpus[i]) != 0)
			fail_setup("pthread_create failed");
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm; /* no SA_RESTART: KVM_RUN returns EINTR */
	sigaction(SIGALRM, &sa, NULL);
	it.it_interval.tv_sec = 0;
	it.it_interval.tv_usec = TICK_MS * 1000;
	it.it_value = it.it_interval;
	setitimer(ITIMER_REAL, &it, NULL);

	run_vcpu(&vcpus[0], 1);
	return 1;
}
