/* SPDX-License-Identifier: MIT */
/*
 * HYP_STATIC_ASSERT(cond, msg): a compile-time check public headers can use
 * at file scope whatever includes them: C11 and later (_Static_assert),
 * C++11 and later (static_assert), and C99 / C++98 (an array of size -1;
 * redeclaring an extern array of the same type is allowed any number of
 * times, so several checks may share the name).
 */
#ifndef HYP_STATIC_ASSERT_H
#define HYP_STATIC_ASSERT_H

#if defined(__cplusplus) && __cplusplus >= 201103L
#define HYP_STATIC_ASSERT(cond, msg) static_assert(cond, msg)
#elif !defined(__cplusplus) && defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L
#define HYP_STATIC_ASSERT(cond, msg) _Static_assert(cond, msg)
#else
#define HYP_STATIC_ASSERT(cond, msg) extern char hyp_static_assert_failed[(cond) ? 1 : -1]
#endif

#endif /* HYP_STATIC_ASSERT_H */
