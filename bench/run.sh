#!/usr/bin/env bash
# Every benchmark, each printing its own table: the API, then early detection.
set -euo pipefail
cd "$(dirname "$0")"
./api.sh
./detection.sh "$@"
