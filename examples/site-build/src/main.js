// A site's own bundle: Kelisim comes from the installed package, the UI is split into its own
// chunk by the bundler and fetched only when the banner must show.
import { createKelisim } from 'kelisim';

const status = (category, text) => {
  const row = document.querySelector(`[data-status="${category}"]`);
  if (row) row.textContent = text;
};

const consent = createKelisim({
  language: 'ru',
  policyUrl: '/examples/landing/privacy.html',
  revision: '2019-02-20',
  categories: { necessary: { required: true }, analytics: { cookies: ['site_*'] }, advertising: {} },
  counters: [
    // One preset: the bundle holds its queue stub; its code is a chunk fetched only because it is named here.
    { category: 'analytics', preset: 'yandex-metrika', id: '12345678' },
    // A counter registered through the API: code from the site's own bundle, run once allowed.
    { category: 'analytics', load: () => { document.cookie = 'site_visit=1; path=/'; status('analytics', 'работает'); } },
    { category: 'advertising', load: () => status('advertising', 'работает') },
  ],
});

consent.on('kelisim:consent', ({ categories }) => {
  document.body.dataset.consent = categories.join(' ');
});
consent.on('kelisim:change', ({ added, removed }) => {
  const log = document.querySelector('#changes');
  if (log) log.textContent += `+${added.join(',')} -${removed.join(',')}\n`;
});

window.siteConsent = consent;
