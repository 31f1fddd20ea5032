/* SPDX-License-Identifier: MIT */
/* The few libc functions a freestanding image needs (gcc may emit calls to them). */
#include <guest/test.h>

void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	if (d < s)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x < *y ? -1 : 1;
	return 0;
}

size_t strlen(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (unsigned char)*a - (unsigned char)*b;
}

bool guest_cmdline_value(const char *start, size_t len, const char *key, char *buf, size_t size)
{
	size_t klen = strlen(key);

	if (!start || !size)
		return false;
	for (size_t i = 0; i < len && start[i]; i++) {
		size_t n = 0;

		if ((i == 0 || start[i - 1] == ' ') && !memcmp(start + i, key, klen) && start[i + klen] == '=') {
			for (i += klen + 1; i < len && start[i] && start[i] != ' ' && n + 1 < size; i++)
				buf[n++] = start[i];
			buf[n] = '\0';
			return true;
		}
	}
	return false;
}
