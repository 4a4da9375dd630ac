#!/usr/bin/env bash
# Starts the real Redis and PostgreSQL the guard's shared-state tests need, on 127.0.0.1, and prints
#   export BULWARK_TEST_REDIS_URL=redis://127.0.0.1:PORT
#   export BULWARK_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:PORT/bulwark?user=bulwark&password=bulwark
# on stdout for `eval "$(.ci/services.sh)"`. Everything else goes to stderr.
#
# Missing servers are installed from Debian packages (apt-get; CI runs as root). Both run from a state
# directory (default /tmp/bulwark-ci-services, override with BULWARK_SERVICES_DIR), throwaway: Redis without
# persistence, PostgreSQL with fsync off. Idempotent: a second run reuses the servers that still answer.
#   .ci/services.sh          start (or reuse) and print the exports
#   .ci/services.sh stop     stop both and remove the state directory
set -euo pipefail

STATE_DIR="${BULWARK_SERVICES_DIR:-/tmp/bulwark-ci-services}"
REDIS_DIR="$STATE_DIR/redis"
PG_DIR="$STATE_DIR/postgres"
PG_USER_OS=postgres            # PostgreSQL refuses to run as root

log() { echo "services: $*" >&2; }
die() { echo "services: ERROR: $*" >&2; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# Runs a command as the OS user that owns the PostgreSQL cluster (root cannot).
as_pg() {
  if is_root; then
    if command -v runuser >/dev/null; then runuser -u "$PG_USER_OS" -- "$@"
    else su -s /bin/sh "$PG_USER_OS" -c "$(printf '%q ' "$@")"; fi
  else
    "$@"
  fi
}

apt_install() {
  is_root || die "$* missing and not root: install the Debian packages '$*' first"
  command -v apt-get >/dev/null || die "$* missing and no apt-get here: install them by hand"
  log "installing $* from Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y --no-install-recommends "$@" >&2; then
    apt-get update >&2 || die "apt-get update failed"
    apt-get install -y --no-install-recommends "$@" >&2 || die "apt-get install $* failed"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A free TCP port on 127.0.0.1 at or after $1.
free_port() {
  local p=$1
  while [ "$p" -lt $(( $1 + 200 )) ]; do
    port_in_use "$p" || { echo "$p"; return 0; }
    p=$(( p + 1 ))
  done
  die "no free port in $1..$(( $1 + 199 ))"
}

wait_for() { # description, tries (x0.25 s), command...
  local what=$1 tries=$2; shift 2
  for _ in $(seq "$tries"); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
  return 1
}

# ---------------------------------------------------------------- Redis
redis_ping() { [ "$(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null)" = "PONG" ]; }

start_redis() {
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null || apt_install redis-server redis-tools
  command -v redis-server >/dev/null && command -v redis-cli >/dev/null \
    || die "redis-server/redis-cli still not on PATH after installing redis-server and redis-tools"
  mkdir -p "$REDIS_DIR"
  if [ -f "$REDIS_DIR/port" ] && redis_ping "$(cat "$REDIS_DIR/port")"; then
    log "redis already answers on port $(cat "$REDIS_DIR/port")"; return 0
  fi
  local port=${BULWARK_REDIS_PORT:-$(free_port 6390)}
  log "starting redis on 127.0.0.1:$port"
  redis-server --bind 127.0.0.1 --port "$port" --daemonize yes --save '' --appendonly no \
    --dir "$REDIS_DIR" --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log" \
    || die "redis-server did not start (see $REDIS_DIR/redis.log)"
  wait_for redis 80 redis_ping "$port" || die "redis does not answer on port $port (see $REDIS_DIR/redis.log)"
  echo "$port" > "$REDIS_DIR/port"
}

stop_redis() {
  [ -f "$REDIS_DIR/port" ] && redis-cli -h 127.0.0.1 -p "$(cat "$REDIS_DIR/port")" shutdown nosave >/dev/null 2>&1 || true
}

# ---------------------------------------------------------------- PostgreSQL
pg_bin_dir() {
  local d
  if command -v pg_ctl >/dev/null && command -v initdb >/dev/null; then dirname "$(readlink -f "$(command -v pg_ctl)")"; return; fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ] && { echo "$d"; return; }
  done
}

pg_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$1"; }

start_postgres() {
  PG_BIN=$(pg_bin_dir)
  if [ -z "$PG_BIN" ]; then apt_install postgresql; PG_BIN=$(pg_bin_dir); fi
  [ -n "$PG_BIN" ] || die "PostgreSQL installed but no pg_ctl/initdb found under /usr/lib/postgresql/*/bin"
  is_root && ! id "$PG_USER_OS" >/dev/null 2>&1 && die "running as root but there is no '$PG_USER_OS' OS user to run PostgreSQL"
  mkdir -p "$PG_DIR"
  chmod 755 "$STATE_DIR" "$PG_DIR"
  is_root && chown "$PG_USER_OS" "$PG_DIR"
  if [ -f "$PG_DIR/port" ] && pg_ready "$(cat "$PG_DIR/port")"; then
    log "postgresql already answers on port $(cat "$PG_DIR/port")"; return 0
  fi
  if [ ! -f "$PG_DIR/data/PG_VERSION" ]; then
    log "initdb into $PG_DIR/data"
    rm -rf "$PG_DIR/data"
    as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 || die "initdb failed (see $PG_DIR/initdb.log)"
  fi
  local port=${BULWARK_POSTGRES_PORT:-$(free_port 5440)}
  log "starting postgresql on 127.0.0.1:$port"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >&2 || die "postgresql did not start (see $PG_DIR/postgres.log)"
  wait_for postgres 120 pg_ready "$port" || die "postgresql does not answer on port $port (see $PG_DIR/postgres.log)"
  echo "$port" > "$PG_DIR/port"
  # role and database bulwark/bulwark, created once (over the Unix socket, trusted for the postgres OS user)
  local psql=("$PG_BIN/psql" -h "$PG_DIR" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
  as_pg "${psql[@]}" -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bulwark') THEN
      CREATE ROLE bulwark LOGIN PASSWORD 'bulwark'; END IF; END \$\$;" >&2 || die "could not create role bulwark"
  if [ -z "$(as_pg "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'bulwark'")" ]; then
    as_pg "${psql[@]}" -c "CREATE DATABASE bulwark OWNER bulwark" >&2 || die "could not create database bulwark"
  fi
  PGPASSWORD=bulwark "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U bulwark -d bulwark -qtA -c 'SELECT 1' >/dev/null \
    || die "postgresql runs but bulwark/bulwark cannot log in over TCP"
}

stop_postgres() {
  PG_BIN=$(pg_bin_dir)
  [ -n "$PG_BIN" ] && [ -f "$PG_DIR/data/PG_VERSION" ] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >&2 2>&1 || true
}

case "${1:-start}" in
  start)
    mkdir -p "$STATE_DIR"
    start_redis
    start_postgres
    echo "export BULWARK_TEST_REDIS_URL=redis://127.0.0.1:$(cat "$REDIS_DIR/port")"
    echo "export BULWARK_TEST_POSTGRES_URL='jdbc:postgresql://127.0.0.1:$(cat "$PG_DIR/port")/bulwark?user=bulwark&password=bulwark'"
    ;;
  stop)
    stop_redis
    stop_postgres
    rm -rf "$STATE_DIR"
    log "stopped"
    ;;
  *) die "usage: $0 [start|stop]" ;;
esac
