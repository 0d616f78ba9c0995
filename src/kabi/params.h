/* SPDX-License-Identifier: GPL-2.0 */
/*
 * altwq.ko's module parameters, read by the C++ engine. Any context.
 *   idle_timeout_ms  how long a surplus idle worker lives (default 300000)
 */
#ifndef ALTWQ_KABI_PARAMS_H
#define ALTWQ_KABI_PARAMS_H
#include "kabi/types.h"
KABI_BEGIN

unsigned int kabi_param_idle_timeout_ms(void);	/* at least 1 */
void kabi_param_set_idle_timeout_ms(unsigned int ms);

KABI_END
#endif
