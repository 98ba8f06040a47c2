#!/usr/bin/env bash
# The fault suite (README "Reliability: the fault suite"): the packaged application on a throw-away PostgreSQL
# cluster of its own (never the shared server at 5432) and an SMTP server the suite controls (faults/suite.mjs):
# mail server down, hung and slow to confirm; the database stopped for 30 s; two nodes on one database; kill -9
# of a node under load. Prints the table fault x (lost, duplicated, repeated, time to recover).
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PG_PORT="${FAULTS_PG_PORT:-55433}"
WORK="$(mktemp -d)"
chmod 755 "$WORK"
JAR="$(ls target/vom-case-*.jar | grep -v -- '-plain' | head -1)"
cp "$JAR" "$WORK/app.jar"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

mkdir -p "$WORK/pg" && { [ "$(id -u)" = 0 ] && chown postgres "$WORK/pg" || true; }
as_postgres "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust >/dev/null
PG_CTL="$PG_BIN/pg_ctl -D $WORK/pg -o '-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c max_connections=200' -l $WORK/pg/log -w"
if [ "$(id -u)" = 0 ]; then PG_CTL="runuser -u postgres -- $PG_CTL"; fi
cleanup() {
  pkill -KILL -f "$WORK/app.jar" 2>/dev/null || true
  bash -c "$PG_CTL stop -m immediate" >/dev/null 2>&1 || true
  sleep 1
  if [ -n "${FAULTS_KEEP:-}" ]; then echo "faults: kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
bash -c "$PG_CTL start" >/dev/null
as_postgres "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE vom" >/dev/null

# The load balancer of docker-compose's cluster profile (deploy/haproxy.cfg), in front of the suite's two nodes.
if ! command -v haproxy >/dev/null; then
  echo "faults: installing Debian's haproxy"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy >/dev/null; }
fi
PORT_A="${FAULTS_PORT_A:-18201}" PORT_B="${FAULTS_PORT_B:-18202}" PROXY_PORT="${FAULTS_PROXY_PORT:-18200}"
sed -e "s/^  bind :8080/  bind 127.0.0.1:$PROXY_PORT/" -e "s/ app:8080 / 127.0.0.1:$PORT_A /" -e "s/ app-2:8080 / 127.0.0.1:$PORT_B /" \
  -e 's/ resolvers docker//' -e '/^resolvers docker/,$d' -e 's/^  log stdout.*/  log stdout format raw local0 notice/' \
  deploy/haproxy.cfg > "$WORK/haproxy.cfg"
haproxy -c -q -f "$WORK/haproxy.cfg"
haproxy -f "$WORK/haproxy.cfg" -db > "$WORK/haproxy.log" 2>&1 &
PROXY_PID=$!
trap 'kill $PROXY_PID 2>/dev/null || true; cleanup' EXIT

mkdir -p target/faults
FAULTS_PORT_A="$PORT_A" FAULTS_PORT_B="$PORT_B" FAULTS_PROXY="http://127.0.0.1:$PROXY_PORT" \
FAULTS_JAR="$WORK/app.jar" FAULTS_WORK="$WORK" FAULTS_PG_PORT="$PG_PORT" FAULTS_REPORT="$PWD/target/faults/faults.md" \
  FAULTS_PG_STOP="$PG_CTL stop -m immediate >/dev/null" FAULTS_PG_START="$PG_CTL start >/dev/null" \
  node faults/suite.mjs || { for n in a b; do [ -f "$WORK/$n.log" ] && { echo "--- node $n (last 60 lines)"; tail -60 "$WORK/$n.log"; }; done; exit 1; }
