#!/usr/bin/env bash
# Static checks of the container files (no Docker engine needed; nothing is built or started):
#  - docker-compose.yml renders with .env.example (services, volume, wiring),
#  - it refuses to render without the secrets, with a clear "set ... in .env" message,
#  - it contains no secrets itself, and .env.example's admin password has the policy's format,
#  - the Dockerfile is multi-stage and runs as a non-root user.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "compose-check: FAIL: $*" >&2; exit 1; }
ok() { echo "compose-check: ok: $*"; }

# --- docker-compose (Debian's 1.29 when none is installed) --------------------------------------
if ! command -v docker-compose >/dev/null 2>&1; then
  echo "compose-check: docker-compose not found, installing it with apt"
  [ "$(id -u)" -eq 0 ] || fail "docker-compose is missing and installing it needs root"
  export DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1
  apt_log="$(mktemp)"
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends docker-compose; } >"$apt_log" 2>&1 \
    || { cat "$apt_log" >&2; fail "installing docker-compose with apt failed"; }
  rm -f "$apt_log"
  command -v docker-compose >/dev/null 2>&1 || fail "docker-compose is still not on PATH after apt-get install"
fi
echo "compose-check: using $(docker-compose version --short 2>/dev/null || docker-compose version | head -1)"

for f in Dockerfile .dockerignore docker-compose.yml .env.example; do
  [ -f "$f" ] || fail "$f is missing"
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Compose in a clean environment, so variables of the calling shell (or a developer's .env, which
# --env-file replaces) cannot make a check pass or fail.
compose() { env -i PATH="$PATH" HOME="${HOME:-/root}" docker-compose "$@"; }

# --- renders with .env.example --------------------------------------------------------------------
if ! compose --env-file .env.example config >"$tmp/config.yml" 2>"$tmp/config.err"; then
  cat "$tmp/config.err" >&2
  fail "docker-compose --env-file .env.example config failed"
fi
ok "docker-compose --env-file .env.example config renders"

services="$(compose --env-file .env.example config --services)"
for s in postgres mailpit app; do
  grep -qx "$s" <<<"$services" || fail "service '$s' missing from the rendered config (have: ${services//$'\n'/ })"
done
ok "services postgres, mailpit, app"

compose --env-file .env.example config --volumes | grep -qx 'vom-db-data' \
  || fail "named volume 'vom-db-data' missing from the rendered config"
grep -q 'vom-db-data:/var/lib/postgresql/data' "$tmp/config.yml" \
  || fail "postgres does not keep /var/lib/postgresql/data on the vom-db-data volume"
ok "named volume vom-db-data holds /var/lib/postgresql/data"

# Wiring the app needs (values as rendered from .env.example).
expect() { grep -qE "$1" "$tmp/config.yml" || fail "rendered config lacks: $2"; }
expect 'SPRING_PROFILES_ACTIVE: postgres$'      "SPRING_PROFILES_ACTIVE=postgres"
expect 'VOM_DB_HOST: postgres$'                 "VOM_DB_HOST=postgres"
expect 'VOM_DB_PASSWORD: change-me'             "VOM_DB_PASSWORD from .env"
expect 'POSTGRES_PASSWORD: change-me'           "POSTGRES_PASSWORD from the same variable"
expect 'VOM_ADMIN_USER: admin$'                 "VOM_ADMIN_USER from .env"
expect 'VOM_ADMIN_PASSWORD: '                   "VOM_ADMIN_PASSWORD from .env"
expect "SPRING_MAIL_HOST: mailpit$"             "SPRING_MAIL_HOST=mailpit"
expect "SPRING_MAIL_PORT: '?1025'?$"            "SPRING_MAIL_PORT=1025"
expect 'condition: service_healthy'            "depends_on ... condition: service_healthy"
expect 'pg_isready'                             "postgres healthcheck (pg_isready)"
expect 'readyz'                                 "mailpit healthcheck (/mailpit readyz)"
expect 'actuator/health'                        "app healthcheck (/actuator/health)"
[ "$(grep -c 'condition: service_healthy' "$tmp/config.yml")" -ge 2 ] \
  || fail "app must wait for both postgres and mailpit to be healthy"
ok "app wiring (profile, database, admin, mail, health-gated depends_on)"

# --- profile "cluster": a second node on the same database behind a sticky load balancer ----------
services_cluster="$(compose --env-file .env.example --profile cluster config --services)"
for s in app app-2 proxy; do
  grep -qx "$s" <<<"$services_cluster" || fail "service '$s' missing from the cluster profile (have: ${services_cluster//$'\n'/ })"
done
# (docker-compose 1.29's "config" lists every service; "up" starts those of the active profiles only.)
[ "$(grep -A1 -E '^\s+profiles:' "$tmp/config.yml" | grep -cE '^\s+- cluster$')" -eq 2 ] \
  || fail "app-2 and the proxy must belong to the profile 'cluster' only"
compose --env-file .env.example --profile cluster config >"$tmp/cluster.yml"
grep -q 'VOM_NODE_NAME: app-2' "$tmp/cluster.yml" || fail "app-2 does not have its own VOM_NODE_NAME"
grep -q 'VOM_DB_HOST: postgres' "$tmp/cluster.yml" || fail "app-2 is not on the same database"
[ -f deploy/haproxy.cfg ] || fail "deploy/haproxy.cfg (the load balancer's configuration) is missing"
grep -q 'haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg' "$tmp/cluster.yml" || fail "the proxy does not mount deploy/haproxy.cfg"
grep -qE '^\s*option httpchk GET /actuator/health' deploy/haproxy.cfg || fail "the load balancer does not check /actuator/health"
grep -qE '^\s*cookie VOMNODE insert' deploy/haproxy.cfg || fail "the load balancer's sessions are not sticky"
for node in app app-2; do
  grep -qE "^\s*server [a-z0-9-]+ $node:8080 " deploy/haproxy.cfg || fail "the load balancer does not send to $node:8080"
done
if ! command -v haproxy >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy >/dev/null 2>&1; } || true
fi
if command -v haproxy >/dev/null 2>&1; then
  haproxy -c -q -f deploy/haproxy.cfg || fail "deploy/haproxy.cfg is not a valid HAProxy configuration"
