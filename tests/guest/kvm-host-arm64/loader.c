/*
 * loader: run one aarch64 Image in a real KVM vCPU through /dev/kvm (arm64).
 *
 * Usage: loader IMAGE DTB [-event off|reset|reset2] [-timeout SECONDS]
 *        loader -exit CODE        (end the outer QEMU with CODE)
 *
 * Built static for arm64; it runs inside the Linux guest of an outer
 * qemu-system-aarch64 (TCG, virtualization=on, so that Linux has KVM) started
 * with -semihosting-config enable=on,target=native,userspace=on, and ends
 * that QEMU itself with a semihosting SYS_EXIT from EL0, so the outer exit
 * status is the image's code, as if it had run in QEMU directly.
 *
 * The VM: GUEST_RAM_SIZE of RAM at guest-physical RAM_BASE (as QEMU virt),
 * one vCPU of KVM's preferred target with the PSCI 0.2+ feature
 * (KVM_ARM_VCPU_PSCI_0_2, Linux Documentation/virt/kvm/api.rst 4.82), the
 * Image at RAM_BASE + IMAGE_OFFSET (2 MiB aligned, as booting.rst asks), the
 * DTB at DTB_ADDR; entry at the Image's first byte with x0 = DTB_ADDR, x1-x3
 * = 0, EL1h with DAIF masked (KVM's reset state), MMU off.
 *
 * MMIO (KVM_EXIT_MMIO; everything else is a failure, reads included):
 *   0x09000000 PL011 UARTDR write: the byte to stdout; UARTFR (+0x18) reads 0.
 *   0x0a000000 exit register: write = the image's code, the run ends with it.
 *   0x0a000004 verdict register: write = keep the code for a system event.
 * KVM_EXIT_SYSTEM_EVENT (PSCI SYSTEM_OFF = SHUTDOWN 1, SYSTEM_RESET = RESET 2,
 * SYSTEM_RESET2 = RESET with KVM_SYSTEM_EVENT_RESET_FLAG_PSCI_RESET2, its
 * reset_type and cookie left in x1/x2: checked against RESET2_TYPE/_COOKIE):
 *   with -event matching its type and a verdict kept, the run ends with the
 *   verdict; otherwise a failure. Failures print "loader: FAIL ..." and end
 *   with FAIL_CODE; the watchdog (default 30 s) is one too.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/kvm.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define RAM_BASE        0x40000000ull
#define GUEST_RAM_SIZE  (64ull << 20)
#define IMAGE_OFFSET    0x200000ull
#define DTB_ADDR        (RAM_BASE + GUEST_RAM_SIZE - 0x200000ull)
#define UART_DR         0x09000000ull
#define UART_FR         0x09000018ull
#define EXIT_REG        0x0a000000ull
#define VERDICT_REG     0x0a000004ull
#define FAIL_CODE       0x7f
/* What smccc-arm64 passes to SYSTEM_RESET2 with end=reset2 (vendor type 0x42). */
#define RESET2_TYPE     0x80000042ull
#define RESET2_COOKIE   0x1234abcdull

#define SEMIHOSTING_SYS_EXIT            0x18
#define ADP_STOPPED_APPLICATION_EXIT    0x20026

