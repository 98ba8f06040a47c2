// VOM Case: the new case's number, shown after a case is started from Tasklist's start form.
// Registered in scripts/config.js (customScripts).
export { default } from '../../../assets/vom/case-started.js';
