'use strict';

const { is } = require('bpmnlint-utils');

const { attr, describe } = require('./helper');

/**
 * Every executable process declares camunda:historyTimeToLive (history
 * cleanup; case data is personal data) and camunda:versionTag (which model
 * version a running case belongs to).
 */
module.exports = function() {

  function check(node, reporter) {

    if (!is(node, 'bpmn:Process') || !node.isExecutable) {
      return;
    }

    const element = describe(node);

    if (!attr(node, 'camunda:historyTimeToLive')) {
      reporter.report(
        node.id,
        `Executable process ${ element } must set camunda:historyTimeToLive`,
        [ 'historyTimeToLive' ]
      );
    }

    if (!attr(node, 'camunda:versionTag')) {
      reporter.report(
        node.id,
        `Executable process ${ element } must set camunda:versionTag`,
        [ 'versionTag' ]
      );
    }
  }

  return {
    meta: {
      documentation: {
        description: 'Executable processes set camunda:historyTimeToLive and camunda:versionTag'
      }
    },
    check
  };
};
