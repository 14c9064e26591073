#!/usr/bin/env bash
# Creates .venv with the Python packages the reference checks and benchmarks use (DuckDB), and
# prints the interpreter's path on its last line. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv >&2
fi
if ! .venv/bin/python -c "import duckdb" 2>/dev/null; then
  .venv/bin/pip install -q duckdb >&2
fi
echo "$PWD/.venv/bin/python"
