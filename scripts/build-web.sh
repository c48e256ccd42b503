#!/usr/bin/env bash
# Builds the web UI into web/dist with Vite, installing web/node_modules from its lock file first
# when needed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/lib/node.sh"
require_node build-web "Vite 8"
npm_ci_when_changed build-web "$root/web" vite
cd "$root/web"
exec ./node_modules/.bin/vite build --logLevel warn
