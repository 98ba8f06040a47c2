// VOM Case: the mediator's desk in Tasklist: "Cases" in the header (the case list, waiting cases included, and an
// overview without an open task; also by the address #/?vomCase=<case number>) and the "Case overview" tab of a task.
// Both take notes and documents from the case's mediators and the coordinators (editable; Cockpit's are read-only).
// Registered in scripts/config.js (customScripts); the views are assets/vom/case-desk.js, shared with Cockpit.
import { casesNavbarAction, overviewTab } from '../../../assets/vom/case-desk.js';

export default [
  casesNavbarAction({ id: 'vom-cases', priority: 100 }),
  overviewTab({
    id: 'vom-case-overview',
    pluginPoint: 'tasklist.task.detail',
    priority: 950, // after "Form" (1000), before "Case file" (900)
    query: context => 'task=' + encodeURIComponent(context.taskId),
    editable: true
  })
];
