#!/usr/bin/env bash
# The browser journeys drive Debian's Chromium through playwright-core; install it when it is missing.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "[ensure-chromium] /usr/bin/chromium missing: installing Debian's chromium"
export DEBIAN_FRONTEND=noninteractive
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
[ -x /usr/bin/chromium ] || { echo "[ensure-chromium] chromium could not be installed" >&2; exit 1; }
