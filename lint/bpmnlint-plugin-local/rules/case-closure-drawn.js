'use strict';

const { is } = require('bpmnlint-utils');

const { attr, describe, getExtensionElements } = require('./helper');

const CLOSED_NAME = /^Case closed/;
const CLOSURE_MESSAGE = 'Msg_CaseClosed';
const CLOSURE_DELEGATE = '${caseClosure}';
const REASON_INPUT = 'closureReason';
const CALLS_CASE_CLOSURE = /\bcaseClosure\b/i;
const IMPLEMENTATION_ATTRS = [ 'camunda:class', 'camunda:delegateExpression', 'camunda:expression', 'camunda:topic' ];

/**
 * Closing a case and starting its retention are drawn, not hidden in listeners:
 *  - an end event that closes the case (named "Case closed...", or implemented
 *    by caseClosure) is a message end event that throws Msg_CaseClosed (the
 *    message process case-retention starts with), implemented by
 *    camunda:delegateExpression="${caseClosure}" on its message event
 *    definition, with the closure reason as its input parameter closureReason
 *    (a code of R19 such as not_eligible, or an expression giving one);
 *  - no other element runs caseClosure, and no execution listener calls it.
 */
module.exports = function() {

  function messageDefinition(node) {
    return (node.eventDefinitions || []).find(definition => is(definition, 'bpmn:MessageEventDefinition'));
  }

  function implementedByCaseClosure(definition) {
    return !!definition && IMPLEMENTATION_ATTRS.some(name => CALLS_CASE_CLOSURE.test(attr(definition, name)));
  }

  function reasonInput(node) {
    const parameters = getExtensionElements(node, 'camunda:InputOutput')
      .flatMap(inputOutput => inputOutput.inputParameters || []);
    const parameter = parameters.find(candidate => candidate.name === REASON_INPUT);

    return parameter ? (parameter.value || '').trim() : null;
  }

  function checkClosingEvent(node, reporter) {
    const element = describe(node);
    const definition = messageDefinition(node);

    if (!definition || (node.eventDefinitions || []).length !== 1) {
      reporter.report(
        node.id,
        `${ element } closes the case: make it a message end event that throws ${ CLOSURE_MESSAGE } ` +
        `(the start message of case-retention), implemented by ${ CLOSURE_DELEGATE }`,
        [ 'eventDefinitions' ]
      );

      return;
    }

    const message = definition.messageRef && definition.messageRef.name;

    if (message !== CLOSURE_MESSAGE) {
      reporter.report(
        node.id,
        `${ element } closes the case, so it throws the message ${ CLOSURE_MESSAGE } ` +
        `(the start message of case-retention), not ${ message ? `"${ message }"` : 'no message' }`,
        [ 'eventDefinitions' ]
      );
    }

    if (attr(definition, 'camunda:delegateExpression') !== CLOSURE_DELEGATE) {
      reporter.report(
        node.id,
        `${ element } closes the case, so its message event definition is implemented by ` +
        `camunda:delegateExpression="${ CLOSURE_DELEGATE }"`,
        [ 'eventDefinitions' ]
      );
    }

    if (!reasonInput(node)) {
      reporter.report(
        node.id,
        `${ element } closes the case, so it gives the closure reason as its input parameter ${ REASON_INPUT } ` +
        '(a closure reason such as not_eligible, or an expression giving one)',
        [ 'extensionElements' ]
      );
    }
  }

  function checkListeners(node, reporter) {
    const listeners = getExtensionElements(node, 'camunda:ExecutionListener');

    for (const listener of listeners) {
      const call = IMPLEMENTATION_ATTRS.map(name => attr(listener, name)).find(value => CALLS_CASE_CLOSURE.test(value));

      if (call) {
        reporter.report(
          node.id,
          `${ describe(node) } closes the case in an execution listener (${ call }); draw it instead: ` +
          `a message end event "Case closed: ..." implemented by ${ CLOSURE_DELEGATE } with the input parameter ${ REASON_INPUT }`,
          [ 'extensionElements' ]
        );
      }
    }
  }

  function check(node, reporter) {

    if (node.extensionElements) {
      checkListeners(node, reporter);
    }

    const closing = implementedByCaseClosure(messageDefinition(node));

    if (is(node, 'bpmn:EndEvent') && (CLOSED_NAME.test((node.name || '').trim()) || closing)) {
      checkClosingEvent(node, reporter);
    } else if (closing) {
      reporter.report(
        node.id,
        `${ describe(node) } runs ${ CLOSURE_DELEGATE }, but only an end event closes the case: ` +
        'a message end event "Case closed: ..."',
        [ 'eventDefinitions' ]
      );
    }
  }

  return {
    meta: {
      documentation: {
        description: 'Closing end events throw Msg_CaseClosed through ${caseClosure} with the input closureReason; no closure in listeners'
      }
    },
    check
  };
};
