#!/usr/bin/env bash
# make run: sweeps the demo fleet (examples/*) end to end on the embedded default.
# `fleetcheck demo` turns each example into a git repository under the data dir (reused on later
# runs), serves them over loopback git in its own JVM, sweeps them with 2 workers, prints the
# fleet table on stdout and writes the HTML report (its path is printed on stderr). Run it twice
# to see the trend against the previous sweep.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="${FLEETCHECK_JAR:-$root/cli/target/fleetcheck.jar}"
data_dir="${FLEETCHECK_DEMO_DATA_DIR:-$root/.fleetcheck}"

if [ ! -f "$jar" ]; then
  echo "run-demo: $jar not found; run 'make build' first" >&2
  exit 1
fi

# bin/fleetcheck is the launcher the README's commands use (docs/adr/0011-fast-cold-cli.md).
FLEETCHECK_JAR="$jar" exec "$root/bin/fleetcheck" demo --data-dir "$data_dir" \
  --examples "$root/examples" --workers 2 "$@"