static void semihost_trap(uint64_t *block)
{
	register uint64_t x0 __asm__("x0") = SEMIHOSTING_SYS_EXIT;
	register uint64_t x1 __asm__("x1") = (uint64_t)(uintptr_t)block;

	__asm__ __volatile__("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
}

static void semihost_exit(unsigned int code)
{
	uint64_t block[2] = { ADP_STOPPED_APPLICATION_EXIT, code };

	fflush(stdout);
	semihost_trap(block);
	exit((int)code);        /* without semihosting: at least the process status */
}

static void fail(const char *what)
{
	printf("\nloader: FAIL %s (%s)\n", what, errno ? strerror(errno) : "-");
	semihost_exit(FAIL_CODE);
}

static void *read_file(const char *path, size_t *size)
{
	struct stat st;
	void *buf;
	int fd = open(path, O_RDONLY);

	if (fd < 0 || fstat(fd, &st) < 0)
		fail(path);
	buf = malloc((size_t)st.st_size);
	if (!buf || read(fd, buf, (size_t)st.st_size) != st.st_size)
		fail(path);
	close(fd);
	*size = (size_t)st.st_size;
	return buf;
}

static uint64_t core_reg(size_t offset)
{
	return KVM_REG_ARM64 | KVM_REG_SIZE_U64 | KVM_REG_ARM_CORE | (offset / sizeof(uint32_t));
}

static void set_reg(int vcpu, uint64_t id, uint64_t value)
{
	struct kvm_one_reg reg = { .id = id, .addr = (uint64_t)(uintptr_t)&value };

	if (ioctl(vcpu, KVM_SET_ONE_REG, &reg) < 0)
		fail("KVM_SET_ONE_REG");
}

static uint64_t get_reg(int vcpu, uint64_t id)
{
	uint64_t value = 0;
	struct kvm_one_reg reg = { .id = id, .addr = (uint64_t)(uintptr_t)&value };

	if (ioctl(vcpu, KVM_GET_ONE_REG, &reg) < 0)
		fail("KVM_GET_ONE_REG");
	return value;
}

static void on_alarm(int sig)
{
	(void)sig;
	printf("\nloader: FAIL watchdog timeout\n");
	semihost_exit(FAIL_CODE);
}

int main(int argc, char **argv)
{
	const char *event = NULL;
	unsigned int timeout = 30, verdict = 0;
	size_t image_size, dtb_size, run_size;
	struct kvm_userspace_memory_region region;
	struct kvm_vcpu_init init;
	struct kvm_run *run;
	uint8_t *ram, *image, *dtb;
	int kvm, vm, vcpu;

	setvbuf(stdout, NULL, _IONBF, 0);
	if (argc == 3 && !strcmp(argv[1], "-exit"))
		semihost_exit((unsigned int)strtoul(argv[2], NULL, 0));
	if (argc < 3) {
		fprintf(stderr, "usage: loader IMAGE DTB [-event off|reset] [-timeout S]\n");
		semihost_exit(FAIL_CODE);
	}
	for (int i = 3; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "-event"))
			event = argv[i + 1];
		else if (!strcmp(argv[i], "-timeout"))
			timeout = (unsigned int)strtoul(argv[i + 1], NULL, 0);
	}
	image = read_file(argv[1], &image_size);
	dtb = read_file(argv[2], &dtb_size);
	if (image_size > DTB_ADDR - RAM_BASE - IMAGE_OFFSET || dtb_size > 0x200000)
		fail("image or DTB too large");
	if (image_size < 64 || memcmp(image + 0x38, "ARM\x64", 4))
		fail("not an arm64 Image (no \"ARM\\x64\" at 0x38)");

	kvm = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (kvm < 0)
		fail("open /dev/kvm");
	vm = ioctl(kvm, KVM_CREATE_VM, 0);
	if (vm < 0)
		fail("KVM_CREATE_VM");
	ram = mmap(NULL, GUEST_RAM_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (ram == MAP_FAILED)
		fail("mmap guest RAM");
	memcpy(ram + IMAGE_OFFSET, image, image_size);
	memcpy(ram + (DTB_ADDR - RAM_BASE), dtb, dtb_size);
	region = (struct kvm_userspace_memory_region){
		.slot = 0, .guest_phys_addr = RAM_BASE, .memory_size = GUEST_RAM_SIZE,
		.userspace_addr = (uint64_t)(uintptr_t)ram,
	};
	if (ioctl(vm, KVM_SET_USER_MEMORY_REGION, &region) < 0)
		fail("KVM_SET_USER_MEMORY_REGION");
	vcpu = ioctl(vm, KVM_CREATE_VCPU, 0);
	if (vcpu < 0)
		fail("KVM_CREATE_VCPU");
	memset(&init, 0, sizeof(init));
	if (ioctl(vm, KVM_ARM_PREFERRED_TARGET, &init) < 0)
		fail("KVM_ARM_PREFERRED_TARGET");
	init.features[0] |= 1u << KVM_ARM_VCPU_PSCI_0_2;
	if (ioctl(vcpu, KVM_ARM_VCPU_INIT, &init) < 0)
		fail("KVM_ARM_VCPU_INIT");
	set_reg(vcpu, core_reg(offsetof(struct kvm_regs, regs.pc)), RAM_BASE + IMAGE_OFFSET);
	set_reg(vcpu, core_reg(offsetof(struct kvm_regs, regs.regs[0])), DTB_ADDR);
	run_size = (size_t)ioctl(kvm, KVM_GET_VCPU_MMAP_SIZE, 0);
	run = mmap(NULL, run_size, PROT_READ | PROT_WRITE, MAP_SHARED, vcpu, 0);
	if (run == MAP_FAILED)
		fail("mmap kvm_run");
	signal(SIGALRM, on_alarm);
	alarm(timeout);

	for (;;) {
		if (ioctl(vcpu, KVM_RUN, 0) < 0 && errno != EINTR)
			fail("KVM_RUN");
		switch (run->exit_reason) {
		case KVM_EXIT_MMIO: {
			uint64_t addr = run->mmio.phys_addr;
			uint32_t value = 0;

			memcpy(&value, run->mmio.data, run->mmio.len < 4 ? run->mmio.len : 4);
			if (run->mmio.is_write && addr == UART_DR) {
				putchar((char)value);
			} else if (!run->mmio.is_write && addr == UART_FR) {
				memset(run->mmio.data, 0, sizeof(run->mmio.data));
			} else if (run->mmio.is_write && addr == EXIT_REG) {
				semihost_exit(value);
			} else if (run->mmio.is_write && addr == VERDICT_REG) {
				verdict = value;
			} else {
				printf("\nloader: FAIL MMIO %s 0x%llx len %u\n",
				       run->mmio.is_write ? "write" : "read",
				       (unsigned long long)addr, run->mmio.len);
				semihost_exit(FAIL_CODE);
			}
			break;
		}
		case KVM_EXIT_SYSTEM_EVENT: {
			unsigned int type = run->system_event.type;
			bool reset2 = type == KVM_SYSTEM_EVENT_RESET &&
				      (run->system_event.flags & KVM_SYSTEM_EVENT_RESET_FLAG_PSCI_RESET2);
			const char *name = type == KVM_SYSTEM_EVENT_SHUTDOWN ? "off" :
					   reset2 ? "reset2" :
					   type == KVM_SYSTEM_EVENT_RESET ? "reset" : "other";
			uint64_t x1 = 0, x2 = 0;

			printf("loader: system event %u (%s)\n", type, name);
			if (reset2) {   /* SYSTEM_RESET2's reset_type and cookie stay in x1, x2 */
				x1 = get_reg(vcpu, core_reg(offsetof(struct kvm_regs, regs.regs[1])));
				x2 = get_reg(vcpu, core_reg(offsetof(struct kvm_regs, regs.regs[2])));
				printf("loader: SYSTEM_RESET2 reset_type 0x%llx cookie 0x%llx\n",
				       (unsigned long long)x1, (unsigned long long)x2);
			}
			if (event && !strcmp(event, name) && verdict &&
			    (!reset2 || (x1 == RESET2_TYPE && x2 == RESET2_COOKIE))) {
				printf("loader: PSCI SYSTEM_%s reached the VMM as expected\n",
				       type == KVM_SYSTEM_EVENT_SHUTDOWN ? "OFF" : reset2 ? "RESET2" : "RESET");
				semihost_exit(verdict);
			}
			printf("loader: FAIL unexpected system event (expected %s, verdict %u)\n",
			       event ? event : "none", verdict);
			semihost_exit(FAIL_CODE);
			break;
		}
		case KVM_EXIT_INTR:
			break;
		default:
			printf("\nloader: FAIL exit reason %u\n", run->exit_reason);
			semihost_exit(FAIL_CODE);
		}
	}
}
