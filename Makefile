# SPDX-License-Identifier: GPL-2.0
#
#   make              build altwq.ko and altwq_test.ko against $(KDIR)
#   make check        install what is missing, build the test kernel (once,
#                     cached), build the modules against it, check that kxx
#                     misuse does not compile, build three in-tree workqueue
#                     clients unchanged for both implementations
#                     (scripts/dropin), run every KUnit suite and those
#                     clients in one QEMU boot; last line: "N passed, N failed"
#                     (KERNEL=6.1: all of it on a test kernel built from
#                     Debian's linux-source-6.1 instead, cached beside 6.12's)
#   make bench        altwq against the in-tree kthread_worker in one boot, on
#                     the test kernel (KERNEL=stock: Debian's stock kernel;
#                     KERNEL=6.1: the 6.1 test kernel);
#                     table on stdout, JSON and Markdown in results/bench/;
#                     CLOCK=icount: the guest clock counts instructions
#   make kdir         print the test kernel tree (for other out-of-tree modules;
#                     KERNEL=6.1: the 6.1 one)
#   make stock-check  build against a Debian stock kernel's headers (IBT,
#                     rethunk, BTF, modversions) with no warnings, then boot that
#                     kernel in QEMU and insmod/rmmod altwq.ko; STOCK=6.12
#                     (default), 6.12-rt or 6.1; make bench KERNEL=stock STOCK=...
#   make matrix       stock-check and a short bench on 6.1, 6.12 and 6.12-rt,
#                     one table (BENCH=0: no bench); make bench-matrix: the three
#                     benches' chart in one (results/bench/matrix.svg)
#   make dkms-check   dkms add/build/install for each installed headers version,
#                     in a scratch tree, no warnings allowed
#   make torture      altwq_torture.ko on the test kernel, both implementations
#                     (DURATION=seconds each, HOTPLUG=1: CPUs off and on line)
#   make install      modules_install into /lib/modules/$(KVER)/updates, depmod
#                     (KDIR/KVER: the running kernel's by default)
#   make clean

KVER ?= $(shell uname -r)
KDIR ?= /lib/modules/$(KVER)/build
KERNEL ?= test
STOCK ?= 6.12
BENCH ?= 1
export STOCK BENCH
# KERNEL=6.1 selects the test kernel built from linux-source-6.1 for check,
# kdir, torture and bench; every other value keeps the 6.12 test kernel.
ifeq ($(KERNEL),6.1)
export ALTWQ_TEST_KERNEL := 6.1
DEPS_EXTRA := linux-source-6.1
endif
MODULES := altwq.ko altwq_test.ko

.PHONY: all modules check bench kdir deps stock-check matrix bench-matrix dkms-check install torture clean

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules

deps:
	@scripts/deps $(DEPS_EXTRA)

kdir:
	@scripts/test-kernel --path

check: deps
	@kdir=$$(scripts/test-kernel) && \
	scripts/build-modules "$$kdir" && \
	scripts/compile-fail && \
	scripts/dropin "$$kdir" && \
	scripts/example "$$kdir" && \
	scripts/lockdep-demo "$$kdir" && \
	DURATION=30 HOTPLUG=1 scripts/torture "$$kdir" && \
	cat results/dropin/expect results/example/expect > results/clients.expect && \
	scripts/qemu-test --kernel "$$kdir" --expect-file results/clients.expect \
		altwq_test.ko $$(cat results/dropin/modules results/example/modules)

bench: deps
	@KERNEL=$(KERNEL) scripts/bench

stock-check: deps
	@scripts/stock-check

matrix: deps
	@scripts/matrix

bench-matrix: deps
	@BENCH=1 scripts/matrix --chart

dkms-check: deps
	@scripts/dkms-check

torture: deps
	@kdir=$$(scripts/test-kernel) && scripts/build-modules "$$kdir" && scripts/torture "$$kdir"

# Into updates/, which depmod prefers to the kernel's own directories.
install: modules
	$(MAKE) -C $(KDIR) M=$(CURDIR) INSTALL_MOD_DIR=updates modules_install
	depmod -a $(KVER)

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean 2>/dev/null || \
		rm -rf *.ko *.mod *.mod.c *.o .*.o .*.cmd modules.order Module.symvers generated \
		       src/kabi/sizes.s $$(find src kunit -name '*.o' -o -name '.*.cmd' -o -name '.*.d')
