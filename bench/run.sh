#!/usr/bin/env bash
# Every benchmark, each printing its own table: the API, the staff pages, then early detection.
set -euo pipefail
cd "$(dirname "$0")"
./api.sh
./pages.sh
./audit.sh
./detection.sh "$@"
./model.sh
