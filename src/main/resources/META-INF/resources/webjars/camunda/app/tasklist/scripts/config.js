// VOM Case: Tasklist configuration (overrides the webjar's scripts/config.js).
export default {
  app: {
    name: 'Tasklist',
    vendor: 'VOM Case'
  },
  // The "Case file" tab, the desk ("Cases" and the "Case overview" tab, case-desk.js), the server's form refusals shown at their fields
  // and the new case's number after a start (paths relative to app/tasklist/; they import ../../../assets/vom/case-file.js,
  // form-errors.js, case-started.js and form-texts.js: form-js's own texts in the staff language).
  customScripts: ['scripts/vom-case-file.js', 'scripts/vom-form-errors.js', 'scripts/vom-case-desk.js', 'scripts/vom-case-started.js',
    'scripts/vom-form-texts.js'],
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  },
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
