/* SPDX-License-Identifier: MIT */
/*
 * libhyp services: what every kernel needs from whatever is underneath, one
 * call each, the same on every architecture and hypervisor.
 *
 *   hyp_init(&plat);                          detection (hyp/core.h)
 *   hyp_console_write(buf, len);              every byte, or an error
 *   hyp_console_read(buf, len);               what waits (0: nothing)
 *   hyp_power_off(); hyp_reset(); hyp_crash(); never return on success
 *   hyp_entropy(buf, len);                    the hypervisor's or firmware's source
 *   hyp_idle(); hyp_yield();                  wait for an interrupt; give the CPU up
 *   hyp_cpu_start(cpu, entry, ctx); hyp_cpu_stop();
 *   hyp_steal_cpu_setup(&st[cpu], cpu); hyp_steal_ns(&st[cpu], &ns);
 *   hyp_service_path(HYP_SERVICE_...);        "sbi-dbcn", ..., "none": for a boot log
 *
 * Each call takes the first path of its service (below, best first) that
 * hyp_init()'s detection found. Where none was found it returns
 * HYP_ENOSERVICE (hyp/error.h) and executes nothing: no hypercall, no trap,
 * no MSR. Before hyp_init(): HYP_ENOTINIT, nothing executed. Once a path is
 * taken, an error is that path's answer (hyp/error.h; e.g. HYP_ENOSYS where
 * the family is present but its hypervisor does not serve the call).
 *
 * Paths (the name hyp_service_path() returns), per architecture, best first:
 *   x86       console write/read: xen-pv-console (a domU's PV console ring,
 *             once the kernel called hyp_xen_pv_console_setup(): hyp/
 *             xen_console.h; the choice is made again at each setup), then
 *             xen-console-io (Xen CONSOLEIO: dom0, or a debug Xen); power
 *             off, reset, crash: xen-shutdown (SCHEDOP_shutdown poweroff,
 *             reboot, crash); idle: xen-sched-block; yield: xen-sched-yield;
 *             steal time: kvm-steal-time (MSR_KVM_STEAL_TIME), xen-runstate
 *             (VCPUOP_get_runstate_info: runnable + offline). No entropy and
 *             no CPU start: KVM and Hyper-V offer none.
 *   aarch64   console: xen-pv-console, xen-console-io (as x86); power off, reset: xen-shutdown, psci
 *             (SYSTEM_OFF, SYSTEM_RESET); crash: xen-shutdown; entropy:
 *             smccc-trng (TRNG_RND64); idle: psci-cpu-suspend (standby), then
 *             xen-sched-block; yield: xen-sched-yield; CPU start/stop: psci
 *             (CPU_ON, CPU_OFF); steal time: xen-runstate-area
 *             (VCPUOP_register_runstate_memory_area). Not yet: arm64 PV time.
 *   riscv64   console write: sbi-dbcn, sbi-legacy-putchar; read: sbi-dbcn,
 *             sbi-legacy-getchar; power off: sbi-srst, sbi-legacy-shutdown;
 *             reset: sbi-srst (cold reboot); crash: sbi-srst (shutdown,
 *             reason system failure); idle: sbi-hsm-suspend (default
 *             retentive, SBI >= 0.3); CPU start/stop: sbi-hsm; steal: sbi-sta.
 *   PowerPC   console write: papr-put-term-char (vterm 0), epapr-byte-channel
 *             (the handle in hyp_platform); read: papr-get-term-char,
 *             epapr-byte-channel; entropy: papr-h-random (where the partition
 *             has it: hyp_platform.ppc_papr_random or /rtas
 *             "ibm,hypertas-functions" "hcall-random"); idle: papr-h-cede,
 *             epapr-ev-idle (has-idle). Power and CPUs go through RTAS there:
 *             firmware, not a hypercall.
 *   MIPS      console write: kvm-mips-console (vterm 0); power off: kvm-mips-exit.
 *   s390x     none: the console (SCLP), power and CPU start (SIGP) are the
 *             machine's; KVM's DIAGNOSE 0x500 serves virtio only.
 *
 * Not here, on purpose: RDRAND/RDSEED (x86) and RNDR (arm64) are CPU
 * instructions, not calls to the hypervisor or firmware: a kernel uses them
 * itself. x86 CPU start is INIT-SIPI through the local APIC, s390 SIGP and
 * PowerPC RTAS start-cpu are not hypercalls either.
 */
#ifndef HYP_SERVICES_H
#define HYP_SERVICES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <hyp/error.h>
#include <hyp/static_assert.h>

