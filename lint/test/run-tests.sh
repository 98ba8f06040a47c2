#!/usr/bin/env bash
# Self-tests for the model linting (lint/run.sh): every good fixture passes,
# every broken fixture fails with the intended message.
#
# Run from anywhere: bash lint/test/run-tests.sh (needs node_modules; lint/run.sh installs it).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
fixtures="$repo_root/lint/test/fixtures"
bin="$repo_root/node_modules/.bin"

export NO_COLOR=1 FORCE_COLOR=0

passed=0
failed=0

# The BPMN rules resolve camunda:formRef against <cwd>/forms, so bpmnlint and
# dmnlint run inside the fixtures directory (forms/ there holds fixture-good).
bpmnlint() { (cd "$fixtures" && "$bin/bpmnlint" -c "$repo_root/.bpmnlintrc" "$@"); }
dmnlint() { (cd "$fixtures" && "$bin/dmnlint" -c "$repo_root/.dmnlintrc" "$@"); }
validate_forms() { (cd "$fixtures" && node "$repo_root/lint/validate-forms.mjs" "$@"); }

strip_ansi() { sed -e $'s/\x1b\\[[0-9;]*m//g'; }

# expect_pass NAME COMMAND...
expect_pass() {
  local name="$1"; shift
  local output rc=0
  output="$("$@" 2>&1 | strip_ansi)" || rc=$?
  if [[ $rc -eq 0 ]]; then
    echo "ok    $name"
    passed=$((passed + 1))
  else
    echo "FAIL  $name: expected exit 0, got $rc"
    printf '%s\n' "$output" | sed 's/^/      | /'
    failed=$((failed + 1))
  fi
}

