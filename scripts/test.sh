#!/usr/bin/env bash
# All the tests: the domain, store and API suites on SQLite and on a local PostgreSQL server, and a
# smoke run of the command line as the README uses it, then the pages in headless Chromium. The same
# command runs in CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

postgres_url=$(scripts/postgres.sh | tail -n 1)
export OMSORG_TEST_POSTGRES_URL="$postgres_url"
export OMSORG_TEST_REQUIRE_POSTGRES=1

swift build --build-tests
scripts/smoke.sh "$postgres_url"
swift test --skip-build
# omsorg model fit against statsmodels on generated data: estimates and standard errors to 1e-6 relative.
scripts/model-reference.sh .build/debug/omsorg
# The release build, which the service and the benchmarks run: its optimiser has crashed on code the
# debug build compiled (a throwing initialiser with try! inside), so it is built here too.
swift build -c release --product omsorg
# schemathesis against the served OpenAPI document, on SQLite and PostgreSQL: no 5xx, every answer as documented.
scripts/api-fuzz.sh .build/debug/omsorg "$postgres_url"
# The pages in headless Chromium, checked with axe-core (installs Chromium and the Python packages if missing).
scripts/browser-test.sh .build/debug/omsorg
