// VOM Case: the "Case file" tab of a process instance in Cockpit, read-only (supervisors).
// Registered in scripts/config.js (customScripts); the view is shared with Tasklist. A called
// instance (e.g. a person's contact) shows the file of its case: they share the business key.
import { caseFileTab } from '../../../assets/vom/case-file.js';

export default [
  caseFileTab({
    id: 'vom-case-file',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: -10, // after Camunda's own tabs
    query: context => 'processInstance=' + encodeURIComponent(context.processInstanceId),
    canPost: false
  })
];
