#!/usr/bin/env bash
# Installs the pinned Python packages of a requirements file (NAME==VERSION lines) into the
# project's .venv, unless every pin is met already, and prints the interpreter's path on its last
# line. Further arguments go to pip. Usage: scripts/python-packages.sh REQUIREMENTS [PIP-ARGUMENTS…]
set -euo pipefail
cd "$(dirname "$0")/.."
requirements=$1
shift
python=$(scripts/python-env.sh | tail -n 1)
# pip takes seconds even when it has nothing to do; ask importlib whether every pin is met first.
pins_met() {
  "$python" - "$requirements" <<'PY'
import sys
from importlib import metadata
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if line:
        name, version = line.split("==")
        try:
            if metadata.version(name) != version:
                sys.exit(1)
        except metadata.PackageNotFoundError:
            sys.exit(1)
PY
}
if ! pins_met; then
  echo "Installing the Python packages of $requirements into .venv…" >&2
  "$python" -m pip install -q --disable-pip-version-check "$@" -r "$requirements" >&2
  pins_met || { echo "python-packages: the pins in $requirements are still not met" >&2; exit 1; }
fi
echo "$python"
