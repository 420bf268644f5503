# The two commands a newcomer needs:
#   make run    install what is missing, build, run the embedded pipeline on the shipped sample inbox
#   make test   install what is missing, build, run the whole suite (real Kafka, real dovecot),
#               then the unit tests again under ASan+UBSan (minus the compute-only quality evaluations
#               labelled `slow`) and the runtime's real-broker tests (kill, rebalance, restore, standby,
#               DLQ), then libFuzzer on every parser of outside input (10 targets x 20 s, fuzz/README.md)
BUILD      ?= build
ASAN_BUILD ?= build-asan
JOBS       ?= 2

.PHONY: deps deps-run deps-test build build-run run test test-asan fuzz fuzz-soak bench clean

# What running needs: the build's packages and the two models.
deps-run:
	bash scripts/install-deps.sh --run
	@if [ -f scripts/install-model.sh ]; then bash scripts/install-model.sh; fi
	@if [ -f scripts/install-e5.sh ]; then bash scripts/install-e5.sh; fi

deps: deps-run
	bash scripts/install-deps.sh

deps-test: deps
	bash scripts/fetch-kafka.sh

build: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCO_BUILD_TESTS=ON >/dev/null
	ninja -C $(BUILD) -j $(JOBS)

# make run builds the careerops binary and its classifier model only. A build
# directory not configured yet is configured without tests (no cmocka needed);
# one that `make test` configured keeps its tests, which run does not build.
build-run: deps-run
	@[ -f $(BUILD)/CMakeCache.txt ] || cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCO_BUILD_TESTS=OFF >/dev/null
	ninja -C $(BUILD) -j $(JOBS) careerops co_classify_model

run: build-run
	./$(BUILD)/cli/careerops run $(ARGS)

# Tests prove properties, not speed: one BLAS/OpenMP thread each, so two
# tests in parallel on two cores do not spin against each other.
TEST_ENV = OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1

test: deps-test build
	$(TEST_ENV) ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)
	$(MAKE) --no-print-directory test-asan
	$(MAKE) --no-print-directory fuzz

# libFuzzer on every parser of outside input (fuzz/README.md): 10 targets (mime event api conf
# accounts mbox maildir calendar classify when), each seeded with its corpus and run FUZZ_SECS
# seconds in turn: 20 s per target, 200 s of fuzzing in CI (plus about a minute of compiling).
FUZZ_SECS ?= 20
fuzz:
	bash fuzz/run.sh $(FUZZ_SECS)

# Each target to FUZZ_RUNS executions (one after another, niced), then per target: executions,
# exec/s, peak RSS, crashes. Hours, not for CI. FUZZ_TARGETS="api when" limits the targets.
FUZZ_RUNS ?= 10000000
fuzz-soak:
	CO_FUZZ_TARGETS="$(FUZZ_TARGETS)" nice -n 10 bash fuzz/run.sh --soak $(FUZZ_RUNS)

test-asan:
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCO_SANITIZE=ON -DCO_BUILD_TESTS=ON >/dev/null
	ninja -C $(ASAN_BUILD) -j $(JOBS)
	$(TEST_ENV) ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS) -L 'unit|mock' -LE slow
	$(TEST_ENV) ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS) -R '^rt_kafka_|^rt_dlq_kafka'

bench: build
	bash bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD)
