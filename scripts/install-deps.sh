#!/usr/bin/env bash
# Installs, with apt, every Debian package Zeren needs to build and test, and only those missing.
# Safe to run again: when everything is present it does nothing and touches no network.
set -euo pipefail

packages=(
  # tool chain (g++ brings libgcc-12-dev, whose ASan/UBSan runtimes `make test-asan` links)
  g++ cmake ninja-build pkg-config ccache make git
  # libraries (Boost 1.81: Debian's json and url components come in their own packages)
  libboost1.81-dev libboost-json1.81-dev
  libsoci-dev libsqlite3-dev libpq-dev
  libsodium-dev libssl-dev libgcrypt20-dev libcli11-dev
  # tests and tools used by them
  libgtest-dev sqlite3
  # PostgreSQL 15: the throwaway test cluster (scripts/pg-start.sh) and the scale-out path. Its
  # first install also creates the `postgres` user and a system cluster 15/main on port 5432
  # (unless create_main_cluster = off in /etc/postgresql-common/createcluster.conf); the tests
  # never use that one: they start their own, on a random loopback port.
  postgresql-15
  # the browser tests: Debian's Chromium (driven by playwright-core) and CJK fonts for it
  chromium chromium-driver fonts-noto-cjk
)

# bench/run only (`install-deps.sh --bench`): HTTP load (wrk) against a static baseline (nginx),
# and openssl's command for the SM3 baseline.
if [[ "${1:-}" == --bench ]]; then
  packages+=(wrk nginx openssl)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

# Node.js and npm run the OpenAPI linter and build the web UI (Vite 8 wants 20.19+ or 22.12+;
# scripts/build-web.sh says so when it is older), so an existing installation is kept.
if ! command -v node >/dev/null 2>&1; then missing+=(nodejs); fi
if ! command -v npm >/dev/null 2>&1; then missing+=(npm); fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
