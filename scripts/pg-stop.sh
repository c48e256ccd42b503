#!/usr/bin/env bash
# Usage: scripts/pg-stop.sh DIR
#
# Stops the throwaway PostgreSQL cluster that scripts/pg-start.sh DIR started and deletes it: its
# data dir (DIR/data, or the one DIR/datadir names), DIR/url and DIR/datadir. The server log stays
# in DIR/postgres.log for post-mortems. Exits 0 when nothing runs or DIR does not exist.
#
# As root the server runs as `postgres`, so pg_ctl runs through `runuser -u postgres --`.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

die() { echo "pg-stop: $*" >&2; exit 1; }

if [ $# -ne 1 ] || [ -z "$1" ]; then die "usage: $0 DIR"; fi
[ -d "$1" ] || exit 0
DIR=$(cd "$1" && pwd -P)

if [ "$(id -u)" -eq 0 ]; then
  as_pg() { (cd / && runuser -u postgres -- "$@" 9>&-); }   # cd /: root's cwd may be unreadable
else
  as_pg() { "$@" 9>&-; }
fi
# 9>&-: fd 9 holds the lock below; the server must not inherit it, or the lock lives as long as it.

# Same lock as pg-start.sh, which calls this script while holding it.
if [ -z "${ZEREN_PG_LOCK_HELD:-}" ]; then
  exec 9>"$DIR/.lock"
  flock 9
fi

# The data dir: DIR/data, or elsewhere when pg-start.sh had to put it outside DIR.
DATA="$DIR/data"
RUN=""                     # the private dir under /tmp holding it, if any
if [ -s "$DIR/datadir" ]; then
  DATA=$(cat "$DIR/datadir")
  # Only ever delete what pg-start.sh made: /tmp/zeren-pg.XXXXXXXX/data.
  case "$DATA" in
    /tmp/zeren-pg.*/data) RUN=${DATA%/data} ;;
    *) die "$DIR/datadir names '$DATA', which pg-start.sh does not make; not touching it" ;;
  esac
fi

if [ -f "$DATA/postmaster.pid" ]; then
  # Fast: roll back open transactions and disconnect clients, without waiting for them.
  if ! as_pg "$PG_BIN/pg_ctl" --pgdata="$DATA" --mode=fast --wait --timeout=30 stop >/dev/null 2>&1
  then
    # Still running (stuck)? Then immediate. A stale postmaster.pid (the server died) is fine.
    if as_pg "$PG_BIN/pg_ctl" --pgdata="$DATA" status >/dev/null 2>&1; then
      as_pg "$PG_BIN/pg_ctl" --pgdata="$DATA" --mode=immediate --wait --timeout=30 stop >/dev/null \
        || die "could not stop the server in $DATA"
    fi
  fi
fi

# Keep the log of a cluster that lived outside DIR.
if [ -n "$RUN" ] && [ -f "$RUN/postgres.log" ]; then
  cp -f "$RUN/postgres.log" "$DIR/postgres.log"
fi

rm -f "$DIR/url" "$DIR/url.tmp"
rm -rf "$DATA" "$DIR/initdb.log"
if [ -n "$RUN" ]; then rm -rf "$RUN"; fi
rm -f "$DIR/datadir"
