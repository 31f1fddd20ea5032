/* SPDX-License-Identifier: MIT */
/*
 * A minimal VMM for KVM RISC-V: runs one riscv64 virt test image in one
 * vCPU and ends the outer QEMU with the image's verdict.
 *
 * It is /init of the nested Linux (no riscv64 busybox in Debian 12): it
 * mounts devtmpfs, writes to /dev/ttyS0, opens /dev/kvm and:
 *   - maps 64 MiB of guest RAM at 0x80000000, loads the ELF's PT_LOAD
 *     segments and starts the vCPU in S-mode (VS under KVM) at the lowest
 *     loaded address with a0 = 0 (hart ID), a1 = 0 (no device tree);
 *   - emulates the two devices the test runtime uses: the 16550 UART at
 *     0x10000000 (THR writes printed, LSR reads "transmitter empty") and
 *     the sifive_test device at 0x100000 (a write is the verdict);
 *   - serves what KVM hands to its userspace (KVM_EXIT_RISCV_SBI, Linux
 *     6.1 arch/riscv/kvm/vcpu_sbi_v01.c and vcpu_sbi_base.c): the legacy
 *     console putchar (printed) and getchar (-1: no input); BASE
 *     probe_extension of an experimental or vendor EID (0: none here);
 *     every other forwarded call (those ranges) answers
 *     SBI_ERR_NOT_SUPPORTED. SRST arrives as KVM_EXIT_SYSTEM_EVENT.
 * Verdict: the outer QEMU's exit status through the outer sifive_test
 * (/dev/mem at 0x100000): the image's own code (1 pass, 3 fail); an SRST
 * shutdown of the image 0x21, reset 0x23; loader failure 0x7f; skip 77
 * ("SKIP: reason" first). Uses only the riscv64 uapi headers
 * (linux-libc-dev-riscv64-cross).
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <unistd.h>

#define RAM_BASE        0x80000000ul
#define RAM_SIZE        (64ul << 20)
#define UART_BASE       0x10000000ul
#define UART_SIZE       0x100ul
#define TEST_BASE       0x100000ul
#define SIFIVE_FAIL     0x3333u
#define EXIT_SRST_OFF   0x21
#define EXIT_SRST_RESET 0x23
#define EXIT_LOADER     0x7f
#define EXIT_SKIP       77
#define TIMEOUT_S       60

static FILE *out;
/* Calls KVM forwarded here: legacy putchar, getchar, BASE probe, others. */
static unsigned long fwd_putchar, fwd_getchar, fwd_probe, fwd_other;

/* Ends the outer QEMU with `code` through its sifive_test device. */
static void __attribute__((noreturn)) finish(unsigned int code)
{
	int fd;

	if (out) {
		fprintf(out, "loader: SBI calls forwarded by KVM: putchar %lu, getchar %lu, "
			"probe %lu, other %lu\n", fwd_putchar, fwd_getchar, fwd_probe, fwd_other);
		fflush(out);
	}
	fd = open("/dev/mem", O_RDWR | O_SYNC);
	if (fd >= 0) {
		volatile uint32_t *test = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED,
					       fd, TEST_BASE);
		if (test != MAP_FAILED)
			*test = SIFIVE_FAIL | code << 16;
	}
	/* Without /dev/mem: a power-off, QEMU rc 0, which the runner reads as failure. */
	sync();
	reboot(RB_POWER_OFF);
	for (;;)
		pause();
}

static void __attribute__((noreturn, format(printf, 1, 2))) die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(out ? out : stderr, "loader: ");
	vfprintf(out ? out : stderr, fmt, ap);
	fprintf(out ? out : stderr, " (errno %d)\n", errno);
	va_end(ap);
	finish(EXIT_LOADER);
}

static void on_alarm(int sig)
{
	(void)sig;
	fprintf(out, "\nloader: the image ran longer than %d s\n", TIMEOUT_S);
	finish(EXIT_LOADER);
}

