/* SPDX-License-Identifier: MIT */
/*
 * libhyp's version, as project(VERSION) in CMakeLists.txt says (host test
 * `version` checks they agree). Semantic versioning: a kernel may test
 * HYP_VERSION >= HYP_VERSION_OF(0, 2, 0) before using what 0.2 added.
 */
#ifndef HYP_VERSION_H
#define HYP_VERSION_H

#define HYP_VERSION_MAJOR       0
#define HYP_VERSION_MINOR       1
#define HYP_VERSION_PATCH       0
#define HYP_VERSION_STRING      "0.1.0"

#define HYP_VERSION_OF(major, minor, patch) (((major) << 16) | ((minor) << 8) | (patch))
#define HYP_VERSION HYP_VERSION_OF(HYP_VERSION_MAJOR, HYP_VERSION_MINOR, HYP_VERSION_PATCH)

#endif /* HYP_VERSION_H */
