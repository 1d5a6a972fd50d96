# Fleetcheck task runner. Every target works on a fresh clone with no earlier step.
SHELL := /bin/bash
MVN ?= mvn
MVN_FLAGS ?= -B -ntp -q -Dstyle.color=never
JAR := cli/target/fleetcheck.jar
# The collector settings bin/fleetcheck starts sweep and demo with: the bench's throughput figures
# are those of a long-running sweep (SweepJvmSettingsTest checks the two agree).
SWEEP_GC_OPTS := -XX:+UseSerialGC -Xmn64m -XX:MaxTenuringThreshold=0
# This checkout's own classes, never a copy installed in ~/.m2 from another checkout.
OWN_CLASSES := bench/target/classes:serve/target/classes:functions/api/target/classes:functions/common/target/classes:aws/target/classes:cli/target/classes:embedded/target/classes:vcs/target/classes:scan/target/classes:scan/target/test-classes:core/target/classes:core/target/test-classes

.PHONY: help dev lint fmt docs build test test-unit test-integration test-e2e test-all run serve bench doctor up down clean package invoke sweep-local-aws

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | sort

dev: ## Bootstrap: check prerequisites, fetch dependencies, build, install npm tools
	@./scripts/doctor.sh || true
	$(MVN) $(MVN_FLAGS) -DskipTests install
	@./scripts/npm-tools.sh

lint: ## Formatter check and compiler warnings as errors
	$(MVN) $(MVN_FLAGS) spotless:check
	$(MVN) $(MVN_FLAGS) -DskipTests compile test-compile

fmt: ## Format the sources in place
	$(MVN) $(MVN_FLAGS) spotless:apply

docs: ## Regenerate docs/rules.md's rule tables from the rule specs (StandardRules; RulesDocTest fails when stale)
	@$(MVN) $(MVN_FLAGS) -DskipTests package -pl bench -am >&2
	@java -cp "$(OWN_CLASSES):$$(tr ':' '\n' < bench/target/classpath.txt | grep -v /dev/fleetcheck/ | paste -sd:)" dev.fleetcheck.core.rules.RulesDoc docs/rules.md

build: ## Build the fleetcheck jar (cli/target/fleetcheck.jar)
	$(MVN) $(MVN_FLAGS) -DskipTests package

test: ## Fast unit tier: no network, no emulators
	@rm -rf */target/surefire-reports functions/*/target/surefire-reports
	$(MVN) $(MVN_FLAGS) test
	@./scripts/test-summary.sh

test-unit: test ## Same as test

test-integration: ## Integration tier only (emulators, loopback servers)
	@./scripts/npm-tools.sh
	$(MVN) $(MVN_FLAGS) test -Dtest.excludedGroups=e2e -Dgroups=integration -Dsurefire.failIfNoSpecifiedTests=false

test-e2e: build ## End-to-end tier only
	@./scripts/npm-tools.sh
	$(MVN) $(MVN_FLAGS) test -Dtest.excludedGroups=integration -Dgroups=e2e -Dsurefire.failIfNoSpecifiedTests=false

test-all: ## Every tier: unit, integration and e2e
	@./scripts/npm-tools.sh
	@rm -rf */target/surefire-reports
	$(MVN) $(MVN_FLAGS) package -Dtest.excludedGroups=none
	@./scripts/test-summary.sh

run: ## Sweep the demo fleet on the embedded default (build output goes to stderr)
	@$(MVN) $(MVN_FLAGS) -DskipTests package >&2
	@./scripts/run-demo.sh

serve: ## Serve the report API on 127.0.0.1 (PORT=8080; fleetcheck token --scopes scans:read mints a token)
	@$(MVN) $(MVN_FLAGS) -DskipTests -Dfleetcheck.archive.skip=true package -pl serve -am >&2
	@./bin/fleetcheck serve --port $${PORT:-8080}

bench: ## Print throughput figures with same-run baselines (build output goes to stderr)
	@$(MVN) $(MVN_FLAGS) -DskipTests package >&2
	@./scripts/npm-tools.sh >&2 || echo "make bench: npm tools not installed; the secretlint ratio is skipped" >&2
	@java -Xmx4g $(SWEEP_GC_OPTS) -cp "$(OWN_CLASSES):$$(tr ':' '\n' < bench/target/classpath.txt | grep -v /dev/fleetcheck/ | paste -sd:)" dev.fleetcheck.bench.Bench
	@case ",$${FLEETCHECK_BENCH:-functions}," in *,functions,*) \
	  java -cp "functions/local/target/classes:$$(cat functions/local/target/classpath.txt)" dev.fleetcheck.functions.local.ColdStart ;; esac

package: ## Build the Lambda deployment jars (functions/{sweep,worker,api}/target/*-lambda.jar) and print their sizes
	$(MVN) $(MVN_FLAGS) -DskipTests package -pl functions/sweep,functions/worker,functions/api -am
	@for f in sweep worker api; do ls -l functions/$$f/target/fleetcheck-fn-$$f-*-lambda.jar | awk '{printf "%s\t%d bytes\n", $$9, $$5}'; done

invoke: ## Run a handler in-process: make invoke FUNCTION=worker EVENT=events/worker/sqs-batch.json (FLEETCHECK_MODE=local-aws: against make up)
	@test -n "$(FUNCTION)" -a -n "$(EVENT)" || { echo "usage: make invoke FUNCTION=sweep|worker|api EVENT=events/..." >&2; exit 2; }
	@$(MVN) $(MVN_FLAGS) -DskipTests -Dfleetcheck.archive.skip=true package -pl functions/local -am >&2
	@java -cp "functions/local/target/classes:$$(cat functions/local/target/classpath.txt)" dev.fleetcheck.functions.local.LocalInvoke $(FUNCTION) $(EVENT)

sweep-local-aws: ## A whole sweep against make up's endpoint, every function in-process: FLEETCHECK_INVENTORY=fleet.yaml make sweep-local-aws
	@test -n "$$FLEETCHECK_INVENTORY" || { echo "usage: FLEETCHECK_INVENTORY=fleet.yaml make sweep-local-aws (after make up)" >&2; exit 2; }
	@$(MVN) $(MVN_FLAGS) -DskipTests -Dfleetcheck.archive.skip=true package -pl functions/local -am >&2
	@java -cp "functions/local/target/classes:$$(cat functions/local/target/classpath.txt)" dev.fleetcheck.functions.local.LocalAwsSweep

doctor: ## Check JDK, Maven, git, Node/npm and print a fix for each missing piece
	@./scripts/doctor.sh

up: ## Start the local AWS endpoint (LocalStack with Docker, else moto_server on 127.0.0.1:4566) with template.yaml's table, queues, bucket and secret
	@./infra/local-aws.sh up

down: ## Stop the local AWS endpoint that make up started
	@./infra/local-aws.sh down

clean: ## Remove build output
	$(MVN) $(MVN_FLAGS) clean
