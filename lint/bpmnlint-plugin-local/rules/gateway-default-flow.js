'use strict';

const { isAny } = require('bpmnlint-utils');

const { describe } = require('./helper');

const NO_DEFAULT = 'No default flow:';

/**
 * Every deciding gateway (an exclusive or inclusive gateway with more than
 * one outgoing sequence flow) shows what happens when no condition holds:
 *  - it has a default flow (the "otherwise" branch, e.g. the "no" side of a
 *    yes/no question), which carries no condition of its own, or
 *  - its documentation starts with "No default flow:" and gives the reason
 *    (e.g. the value is checked against its vocabulary before the gateway,
 *    so a value no condition matches would be an error, which is wanted).
 *
 * Converging gateways (a single outgoing flow) decide nothing and are not
 * checked.
 */
module.exports = function() {

  function documentedReason(node) {
    const texts = (node.documentation || []).map(doc => (doc.text || '').trim());
    const text = texts.find(candidate => candidate.startsWith(NO_DEFAULT));

    return text === undefined ? null : text.slice(NO_DEFAULT.length).trim();
  }

  function check(node, reporter) {

    if (!isAny(node, [ 'bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway' ])) {
      return;
    }

    const outgoing = node.outgoing || [];

    if (outgoing.length < 2) {
      return;
    }

    const element = describe(node);
    const defaultFlow = node.default;

    if (defaultFlow) {
      if (!outgoing.includes(defaultFlow)) {
        reporter.report(
          node.id,
          `${ element }: its default flow ${ defaultFlow.id } is not one of its outgoing flows`,
          [ 'default' ]
        );
      } else if (defaultFlow.conditionExpression) {
        reporter.report(
          node.id,
          `${ element }: its default flow ${ defaultFlow.id } has a condition; a default flow is taken when no other condition holds, remove its condition`,
          [ 'default' ]
        );
      }

      return;
    }

    const reason = documentedReason(node);

    if (reason === null) {
      reporter.report(
        node.id,
        `${ element } decides between ${ outgoing.length } flows without a default flow: make the "otherwise" branch its default flow, ` +
        `or document why there is none (documentation starting "${ NO_DEFAULT }" and the reason)`,
        [ 'default' ]
      );
    } else if (!reason) {
      reporter.report(
        node.id,
        `${ element }: its documentation says "${ NO_DEFAULT }" but gives no reason`,
        [ 'documentation' ]
      );
    }
  }

  return {
    meta: {
      documentation: {
        description: 'Deciding exclusive and inclusive gateways have a default flow or document why not ("No default flow: ...")'
      }
    },
    check
  };
};
