#!/usr/bin/env bash
# Lints the process models and forms with the tools Camunda Modeler uses:
#   bpmnlint  processes/*.bpmn  (.bpmnlintrc: recommended + camunda-compat 7.24 + lint/bpmnlint-plugin-local)
#   dmnlint   processes/*.dmn   (.dmnlintrc; skipped while there is none)
#   forms     forms/*.form      (lint/validate-forms.mjs, incl. @camunda/form-linting)
#   version tags  processes/*.bpmn, *.dmn, forms/*.form changed since their version tag was set (lint/check-version-tags.mjs)
#   translations  every form text, process and task name in de and da, none unused; every message in de, da, en
#                 (lint/check-translations.mjs)
# then runs the linters' self-tests (lint/test/run-tests.sh).
#
# Usage: bash lint/run.sh   (any working directory; it runs from the repository root)
# Needs node >= 20.6 and npm; the tool versions are pinned in package-lock.json.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if (( node_major < 20 )); then
  echo "lint: node >= 20 required, found $(node --version)" >&2
  exit 2
fi

# (Re)install node_modules when missing or installed from another package.json / lock file.
stamp_file="node_modules/.lint-install-stamp"
stamp="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
if [[ ! -d node_modules || ! -f "$stamp_file" || "$(cat "$stamp_file")" != "$stamp" ]]; then
  echo "lint: installing node_modules (npm ci)"
  npm ci --no-audit --no-fund
  echo "$stamp" > "$stamp_file"
fi

shopt -s nullglob
bpmn_files=(processes/*.bpmn)
dmn_files=(processes/*.dmn)
shopt -u nullglob

summary=()
failures=0

# run_tool NAME DETAIL COMMAND...: runs a tool, remembers a one-line summary.
run_tool() {
  local name="$1" detail="$2"; shift 2
  echo
  echo "== $name: $*"
  local rc=0
  "$@" || rc=$?
  if [[ $rc -eq 0 ]]; then
    summary+=("$name: OK ($detail)")
  else
    summary+=("$name: FAILED with exit $rc ($detail)")
    failures=$((failures + 1))
  fi
}

if (( ${#bpmn_files[@]} )); then
  run_tool bpmnlint "${#bpmn_files[@]} BPMN file(s)" npx --no bpmnlint "${bpmn_files[@]}"
else
  summary+=("bpmnlint: skipped (no processes/*.bpmn)")
fi

if (( ${#dmn_files[@]} )); then
  run_tool dmnlint "${#dmn_files[@]} DMN file(s)" npx --no dmnlint "${dmn_files[@]}"
else
  summary+=("dmnlint: skipped (no processes/*.dmn)")
fi

shopt -s nullglob
form_files=(forms/*.form)
shopt -u nullglob
run_tool forms "${#form_files[@]} form(s)" node lint/validate-forms.mjs
run_tool server-rules "lint/server-rules.json against forms/" node lint/validate-server-rules.mjs
run_tool version-tags "processes/ and forms/ against their git history" node lint/check-version-tags.mjs
run_tool element-templates "processes/.camunda/element-templates" node lint/validate-element-templates.mjs
run_tool translations "forms/i18n, processes/i18n, message templates in de, da, en" node lint/check-translations.mjs

run_tool lint-selftests "lint/test fixtures" bash lint/test/run-tests.sh

echo
echo "== summary"
printf '%s\n' "${summary[@]}"

if (( failures )); then
  echo "lint: $failures check(s) failed"
  exit 1
fi

echo "lint: all checks passed"
