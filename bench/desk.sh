#!/usr/bin/env bash
# The desk benchmark (README "The mediator's desk", issue 18): the case list's answer time over HTTP at 20,000 cases on
# PostgreSQL, for a mediator with 50 cases and for a coordinator who sees all of them. The list is one query on the
# case register (vom_case, vom_case_mediator) and never asks the engine, so the register is filled directly with SQL
# (cases spread over the phases and the next 90 days, two of 400 mediators per case, Mara on 50 of them) instead of
# seeding 20,000 cases through the engine (bench/scale.sh does that, in hours). Makes a database of its own on the
# server at 127.0.0.1:5432 (never stops or restarts it), starts the packaged application on it, runs ANALYZE, times
# each request (3 warm-up runs, then BENCH_RUNS runs: median and p95), writes bench/desk-report.md, fails if a p95 is
# over BENCH_MAX_MS (300, the issue's bound), stops the application and drops the database.
# The register filled by SQL bypasses the kept counts of running cases (the figures and the assignment's offer, not
# what this benchmark measures); the application's next start would correct them (CaseRegistryBackfill).
#   BENCH_DB=bench_desk BENCH_PORT=18195 BENCH_CASES=20000 BENCH_RUNS=30 bench/desk.sh
# Package first: ./mvnw -B -ntp -q package -DskipTests. Needs psql, curl and java on the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

DB="${BENCH_DB:-bench_desk}"
PORT="${BENCH_PORT:-18195}"
CASES="${BENCH_CASES:-20000}"
RUNS="${BENCH_RUNS:-30}"
MAX_MS="${BENCH_MAX_MS:-300}"
REPORT="${BENCH_REPORT:-bench/desk-report.md}"
PASSWORD='VomDemo#2026'
JAR="$(ls target/vom-case-*.jar | grep -v -- '-plain' | head -1)"
WORK="$(mktemp -d)"
PSQL=(psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q)
APP_PID=""

cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -- -"$APP_PID" 2>/dev/null || kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
    kill -9 -- -"$APP_PID" 2>/dev/null || true
  fi
  if [ -z "${BENCH_KEEP_DB:-}" ]; then "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

[ -f "$JAR" ] || { echo "no jar in target/ (./mvnw -B -ntp -q package -DskipTests)" >&2; exit 1; }
"${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
cp "$JAR" "$WORK/vom-case.jar"
echo "-- starting the application on database $DB, port $PORT"
VOM_DB_HOST=127.0.0.1 VOM_DB_PORT=5432 VOM_DB_NAME="$DB" VOM_DB_USER=postgres VOM_DB_PASSWORD=unused \
  VOM_MAIL_DROP_DIR="$WORK/mail-drop" \
  setsid java ${BENCH_JAVA_OPTS:--Xmx1g} -jar "$WORK/vom-case.jar" --spring.profiles.active=postgres,demo --server.port="$PORT" --vom.programme.staff-language=en \
  > "$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log"; echo "the application exited" >&2; exit 1; }
  sleep 1
done
echo "-- application up; filling the case register with $CASES cases"

"${PSQL[@]}" -d "$DB" <<SQL
INSERT INTO vom_case (case_number, process_instance_id, referred_by, referrer_name, registered_at, persons,
    referrer_reference, phase, next_date, next_what)
  SELECT 'VOM-2025-' || lpad(n::text, 5, '0'), 'bench-' || n, 'policeapi', 'Polizeiinspektion Mitte',
    TIMESTAMP '2025-01-01' + (n % 365) * INTERVAL '1 day',
    'Victim' || n || ' Roth' || chr(10) || 'Offender' || n || ' Vogt', 'BENCH-' || n,
    (ARRAY['intake','contact','contact','preparation','session','agreement','monitoring','follow-up','closed'])[1 + n % 9],
    CASE WHEN n % 9 = 8 THEN NULL ELSE now() + (n % 90) * INTERVAL '1 day' + (n % 24) * INTERVAL '1 hour' END,
    CASE WHEN n % 9 = 8 THEN NULL ELSE 'Call the person for consent' END
  FROM generate_series(1, $CASES) AS n;
INSERT INTO vom_case_mediator (case_number, user_id, is_lead)
  SELECT 'VOM-2025-' || lpad(n::text, 5, '0'), CASE WHEN n <= 50 THEN 'mara' ELSE 'm' || (n % 400) END, true
  FROM generate_series(1, $CASES) AS n;
INSERT INTO vom_case_mediator (case_number, user_id, is_lead)
  SELECT 'VOM-2025-' || lpad(n::text, 5, '0'), 'm' || ((n + 200) % 400) || 'b', false
  FROM generate_series(1, $CASES) AS n;
ANALYZE;
SQL

# One request: 3 warm-up runs, then RUNS timed runs; prints "median p95" in ms.
timed() {
  local user="$1" url="$2" times=()
  for i in $(seq 1 $((RUNS + 3))); do
    local seconds
    seconds=$(curl -s -o "$WORK/answer.json" -w '%{time_total}' -u "$user:$PASSWORD" "http://127.0.0.1:$PORT$url")
    grep -q '"cases"\|"events"' "$WORK/answer.json" || { echo "$user $url did not answer with its list:" >&2; head -c 300 "$WORK/answer.json" >&2; exit 1; }
    [ "$i" -gt 3 ] && times+=("$(awk -v s="$seconds" 'BEGIN { printf "%.1f", s * 1000 }')")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { m = t[int((NR + 1) / 2)]; p = t[int(NR * 0.95 + 0.999)]; print m, p }'
}

mara_total=$(curl -s -u "mara:$PASSWORD" "http://127.0.0.1:$PORT/vom/cases?max=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
clara_total=$(curl -s -u "clara:$PASSWORD" "http://127.0.0.1:$PORT/vom/cases?max=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
echo "-- Mara sees $mara_total cases, Clara $clara_total"

status=0
{
  echo "# Desk benchmark ($(date -u +%Y-%m-%d), $CASES cases in the register, PostgreSQL, $RUNS runs each)"
  echo
  echo "Mara (mediator) sees $mara_total cases, Clara (coordinator) $clara_total (closed ones are listed too; deleted ones not)."
  echo
  echo "| Request | median ms | p95 ms | bound |"
  echo "|---|---|---|---|"
} > "$REPORT"
while IFS='|' read -r name user url; do
  read -r median p95 < <(timed "$user" "$url")
  verdict=$(awk -v p="$p95" -v max="$MAX_MS" 'BEGIN { print (p <= max) ? "ok" : "OVER" }')
  echo "| $name | $median | $p95 | p95 ≤ $MAX_MS: $verdict |" >> "$REPORT"
  echo "-- $name: median $median ms, p95 $p95 ms ($verdict)"
  [ "$verdict" = ok ] || status=1
done <<'REQUESTS'
Mediator: her cases by next date (a page of 25)|mara|/vom/cases?sort=next&first=0&max=25
Mediator: her cases, searched by a name|mara|/vom/cases?q=Victim4&max=25
Coordinator: every case by next date (a page of 25)|clara|/vom/cases?sort=next&first=0&max=25
Coordinator: every case of a phase by next date|clara|/vom/cases?phase=monitoring&sort=next&max=25
Coordinator: a search by a name over every case|clara|/vom/cases?q=Victim12345&max=25
Coordinator: the newest cases (sort by number)|clara|/vom/cases?sort=number&max=25
Coordinator: the calendar of every case|clara|/vom/calendar
REQUESTS
echo "-- report: $REPORT"
{ grep -c " ERROR " "$WORK/app.log" || true; } | xargs echo "-- ERROR lines in the application log:"
exit $status
