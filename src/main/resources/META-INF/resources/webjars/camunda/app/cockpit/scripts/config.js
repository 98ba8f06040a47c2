// VOM Case: Cockpit configuration (overrides the webjar's scripts/config.js).
export default {
  app: {
    name: 'Cockpit',
    vendor: 'VOM Case'
  },
  // The "Case file" tab and the "Programme figures" on the dashboard (paths relative to app/cockpit/;
  // they import ../../../assets/vom/case-file.js and ../../../assets/vom/figures.js).
  customScripts: ['scripts/vom-case-file.js', 'scripts/vom-figures.js'],
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  }
};
