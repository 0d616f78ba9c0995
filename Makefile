# SPDX-License-Identifier: GPL-2.0
#
#   make              build altwq.ko and altwq_test.ko against $(KDIR)
#   make check        install what is missing, build the test kernel (once,
#                     cached), build the modules against it, check that kxx
#                     misuse does not compile, build three in-tree workqueue
#                     clients unchanged for both implementations
#                     (scripts/dropin), run every KUnit suite and those
#                     clients in one QEMU boot; last line: "N passed, N failed"
#   make bench        altwq against the in-tree kthread_worker in one boot, on
#                     the test kernel (KERNEL=stock: Debian's stock kernel);
#                     table on stdout, JSON and Markdown in results/bench/;
#                     CLOCK=icount: the guest clock counts instructions
#   make kdir         print the test kernel tree (for other out-of-tree modules)
#   make stock-check  build against Debian's stock linux-headers-6.12 (IBT,
#                     rethunk, BTF, modversions) with no warnings, then boot the
#                     stock kernel in QEMU and insmod/rmmod altwq.ko
#   make clean

KDIR ?= /lib/modules/$(shell uname -r)/build
KERNEL ?= test
MODULES := altwq.ko altwq_test.ko

.PHONY: all modules check bench kdir deps stock-check clean

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

deps:
	@scripts/deps

kdir:
	@scripts/test-kernel --path

check: deps
	@kdir=$$(scripts/test-kernel) && \
	scripts/build-modules "$$kdir" && \
	scripts/compile-fail && \
	scripts/dropin "$$kdir" && \
	scripts/lockdep-demo "$$kdir" && \
	scripts/qemu-test --kernel "$$kdir" --expect-file results/dropin/expect \
		altwq_test.ko $$(cat results/dropin/modules)

bench: deps
	@KERNEL=$(KERNEL) scripts/bench

stock-check: deps
	@scripts/stock-check

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean 2>/dev/null || \
		rm -rf *.ko *.mod *.mod.c *.o .*.o .*.cmd modules.order Module.symvers generated \
		       src/kabi/sizes.s $$(find src kunit -name '*.o' -o -name '.*.cmd' -o -name '.*.d')