#ifdef __cplusplus
extern "C" {
#endif

enum hyp_service {
	HYP_SERVICE_CONSOLE_WRITE = 0,
	HYP_SERVICE_CONSOLE_READ,
	HYP_SERVICE_POWER_OFF,
	HYP_SERVICE_RESET,
	HYP_SERVICE_CRASH,
	HYP_SERVICE_ENTROPY,
	HYP_SERVICE_IDLE,
	HYP_SERVICE_YIELD,
	HYP_SERVICE_CPU_START,
	HYP_SERVICE_CPU_STOP,
	HYP_SERVICE_STEAL_TIME,
	HYP_SERVICES
};

/*
 * The name of the path `service` takes here ("psci", "sbi-dbcn", ...);
 * "none" where no path is offered, "uninitialised" before hyp_init(),
 * "invalid" for an unknown service.
 */
const char *hyp_service_path(enum hyp_service service);
/* Whether `service` has a path here (false before hyp_init()). */
bool hyp_service_offered(enum hyp_service service);
/* "console-write", "power-off", ...: the service's own name. */
const char *hyp_service_name(enum hyp_service service);

/* Attempts of a path that answered "busy" or took nothing, in a row, before HYP_EAGAIN. */
#define HYP_SERVICE_RETRIES 64

/*
 * Write all `len` bytes (at most INT_MAX, else HYP_EINVAL; NULL with len > 0
 * HYP_EINVAL). Returns len once every byte went out, byte for byte; any
 * failure is negative even after some bytes went out (never a short count);
 * HYP_EAGAIN when the path stayed busy HYP_SERVICE_RETRIES times in a row.
 */
int hyp_console_write(const void *buf, size_t len);

/* Up to `len` bytes into `buf`; the count (0: nothing waiting). */
int hyp_console_read(void *buf, size_t len);

/* Power off, reset (cold), report a crash and stop: return only on failure. */
int hyp_power_off(void);
int hyp_reset(void);
int hyp_crash(void);

/*
 * Fill all `len` bytes from the hypervisor's or firmware's random source
 * (at most INT_MAX). Returns len; HYP_EAGAIN when the source had no
 * entropy HYP_SERVICE_RETRIES times in a row (nothing partial is success).
 */
int hyp_entropy(void *buf, size_t len);

/*
 * Wait on this CPU until an interrupt is pending (it may be delivered
 * before the call returns, where the path enables delivery: Xen's block,
 * PAPR's cede), or return at once. 0.
 */
int hyp_idle(void);
/* Give this CPU's time slice back to the hypervisor. 0. */
int hyp_yield(void);

/*
 * Start CPU `cpu` (PSCI: its MPIDR affinity; SBI: its hart ID) at the
 * physical address `entry`, MMU off, with `context` in its first argument
 * register (PSCI x0; SBI a1, a0 = the hart ID). 0 once the hypervisor or
 * firmware accepted it.
 */
int hyp_cpu_start(uint64_t cpu, uintptr_t entry, uintptr_t context);
/* Stop the calling CPU: returns only on failure. */
int hyp_cpu_stop(void);

/*
 * Steal time: nanoseconds this vCPU was ready to run but the host ran
 * something else. One struct per CPU, owned by the kernel, 64-byte aligned
 * in memory virt_to_phys can translate (the hypervisor writes KVM's and
 * SBI STA's record into it); set up on that CPU.
 */
#define HYP_STEAL_CPU_ALIGN 64
struct hyp_steal_cpu {
	uint8_t record[64];             /* offset 0: the record the hypervisor writes */
	uint32_t cpu;                   /* the hypervisor's vCPU number */
	uint8_t path;                   /* which path set it up, 0 = none */
	uint8_t reserved[59];
} __attribute__((aligned(HYP_STEAL_CPU_ALIGN)));
HYP_STATIC_ASSERT(sizeof(struct hyp_steal_cpu) == 128, "hyp_steal_cpu: two cache lines");

/*
 * On CPU `cpu` itself: register `st` with the hypervisor. 0; HYP_EINVAL for
 * NULL or misalignment; HYP_ENOSERVICE where no path is offered.
 */
int hyp_steal_cpu_setup(struct hyp_steal_cpu *st, uint32_t cpu);
/* On that CPU: stop the hypervisor writing into `st`. 0 (also for one not set up). */
int hyp_steal_cpu_teardown(struct hyp_steal_cpu *st);
/*
 * Nanoseconds stolen from this vCPU since the hypervisor started counting
 * (monotonic). 0; HYP_ENOSERVICE if `st` is not set up; HYP_ETIMEDOUT if
 * the record stayed mid-update for HYP_SERVICE_RETRIES reads.
 */
int hyp_steal_ns(struct hyp_steal_cpu *st, uint64_t *ns);

#ifdef __cplusplus
}
#endif

#endif /* HYP_SERVICES_H */
