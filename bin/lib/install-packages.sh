#!/usr/bin/env bash
# Installs the Debian packages the tests use when they are missing (as root, or with sudo).
# Later issues add to PACKAGES: each entry is "command-to-check:package".
set -euo pipefail

PACKAGES=(
  # The watch service's integration tests start a real Alertmanager and a real Prometheus.
  "prometheus-alertmanager:prometheus-alertmanager"
  "prometheus:prometheus"
)
# The dashboard's browser tests (issue #6): Debian's headless Chromium and its driver.
PACKAGES+=("chromium:chromium" "chromedriver:chromium-driver")

missing=()
for entry in "${PACKAGES[@]}"; do
  cmd=${entry%%:*}
  pkg=${entry#*:}
  command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
