// VOM Case: form-js's own texts (validation messages, "Select", "Search") in the staff language (Tasklist).
// Registered in scripts/config.js (customScripts).
export { default } from '../../../assets/vom/form-texts.js';
