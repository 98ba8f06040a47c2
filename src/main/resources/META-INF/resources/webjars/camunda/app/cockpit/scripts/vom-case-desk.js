// VOM Case: the mediator's desk in Cockpit, read-only: "Cases" in the navigation (the case list; #/vom-cases, and an
// overview by #/vom-cases?case=<case number>) and the "Case overview" tab of a process instance (the case's own or a
// called one: they share the case number). Registered in scripts/config.js (customScripts); the views are
// assets/vom/case-desk.js, shared with Tasklist.
import { casesNavigation, casesPage, overviewTab } from '../../../assets/vom/case-desk.js';

export default [
  casesNavigation({ id: 'vom-cases-navigation', priority: 20 }),
  casesPage({ id: 'vom-cases' }),
  overviewTab({
    id: 'vom-case-overview',
    pluginPoint: 'cockpit.processInstance.runtime.tab',
    priority: -5, // after Camunda's own tabs, before "Case file"
    query: context => 'processInstance=' + encodeURIComponent(context.processInstanceId)
  })
];
