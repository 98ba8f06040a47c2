#!/usr/bin/env node
// Validates Camunda Forms (form-js JSON) against what Camunda 7.24 Tasklist
// can render, then runs @camunda/form-linting (the Camunda Modeler's form
// linter) on each form.
//
// Usage (from the repository root):
//   node lint/validate-forms.mjs                 # every forms/*.form
//   node lint/validate-forms.mjs a.form b.form   # the given files
//
// Exit code: 0 = all forms valid, 1 = at least one problem, 2 = the linter
// itself could not run.

import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import process from 'node:process';

// What Camunda 7.24 Tasklist renders: it bundles form-js 1.8.7, whose newest
// schema is version 16.
const TASKLIST_FORM_JS_VERSION = '1.8.7';
const MAX_SCHEMA_VERSION = 16;
const EXECUTION_PLATFORM = 'Camunda Platform';

const SUPPORTED_TYPES = new Set([
  'textfield', 'textarea', 'number', 'datetime', 'expression', 'checkbox',
  'checklist', 'radio', 'select', 'taglist', 'text', 'html', 'image', 'table',
  'separator', 'spacer', 'button', 'group', 'dynamiclist', 'iframe'
]);

// Fields that submit a value and so need a key (and a label).
const INPUT_TYPES = new Set([
  'textfield', 'textarea', 'number', 'datetime', 'checkbox', 'checklist',
  'radio', 'select', 'taglist'
]);

// Fields that choose from options.
const OPTION_TYPES = new Set([ 'select', 'radio', 'checklist', 'taglist' ]);

// Other components that bind a key to the form data if they have one.
const OPTIONAL_KEY_TYPES = new Set([ 'expression' ]);


// checks //////////

const isNonEmptyString = value => typeof value === 'string' && value.trim().length > 0;

function describeComponent(component) {
  const id = component && isNonEmptyString(component.id) ? component.id : '(no id)';
  const type = component && isNonEmptyString(component.type) ? component.type : '?';
  const label = component && (component.label || component.dateLabel || component.timeLabel);

  return `component ${ id } <${ type }>${ isNonEmptyString(label) ? ` "${ label }"` : '' }`;
}

function checkRoot(form, problems) {

  if (!isNonEmptyString(form.id)) {
    problems.push('form must have a non-empty string "id" (the camunda:formRef target)');
  }

  if (form.type !== 'default') {
    problems.push(`form "type" must be "default", found ${ JSON.stringify(form.type) }`);
  }

  if (!Array.isArray(form.components)) {
    problems.push('form must have a "components" array');
  }

  if (!Number.isInteger(form.schemaVersion)) {
    problems.push(`"schemaVersion" must be an integer, found ${ JSON.stringify(form.schemaVersion) }`);
  } else if (form.schemaVersion > MAX_SCHEMA_VERSION) {
    problems.push(
      `"schemaVersion" ${ form.schemaVersion } is newer than ${ MAX_SCHEMA_VERSION }, ` +
      `the newest that Camunda 7.24 Tasklist (form-js ${ TASKLIST_FORM_JS_VERSION }) renders`
    );
  }

  if (form.executionPlatform !== EXECUTION_PLATFORM) {
    problems.push(
      `"executionPlatform" must be "${ EXECUTION_PLATFORM }", found ${ JSON.stringify(form.executionPlatform) }`
    );
  }

  if (typeof form.executionPlatformVersion !== 'string' || !form.executionPlatformVersion.startsWith('7.')) {
    problems.push(
      `"executionPlatformVersion" must start with "7.", found ${ JSON.stringify(form.executionPlatformVersion) }`
    );
  }
}

function checkLabel(component, where, problems) {

  if (component.type === 'datetime') {
    const subtype = component.subtype || 'date';

    if (subtype !== 'time' && !isNonEmptyString(component.dateLabel) && !isNonEmptyString(component.label)) {
      problems.push(`${ where } has no "dateLabel"`);
    }

    if (subtype !== 'date' && !isNonEmptyString(component.timeLabel)) {
      problems.push(`${ where } has no "timeLabel"`);
    }

    return;
  }

  if (!isNonEmptyString(component.label)) {
    problems.push(`${ where } has no "label"`);
  }
}

