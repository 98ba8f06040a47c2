// VOM Case: "Migrate cases" in Cockpit for administrators: an entry in the navigation bar and the page
// (route #/vom-migration). Registered in scripts/config.js (customScripts); the view is
// assets/vom/migration.js. Anyone else sees neither (and the endpoints refuse them anyway).
import { migrationNavigation, migrationPage } from '../../../assets/vom/migration.js';

export default [
  migrationNavigation({ id: 'vom-migration-navigation', priority: 10 }),
  migrationPage({ id: 'vom-migration' })
];
