#!/usr/bin/env bash
# Decision-table preview from the command line: runs a changed eligibility or contact-order table on the last N
# decisions the engine recorded for that table and prints which would change (POST /vom/decisions/preview; nothing is
# deployed). Administrators only.
#
# Usage: bin/preview-decision.sh <file.dmn> [N]      (N: how many recorded decisions, default 200, at most 5000)
# Environment:
#   VOM_URL       the application, default http://localhost:8080
#   VOM_USER      an administrator's user name (required)
#   VOM_PASSWORD  their password (asked for when not set)
# Prints the JSON answer; exits 1 when the preview refuses the file (the reason is printed), 2 on wrong usage.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ ! -f "$1" ]; then
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
: "${VOM_USER:?set VOM_USER to the user name of an administrator}"
if [ -z "${VOM_PASSWORD:-}" ]; then
  read -r -s -p "Password of $VOM_USER: " VOM_PASSWORD
  echo >&2
fi
url="${VOM_URL:-http://localhost:8080}"
args=(-F "file=@$1;type=application/xml")
[ $# -eq 2 ] && args+=(-F "last=$2")

answer="$(mktemp)"
trap 'rm -f "$answer"' EXIT
status="$(curl -sS -o "$answer" -w '%{http_code}' -u "$VOM_USER:$VOM_PASSWORD" -H 'X-VOM-Request: 1' \
  -X POST "$url/vom/decisions/preview" "${args[@]}")"
cat "$answer"
echo
if [ "$status" != 200 ]; then
  echo "The preview answered HTTP $status" >&2
  exit 1
fi
