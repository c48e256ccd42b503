#!/usr/bin/env bash
# Lints api/openapi.json with the pinned @redocly/cli of tools/openapi-lint (its recommended rules,
# tools/openapi-lint/redocly.yaml). Installs the linter from its lock file with `npm ci` when
# node_modules is missing or the lock file changed since. Exits non-zero on any lint error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tool="$root/tools/openapi-lint"
lock="$tool/package-lock.json"
stamp="$tool/node_modules/.zeren-lock.sha256"

for cmd in node npm; do
  if ! command -v "$cmd" >/dev/null 2>&1; then
    echo "lint-openapi: $cmd is missing (run scripts/install-deps.sh)" >&2
    exit 2
  fi
done

# @redocly/cli 2.x runs on Node.js 20.19+ (of the 20 line) or 22.12+.
if ! node -e '
  const [maj, min] = process.versions.node.split(".").map(Number);
  process.exit((maj === 20 && min >= 19) || (maj === 22 && min >= 12) || maj > 22 ? 0 : 1);'; then
  echo "lint-openapi: Node.js $(node --version) is too old for @redocly/cli (needs 20.19+ or 22.12+)" >&2
  exit 2
fi

want="$(sha256sum "$lock" | cut -d' ' -f1)"
have="$(cat "$stamp" 2>/dev/null || true)"
if [ ! -x "$tool/node_modules/.bin/redocly" ] || [ "$want" != "$have" ]; then
  echo "lint-openapi: installing the linter (npm ci)" >&2
  npm ci --prefix "$tool" --no-audit --no-fund >&2
  echo "$want" >"$stamp"
fi

cd "$root"
# No telemetry, no update check. On Node.js 20 @redocly/cli prints an end-of-life banner first; it
# is not a lint finding.
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
exec "$tool/node_modules/.bin/redocly" lint api/openapi.json \
  --config tools/openapi-lint/redocly.yaml