static uint64_t load_elf(const char *path, uint8_t *ram)
{
	static uint8_t buf[4 << 20];
	uint64_t lowest = ~0ull;
	ssize_t n;
	int fd = open(path, O_RDONLY);
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)buf;

	if (fd < 0)
		die("open %s", path);
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n < (ssize_t)sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_machine != EM_RISCV ||
	    eh->e_phoff + (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr) > (uint64_t)n)
		die("%s: not a riscv64 ELF", path);
	for (unsigned int i = 0; i < eh->e_phnum; i++) {
		const Elf64_Phdr *ph = (const Elf64_Phdr *)(buf + eh->e_phoff) + i;

		if (ph->p_type != PT_LOAD || ph->p_memsz == 0)
			continue;
		if (ph->p_paddr < RAM_BASE || ph->p_paddr + ph->p_memsz > RAM_BASE + RAM_SIZE ||
		    ph->p_filesz > ph->p_memsz || ph->p_offset + ph->p_filesz > (uint64_t)n)
			die("%s: segment %u outside RAM or file", path, i);
		memcpy(ram + (ph->p_paddr - RAM_BASE), buf + ph->p_offset, ph->p_filesz);
		memset(ram + (ph->p_paddr - RAM_BASE) + ph->p_filesz, 0, ph->p_memsz - ph->p_filesz);
		if (ph->p_paddr < lowest)
			lowest = ph->p_paddr;
	}
	if (lowest == ~0ull)
		die("%s: nothing to load", path);
	return lowest;
}

static void set_core_reg(int vcpu, unsigned long index, unsigned long value)
{
	struct kvm_one_reg reg = {
		.id = KVM_REG_RISCV | KVM_REG_SIZE_U64 | KVM_REG_RISCV_CORE | index,
		.addr = (uintptr_t)&value,
	};

	if (ioctl(vcpu, KVM_SET_ONE_REG, &reg) < 0)
		die("KVM_SET_ONE_REG core %lu", index);
}

/* MMIO: the UART and the test device; anything else is a loader failure. */
static void mmio(struct kvm_run *run)
{
	uint64_t a = run->mmio.phys_addr;

	if (a >= UART_BASE && a < UART_BASE + UART_SIZE) {
		if (run->mmio.is_write && a == UART_BASE) {
			fputc(run->mmio.data[0], out);
			if (run->mmio.data[0] == '\n')
				fflush(out);
		} else if (!run->mmio.is_write) {
			memset(run->mmio.data, 0, sizeof(run->mmio.data));
			if (a == UART_BASE + 5)
				run->mmio.data[0] = 0x60;       /* LSR: THR and shifter empty */
		}
		return;
	}
	if (a == TEST_BASE && run->mmio.is_write && run->mmio.len == 4) {
		uint32_t v;

		memcpy(&v, run->mmio.data, 4);
		if ((v & 0xffff) == SIFIVE_FAIL)
			finish(v >> 16);
		finish(v == 0x5555 ? 0 : EXIT_LOADER);
	}
	die("MMIO %s of %u bytes at 0x%llx", run->mmio.is_write ? "write" : "read",
	    run->mmio.len, (unsigned long long)a);
}

static void sbi(struct kvm_run *run)
{
	unsigned long eid = run->riscv_sbi.extension_id;

	run->riscv_sbi.ret[1] = 0;
	switch (eid) {
	case 0x01:      /* legacy console putchar */
		fwd_putchar++;
		fputc((int)(run->riscv_sbi.args[0] & 0xff), out);
		if ((run->riscv_sbi.args[0] & 0xff) == '\n')
			fflush(out);
		run->riscv_sbi.ret[0] = 0;
		break;
	case 0x02:      /* legacy console getchar: no input */
		fwd_getchar++;
		run->riscv_sbi.ret[0] = (unsigned long)-1L;
		break;
	case 0x10:      /* BASE probe_extension of an experimental or vendor EID */
		fwd_probe++;
		run->riscv_sbi.ret[0] = 0;
		run->riscv_sbi.ret[1] = 0;      /* this VMM implements none */
		if (run->riscv_sbi.function_id != 3)
			run->riscv_sbi.ret[0] = (unsigned long)-2L;
		break;
	default:
		fwd_other++;
		run->riscv_sbi.ret[0] = (unsigned long)-2L;     /* SBI_ERR_NOT_SUPPORTED */
		break;
	}
}

