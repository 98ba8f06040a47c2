// VOM Case: Welcome configuration (overrides the webjar's scripts/config.js).
export default {
  app: {
    name: 'Welcome',
    vendor: 'VOM Case'
  },
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  }
};
