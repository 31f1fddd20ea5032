/* SPDX-License-Identifier: MIT */
/*
 * Console: SCLP Write Event Data (command 0x00760005) with one ASCII console
 * event (type 0x1a, QEMU's sclpconsole). QEMU executes the command before
 * SERVICE CALL completes; the service-signal interruption it raises stays
 * pending (external interruptions are off). Output is buffered by line.
 */
#include <guest/test.h>

#define SCLP_CMD_WRITE_EVENT_DATA   0x00760005u
#define SCLP_EVENT_ASCII_CONSOLE    0x1a
#define LINE_MAX                    200

struct sccb_write {
	uint16_t length;            /* SCCB header */
	uint8_t function_code;
	uint8_t control_mask[3];
	uint16_t response_code;
	uint16_t event_length;      /* event buffer header */
	uint8_t event_type;
	uint8_t event_flags;
	uint16_t event_reserved;
	char data[LINE_MAX];
} __attribute__((packed));

static struct sccb_write sccb __attribute__((aligned(4096)));
static char line[LINE_MAX];
static unsigned int line_len;

void sclp_flush(void);

static unsigned int servc(uint32_t command, void *block)
{
	unsigned int cc;

	__asm__ __volatile__(".insn rre,0xb2200000,%[cmd],%[sccb]\n\t"
			     "ipm %[cc]\n\t"
			     "srl %[cc],28"
			     : [cc] "=d"(cc)
			     : [cmd] "d"((unsigned long)command), [sccb] "a"(block)
			     : "cc", "memory");
	return cc;
}

void sclp_flush(void)
{
	if (!line_len)
		return;
	memset(&sccb, 0, sizeof(sccb));
	memcpy(sccb.data, line, line_len);
	sccb.length = (uint16_t)(14 + line_len);
	sccb.event_length = (uint16_t)(6 + line_len);
	sccb.event_type = SCLP_EVENT_ASCII_CONSOLE;
	servc(SCLP_CMD_WRITE_EVENT_DATA, &sccb);
	line_len = 0;
}

void arch_putchar(char c)
{
	line[line_len++] = c;
	if (c == '\n' || line_len == LINE_MAX)
		sclp_flush();
}
