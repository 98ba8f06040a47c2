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

/** Implementations that stay in the caller's transaction on purpose (see below). */
const IN_TRANSACTION_IMPLEMENTATIONS = [
  '${caseClosure}'
];

/**
 * Every task that runs project code (service task, send task, and a
 * business rule / script task implemented by class, delegateExpression,
 * expression or external task topic) starts a new transaction
 * (camunda:asyncBefore="true", or the legacy camunda:async="true") and has
 * a camunda:failedJobRetryTimeCycle, so a failure becomes a retried job /
 * an incident instead of rolling back the caller's transaction. So does a
 * message end or intermediate throw event whose message event definition is
 * implemented that way: the engine runs it like a service task.
 *
 * Exempt:
 *  - a business rule task with camunda:decisionRef evaluates a deployed DMN
 *    inside the engine;
 *  - the closing events of a case (message end events implemented by
 *    ${caseClosure}, see case-closure-drawn): closing writes only the case's
 *    own variables and starts case-retention in the same engine, with no
 *    effect outside the database to retry, so it stays in the transaction of
 *    the step that ended the case, all or nothing with it. The case is closed
 *    and its retention started when that step's call returns, and a closure
 *    the engine refuses (an unknown reason, a case closed twice) refuses that
 *    step instead of leaving the case at its end event as an incident.
 */
module.exports = function() {

  function needsCheck(node) {

    if (isAny(node, [ 'bpmn:ServiceTask', 'bpmn:SendTask' ])) {
      return true;
    }

    if (isAny(node, [ 'bpmn:EndEvent', 'bpmn:IntermediateThrowEvent' ])) {
      return (node.eventDefinitions || []).some(definition => is(definition, 'bpmn:MessageEventDefinition')
        && IMPLEMENTATION_ATTRS.some(name => attr(definition, name))
        && !IN_TRANSACTION_IMPLEMENTATIONS.includes(attr(definition, 'camunda:delegateExpression')));
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
        description: 'Service-like tasks and implemented message throw events are asyncBefore and define a failedJobRetryTimeCycle (case closure exempt)'
      }
    },
    check
  };
};
