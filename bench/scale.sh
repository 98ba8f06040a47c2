#!/usr/bin/env bash
# The scale benchmark (README "Performance at scale"): makes a PostgreSQL database of its own on the server at
# 127.0.0.1:5432 (user postgres), starts the packaged application on it (profiles postgres,demo; the job executor on),
# runs bench/scale.mjs (seeding through the application's intake and REST API, measuring at each size), stops the
# application and drops the database. Never stops or restarts the server.
#   BENCH_DB=bench_x BENCH_PORT=18194 BENCH_SIZES=1000,5000,20000 bench/scale.sh
# Package first: ./mvnw -B -ntp -q package -DskipTests. Needs psql, node (18 or later) and java on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

DB="${BENCH_DB:-bench_x}"
PORT="${BENCH_PORT:-18194}"
JAR="$(ls target/vom-case-*.jar | grep -v -- '-plain' | head -1)"
WORK="$(mktemp -d)"
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
APP_PID=""

stop_app() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -- -"$APP_PID" 2>/dev/null || kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 -- -"$APP_PID" 2>/dev/null || true
  fi
  APP_PID=""
}
cleanup() {
  stop_app
  if [ -z "${BENCH_KEEP_DB:-}" ]; then "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$JAR" ] || { echo "no jar in target/ (./mvnw -B -ntp -q package -DskipTests)" >&2; exit 1; }
if [ -n "${BENCH_MEASURE_ONLY:-}" ]; then
  BENCH_KEEP_DB=1   # measures the kept database as it is (README "Performance at scale")
else
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
fi
cp "$JAR" "$WORK/vom-case.jar"   # a rebuild of target/ during the run does not touch the running application
JAR="$WORK/vom-case.jar"

echo "-- starting $JAR on database $DB, port $PORT (log: $WORK/app.log)"
VOM_DB_HOST=127.0.0.1 VOM_DB_PORT=5432 VOM_DB_NAME="$DB" VOM_DB_USER=postgres VOM_DB_PASSWORD=unused \
  VOM_MAIL_DROP_DIR="$WORK/mail-drop" \
  setsid java ${BENCH_JAVA_OPTS:--Xmx2g} -jar "$JAR" --spring.profiles.active=postgres,demo --server.port="$PORT" --vom.programme.staff-language=en \
  > "$WORK/app.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 180); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/camunda/app/tasklist/default/" 2>/dev/null && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log"; echo "the application exited" >&2; exit 1; }
  sleep 1
done
echo "-- application up"

status=0
BENCH_BASE="http://127.0.0.1:$PORT" BENCH_DB="$DB" node bench/scale.mjs || status=$?
{ grep -c " ERROR " "$WORK/app.log" || true; } | xargs echo "-- ERROR lines in the application log:"
exit $status
