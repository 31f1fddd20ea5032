/* SPDX-License-Identifier: MIT */
/*
 * The stub headers' argument chains: a stub with N arguments takes `first
 * HYP_STUB_PARAMS##N` (p1..pN) and passes them on as `first HYP_STUB_ARGS##N`.
 */
#ifndef HYP_STUB_H
#define HYP_STUB_H

#define HYP_STUB_PARAMS0
#define HYP_STUB_PARAMS1        , unsigned long p1
#define HYP_STUB_PARAMS2        HYP_STUB_PARAMS1, unsigned long p2
#define HYP_STUB_PARAMS3        HYP_STUB_PARAMS2, unsigned long p3
#define HYP_STUB_PARAMS4        HYP_STUB_PARAMS3, unsigned long p4
#define HYP_STUB_PARAMS5        HYP_STUB_PARAMS4, unsigned long p5
#define HYP_STUB_PARAMS6        HYP_STUB_PARAMS5, unsigned long p6
#define HYP_STUB_PARAMS7        HYP_STUB_PARAMS6, unsigned long p7
#define HYP_STUB_PARAMS8        HYP_STUB_PARAMS7, unsigned long p8
#define HYP_STUB_PARAMS9        HYP_STUB_PARAMS8, unsigned long p9
#define HYP_STUB_ARGS0
#define HYP_STUB_ARGS1          , p1
#define HYP_STUB_ARGS2          HYP_STUB_ARGS1, p2
#define HYP_STUB_ARGS3          HYP_STUB_ARGS2, p3
#define HYP_STUB_ARGS4          HYP_STUB_ARGS3, p4
#define HYP_STUB_ARGS5          HYP_STUB_ARGS4, p5
#define HYP_STUB_ARGS6          HYP_STUB_ARGS5, p6
#define HYP_STUB_ARGS7          HYP_STUB_ARGS6, p7
#define HYP_STUB_ARGS8          HYP_STUB_ARGS7, p8
#define HYP_STUB_ARGS9          HYP_STUB_ARGS8, p9

#endif /* HYP_STUB_H */
