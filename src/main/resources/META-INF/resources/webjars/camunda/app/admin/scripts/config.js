// VOM Case: Admin configuration (overrides the webjar's scripts/config.js).
export default {
  app: {
    name: 'Admin',
    vendor: 'VOM Case'
  },
  locales: {
    availableLocales: ['en', 'de'],
    fallbackLocale: 'en'
  }
};
