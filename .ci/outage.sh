#!/usr/bin/env bash
# Database outage: the packaged application on a throw-away PostgreSQL cluster of its own (never the shared
# server at 5432). With the database stopped, a referral answers 503 with Retry-After within 5 s and the
# health check 503 within 2 s; after the database is back, the next referral answers 201, without a restart.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
PG_PORT="${OUTAGE_PG_PORT:-55433}"
APP_PORT="${OUTAGE_APP_PORT:-18095}"
WORK="$(mktemp -d)"
chmod 755 "$WORK"
JAR="$(ls target/vom-case-*.jar | grep -v -- '-plain' | head -1)"
cp "$JAR" "$WORK/app.jar"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

mkdir -p "$WORK/pg" && { [ "$(id -u)" = 0 ] && chown postgres "$WORK/pg" || true; }
as_postgres "$PG_BIN/initdb" -D "$WORK/pg" -U postgres --auth=trust >/dev/null
pg() { as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg" -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" -l "$WORK/pg/log" -w "$@" >/dev/null; }
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill -- -"$APP_PID" 2>/dev/null || true
  pg stop -m immediate 2>/dev/null || true
  sleep 1
  rm -rf "$WORK"
}
trap cleanup EXIT
pg start
as_postgres "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE vom" >/dev/null

VOM_DB_HOST=127.0.0.1 VOM_DB_PORT="$PG_PORT" VOM_DB_NAME=vom VOM_DB_USER=postgres VOM_DB_PASSWORD=unused \
  setsid java -jar "$WORK/app.jar" --spring.profiles.active=postgres,demo --server.port="$APP_PORT" \
  --vom.mail.drop-dir="$WORK/mail" > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 90); do
  curl -fs -o /dev/null "http://localhost:$APP_PORT/actuator/health" && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$WORK/app.log"; echo "outage: the application did not start" >&2; exit 1; }
  sleep 1
done

REFERRAL='{"referralSource":"police","referrerName":"Polizeiinspektion Mitte","referrerEmail":"toa@pi.example",
 "proceduralStage":"diversion","offenceCategory":"theft","offenceDate":"2026-02-14",
 "offenceSummary":"A bicycle was taken from the courtyard.","responsibilityAdmission":"full",
 "victims":[{"name":"Ana Roth","dateOfBirth":"1980-04-02","preferredLanguage":"de","email":"ana@example.org"}],
 "offenders":[{"name":"Carl Vogt","dateOfBirth":"1990-01-15","preferredLanguage":"de","phone":"+49 30 1234567"}]}'
refer() {
  curl -s -o "$WORK/answer" -D "$WORK/headers" -w '%{http_code} %{time_total}\n' -m 30 -u policeapi:VomDemo#2026 \
    -H 'Content-Type: application/json' -X POST "http://localhost:$APP_PORT/api/referrals" -d "$REFERRAL"
}
fail() { echo "outage: FAILED: $*" >&2; tail -30 "$WORK/app.log" >&2; exit 1; }

read -r status seconds < <(refer)
[ "$status" = 201 ] || fail "a referral before the outage answered $status: $(cat "$WORK/answer")"
echo "outage: database up: referral 201 in ${seconds}s"

pg stop -m immediate
read -r status seconds < <(refer)
[ "$status" = 503 ] || fail "a referral during the outage answered $status: $(cat "$WORK/answer")"
awk -v s="$seconds" 'BEGIN { exit !(s <= 5) }' || fail "the referral took ${seconds}s to be refused (more than 5 s)"
grep -qi '^Retry-After:' "$WORK/headers" || fail "no Retry-After header"
grep -q 'cannot reach its database' "$WORK/answer" || fail "the 503 does not say why: $(cat "$WORK/answer")"
echo "outage: database down: referral 503 with Retry-After in ${seconds}s"
read -r health healthSeconds < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -m 10 "http://localhost:$APP_PORT/actuator/health")
[ "$health" = 503 ] || fail "the health check answered $health during the outage"
awk -v s="$healthSeconds" 'BEGIN { exit !(s <= 2) }' || fail "the health check took ${healthSeconds}s (more than 2 s)"
echo "outage: database down: health 503 in ${healthSeconds}s"

pg start
for _ in $(seq 1 30); do
  read -r status seconds < <(refer)
  [ "$status" = 201 ] && break
  sleep 1
done
[ "$status" = 201 ] || fail "after the database came back a referral answered $status: $(cat "$WORK/answer")"
echo "outage: database back: referral 201 in ${seconds}s, no restart"
echo "outage: passed"
