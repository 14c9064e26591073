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

# axe-selenium-python 3.0.0 is the release that carries axe-core 4 (2.1.6 has axe-core 3.1 from
# 2018). It declares Python >= 3.12, but its one module is plain Python 3 and runs on the venv's 3.11.
scripts/python-packages.sh Tests/Browser/requirements.txt --ignore-requires-python
