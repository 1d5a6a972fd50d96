#!/usr/bin/env bash
set -euo pipefail
echo "make run: demo not built yet" >&2