int main(int argc, char **argv)
{
	const char *image = argc > 1 ? argv[1] : "/image.elf";
	struct kvm_userspace_memory_region region;
	struct kvm_run *run;
	uint64_t entry;
	uint8_t *ram;
	long mmap_size;
	int kvm, vm, vcpu, tty;

	mkdir("/dev", 0755);
	mount("devtmpfs", "/dev", "devtmpfs", 0, NULL);
	mkdir("/proc", 0755);
	mount("proc", "/proc", "proc", 0, NULL);
	tty = open("/dev/ttyS0", O_WRONLY | O_NOCTTY);
	out = tty >= 0 ? fdopen(tty, "w") : stdout;
	if (!out)
		out = stdout;
	signal(SIGALRM, on_alarm);
	alarm(TIMEOUT_S);

	kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm < 0) {
		fprintf(out, "SKIP: no /dev/kvm in the nested Linux (no H extension?)\n");
		finish(EXIT_SKIP);
	}
	if (ioctl(kvm, KVM_GET_API_VERSION, 0) != KVM_API_VERSION)
		die("KVM API version");
	vm = ioctl(kvm, KVM_CREATE_VM, 0);
	if (vm < 0)
		die("KVM_CREATE_VM");
	ram = mmap(NULL, RAM_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (ram == MAP_FAILED)
		die("mmap guest RAM");
	region = (struct kvm_userspace_memory_region){
		.slot = 0, .guest_phys_addr = RAM_BASE, .memory_size = RAM_SIZE,
		.userspace_addr = (uintptr_t)ram,
	};
	if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region) < 0)
		die("KVM_SET_USER_MEMORY_REGION");
	entry = load_elf(image, ram);

	vcpu = ioctl(vm, KVM_CREATE_VCPU, 0);
	if (vcpu < 0)
		die("KVM_CREATE_VCPU");
	mmap_size = ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
	if (mmap_size < (long)sizeof(*run))
		die("KVM_GET_VCPU_MMAP_SIZE");
	run = mmap(NULL, (size_t)mmap_size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
	if (run == MAP_FAILED)
		die("mmap kvm_run");
	set_core_reg(vcpu, KVM_REG_RISCV_CORE_REG(regs.pc), entry);
	set_core_reg(vcpu, KVM_REG_RISCV_CORE_REG(regs.a0), 0);
	set_core_reg(vcpu, KVM_REG_RISCV_CORE_REG(regs.a1), 0);
	set_core_reg(vcpu, KVM_REG_RISCV_CORE_REG(mode), KVM_RISCV_MODE_S);

	for (;;) {
		if (ioctl(vcpu, KVM_RUN, 0) < 0) {
			if (errno == EINTR)
				continue;
			die("KVM_RUN");
		}
		switch (run->exit_reason) {
		case KVM_EXIT_MMIO:
			mmio(run);
			break;
		case KVM_EXIT_RISCV_SBI:
			sbi(run);
			break;
		case KVM_EXIT_SYSTEM_EVENT:
			fflush(out);
			fprintf(out, "loader: SRST system event type %u\n", run->system_event.type);
			finish(run->system_event.type == KVM_SYSTEM_EVENT_SHUTDOWN ?
			       EXIT_SRST_OFF : EXIT_SRST_RESET);
		default:
			die("unexpected exit reason %u", run->exit_reason);
		}
	}
}
