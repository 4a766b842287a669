#!/usr/bin/env bash
# Install Debian's chromium for the headless-browser checks of HTML reports (@snn/browser-check).
# Idempotent: does nothing when CHROMIUM_PATH is set or `chromium` is on PATH; otherwise installs
# the distribution package (needs root, as on CI). Usage: bash tools/scripts/install-chromium.sh
set -euo pipefail
if [[ -n "${CHROMIUM_PATH:-}" ]]; then
  echo "install-chromium: CHROMIUM_PATH=$CHROMIUM_PATH is set; nothing to do"
  exit 0
fi
if command -v chromium >/dev/null 2>&1; then
  echo "install-chromium: $(command -v chromium) is installed; nothing to do"
  exit 0
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "install-chromium: chromium is missing and installing it needs root: run 'sudo apt-get install -y --no-install-recommends chromium', or set CHROMIUM_PATH to a Chromium binary" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium
echo "install-chromium: installed $(chromium --version 2>/dev/null || echo chromium)"
