/* SPDX-License-Identifier: MIT */
/* lib/init.c with a pause point after each of its atomic steps (init_race_hooks.h). */
#include "init_race_hooks.h"
#include "../../lib/init.c"
