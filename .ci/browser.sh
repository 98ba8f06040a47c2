#!/usr/bin/env bash
# Browser tests in Debian's headless chromium: every form renders in form-js 1.8.7 (Tasklist 7.24's),
# a coordinator and a mediator work a case through the real Tasklist (e2e/tasklist.mjs), and the
# "Case file" tabs of Tasklist and Cockpit show a case's messages and letters (e2e/case-file.mjs), and
# the supervisors' "Programme figures" on the Cockpit start page match GET /vom/figures (e2e/figures.mjs), and
# every role clicks through its apps without the engine boundary refusing anything its screens need
# (e2e/boundary.mjs), and a form the server refuses shows the refusal at its field and next to the button
# (e2e/form-errors.mjs), and a mediator finds a waiting case by a person's name in "Cases" and its overview says what
# it waits for, which a supervisor reads in Cockpit read-only (e2e/case-overview.mjs), and a mediator corrects a phone
# number with "Record a case event" and moves a session with "Change the session if needed" (e2e/desk-changes.mjs), and an administrator moves two cases to a changed contact-person and back on the
# "Migrate cases" page of Cockpit (e2e/migration.mjs, last: it moves every case waiting on contact-person); then a German
# and a Danish installation show Tasklist, its filters, a start form and a task form in their language (e2e/language.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null; then
  echo "Installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
[ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund

node e2e/forms-render.mjs

PORT="${E2E_PORT:-18090}"
WORK="$(mktemp -d)"
JAR="$(ls target/vom-case-*.jar | grep -v -- '-plain' | head -1)"
setsid java -jar "$JAR" --server.port="$PORT" --spring.datasource.url="jdbc:h2:file:$WORK/data/vom-case" \
  --vom.mail.drop-dir="$WORK/mail-drop" --vom.programme.staff-language=en > "$WORK/app.log" 2>&1 &
APP_PID=$!
trap 'kill -- -"$APP_PID" 2>/dev/null || true; sleep 2; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do
  curl -fs -o /dev/null "http://localhost:$PORT/actuator/health" && break
  kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log"; echo "application did not start" >&2; exit 1; }
  sleep 1
done
# The webapps' first page load serves their scripts and plugins for the first time: do it once before
# the first browser logs in.
for app in tasklist cockpit; do
  curl -fs -o /dev/null --max-time 120 "http://localhost:$PORT/camunda/app/$app/default/" || true
done
export E2E_SCREENSHOTS="${E2E_SCREENSHOTS:-target/e2e-screenshots}"
node e2e/tasklist.mjs "http://localhost:$PORT"
node e2e/case-file.mjs "http://localhost:$PORT"
node e2e/figures.mjs "http://localhost:$PORT"
node e2e/deployment-check.mjs "http://localhost:$PORT"
node e2e/boundary.mjs "http://localhost:$PORT"
node e2e/form-errors.mjs "http://localhost:$PORT"
node e2e/case-overview.mjs "http://localhost:$PORT"
node e2e/desk-changes.mjs "http://localhost:$PORT"
node e2e/migration.mjs "http://localhost:$PORT"

# A German and a Danish installation (README "Languages: forms, tasks, letters"): staff read Tasklist, its filters,
# the start form and a task form in the programme's language; the browser asks for English.
kill -- -"$APP_PID" 2>/dev/null || true
sleep 2
for installation in de_toa:de dk_konfliktraad:da; do
  profile="${installation%%:*}"; language="${installation##*:}"
  VOM_PROGRAMME_PROFILE="$profile" setsid java -jar "$JAR" --server.port="$PORT" \
    --spring.datasource.url="jdbc:h2:file:$WORK/data-$language/vom-case" --vom.mail.drop-dir="$WORK/mail-drop-$language" \
    > "$WORK/app-$language.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 90); do
    curl -fs -o /dev/null "http://localhost:$PORT/actuator/health" && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app-$language.log"; echo "application ($language) did not start" >&2; exit 1; }
    sleep 1
  done
  curl -fs -o /dev/null --max-time 120 "http://localhost:$PORT/camunda/app/tasklist/default/" || true
  node e2e/language.mjs "http://localhost:$PORT" "$language"
  kill -- -"$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 30); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 1; done
done
