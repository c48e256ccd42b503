#!/usr/bin/env bash
# Usage: scripts/pg-start.sh DIR
#
# Starts a throwaway PostgreSQL 15 cluster for the tests and prints its admin URL
# (postgresql://postgres@127.0.0.1:PORT/postgres), which it also writes to DIR/url.
#
#   DIR/url       the admin URL (written last, atomically: it exists only once the server answers)
#   DIR/data      the data directory, unless DIR/datadir names another one (see below)
#   DIR/postgres.log, DIR/.s.PGSQL.PORT   the server log and its Unix socket
#
# The cluster trusts every local connection, listens only on 127.0.0.1 on a free port picked
# here, and trades durability for speed (fsync off): it is for tests only, never for data anyone
# wants to keep. scripts/pg-stop.sh DIR stops it and deletes it.
#
# Idempotent: when DIR already holds a running cluster it only prints its URL. A stale cluster in
# DIR (crashed, or left by an earlier run) is stopped and deleted first.
#
# initdb refuses to run as root, so as root the cluster belongs to the `postgres` user (created by
# Debian's postgresql-15 package) and initdb and pg_ctl run through `runuser -u postgres --`. That
# user must be able to reach DIR: a build dir inside a fresh clone under a `mktemp -d` directory
# (mode 700, owned by root) is not reachable, nor is a socket path longer than the kernel's limit;
# then the data dir, socket and log go to a private `mktemp -d` directory under /tmp instead and
# DIR/datadir records where the data dir is.
#
# Environment: PG_BIN (default /usr/lib/postgresql/15/bin) holds initdb, pg_ctl and pg_isready.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
READY_TIMEOUT=30   # seconds to wait for the server to accept connections
PORT_ATTEMPTS=5    # a free port can be taken by someone else before the server binds it

die() { echo "pg-start: $*" >&2; exit 1; }

if [ $# -ne 1 ] || [ -z "$1" ]; then die "usage: $0 DIR"; fi
for tool in initdb pg_ctl pg_isready; do
  [ -x "$PG_BIN/$tool" ] || die "$PG_BIN/$tool not found: install postgresql-15 (make deps)"
done

mkdir -p "$1"
DIR=$(cd "$1" && pwd -P)   # absolute, because the server's working directory is its data dir
SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)

# As root, everything PostgreSQL itself touches belongs to `postgres`.
if [ "$(id -u)" -eq 0 ]; then
  id -u postgres >/dev/null 2>&1 || die "no 'postgres' user: install postgresql-15 (make deps)"
  as_pg() { (cd / && runuser -u postgres -- "$@" 9>&-); }   # cd /: root's cwd may be unreadable
else
  as_pg() { "$@" 9>&-; }
fi
# 9>&-: fd 9 holds the lock below; the server must not inherit it, or the lock lives as long as it.

# One pg-start or pg-stop at a time per DIR (ctest -j, two `make test` in one build dir).
# pg-stop takes the same lock unless told that this script already holds it.
exec 9>"$DIR/.lock"
flock 9
export ZEREN_PG_LOCK_HELD=1

# The data dir of the cluster in DIR, if any.
datadir_of() {
  if [ -s "$DIR/datadir" ]; then cat "$DIR/datadir"; else echo "$DIR/data"; fi
}