function checkOptions(component, where, problems) {
  const { values, valuesKey, valuesExpression } = component;

  if (values !== undefined) {
    if (!Array.isArray(values) || values.length === 0) {
      problems.push(`${ where } has an empty "values" list`);

      return;
    }

    const seen = new Set();

    values.forEach((option, index) => {
      if (!option || typeof option !== 'object') {
        problems.push(`${ where }: values[${ index }] must be an object with label and value`);

        return;
      }

      if (!isNonEmptyString(option.label)) {
        problems.push(`${ where }: values[${ index }] has no "label"`);
      }

      if (option.value === undefined || option.value === null || option.value === '') {
        problems.push(`${ where }: values[${ index }] has no "value"`);
      } else if (seen.has(JSON.stringify(option.value))) {
        problems.push(`${ where }: value ${ JSON.stringify(option.value) } appears more than once in "values"`);
      } else {
        seen.add(JSON.stringify(option.value));
      }
    });

    return;
  }

  if (!isNonEmptyString(valuesKey) && !isNonEmptyString(valuesExpression)) {
    problems.push(`${ where } needs options: "values" (label+value pairs), "valuesKey" or "valuesExpression"`);
  }
}

/**
 * Walk the component tree. Bindings (keys, dynamic list paths) are collected
 * as absolute data paths: a dynamic list opens a new scope ("path[]"), and so
 * does a group with a "path"; a group without a path shares its parent's scope.
 */
function checkComponents(components, scope, context) {
  const { ids, bindings, problems } = context;

  if (!Array.isArray(components)) {
    return;
  }

  components.forEach((component, index) => {

    if (!component || typeof component !== 'object' || Array.isArray(component)) {
      problems.push(`components[${ index }] in scope ${ scopeName(scope) } is not an object`);

      return;
    }

    const where = describeComponent(component);

    // id: present and unique in the whole form
    if (!isNonEmptyString(component.id)) {
      problems.push(`${ where } (components[${ index }] in scope ${ scopeName(scope) }) has no "id"`);
    } else if (ids.has(component.id)) {
      problems.push(`${ where }: id "${ component.id }" is used more than once`);
    } else {
      ids.add(component.id);
    }

    // type: one Tasklist 7.24 renders
    if (!SUPPORTED_TYPES.has(component.type)) {
      problems.push(
        `${ where }: type ${ JSON.stringify(component.type) } is not rendered by Camunda 7.24 Tasklist ` +
        `(form-js ${ TASKLIST_FORM_JS_VERSION }); supported: ${ [ ...SUPPORTED_TYPES ].join(', ') }`
      );
    }

    const isInput = INPUT_TYPES.has(component.type);

    if (isInput) {
      if (!isNonEmptyString(component.key)) {
        problems.push(`${ where } has no "key"`);
      }

      checkLabel(component, where, problems);
    }

    if ((isInput || OPTIONAL_KEY_TYPES.has(component.type)) && isNonEmptyString(component.key)) {
      bindings.push({
        segments: [ ...scope, ...component.key.split('.') ],
        kind: 'key',
        name: component.key,
        where,
        scope
      });
    }

    if (OPTION_TYPES.has(component.type)) {
      checkOptions(component, where, problems);
    }

    if (component.type === 'dynamiclist') {
      // Seen in Tasklist 7.24: form-js 1.8.7 keeps the validation errors of fields in a dynamic list after
      // they were corrected, and Tasklist keeps Start/Complete disabled while any error is recorded.
      problems.push(`${ where } is a dynamic list: in Tasklist 7.24 a corrected field in it keeps the form invalid ` +
        '(Start/Complete stay disabled); use groups with a "path" instead');
      if (!isNonEmptyString(component.path)) {
        problems.push(`${ where } has no "path"`);
        checkComponents(component.components, [ ...scope, `<${ component.id }>`, '[]' ], context);
      } else {
        const segments = [ ...scope, ...component.path.split('.') ];

        bindings.push({ segments, kind: 'path', name: component.path, where, scope });
        checkComponents(component.components, [ ...segments, '[]' ], context);
      }
    } else if (component.type === 'group') {
      const groupScope = isNonEmptyString(component.path)
        ? [ ...scope, ...component.path.split('.') ]
        : scope;

      checkComponents(component.components, groupScope, context);
    } else if (component.components !== undefined) {
      problems.push(`${ where } has "components", but only group and dynamiclist may nest components`);
    }
  });
}

