'use strict';

/**
 * Project-specific bpmnlint rules for the victim-offender mediation models.
 *
 * Enable them in .bpmnlintrc with "plugin:local/recommended"; a single rule
 * is referenced as "local/<rule-name>".
 */
module.exports = {
  configs: {
    recommended: {
      rules: {
        'service-task-async-retry': 'error',
        'process-history-and-version': 'error',
        'user-task-assignment-and-form': 'error',
        'technical-ids': 'error',
        'gateway-default-flow': 'error',
        'case-closure-drawn': 'error'
      }
    }
  }
};