# Already running from DIR? The URL must answer and be served by DIR's own postmaster (not by some
# other server that took the port after ours died).
if [ -s "$DIR/url" ]; then
  url=$(cat "$DIR/url")
  port=${url##*:}; port=${port%%/*}
  pidfile="$(datadir_of)/postmaster.pid"
  if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -t 5 \
     && [ -r "$pidfile" ] && [ "$(sed -n 4p "$pidfile")" = "$port" ] \
     && kill -0 "$(head -n 1 "$pidfile")" 2>/dev/null; then
    echo "$url"
    exit 0
  fi
fi

# Anything else in DIR is stale: stop and delete it.
bash "$SCRIPTS/pg-stop.sh" "$DIR" >&2

# Where the cluster lives: DIR itself when the server can use it, else a private dir under /tmp.
# The socket path DIR/.s.PGSQL.NNNNN (plus ".lock") must fit in sun_path (107 bytes).
RUN="$DIR"
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$DIR"
  chmod u+rwx "$DIR"
fi
why=""
if [ $(( ${#DIR} + 20 )) -gt 107 ]; then
  why="its socket path would be too long"
elif ! as_pg test -w "$DIR" -a -x "$DIR"; then
  why="user $(as_pg id -un) cannot reach it"
fi
if [ -n "$why" ]; then
  RUN=$(mktemp -d /tmp/zeren-pg.XXXXXXXX)
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$RUN"; fi
  echo "pg-start: not in $DIR ($why): the cluster lives in $RUN" >&2
  echo "$RUN/data" > "$DIR/datadir"
fi
DATA="$RUN/data"
LOG="$RUN/postgres.log"

# C collation: sorting and comparisons must not depend on the machine's locale.
# --no-sync: a throwaway cluster need not survive a power cut.
if ! as_pg "$PG_BIN/initdb" --pgdata="$DATA" --auth=trust --username=postgres \
      --encoding=UTF8 --locale=C --no-sync --no-instructions >"$RUN/initdb.log" 2>&1; then
  cat "$RUN/initdb.log" >&2
  die "initdb failed"
fi

# Quote a value for postgresql.conf.
conf_quote() { printf "'%s'" "${1//\'/\'\'}"; }

# Loopback only, socket beside the log, and speed over durability (see the header). The port is
# given on the command line so that a retry can pick another one.
cat >>"$DATA/postgresql.conf" <<EOF

# --- zeren throwaway test cluster (scripts/pg-start.sh) ---
listen_addresses = '127.0.0.1'
unix_socket_directories = $(conf_quote "$RUN")
max_connections = 200
shared_buffers = 128MB
fsync = off
synchronous_commit = off
full_page_writes = off
EOF

# Is a TCP port free? Nothing listens on it (any address) and nothing answers on 127.0.0.1.
port_free() {
  if command -v ss >/dev/null 2>&1 && [ -n "$(ss -Htan "( sport = :$1 )" 2>/dev/null)" ]; then
    return 1
  fi
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pick_port() {
  local p
  for _ in $(seq 1 100); do
    p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40001 ))   # RANDOM is 15 bits: use two
    if port_free "$p"; then echo "$p"; return 0; fi
  done
  die "no free port found in 20000-60000"
}

port=""
for attempt in $(seq 1 "$PORT_ATTEMPTS"); do
  p=$(pick_port)
  : >"$LOG"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$LOG"; fi
  # -w -t: pg_ctl itself waits (bounded) until the server is up or has died.
  if as_pg "$PG_BIN/pg_ctl" --pgdata="$DATA" --log="$LOG" --options="-p $p" \
       --wait --timeout="$READY_TIMEOUT" start >/dev/null 2>&1; then
    port=$p
    break
  fi
  # Lost the race for the port: try another one. Any other failure is final.
  if grep -q -e 'could not bind' -e 'Address already in use' "$LOG"; then
    as_pg "$PG_BIN/pg_ctl" --pgdata="$DATA" --mode=immediate stop >/dev/null 2>&1 || true
    echo "pg-start: port $p was taken, retrying ($attempt/$PORT_ATTEMPTS)" >&2
    continue
  fi
  as_pg "$PG_BIN/pg_ctl" --pgdata="$DATA" --mode=immediate stop >/dev/null 2>&1 || true
  echo "pg-start: the server did not start (or not within ${READY_TIMEOUT}s); end of $LOG:" >&2
  tail -n 30 "$LOG" >&2
  exit 1
done
[ -n "$port" ] || die "the server could not bind a port after $PORT_ATTEMPTS attempts"

# Wait, bounded, until it accepts connections over TCP (what the tests use).
deadline=$(( SECONDS + READY_TIMEOUT ))
until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -d postgres -U postgres -t 2; do
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "pg-start: 127.0.0.1:$port not ready after ${READY_TIMEOUT}s; end of $LOG:" >&2
    tail -n 30 "$LOG" >&2
    exit 1
  fi
  sleep 0.2
done

# The URL file appears only now, whole (rename), so that a reader never sees half of it.
url="postgresql://postgres@127.0.0.1:$port/postgres"
echo "$url" >"$DIR/url.tmp"
mv -f "$DIR/url.tmp" "$DIR/url"
echo "$url"