else
  fail "haproxy is missing and could not be installed to check deploy/haproxy.cfg"
fi
ok "cluster profile: app, app-2 (own node name, same database) behind HAProxy (health check, sticky sessions; haproxy -c)"

# --- refuses to render without the secrets ------------------------------------------------------
: >"$tmp/empty.env"
if compose --env-file "$tmp/empty.env" config >/dev/null 2>"$tmp/noenv.err"; then
  fail "docker-compose config succeeded without any variables: the secrets must be required"
fi
grep -q 'set VOM_.* in .env' "$tmp/noenv.err" \
  || { cat "$tmp/noenv.err" >&2; fail "config without variables failed, but without the 'set ... in .env' message"; }
ok "config without variables fails: $(grep -o 'set VOM_[A-Z_]* in \.env.*' "$tmp/noenv.err" | tail -1 | sed 's/}.*//')"

# The database password and the programme's office (every letter and mail gives it) are required at every
# start. The administrator is needed at the first start only
# (the application itself refuses to start without one), so compose must not require it afterwards.
for var in VOM_DB_PASSWORD VOM_PROGRAMME_NAME VOM_PROGRAMME_ADDRESS VOM_PROGRAMME_PHONE VOM_PROGRAMME_OFFICE_HOURS; do
  grep -v "^${var}=" .env.example >"$tmp/missing.env"
  if compose --env-file "$tmp/missing.env" config >/dev/null 2>"$tmp/missing.err"; then
    fail "docker-compose config succeeded without $var"
  fi
  grep -q "set $var in .env" "$tmp/missing.err" \
    || { cat "$tmp/missing.err" >&2; fail "config without $var did not say 'set $var in .env'"; }
done
grep -v -E "^VOM_ADMIN_(USER|PASSWORD)=" .env.example >"$tmp/noadmin.env"
compose --env-file "$tmp/noadmin.env" config >/dev/null 2>"$tmp/noadmin.err" \
  || { cat "$tmp/noadmin.err" >&2; fail "config without VOM_ADMIN_USER/VOM_ADMIN_PASSWORD failed (needed at the first start only)"; }
