/* SPDX-License-Identifier: MIT */
/*
 * SBI's service paths (RISC-V SBI 2.0: DBCN ch. 12, SRST ch. 10, HSM ch. 9,
 * STA ch. 16, legacy ch. 5), each offered where probe_extension said so in
 * hyp_init() (hyp_info.sbi_extensions).
 */
#include "../services_internal.h"

#include <hyp/sbi.h>

static bool has(const struct hyp_info *info, uint32_t bits)
{
	return (info->families & HYP_FAMILY_SBI) && (info->sbi_extensions & bits) == bits;
}

/* <name>_offered(): probe_extension said `bits` present. */
#define SBI_OFFERED(name, bits) \
	static bool name##_offered(const struct hyp_info *info, const struct hyp_platform *plat) \
	{ (void)plat; return has(info, bits); }

SBI_OFFERED(dbcn, HYP_SBI_HAS_DBCN)
SBI_OFFERED(legacy_putchar, HYP_SBI_HAS_LEGACY(HYP_SBI_EXT_LEGACY_CONSOLE_PUTCHAR))
SBI_OFFERED(legacy_getchar, HYP_SBI_HAS_LEGACY(HYP_SBI_EXT_LEGACY_CONSOLE_GETCHAR))
SBI_OFFERED(srst, HYP_SBI_HAS_SRST)
SBI_OFFERED(legacy_shutdown, HYP_SBI_HAS_LEGACY(HYP_SBI_EXT_LEGACY_SHUTDOWN))
SBI_OFFERED(hsm, HYP_SBI_HAS_HSM)
SBI_OFFERED(sta, HYP_SBI_HAS_STA)

/* HART_SUSPEND came with SBI 0.3. */
static bool hsm_suspend_offered(const struct hyp_info *info, const struct hyp_platform *plat)
{
	return hsm_offered(info, plat) && info->sbi_spec_version >= 3u;
}

/* hyp_sbi_console_write() takes DBCN where present, else legacy putchar: as the paths. */
static int sbi_write(const void *buf, size_t len)
{
	return hyp_sbi_console_write((const char *)buf, len);
}

static int dbcn_read(void *buf, size_t len)
{
	return hyp_sbi_debug_console_read((char *)buf, len);
}

static int legacy_read(void *buf, size_t len)
{
	int c = hyp_sbi_legacy_console_getchar();

	(void)len;
	if (c == HYP_EAGAIN)
		return 0;
	if (c < 0)
		return c;
	*(uint8_t *)buf = (uint8_t)c;
	return 1;
}

static int srst_off(void)
{
	return hyp_sbi_system_reset(HYP_SBI_SRST_TYPE_SHUTDOWN, HYP_SBI_SRST_REASON_NONE);
}

static int srst_reset(void)
{
	return hyp_sbi_system_reset(HYP_SBI_SRST_TYPE_COLD_REBOOT, HYP_SBI_SRST_REASON_NONE);
}

static int srst_crash(void)
{
	return hyp_sbi_system_reset(HYP_SBI_SRST_TYPE_SHUTDOWN, HYP_SBI_SRST_REASON_SYS_FAILURE);
}

/* Default retentive suspend: the hart keeps its state and resumes here on an interrupt. */
static int hsm_idle(void)
{
	return hyp_sbi_hart_suspend(HYP_SBI_HSM_SUSPEND_RET_DEFAULT, 0, 0);
}

static int hsm_start(uint64_t cpu, uintptr_t entry, uintptr_t context)
{
	return hyp_sbi_hart_start((unsigned long)cpu, entry, context);
}

static int sta_setup(struct hyp_steal_cpu *st)
{
	struct hyp_sbi_sta_shmem *r = (struct hyp_sbi_sta_shmem *)(void *)st->record;

	hyp_zero_bytes(r, sizeof(*r));
	return hyp_sbi_steal_time_set_shmem(r);
}

static void sta_teardown(struct hyp_steal_cpu *st)
{
	(void)st;
	hyp_sbi_steal_time_set_shmem(NULL);
}

/* `sequence` odd while the implementation writes (SBI 2.0, 16.2). */
static int sta_read(struct hyp_steal_cpu *st, uint64_t *ns)
{
	const volatile struct hyp_sbi_sta_shmem *r =
		(const volatile struct hyp_sbi_sta_shmem *)(const void *)st->record;

	return hyp_steal_record_read(&r->sequence, &r->steal, ns);
}

static struct hyp_steal_ops sta_ops = { sta_setup, sta_teardown, sta_read };

static struct hyp_service_path dbcn_write = { "sbi-dbcn", dbcn_offered, { .write = sbi_write } };
static struct hyp_service_path legacy_write = {
	"sbi-legacy-putchar", legacy_putchar_offered, { .write = sbi_write } };
static struct hyp_service_path dbcn_read_path = { "sbi-dbcn", dbcn_offered, { .read = dbcn_read } };
static struct hyp_service_path legacy_read_path = {
	"sbi-legacy-getchar", legacy_getchar_offered, { .read = legacy_read } };
static struct hyp_service_path srst_off_path = { "sbi-srst", srst_offered, { .call = srst_off } };
static struct hyp_service_path legacy_off_path = {
	"sbi-legacy-shutdown", legacy_shutdown_offered, { .call = hyp_sbi_legacy_shutdown } };
static struct hyp_service_path srst_reset_path = { "sbi-srst", srst_offered, { .call = srst_reset } };
static struct hyp_service_path srst_crash_path = { "sbi-srst", srst_offered, { .call = srst_crash } };
static struct hyp_service_path hsm_idle_path = {
	"sbi-hsm-suspend", hsm_suspend_offered, { .call = hsm_idle } };
static struct hyp_service_path hsm_start_path = { "sbi-hsm", hsm_offered, { .start = hsm_start } };
static struct hyp_service_path hsm_stop_path = { "sbi-hsm", hsm_offered, { .call = hyp_sbi_hart_stop } };
static struct hyp_service_path sta_path = { "sbi-sta", sta_offered, { .steal = &sta_ops } };

/* riscv64's table: SBI only (no entropy extension; no yield call). */
const struct hyp_service_path *const *hyp_service_table[HYP_SERVICES] = {
	[HYP_SERVICE_CONSOLE_WRITE] = HYP_SERVICE_PATHS(&dbcn_write, &legacy_write),
	[HYP_SERVICE_CONSOLE_READ] = HYP_SERVICE_PATHS(&dbcn_read_path, &legacy_read_path),
	[HYP_SERVICE_POWER_OFF] = HYP_SERVICE_PATHS(&srst_off_path, &legacy_off_path),
	[HYP_SERVICE_RESET] = HYP_SERVICE_PATHS(&srst_reset_path),
	[HYP_SERVICE_CRASH] = HYP_SERVICE_PATHS(&srst_crash_path),
	[HYP_SERVICE_ENTROPY] = HYP_SERVICE_NO_PATH,
	[HYP_SERVICE_IDLE] = HYP_SERVICE_PATHS(&hsm_idle_path),
	[HYP_SERVICE_YIELD] = HYP_SERVICE_NO_PATH,
	[HYP_SERVICE_CPU_START] = HYP_SERVICE_PATHS(&hsm_start_path),
	[HYP_SERVICE_CPU_STOP] = HYP_SERVICE_PATHS(&hsm_stop_path),
	[HYP_SERVICE_STEAL_TIME] = HYP_SERVICE_PATHS(&sta_path),
};
