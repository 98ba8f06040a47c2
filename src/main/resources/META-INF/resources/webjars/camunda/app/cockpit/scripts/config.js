// VOM Case: Cockpit configuration (overrides the webjar's scripts/config.js).
export default {
  app: {
    name: 'Cockpit',
    vendor: 'VOM Case'
  },
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  }
};
