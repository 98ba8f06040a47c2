// VOM Case: a form's refusal by the server, shown at its fields and next to the button (Tasklist).
// Registered in scripts/config.js (customScripts).
export { default } from '../../../assets/vom/form-errors.js';
