#!/usr/bin/env bash
# Two builds of the desk under the same load, on the same seed: the seed is made once (with BEFORE's tool), and each
# run gets its own copy of it (a copied SQLite directory, a PostgreSQL database cloned from a template), so neither
# build meets what the other wrote. Closed loop (no think time). Figures go to stdout (docs/PERFORMANCE.md, "Load").
#
#   BEFORE=/path/to/other/checkout benchmarks/load/compare-builds.sh
# Settings (defaults in brackets): BEFORE (required: a checkout of the older commit), AFTER [this checkout],
#   CASES [20000] REQUESTS [200000] STAFF [50] USERS [50] DURATION [30s] WARMUP [5s] CEILING_DURATION [20s]
#   CONFIGURATIONS ["sqlite postgres1 postgres2"]  WORK [mktemp; kept with KEEP=1]  PG_BIN [/usr/lib/postgresql/15/bin]
#   SEEDED=PORT: reuse the seeds already in WORK (kept by KEEP=1, or cut short; the staff file lists what was seeded
#   by then), with their PostgreSQL cluster running on PORT
set -euo pipefail

AFTER=${AFTER:-$(cd "$(dirname "$0")/../.." && pwd)}
BEFORE=${BEFORE:?set BEFORE to a checkout of the build to compare against}
CASES=${CASES:-20000}
REQUESTS=${REQUESTS:-200000}
STAFF=${STAFF:-50}
USERS=${USERS:-50}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-5s}
CEILING_DURATION=${CEILING_DURATION:-20s}
CONFIGURATIONS=${CONFIGURATIONS:-"sqlite postgres1 postgres2"}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
WORK=${WORK:-$(mktemp -d /tmp/takedowndesk-compare.XXXXXX)}
HOSTS=()

log() { echo "[$(date -u +%H:%M:%S)] $* (load $(cut -d' ' -f1-3 /proc/loadavg))"; }
tool() { echo "$1/benchmarks/TakedownDesk.LoadTest/bin/Release/net10.0/TakedownDesk.LoadTest.dll"; }
web() { echo "$1/src/TakedownDesk.Web/bin/Release/net10.0"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

cleanup() {
  for pid in "${HOSTS[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -f "$WORK/pg/data/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m fast -w stop >/dev/null || true
  fi
  if [ "${KEEP:-0}" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

# start_host BUILD PORT VAR=VALUE...: the real host of that build; waits for /health/live.
start_host() {
  local build=$1 port=$2; shift 2
  env -C "$(web "$build")" "$@" ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
    dotnet TakedownDesk.Web.dll >"$WORK/host-$port.log" 2>&1 &
  HOSTS+=($!)
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$port/health/live" >/dev/null && return 0
    sleep 0.5
  done
  echo "host on port $port did not come up:" >&2; cat "$WORK/host-$port.log" >&2; return 1
}

stop_hosts() {
  for pid in "${HOSTS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  HOSTS=()
}

psql_() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q "$@"; }

chmod 755 "$WORK"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB, .NET $(dotnet --version)"
echo "before: $(git -C "$BEFORE" rev-parse --short HEAD)   after: $(git -C "$AFTER" rev-parse --short HEAD)"
for build in "$BEFORE" "$AFTER"; do
  log "building $build (Release)"
  dotnet build "$build/benchmarks/TakedownDesk.LoadTest" -c Release -v quiet -nologo >/dev/null
done

needs_pg=false
case " $CONFIGURATIONS " in *" postgres"*) needs_pg=true ;; esac
cs() { echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$1;Maximum Pool Size=100"; }

seed_sqlite() {
  mkdir -p "$WORK/seed-sqlite"
  log "seeding SQLite: $CASES cases, $REQUESTS requests"
  dotnet "$(tool "$BEFORE")" seed --provider Sqlite --data-directory "$WORK/seed-sqlite" --staff-file "$WORK/seed-sqlite/staff.json" \
    --cases "$CASES" --requests "$REQUESTS" --staff "$STAFF" >"$WORK/seed-sqlite.log"
}

seed_postgres() {
  mkdir -p "$WORK/seed-pg"
  log "seeding PostgreSQL: $CASES cases, $REQUESTS requests"
  Encryption__KeyStoreProvider=Postgres Encryption__KeyStoreConnectionString="$(cs seed_keys)" \
    dotnet "$(tool "$BEFORE")" seed --provider Postgres --connection "$(cs seed)" --data-directory "$WORK/seed-pg" \
    --staff-file "$WORK/seed-pg/staff.json" --cases "$CASES" --requests "$REQUESTS" --staff "$STAFF" >"$WORK/seed-pg.log"
}

if [ -n "${SEEDED:-}" ]; then
  PG_PORT=$SEEDED
  log "reusing the seeds in $WORK"
else
  if $needs_pg; then
    mkdir -p "$WORK/pg/sock"; chown -R postgres:postgres "$WORK/pg"
    PG_PORT=$(free_port)
    runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg/data" -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w \
      -o "-k $WORK/pg/sock -p $PG_PORT -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=512MB" start >/dev/null
    psql_ -c "CREATE DATABASE seed" -c "CREATE DATABASE seed_keys"
  fi

  # The two seeds side by side: each is mostly one client waiting on its database.
  pids=()
  case " $CONFIGURATIONS " in *" sqlite "*) seed_sqlite & pids+=($!) ;; esac
  if $needs_pg; then seed_postgres & pids+=($!); fi
  for pid in "${pids[@]}"; do wait "$pid"; done
  log "seeded"
fi
echo "cases in the staff file: $(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(sum(len(s.get('caseIds', s.get('cases', []))) for s in (d if isinstance(d, list) else d.get('staff', []))))" "$WORK/seed-sqlite/staff.json" 2>/dev/null || echo '?')"

