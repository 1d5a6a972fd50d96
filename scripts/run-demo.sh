#!/usr/bin/env bash
# Scans the demo fleet (examples/*) with the built jar and prints one line per repository.
# Each example is copied to a temporary folder and committed to a fresh git repository, so the
# scan sees a real checkout. Results on stdout; diagnostics on stderr; the folder is removed.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="${FLEETCHECK_JAR:-$root/cli/target/fleetcheck.jar}"

if [ ! -f "$jar" ]; then
  echo "run-demo: $jar not found; run 'make build' first" >&2
  exit 1
fi
for tool in java git; do
  command -v "$tool" >/dev/null 2>&1 || { echo "run-demo: $tool is required (make doctor)" >&2; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/fleetcheck-demo.XXXXXX")"
trap 'rm -rf "$work"' EXIT

# First value of a top-level field in our pretty-printed JSON report ("score" and "counts"
# come before "results", so the first match is the report's own).
first_number() { # field, file
  grep -m1 -E "^ +\"$1\": " "$2" | sed -E 's/.*: ([0-9.]+),?$/\1/'
}
profiles_of() { # file
  sed -n '/^  "profiles": \[/,/^  \]/p' "$1" | grep -oE '"[a-z]+"' | grep -v profiles | tr -d '"' | paste -sd, -
}

printf '%-16s %-20s %6s %5s %5s\n' REPOSITORY PROFILES SCORE FAIL PASS
failed=0
for example in "$root"/examples/*/; do
  name="$(basename "$example")"
  repo="$work/$name"
  cp -R "$example" "$repo"
  git -C "$repo" init -q -b main
  git -C "$repo" add -A
  git -C "$repo" -c user.name="Fleetcheck demo" -c user.email="demo@fleetcheck.invalid" \
    -c commit.gpgsign=false commit -q -m "Demo snapshot of $name"

  report="$work/$name.json"
  status=0
  java -jar "$jar" scan "$repo" --format json --output "$report" --quiet || status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 3 ]; then
    echo "run-demo: scanning $name failed with exit code $status" >&2
    failed=1
    continue
  fi
  profiles="$(profiles_of "$report")"
  printf '%-16s %-20s %6s %5s %5s\n' "$name" "${profiles:-none}" \
    "$(first_number value "$report")" "$(first_number fail "$report")" "$(first_number pass "$report")"
done
exit "$failed"
