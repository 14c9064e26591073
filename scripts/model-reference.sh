#!/usr/bin/env bash
# Fits generated data with `omsorg model fit --json` and with statsmodels and fails unless the
# estimates and standard errors agree to 1e-6 relative (Tests/Reference/logit_reference.py).
# Installs the pinned Python packages into .venv if missing. Usage: scripts/model-reference.sh BINARY
set -euo pipefail
cd "$(dirname "$0")/.."
omsorg=$(realpath "${1:?usage: scripts/model-reference.sh BINARY}")
[ -x "$omsorg" ] || { echo "model-reference: no omsorg binary at $omsorg; build it first" >&2; exit 1; }
python=$(scripts/python-packages.sh Tests/Reference/requirements.txt | tail -n 1)
"$python" Tests/Reference/logit_reference.py "$omsorg"
