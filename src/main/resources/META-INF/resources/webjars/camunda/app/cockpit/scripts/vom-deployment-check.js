// VOM Case: the administrators' "Deployment check" page in Cockpit (#/vom-deployment-check): drift between the
// repository and the engine, and the decision-table preview. Registered in scripts/config.js (customScripts); the
// view is assets/vom/deployment-check.js. The navigation link shows for administrators only.
import { deploymentCheckPlugins } from '../../../assets/vom/deployment-check.js';

export default deploymentCheckPlugins({ path: '/vom-deployment-check', priority: 50 });