function scopeName(scope) {
  return scope.length ? scope.join('.').replace(/\.\[\]/g, '[]') : '(root)';
}

function checkBindings(bindings, problems) {

  for (let i = 0; i < bindings.length; i++) {
    for (let j = i + 1; j < bindings.length; j++) {
      const a = bindings[i];
      const b = bindings[j];

      const [ shorter, longer ] = a.segments.length <= b.segments.length ? [ a, b ] : [ b, a ];

      const isPrefix = shorter.segments.every((segment, index) => longer.segments[index] === segment);

      if (!isPrefix) {
        continue;
      }

      if (shorter.segments.length === longer.segments.length) {
        problems.push(
          `${ b.where }: ${ b.kind } "${ b.name }" duplicates ${ a.kind } "${ a.name }" of ${ a.where } ` +
          `in scope ${ scopeName(a.scope) }`
        );
      } else if (longer.segments[shorter.segments.length] !== '[]') {

        // e.g. key "victims.name" next to a key or list path "victims"
        problems.push(
          `${ longer.where }: ${ longer.kind } "${ longer.name }" (scope ${ scopeName(longer.scope) }) ` +
          `writes inside ${ shorter.kind } "${ shorter.name }" of ${ shorter.where }`
        );
      }
    }
  }
}

function validateForm(form) {
  const problems = [];

  if (!form || typeof form !== 'object' || Array.isArray(form)) {
    return [ 'form must be a JSON object' ];
  }

  checkRoot(form, problems);

  const context = { ids: new Set(), bindings: [], problems };

  checkComponents(form.components, [], context);
  checkBindings(context.bindings, problems);

  return problems;
}


// @camunda/form-linting //////////

/**
 * @camunda/form-linting ships untranspiled ES module sources (no "type":
 * "module", extensionless relative imports), made for bundlers as the
 * Modeler uses it. These loader hooks let node load it as is: its .js files
 * are ES modules, and "./x" resolves to "./x.js".
 */
const FORM_LINTING_HOOKS = `
const ROOT = '/node_modules/@camunda/form-linting/';

export async function resolve(specifier, context, nextResolve) {
  try {
    return await nextResolve(specifier, context);
  } catch (err) {
    const fromFormLinting = context.parentURL && context.parentURL.includes(ROOT);
    const relative = specifier.startsWith('./') || specifier.startsWith('../');

    if (fromFormLinting && relative && !specifier.endsWith('.js')) {
      return nextResolve(specifier + '.js', context);
    }

    throw err;
  }
}

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.includes(ROOT) && url.endsWith('.js')) {
    return nextLoad(url, { ...context, format: 'module' });
  }

  return nextLoad(url, context);
}
`;