ok "VOM_DB_PASSWORD and VOM_PROGRAMME_* are required; the administrator variables are optional after the first start"

# --- no secrets in the compose file; .env stays out of git -------------------------------------
for var in VOM_DB_PASSWORD VOM_ADMIN_PASSWORD; do
  value="$(sed -n "s/^${var}=//p" .env.example)"
  [ -n "$value" ] || fail ".env.example has no value for $var"
  if grep -qF -- "$value" docker-compose.yml; then fail "docker-compose.yml contains the value of $var"; fi
done
if grep -nE '^\s*(POSTGRES_PASSWORD|VOM_[A-Z_]*PASSWORD):\s*[^$ ]' docker-compose.yml; then
  fail "docker-compose.yml sets a password literally (use \${VAR:?set VAR in .env} or \${VAR:-})"
fi
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git check-ignore -q .env || fail ".env is not ignored by git"
fi
ok "no passwords in docker-compose.yml, .env ignored by git"

# --- .env.example: every variable the compose file uses, admin password in policy format --------
# ($${VAR} is a literal for the container's shell, not a compose variable.)
while read -r var; do
  grep -q "^${var}=" .env.example || fail ".env.example lacks $var (used by docker-compose.yml)"
done < <(grep -oE '(^|[^$])\$\{[A-Z_]+' docker-compose.yml | sed 's/.*{//' | sort -u)
admin_user="$(sed -n 's/^VOM_ADMIN_USER=//p' .env.example)"
admin_pw="$(sed -n 's/^VOM_ADMIN_PASSWORD=//p' .env.example)"
[[ "$admin_user" =~ ^[A-Za-z0-9]+$ ]] || fail "VOM_ADMIN_USER in .env.example must be letters/digits only"
[ "${#admin_pw}" -ge 10 ] || fail "VOM_ADMIN_PASSWORD in .env.example is shorter than 10 characters"
[[ "$admin_pw" =~ [A-Z] ]] || fail "VOM_ADMIN_PASSWORD in .env.example lacks an upper-case letter"
[[ "$admin_pw" =~ [a-z] ]] || fail "VOM_ADMIN_PASSWORD in .env.example lacks a lower-case letter"
[[ "$admin_pw" =~ [0-9] ]] || fail "VOM_ADMIN_PASSWORD in .env.example lacks a digit"
[[ "$admin_pw" =~ [^A-Za-z0-9] ]] || fail "VOM_ADMIN_PASSWORD in .env.example lacks a special character"
if [[ "${admin_pw,,}" == *"${admin_user,,}"* ]]; then
  fail "VOM_ADMIN_PASSWORD in .env.example contains the user id"
fi
ok ".env.example covers every variable; its admin password has the policy's format"

# --- Dockerfile: multi-stage, non-root ----------------------------------------------------------
grep -qiE '^FROM[[:space:]]+[^[:space:]]+[[:space:]]+AS[[:space:]]+build[[:space:]]*$' Dockerfile \
  || fail "Dockerfile has no build stage 'FROM ... AS build'"
[ "$(grep -ciE '^FROM[[:space:]]' Dockerfile)" -ge 2 ] || fail "Dockerfile is not multi-stage"
last_user="$(awk 'toupper($1)=="USER"{u=$2} END{print u}' Dockerfile)"
[ -n "$last_user" ] || fail "Dockerfile sets no USER (the app would run as root)"
case "${last_user%%:*}" in
  root|0) fail "Dockerfile's final USER is root ($last_user)" ;;
esac
# The final USER must belong to the last (runtime) stage.
awk 'toupper($1)=="FROM"{user=""} toupper($1)=="USER"{user=$2} END{exit user==""}' Dockerfile \
  || fail "the runtime stage of the Dockerfile sets no USER"
grep -qE '^HEALTHCHECK' Dockerfile || fail "Dockerfile has no HEALTHCHECK"
ok "Dockerfile: multi-stage with 'AS build', runtime stage runs as USER $last_user, HEALTHCHECK set"

echo "compose-check: all checks passed"
