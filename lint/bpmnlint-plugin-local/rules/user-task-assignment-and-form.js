'use strict';

const path = require('node:path');

const { is } = require('bpmnlint-utils');

const {
  attr,
  describe,
  isInExecutableProcess,
  loadFormIds
} = require('./helper');

const CAMUNDA_FORMS_KEY_PREFIX = 'camunda-forms:';

/**
 * Every user task
 *  - is assigned: camunda:candidateGroups, camunda:candidateUsers or camunda:assignee, and
 *  - shows a Camunda Form: camunda:formRef naming the id of a form in
 *    forms/*.form, or a camunda:formKey starting with "camunda-forms:".
 *
 * A start event's camunda:formRef must name an existing form, too.
 */
module.exports = function() {

  function checkFormRef(node, reporter, element) {
    const formRef = attr(node, 'camunda:formRef');

    if (!formRef) {
      return;
    }

    const { dir, ids } = loadFormIds();

    if (!ids.has(formRef)) {
      const known = ids.size ? [ ...ids.keys() ].sort().join(', ') : 'none';

      reporter.report(
        node.id,
        `${ element } references camunda:formRef="${ formRef }", but no form with that id exists in ` +
        `${ path.relative(process.cwd(), dir) || '.' }/*.form (known form ids: ${ known })`,
        [ 'formRef' ]
      );
    }
  }

  function check(node, reporter) {

    if (!isInExecutableProcess(node)) {
      return;
    }

    if (is(node, 'bpmn:StartEvent')) {
      checkFormRef(node, reporter, describe(node));

      return;
    }

    if (!is(node, 'bpmn:UserTask')) {
      return;
    }

    const element = describe(node);

    const assigned = [
      'camunda:candidateGroups',
      'camunda:candidateUsers',
      'camunda:assignee'
    ].some(name => attr(node, name));

    if (!assigned) {
      reporter.report(
        node.id,
        `${ element } must set camunda:candidateGroups, camunda:candidateUsers or camunda:assignee`,
        [ 'candidateGroups' ]
      );
    }

    const formRef = attr(node, 'camunda:formRef');
    const formKey = attr(node, 'camunda:formKey');

    if (formRef) {
      checkFormRef(node, reporter, element);
    } else if (formKey) {
      if (!formKey.startsWith(CAMUNDA_FORMS_KEY_PREFIX)) {
        reporter.report(
          node.id,
          `${ element } has camunda:formKey="${ formKey }"; use a Camunda Form ` +
          `(camunda:formRef, or a formKey starting with "${ CAMUNDA_FORMS_KEY_PREFIX }")`,
          [ 'formKey' ]
        );
      }
    } else {
      reporter.report(
        node.id,
        `${ element } must reference a Camunda Form (camunda:formRef, or camunda:formKey="${ CAMUNDA_FORMS_KEY_PREFIX }...")`,
        [ 'formRef' ]
      );
    }
  }

  return {
    meta: {
      documentation: {
        description: 'User tasks are assigned and reference an existing Camunda Form'
      }
    },
    check
  };
};