async function loadFormLinting() {
  register('data:text/javascript,' + encodeURIComponent(FORM_LINTING_HOOKS), import.meta.url);

  const [
    { FormLinter },
    { getFormJSVersion },
    { getRuleConfig },
    { getExecutionPlatformLabel },
    { defaultRuleRegistry },
    { executeRecursively },
    { default: StaticRuleResolver },
    { default: ProblemsReporter }
  ] = await Promise.all([
    import('@camunda/form-linting'),
    import('@camunda/form-linting/lib/config/formVersion.js'),
    import('@camunda/form-linting/lib/config/ruleConfig.js'),
    import('@camunda/form-linting/lib/config/util.js'),
    import('@camunda/form-linting/lib/rules/ruleRegistry.js'),
    import('@camunda/form-linting/lib/util.js'),
    import('@camunda/form-linting/lib/StaticRuleResolver.js'),
    import('@camunda/form-linting/lib/ProblemsReporter.js')
  ]);

  /**
   * Lint like FormLinter#lint. Its platform table ends at Camunda 7.22 and
   * it returns no reports at all for a version it does not know, so a 7.23+
   * form is linted against the form-js that Tasklist 7.24 bundles.
   */
  return function lintWithFormLinting(form) {

    if (getFormJSVersion(form)) {
      return { formJSVersion: getFormJSVersion(form), reports: new FormLinter().lint(form) };
    }

    const formJSVersion = TASKLIST_FORM_JS_VERSION;
    const reporter = new ProblemsReporter();
    const rules = new StaticRuleResolver(defaultRuleRegistry).resolve(getRuleConfig(formJSVersion));
    const executionPlatformLabel = getExecutionPlatformLabel(form);

    for (const rule of rules) {
      executeRecursively(rule.execute, form, {
        executionPlatformLabel,
        formJSVersion,
        reporter,
        category: rule.category
      });
    }

    return { formJSVersion, reports: reporter.getReports() };
  };
}


// main //////////

function listForms(args) {

  if (args.length) {
    return args;
  }

  const dir = path.resolve(process.cwd(), 'forms');

  if (!existsSync(dir)) {
    return [];
  }

  return readdirSync(dir)
    .filter(file => file.endsWith('.form'))
    .sort()
    .map(file => path.join('forms', file));
}

async function main() {
  const files = listForms(process.argv.slice(2));

  if (!files.length) {
    console.log('validate-forms: no forms/*.form files, nothing to check');

    return 0;
  }

  let lintWithFormLinting;

  try {
    lintWithFormLinting = await loadFormLinting();
  } catch (err) {
    console.error('validate-forms: could not load @camunda/form-linting:', err);

    return 2;
  }

  const formIds = new Map();

  let failedFiles = 0;
  let errorCount = 0;
  let warningCount = 0;

  for (const file of files) {
    const problems = [];
    const warnings = [];

    let form;

    try {
      form = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      problems.push(`not valid JSON: ${ err.message }`);
    }

    let formJSVersion = '-';

    if (form !== undefined) {
      problems.push(...validateForm(form));

      if (form && isNonEmptyString(form.id)) {
        if (formIds.has(form.id)) {
          problems.push(`form id "${ form.id }" is also used by ${ formIds.get(form.id) }`);
        } else {
          formIds.set(form.id, file);
        }
      }

      // form-linting needs the platform version to choose its rules; a form
      // without one has already failed checkRoot
      const lintable = form && typeof form === 'object' && Array.isArray(form.components) &&
        typeof form.executionPlatformVersion === 'string';

      if (lintable) {
        try {
          const result = lintWithFormLinting(form);

          formJSVersion = result.formJSVersion;

          for (const report of result.reports) {
            const message = `form-linting [${ report.category }] ${ report.id || '(form)' } "${ report.label || '' }": ${ report.message }`;

            if (report.category === 'error') {
              problems.push(message);
            } else {
              warnings.push(message);
            }
          }
        } catch (err) {
          problems.push(`@camunda/form-linting failed: ${ err.message }`);
        }
      }
    }

    if (problems.length) {
      failedFiles++;
      console.log(`✖ ${ file }: ${ problems.length } problem(s)`);
      problems.forEach(problem => console.log(`    error    ${ problem }`));
    } else {
      console.log(`✔ ${ file } (form-linting as form-js ${ formJSVersion })`);
    }

    warnings.forEach(warning => console.log(`    warning  ${ warning }`));

    errorCount += problems.length;
    warningCount += warnings.length;
  }

  console.log(
    `validate-forms: ${ files.length } form(s), ${ failedFiles } failed, ` +
    `${ errorCount } error(s), ${ warningCount } warning(s)`
  );

  return failedFiles ? 1 : 0;
}

main().then(
  code => { process.exitCode = code; },
  err => {
    console.error('validate-forms: internal error:', err);
    process.exitCode = 2;
  }
);
