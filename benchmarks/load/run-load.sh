#!/usr/bin/env bash
# The load test of issue #7, end to end: Release build; seed a SQLite data directory, one instance of the real host,
# the load, the insert ceiling; then a throwaway PostgreSQL 15 cluster, seeded, two instances on it, the load across
# both, the ceiling; everything stopped and removed at the end. Figures go to stdout (docs/PERFORMANCE.md, "Load").
#
# Scale and length (defaults are the issue's full size):
#   CASES=100000 REQUESTS=1000000 STAFF=50 USERS=50 DURATION=60s WARMUP=10s CEILING_DURATION=30s
#   CONFIGURATIONS="sqlite postgres"  WORK=/tmp/dir (kept with KEEP=1)  PG_BIN=/usr/lib/postgresql/15/bin
# A small run: CASES=2000 REQUESTS=20000 DURATION=20s WARMUP=5s CEILING_DURATION=10s benchmarks/load/run-load.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CASES=${CASES:-100000}
REQUESTS=${REQUESTS:-1000000}
STAFF=${STAFF:-50}
USERS=${USERS:-50}
DURATION=${DURATION:-60s}
WARMUP=${WARMUP:-10s}
THINK_TIME=${THINK_TIME:-0s}
CEILING_DURATION=${CEILING_DURATION:-30s}
CONFIGURATIONS=${CONFIGURATIONS:-"sqlite postgres"}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
WORK=${WORK:-$(mktemp -d /tmp/takedowndesk-load.XXXXXX)}
WEB="$ROOT/src/TakedownDesk.Web/bin/Release/net10.0"
TOOL="$ROOT/benchmarks/TakedownDesk.LoadTest/bin/Release/net10.0/TakedownDesk.LoadTest.dll"
HOSTS=()

log() { echo "[$(date -u +%H:%M:%S)] $* (load $(cut -d' ' -f1-3 /proc/loadavg))"; }

cleanup() {
  for pid in "${HOSTS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -f "$WORK/pg/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_host PORT VAR=VALUE...: the real host dll with the given settings; waits for /health/live.
start_host() {
  local port=$1; shift
  env -C "$WEB" "$@" ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
    dotnet TakedownDesk.Web.dll >"$WORK/host-$port.log" 2>&1 &
  HOSTS+=($!)
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && return 0
    sleep 0.5
  done
  echo "host on port $port did not come up:" >&2; cat "$WORK/host-$port.log" >&2; return 1
}

stop_hosts() {
  for pid in "${HOSTS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  HOSTS=()
}

machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB," \
       ".NET $(dotnet --version), PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}')"
}

chmod 755 "$WORK"
machine
log "building Release"
dotnet build "$ROOT/benchmarks/TakedownDesk.LoadTest" -c Release -v quiet -nologo >/dev/null

for configuration in $CONFIGURATIONS; do
  case $configuration in
    sqlite)
      DATA="$WORK/sqlite"; mkdir -p "$DATA"
      SETTINGS=(Database__Provider=Sqlite TakedownDesk__DataDirectory="$DATA")
      log "seeding SQLite: $CASES cases, $REQUESTS requests, $STAFF staff"
      dotnet "$TOOL" seed --provider Sqlite --data-directory "$DATA" --staff-file "$DATA/staff.json" --cases "$CASES" --requests "$REQUESTS" --staff "$STAFF"
      log "database $(du -sh "$DATA/takedowndesk.db" | cut -f1), key store $(du -sh "$DATA/keys.db" | cut -f1)"
      PORT=$(free_port)
      start_host "$PORT" "${SETTINGS[@]}"
      log "load: $USERS users for $DURATION against one instance on SQLite"
      dotnet "$TOOL" run --base-url "http://127.0.0.1:$PORT" --staff-file "$DATA/staff.json" --users "$USERS" --duration "$DURATION" --warmup "$WARMUP" --think-time "$THINK_TIME" || true
      stop_hosts
      log "ceiling: $USERS writers for $CEILING_DURATION on the same SQLite database"
      dotnet "$TOOL" ceiling --provider Sqlite --data-directory "$DATA" --users "$USERS" --duration "$CEILING_DURATION" || true
      ;;
    postgres)
      PG="$WORK/pg"; mkdir -p "$PG/sock"; chown -R postgres:postgres "$PG"
      PG_PORT=$(free_port)
      runuser -u postgres -- "$PG_BIN/initdb" -D "$PG/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null
      # Durable defaults (fsync on); room for two instances' connection pools and the key store's.
      runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG/data" -l "$PG/server.log" -w \
        -o "-k $PG/sock -p $PG_PORT -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=512MB" start >/dev/null
      for db in takedowndesk takedowndesk_keys; do
        "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "CREATE DATABASE $db"
      done
      CS="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=takedowndesk;Maximum Pool Size=100"
      DATA="$WORK/pg-data"; mkdir -p "$DATA"
      # One data directory (master key, data-protection keys) and one victim key store for both instances.
      export Encryption__KeyStoreProvider=Postgres
      export Encryption__KeyStoreConnectionString="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=takedowndesk_keys"
      SETTINGS=(Database__Provider=Postgres Database__ConnectionString="$CS" TakedownDesk__DataDirectory="$DATA")
      log "seeding PostgreSQL: $CASES cases, $REQUESTS requests, $STAFF staff"
      dotnet "$TOOL" seed --provider Postgres --connection "$CS" --data-directory "$DATA" --staff-file "$DATA/staff.json" --cases "$CASES" --requests "$REQUESTS" --staff "$STAFF"
      log "database $("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -At -c "SELECT pg_size_pretty(pg_database_size('takedowndesk'))")"
      PORT1=$(free_port); start_host "$PORT1" "${SETTINGS[@]}"
      PORT2=$(free_port); start_host "$PORT2" "${SETTINGS[@]}"
      log "load: $USERS users for $DURATION against two instances on PostgreSQL"
      dotnet "$TOOL" run --base-url "http://127.0.0.1:$PORT1" --base-url "http://127.0.0.1:$PORT2" --staff-file "$DATA/staff.json" \
        --users "$USERS" --duration "$DURATION" --warmup "$WARMUP" --think-time "$THINK_TIME" || true
      stop_hosts
      log "ceiling: $USERS writers for $CEILING_DURATION on the same PostgreSQL database"
      dotnet "$TOOL" ceiling --provider Postgres --connection "$CS" --data-directory "$DATA" --users "$USERS" --duration "$CEILING_DURATION" || true
      unset Encryption__KeyStoreProvider Encryption__KeyStoreConnectionString
      ;;
    *) echo "unknown configuration $configuration" >&2; exit 2 ;;
  esac
done
log "done"
