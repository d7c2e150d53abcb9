// What the runner needs to know about each variant: which files are the library's own, where its
// banner and buttons are, and the name of its consent cookie. The pages are in bench/pages/variants.

export const VARIANTS = {
  none: {
    label: 'no library (baseline)',
    files: null,
  },
  static: {
    label: 'static inline banner (floor)',
    files: null, // inline in the page: its bytes are in the HTML row
    banner: '[data-static-banner]',
    ui: '[data-static-banner]',
    accept: '[data-static-action="accept-all"]',
    reject: '[data-static-action="reject-all"]',
    preferences: '[data-static-action="preferences"]',
    preferencesRoot: '[data-static-prefs]',
    cookie: 'static_consent',
  },
  kelisim: {
    label: 'Kelisim',
    files: /^\/dist\//,
    banner: '[data-kelisim-banner]',
    ui: '[data-kelisim-banner], [data-kelisim-preferences]',
    accept: '[data-kelisim-banner] [data-kelisim-action="accept-all"]',
    reject: '[data-kelisim-banner] [data-kelisim-action="reject-all"]',
    preferences: '[data-kelisim-banner] [data-kelisim-action="preferences"]',
    preferencesRoot: '[data-kelisim-preferences]',
    cookie: 'kelisim',
  },
  cookieconsent: {
    label: 'vanilla-cookieconsent 3.1.0',
    files: /^\/node_modules\/vanilla-cookieconsent\//,
    banner: '#cc-main .cm',
    ui: '#cc-main .cm, #cc-main .pm',
    accept: '#cc-main .cm [data-role="all"]',
    reject: '#cc-main .cm [data-role="necessary"]',
    preferences: '#cc-main .cm [data-role="show"]',
    preferencesRoot: '#cc-main .pm',
    cookie: 'cc_cookie',
  },
  klaro: {
    label: 'Klaro 0.7.22',
    files: /^\/node_modules\/klaro\//,
    banner: '.klaro .cookie-notice',
    ui: '.klaro .cookie-notice, .klaro .cookie-modal',
    accept: '.klaro .cookie-notice .cm-btn-success',
    reject: '.klaro .cookie-notice .cn-decline',
    preferences: '.klaro .cookie-notice .cn-learn-more',
    preferencesRoot: '.klaro .cookie-modal',
    cookie: 'klaro',
  },
};

/** Counter stand-ins: their scripts and the hits they send. */
export const isCounterScript = (path) => path.startsWith('/bench/counters/');
export const isCounterHit = (path) => path === '/bench/hit';
