// VOM Case: the "Case file" tab of a task in Tasklist (messages, documents, letters to post).
// Registered in scripts/config.js (customScripts); the view is shared with Cockpit.
import { caseFileTab } from '../../../assets/vom/case-file.js';

export default [
  caseFileTab({
    id: 'vom-case-file',
    pluginPoint: 'tasklist.task.detail',
    priority: 900, // after "Form" (1000), before "History" (800)
    query: context => 'task=' + encodeURIComponent(context.taskId),
    canPost: true
  })
];
