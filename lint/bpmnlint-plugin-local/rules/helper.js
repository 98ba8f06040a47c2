'use strict';

// Shared helpers of the local rules (like bpmnlint's own rules/helper.js):
// not a rule, and not listed in index.js.

const fs = require('node:fs');
const path = require('node:path');

const { is } = require('bpmnlint-utils');

/**
 * Find the closest ancestor of the given type.
 *
 * @param {object} node moddle element
 * @param {string} type
 * @return {object|null}
 */
function findParent(node, type) {
  let parent = node && node.$parent;

  while (parent) {
    if (is(parent, type)) {
      return parent;
    }

    parent = parent.$parent;
  }

  return null;
}

/**
 * Whether the node is (inside) an executable process. Elements of a
 * non-executable process are never deployed, so engine rules skip them.
 */
function isInExecutableProcess(node) {
  const process = is(node, 'bpmn:Process') ? node : findParent(node, 'bpmn:Process');

  return !!(process && process.isExecutable);
}

/** Human-readable element description for messages, e.g. <bpmn:UserTask> "Assign mediators" (Task_X). */
function describe(node) {
  const type = node.$type;
  const name = (node.name || '').trim();

  return `<${ type }>${ name ? ` "${ name }"` : '' } (${ node.id || 'no id' })`;
}

/** Trimmed string value of a (camunda:) attribute or '' when unset. */
function attr(node, name) {
  const value = node.get(name);

  if (value === undefined || value === null) {
    return '';
  }

  return String(value).trim();
}

/** Extension elements of the given type, e.g. 'camunda:FailedJobRetryTimeCycle'. */
function getExtensionElements(node, type) {
  const extensionElements = node.extensionElements;
  const values = (extensionElements && extensionElements.values) || [];

  return values.filter(value => value.$type === type);
}

/**
 * Directory the Camunda Forms are read from: <cwd>/forms, because bpmnlint
 * is run from the repository root (lint/run.sh).
 */
function formsDir() {
  return path.resolve(process.cwd(), 'forms');
}

let formsCache = null;

/**
 * Read the ids of all Camunda Forms in forms/*.form.
 *
 * Unreadable or unparsable forms are skipped here: lint/validate-forms.mjs
 * reports them.
 *
 * @return {{ dir: string, ids: Map<string, string> }} form id -> file name
 */
function loadFormIds() {
  const dir = formsDir();

  if (formsCache && formsCache.dir === dir) {
    return formsCache;
  }

  const ids = new Map();

  let files = [];

  try {
    files = fs.readdirSync(dir).filter(file => file.endsWith('.form')).sort();
  } catch (err) {

    // no forms directory: no known form ids
  }

  for (const file of files) {
    try {
      const json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));

      if (json && typeof json.id === 'string' && json.id.length) {
        ids.set(json.id, file);
      }
    } catch (err) {

      // reported by lint/validate-forms.mjs
    }
  }

  formsCache = { dir, ids };

  return formsCache;
}

module.exports = {
  attr,
  describe,
  findParent,
  formsDir,
  getExtensionElements,
  isInExecutableProcess,
  loadFormIds
};
