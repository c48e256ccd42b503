# Sourced by the scripts that run npm packages (build-web.sh, lint-openapi.sh).

# require_node NAME WHAT: exits 2 unless node and npm are present and Node.js is 20.19+ (of the 20
# line) or 22.12+, which Vite 8 and @redocly/cli 2 need. NAME prefixes the message.
require_node() {
  local name="$1" what="$2"
  for cmd in node npm; do
    if ! command -v "$cmd" >/dev/null 2>&1; then
      echo "$name: $cmd is missing (run scripts/install-deps.sh)" >&2
      exit 2
    fi
  done
  if ! node -e '
    const [maj, min] = process.versions.node.split(".").map(Number);
    process.exit((maj === 20 && min >= 19) || (maj === 22 && min >= 12) || maj > 22 ? 0 : 1);'; then
    echo "$name: Node.js $(node --version) is too old for $what (needs 20.19+ or 22.12+)" >&2
    exit 2
  fi
}

# npm_ci_when_changed NAME DIR BIN: installs DIR/node_modules from DIR/package-lock.json with
# `npm ci` when DIR/node_modules/.bin/BIN is missing or the lock file changed since the last
# install (so the registry is needed only then).
npm_ci_when_changed() {
  local name="$1" dir="$2" bin="$3"
  local stamp="$dir/node_modules/.zeren-lock.sha256"
  local want have
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  have="$(cat "$stamp" 2>/dev/null || true)"
  if [ ! -x "$dir/node_modules/.bin/$bin" ] || [ "$want" != "$have" ]; then
    echo "$name: installing packages in $dir (npm ci)" >&2
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >&2
    echo "$want" >"$stamp"
  fi
}
