'use strict';

const { isAny } = require('bpmnlint-utils');

const { describe } = require('./helper');

const ID_PATTERN = /^(Task|Gateway|StartEvent|EndEvent|BoundaryEvent|SequenceFlow|Event|SubProcess|CallActivity|Activity|IntermediateEvent|Flow)_[A-Z][A-Za-z0-9]+$/;

/**
 * Flow nodes (tasks, events, gateways, sub-processes, call activities) and
 * sequence flows carry readable technical ids, e.g. Task_AssignMediators,
 * instead of Modeler defaults like Activity_0x1y2z3: the ids show up in
 * incidents, history, logs, tests and code.
 *
 * Processes, definitions, diagram (DI) elements, event definitions, messages,
 * errors etc. are not checked.
 */
module.exports = function() {

  function check(node, reporter) {

    if (!isAny(node, [ 'bpmn:FlowNode', 'bpmn:SequenceFlow' ])) {
      return;
    }

    const id = node.id || '';

    if (!ID_PATTERN.test(id)) {
      reporter.report(
        node.id,
        `${ describe(node) }: id is not a technical id; expected <Prefix>_<Name> matching ${ ID_PATTERN.source } (e.g. Task_AssignMediators)`,
        [ 'id' ]
      );
    }
  }

  return {
    meta: {
      documentation: {
        description: 'Flow nodes and sequence flows have readable technical ids'
      }
    },
    check
  };
};