# expect_fail NAME EXPECTED_TEXT COMMAND...
#   EXPECTED_TEXT may hold several fragments separated by '||', all required.
expect_fail() {
  local name="$1" expected="$2"; shift 2
  local output rc=0 missing=() fragment rest="$expected"
  output="$("$@" 2>&1 | strip_ansi)" || rc=$?
  while :; do
    fragment="${rest%%||*}"
    if ! grep -qF -- "$fragment" <<<"$output"; then
      missing+=("[$fragment]")
    fi
    [[ "$rest" == *"||"* ]] || break
    rest="${rest#*||}"
  done
  if [[ $rc -ne 0 && ${#missing[@]} -eq 0 ]]; then
    echo "ok    $name"
    passed=$((passed + 1))
  else
    echo "FAIL  $name: exit $rc (expected non-zero)${missing[*]:+, missing: ${missing[*]}}"
    printf '%s\n' "$output" | sed 's/^/      | /'
    failed=$((failed + 1))
  fi
}

echo "== bpmnlint"
expect_pass "bpmn good.bpmn" bpmnlint bpmn/good.bpmn
expect_fail "bpmn service task without asyncBefore" \
  '(Task_Notify) must set camunda:asyncBefore="true"||local/service-task-async-retry' \
  bpmnlint bpmn/bad-service-task-no-async.bpmn
expect_fail "bpmn service task without failedJobRetryTimeCycle" \
  '(Task_Notify) must define a camunda:failedJobRetryTimeCycle||local/service-task-async-retry' \
  bpmnlint bpmn/bad-service-task-no-retry.bpmn
expect_fail "bpmn process without versionTag" \
  '(lint-fixture) must set camunda:versionTag||local/process-history-and-version' \
  bpmnlint bpmn/bad-process-no-version-tag.bpmn
expect_fail "bpmn process without historyTimeToLive" \
  '(lint-fixture) must set camunda:historyTimeToLive||camunda-compat/history-time-to-live' \
  bpmnlint bpmn/bad-process-no-history-ttl.bpmn
expect_fail "bpmn user task with unknown formRef" \
  '(Task_Review) references camunda:formRef="fixture-missing", but no form with that id exists||local/user-task-assignment-and-form' \
  bpmnlint bpmn/bad-user-task-unknown-form-ref.bpmn
expect_fail "bpmn start event with unknown formRef" \
  '(StartEvent_Requested) references camunda:formRef="fixture-unknown", but no form with that id exists' \
  bpmnlint bpmn/bad-start-event-unknown-form-ref.bpmn
expect_fail "bpmn user task without assignment" \
  '(Task_Review) must set camunda:candidateGroups, camunda:candidateUsers or camunda:assignee' \
  bpmnlint bpmn/bad-user-task-unassigned.bpmn
expect_fail "bpmn user task without form" \
  '(Task_Review) must reference a Camunda Form' \
  bpmnlint bpmn/bad-user-task-no-form.bpmn
expect_fail "bpmn default (non-technical) ids" \
  '(Activity_0k3x9pq): id is not a technical id||(Flow_1m2n3o4): id is not a technical id||local/technical-ids' \
  bpmnlint bpmn/bad-technical-ids.bpmn
expect_fail "bpmn message end event with a delegate, without asyncBefore and retry cycle" \
  '(EndEvent_ReferrerTold) must set camunda:asyncBefore="true"||(EndEvent_ReferrerTold) must define a camunda:failedJobRetryTimeCycle||local/service-task-async-retry' \
  bpmnlint bpmn/bad-message-end-event-no-async.bpmn
expect_pass "bpmn gateways with a default flow or a reason why not" bpmnlint bpmn/good-gateway-default-flow.bpmn
expect_fail "bpmn gateways without a default flow, with an empty reason, with a conditional default flow" \
  '(Gateway_Approved) decides between 2 flows without a default flow||(Gateway_Channel): its documentation says "No default flow:" but gives no reason||(Gateway_Urgent): its default flow SequenceFlow_NotUrgent has a condition||local/gateway-default-flow' \
  bpmnlint bpmn/bad-gateway-default-flow.bpmn
expect_pass "bpmn case closed by its closing message end event" bpmnlint bpmn/good-case-closure.bpmn
expect_fail "bpmn case closed by an execution listener" \
  '(EndEvent_NotEligible) closes the case in an execution listener||(EndEvent_NotEligible) closes the case: make it a message end event that throws Msg_CaseClosed||local/case-closure-drawn' \
  bpmnlint bpmn/bad-case-closure-listener.bpmn
expect_fail "bpmn closing event with another message and no closure reason" \
  'throws the message Msg_CaseClosed (the start message of case-retention), not "Msg_Closed"||(EndEvent_NoAgreement) closes the case, so it gives the closure reason as its input parameter closureReason||local/case-closure-drawn' \
  bpmnlint bpmn/bad-case-closure-incomplete.bpmn

echo "== dmnlint"
expect_pass "dmn good.dmn" dmnlint dmn/good.dmn
expect_fail "dmn decision without name" \
  'Decision_LintFixture  error  Element is missing label/name' \
  dmnlint dmn/bad-decision-no-label.dmn

echo "== validate-forms"
expect_pass "form good.form" validate_forms forms/good.form
expect_fail "form schemaVersion 17" \
  '"schemaVersion" 17 is newer than 16' \
  validate_forms forms-bad/schema-version-17.form
expect_fail "form duplicate key" \
  'key "name" duplicates key "name" of component Field_Name' \
  validate_forms forms-bad/duplicate-key.form
expect_fail "form with a dynamic list (Tasklist 7.24 keeps its corrected errors)" \
  'is a dynamic list: in Tasklist 7.24 a corrected field in it keeps the form invalid' \
  validate_forms forms-bad/dynamic-list.form
expect_fail "form unsupported component type" \
  'type "filepicker" is not rendered by Camunda 7.24 Tasklist||form-linting [error] Field_Upload "Upload": A <Filepicker> is not supported' \
  validate_forms forms-bad/unsupported-type.form
expect_fail "form select without options" \
  'component Field_Kind <select> "Kind" needs options' \
  validate_forms forms-bad/missing-options.form
expect_fail "form field without key / label" \
  'component Field_Name <textfield> has no "label"||component Field_ItemDone <checkbox> "Done" has no "key"' \
  validate_forms forms-bad/missing-key-label.form
expect_fail "form for Camunda 8" \
  '"executionPlatform" must be "Camunda Platform"||"executionPlatformVersion" must start with "7."' \
  validate_forms forms-bad/platform-8.form
expect_fail "form invalid FEEL (form-linting)" \
  'form-linting [error] Field_Name "=1 +": Invalid FEEL expression in <label>' \
  validate_forms forms-bad/invalid-feel.form
expect_fail "form id used by two files" \
  'form id "fixture-good" is also used by forms/good.form' \
  validate_forms forms/good.form forms/good.form

server_rules() { (cd "$fixtures" && node "$repo_root/lint/validate-server-rules.mjs" "$@"); }
expect_pass "server rules in step with the form" server_rules server-rules/good.json forms
expect_fail "server rule the form does not declare" \
  'server-rules: good.form name: the server checks maxLength = 200, the form declares nothing||good.form date: the rule has no submission the server refuses' \
  server_rules server-rules/out-of-step.json forms

echo "== version-tags"
# A throw-away git repository whose history is the fixtures' versions, one commit each.
tag_repo="$(mktemp -d)"
trap 'rm -rf "$tag_repo"' EXIT
tags_fixtures="$fixtures/version-tags"
git -C "$tag_repo" init -q
mkdir -p "$tag_repo/processes"
commit_version() { # commit_version FIXTURE TARGET
  cp "$tags_fixtures/$1" "$tag_repo/processes/$2"
  git -C "$tag_repo" add -A
  git -C "$tag_repo" -c user.name=lint -c user.email=lint@example.invalid commit -q -m "$1"
}
version_tags() { node "$repo_root/lint/check-version-tags.mjs" --repo "$tag_repo" "$@"; }
commit_version v1.bpmn tags.bpmn
expect_pass "version tag: the first version" version_tags processes/tags.bpmn
commit_version v2-layout-only.bpmn tags.bpmn
expect_pass "version tag: layout, documentation and exporter changed, same tag" version_tags processes/tags.bpmn
commit_version v3-changed-same-tag.bpmn tags.bpmn
expect_fail "version tag: a label changed, same tag" \
  'processes/tags.bpmn: the content changed since versionTag tag-fixture=1.0.0 was set in commit||Give it a new versionTag' \
  version_tags processes/tags.bpmn
commit_version v4-new-tag.bpmn tags.bpmn
expect_pass "version tag: the label changed with a new tag" version_tags processes/tags.bpmn
commit_version v1.dmn tags.dmn
cp "$tags_fixtures/v2-rule-changed-same-tag.dmn" "$tag_repo/processes/tags.dmn"
expect_fail "version tag: a decision rule changed in the working tree, same tag" \
  'processes/tags.dmn: the content changed since versionTag tag-fixture-decision=1.0.0 was set in commit||newest: the working tree' \
  version_tags processes/tags.dmn

mkdir -p "$tag_repo/forms"
commit_form() { # commit_form FORM_FIXTURE TAGS_FIXTURE
  cp "$tags_fixtures/$1" "$tag_repo/forms/tags.form"
  cp "$tags_fixtures/$2" "$tag_repo/forms/version-tags.json"
  git -C "$tag_repo" add -A
  git -C "$tag_repo" -c user.name=lint -c user.email=lint@example.invalid commit -q -m "$1 $2"
}
commit_form v1.form tags-1.0.0.json
expect_pass "version tag: a form's first version" version_tags forms/tags.form
commit_form v2-reformatted.form tags-1.0.0.json
expect_pass "version tag: a form reformatted and exported by another Modeler, same tag" version_tags forms/tags.form
commit_form v3-label-changed.form tags-1.0.0.json
expect_fail "version tag: a form's label changed, same tag" \
  'forms/tags.form: the content changed since versionTag tags.form=1.0.0 was set in commit||in forms/version-tags.json' \
  version_tags forms/tags.form
cp "$tags_fixtures/tags-1.1.0.json" "$tag_repo/forms/version-tags.json"
expect_pass "version tag: the form's new tag in the manifest (working tree)" version_tags forms/tags.form
commit_form v3-label-changed.form tags-1.1.0.json
expect_pass "version tag: the form's new tag committed after the change" version_tags forms/tags.form
cp "$tags_fixtures/tags-none.json" "$tag_repo/forms/version-tags.json"
expect_fail "version tag: a form without one" 'forms/tags.form: no version tag' version_tags forms/tags.form

echo "== translations"
# A copy of the repository's forms, catalogues, diagrams and templates: complete passes; a text without translation,
# an empty one, a key the form no longer has, a lost placeholder and a message without its Danish template fail.
tr_repo="$(mktemp -d)"
trap 'rm -rf "$tag_repo" "$tr_repo"' EXIT
mkdir -p "$tr_repo/src/main/resources/vom-templates"
cp -r "$repo_root/forms" "$repo_root/processes" "$tr_repo/"
cp -r "$repo_root/src/main/resources/vom-templates/messages" "$tr_repo/src/main/resources/vom-templates/"
translations() { (cd "$tr_repo" && node "$repo_root/lint/check-translations.mjs"); }
expect_pass "translations: the repository's catalogues" translations
tr_edit() { node -e '
  const fs = require("fs"); const [file, op, key, value] = process.argv.slice(1);
  const c = JSON.parse(fs.readFileSync(file, "utf8"));
  if (op === "delete") delete c[key]; else c[key] = value;
  fs.writeFileSync(file, JSON.stringify(c, null, 2));' "$@"; }
cp "$tr_repo/forms/i18n/consent-call.de.json" "$tr_repo/keep.json"
tr_edit "$tr_repo/forms/i18n/consent-call.de.json" delete "$(node -e 'console.log(Object.keys(require(process.argv[1]))[0])' "$tr_repo/keep.json")"
expect_fail "translations: a form text without its German translation" 'consent-call.de.json: no translation of' translations
cp "$tr_repo/keep.json" "$tr_repo/forms/i18n/consent-call.de.json"
tr_edit "$tr_repo/forms/i18n/consent-call.de.json" set "$(node -e 'console.log(Object.keys(require(process.argv[1]))[0])' "$tr_repo/keep.json")" ""
expect_fail "translations: an empty translation" 'consent-call.de.json: empty translation of' translations
cp "$tr_repo/keep.json" "$tr_repo/forms/i18n/consent-call.de.json"
tr_edit "$tr_repo/forms/i18n/consent-call.de.json" set "A label the form no longer has" "Ein altes Etikett"
expect_fail "translations: a key the form no longer has" 'consent-call.de.json: unused key "A label the form no longer has"' translations
cp "$tr_repo/keep.json" "$tr_repo/forms/i18n/consent-call.de.json"
rm "$tr_repo/src/main/resources/vom-templates/messages/agreement-copy.da.txt"
expect_fail "translations: a message without its Danish template" 'agreement-copy.da.txt: missing' translations

echo "lint-selftests: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