# run LABEL BUILD CONFIGURATION: a fresh copy of the seed, the build's host(s), the load.
run() {
  local label=$1 build=$2 configuration=$3 urls=() port
  case $configuration in
    sqlite)
      local data="$WORK/$label-sqlite"
      rm -rf "$data"; cp -a "$WORK/seed-sqlite" "$data"
      port=$(free_port); start_host "$build" "$port" Database__Provider=Sqlite TakedownDesk__DataDirectory="$data"; urls=(--base-url "http://127.0.0.1:$port")
      staff="$data/staff.json"
      ;;
    postgres1|postgres2)
      local db="${label}_${configuration}"
      psql_ -c "CREATE DATABASE $db TEMPLATE seed" -c "CREATE DATABASE ${db}_keys TEMPLATE seed_keys"
      local data="$WORK/$db-data"; rm -rf "$data"; cp -a "$WORK/seed-pg" "$data"
      local settings=(Database__Provider=Postgres Database__ConnectionString="$(cs "$db")" TakedownDesk__DataDirectory="$data"
                      Encryption__KeyStoreProvider=Postgres Encryption__KeyStoreConnectionString="$(cs "${db}_keys")")
      local instances=${configuration#postgres}
      for _ in $(seq 1 "$instances"); do
        port=$(free_port); start_host "$build" "$port" "${settings[@]}"; urls+=(--base-url "http://127.0.0.1:$port")
      done
      staff="$data/staff.json"
      ;;
  esac
  log "$label, $configuration: $USERS users, closed loop, $DURATION"
  dotnet "$(tool "$AFTER")" run "${urls[@]}" --staff-file "$staff" --users "$USERS" --duration "$DURATION" --warmup "$WARMUP" || true
  stop_hosts
}

for configuration in $CONFIGURATIONS; do
  # Before, after, before, after would double the time; one of each, back to back, on identical copies.
  run before "$BEFORE" "$configuration"
  run after "$AFTER" "$configuration"
done

for configuration in $CONFIGURATIONS; do
  case $configuration in
    sqlite) log "ceiling: SQLite"; dotnet "$(tool "$AFTER")" ceiling --provider Sqlite --data-directory "$WORK/after-sqlite" --users "$USERS" --duration "$CEILING_DURATION" || true ;;
    postgres1) log "ceiling: PostgreSQL"; dotnet "$(tool "$AFTER")" ceiling --provider Postgres --connection "$(cs after_postgres1)" --data-directory "$WORK/after_postgres1-data" --users "$USERS" --duration "$CEILING_DURATION" || true ;;
  esac
done
log "done"
