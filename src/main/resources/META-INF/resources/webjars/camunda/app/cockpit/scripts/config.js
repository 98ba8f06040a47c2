// VOM Case: Cockpit configuration (overrides the webjar's scripts/config.js).
export default {
  app: {
    name: 'Cockpit',
    vendor: 'VOM Case'
  },
  // The "Case file" tab (paths relative to app/cockpit/; it imports ../../../assets/vom/case-file.js).
  customScripts: ['scripts/vom-case-file.js'],
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  }
};
