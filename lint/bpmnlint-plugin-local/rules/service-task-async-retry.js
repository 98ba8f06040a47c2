'use strict';

const { is, isAny } = require('bpmnlint-utils');

const {
  attr,
  describe,
  getExtensionElements,
  isInExecutableProcess
} = require('./helper');

const IMPLEMENTATION_ATTRS = [
  'camunda:class',
  'camunda:delegateExpression',
  'camunda:expression',
  'camunda:topic'
];

/**
 * Every task that runs project code (service task, send task, and a
 * business rule / script task implemented by class, delegateExpression,
 * expression or external task topic) starts a new transaction
 * (camunda:asyncBefore="true", or the legacy camunda:async="true") and has
 * a camunda:failedJobRetryTimeCycle, so a failure becomes a retried job /
 * an incident instead of rolling back the caller's transaction.
 *
 * A business rule task with camunda:decisionRef evaluates a deployed DMN
 * inside the engine and is exempt.
 */
module.exports = function() {

  function needsCheck(node) {

    if (isAny(node, [ 'bpmn:ServiceTask', 'bpmn:SendTask' ])) {
      return true;
    }

    if (is(node, 'bpmn:BusinessRuleTask') && attr(node, 'camunda:decisionRef')) {
      return false;
    }

    if (isAny(node, [ 'bpmn:BusinessRuleTask', 'bpmn:ScriptTask' ])) {
      return IMPLEMENTATION_ATTRS.some(name => attr(node, name));
    }

    return false;
  }

  function check(node, reporter) {

    if (!needsCheck(node) || !isInExecutableProcess(node)) {
      return;
    }

    const element = describe(node);

    if (node.get('camunda:asyncBefore') !== true && node.get('camunda:async') !== true) {
      reporter.report(
        node.id,
        `${ element } must set camunda:asyncBefore="true" (transaction boundary before the call)`,
        [ 'asyncBefore' ]
      );
    }

    const retryCycles = getExtensionElements(node, 'camunda:FailedJobRetryTimeCycle');

    if (!retryCycles.length) {
      reporter.report(
        node.id,
        `${ element } must define a camunda:failedJobRetryTimeCycle extension element (e.g. R3/PT5M)`,
        [ 'extensionElements' ]
      );
    } else if (!retryCycles.some(cycle => (cycle.body || '').trim())) {
      reporter.report(
        node.id,
        `${ element } has an empty camunda:failedJobRetryTimeCycle`,
        [ 'extensionElements' ]
      );
    }
  }

  return {
    meta: {
      documentation: {
        description: 'Service-like tasks are asyncBefore and define a failedJobRetryTimeCycle'
      }
    },
    check
  };
};
