#!/usr/bin/env node
// Keeps the forms and the server's checks in step: for every rule of lint/server-rules.json (the server's check
// of a form field, and a submission the server refuses, which FormRefusalsIT sends over HTTP) the form must declare
// what form-js 1.8.7 can check before sending: required, lengths, patterns, number ranges, email, no past dates.
//
// Usage (from the repository root): node lint/validate-server-rules.mjs [rules.json] [forms directory]
// Exit code: 0 = every form declares what its rules ask, 1 = at least one mismatch.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const rulesFile = process.argv[2] || 'lint/server-rules.json';
const formsDir = process.argv[3] || 'forms';
const rules = JSON.parse(readFileSync(rulesFile, 'utf8'));

const forms = new Map();
for (const file of readdirSync(formsDir).filter(f => f.endsWith('.form'))) {
  const form = JSON.parse(readFileSync(path.join(formsDir, file), 'utf8'));
  forms.set(form.id, { file, form });
}

/** path (victim1.name) -> component, through groups with a path. */
function fields(components, group, into) {
  for (const component of components || []) {
    if (component.key) into.set(group ? group + '.' + component.key : component.key, component);
    fields(component.components, component.path ? (group ? group + '.' + component.path : component.path) : group, into);
  }
  return into;
}

const problems = [];
let checked = 0;
for (const [formId, entry] of Object.entries(rules)) {
  if (formId.startsWith('$')) continue;
  const found = forms.get(formId);
  if (!found) {
    problems.push(`${formId}: no form with this id in ${formsDir}`);
    continue;
  }
  const byPath = fields(found.form.components, null, new Map());
  for (const rule of entry.rules || []) {
    checked++;
    const component = byPath.get(rule.field) || byPath.get(String(rule.field).split('.')[0]);
    const where = `${found.file} ${rule.field}`;
    if (!component) {
      if (Object.keys(rule.form || {}).length) problems.push(`${where}: no such field, but the server checks it`);
      continue;
    }
    if (!rule.refuse) problems.push(`${where}: the rule has no submission the server refuses ("refuse")`);
    for (const [constraint, expected] of Object.entries(rule.form || {})) {
      const actual = constraint === 'disallowPassedDates' ? component[constraint] : (component.validate || {})[constraint];
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        problems.push(`${where}: the server checks ${constraint} = ${JSON.stringify(expected)}, the form declares`
          + ` ${actual === undefined ? 'nothing' : JSON.stringify(actual)}`);
      }
    }
  }
}
if (problems.length) {
  console.log(problems.map(p => 'server-rules: ' + p).join('\n'));
  console.log(`server-rules: ${problems.length} problem(s) in ${checked} rule(s)`);
  process.exitCode = 1;
} else {
  console.log(`server-rules: ${checked} rule(s) of ${Object.keys(rules).filter(k => !k.startsWith('$')).length} form(s) in step`);
}
