// VOM Case: "Programme figures" on the Cockpit start page (dashboard) for supervisors and
// administrators. Registered in scripts/config.js (customScripts); the view is assets/vom/figures.js.
// Camunda 7.24 still renders cockpit.dashboard plugins on the dashboard (section "Custom Plugins").
import { figuresPlugin } from '../../../assets/vom/figures.js';

export default [
  figuresPlugin({
    id: 'vom-figures',
    pluginPoint: 'cockpit.dashboard',
    priority: 100
  })
];
