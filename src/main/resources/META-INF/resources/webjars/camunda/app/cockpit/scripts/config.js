// VOM Case: Cockpit configuration (overrides the webjar's scripts/config.js).
export default {
  app: {
    name: 'Cockpit',
    vendor: 'VOM Case'
  },
  // The "Case file" and "Case overview" tabs, "Cases" (case-desk.js), the "Programme figures" on the dashboard and the administrators' "Deployment check" and
  // "Migrate cases" pages (paths relative to app/cockpit/; they import ../../../assets/vom/case-file.js, figures.js,
  // deployment-check.js and migration.js).
  customScripts: ['scripts/vom-case-file.js', 'scripts/vom-figures.js', 'scripts/vom-deployment-check.js',
    'scripts/vom-migration.js', 'scripts/vom-case-desk.js'],
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  }
};
