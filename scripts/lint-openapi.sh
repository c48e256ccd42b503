#!/usr/bin/env bash
# Lints api/openapi.json with the pinned @redocly/cli of tools/openapi-lint (its recommended rules,
# tools/openapi-lint/redocly.yaml), installing the linter from its lock file first when needed.
# Exits non-zero on any lint error.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/lib/node.sh"
require_node lint-openapi "@redocly/cli"
npm_ci_when_changed lint-openapi "$root/tools/openapi-lint" redocly

cd "$root"
# No telemetry, no update check. On Node.js 20 @redocly/cli prints an end-of-life banner first; it
# is not a lint finding.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
exec "$root/tools/openapi-lint/node_modules/.bin/redocly" lint api/openapi.json \
  --config tools/openapi-lint/redocly.yaml
