#!/usr/bin/env bash
# Installs what the browser tests need: Debian's Chromium and its WebDriver (chromedriver), and the
# pinned Python packages of Tests/Browser/requirements.txt in the project's .venv. Prints the
# interpreter's path on its last line. Idempotent, and quick when everything is there; runs as root
# on Debian. Nothing is downloaded outside apt and PyPI: selenium is pointed at /usr/bin/chromedriver,
# so selenium-manager never fetches a browser or a driver.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "Installing Chromium and chromedriver (Debian packages chromium, chromium-driver)…" >&2
  export DEBIAN_FRONTEND=noninteractive
  # dpkg's hundreds of progress lines would bury the test output; they are shown only on failure.
  log=$(mktemp)
  # Recommends would add about a hundred desktop packages a headless browser never uses; the image's
  # DejaVu fonts are enough to render the pages.
  if ! { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium chromium-driver; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
fi

python=$(scripts/python-env.sh | tail -n 1)
requirements=Tests/Browser/requirements.txt
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
  echo "Installing the browser tests' Python packages into .venv…" >&2
  # axe-selenium-python 3.0.0 is the release that carries axe-core 4 (2.1.6 has axe-core 3.1 from
  # 2018). It declares Python >= 3.12, but its one module is plain Python 3 and runs on the venv's 3.11.
  "$python" -m pip install -q --disable-pip-version-check --ignore-requires-python -r "$requirements" >&2
  pins_met || { echo "browser-env: the pins in $requirements are still not met" >&2; exit 1; }
fi
echo "$python"
