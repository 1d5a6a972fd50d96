#!/usr/bin/env bash
# Installs the npm tools the integration and e2e tiers use (pinned in tools/package.json).
set -euo pipefail
cd "$(dirname "$0")/../tools"
if [ ! -d node_modules ] || [ package.json -nt node_modules ]; then
  npm install --no-audit --no-fund --loglevel=error >&2
  touch node_modules
fi
