// Compiled by `npm run test:types` against the published declarations (dist/index.d.ts):
// each @ts-expect-error must stay an error, or tsc fails.
import { createKelisim, type KelisimConfig, type ConsentRecord } from 'kelisim';

const config: KelisimConfig = {
  language: 'kk',
  policyUrl: '/privacy',
  revision: '2019-02-20',
  categories: { necessary: { required: true }, analytics: { cookies: ['_ym_*'], texts: { kk: { title: 'Аналитика' } } } },
  counters: [
    { category: 'analytics', preset: 'yandex-metrika', id: 12345678, options: { webvisor: true } },
    { category: 'analytics', src: 'https://example.org/a.js' },
    { category: 'analytics', load: () => Promise.resolve() },
  ],
  cookie: { name: 'kelisim', domain: '.benton.kz', expiresDays: 180, sameSite: 'Lax' },
  consentMode: { mode: 'advanced', regions: [{ region: ['KZ'], granted: ['analytics_storage'] }], map: { analytics: ['analytics_storage'] } },
  texts: { kk: { acceptAll: 'Барлығын қабылдау' }, uz: { acceptAll: 'Hammasini qabul qilish' } },
  operator: { name: 'ИП BENTON', id: 'ИИН 790611401178' },
  layout: 'box',
  theme: 'dark',
};

const k = createKelisim(config);
const off: () => void = k.on('kelisim:change', ({ added, removed, categories }) => {
  const names: string[] = [...added, ...removed, ...categories];
  return names;
});
off();
k.on('kelisim:consent', ({ consent }) => {
  const record: ConsentRecord = consent;
  const id: string = record.id;
  return id;
});
k.on('kelisim:show', ({ view }) => {
  const shown: 'banner' | 'preferences' = view;
  return shown;
});
const allowed: boolean = k.isAllowed('analytics');
const record: ConsentRecord | null = k.getConsent();
void allowed;
void record;

// @ts-expect-error: an unknown preset name
createKelisim({ counters: [{ category: 'analytics', preset: 'liveinternet', id: 1 }] });
// @ts-expect-error: a counter is a preset, a src or a load(), never two
createKelisim({ counters: [{ category: 'analytics', preset: 'gtag', src: '/gtag.js' }] });
// @ts-expect-error: a counter needs its category
createKelisim({ counters: [{ src: '/a.js' }] });
// @ts-expect-error: layouts are bar, box or modal
createKelisim({ layout: 'popup' });
// @ts-expect-error: sameSite is capitalised as in the cookie attribute
createKelisim({ cookie: { sameSite: 'lax' } });
// @ts-expect-error: consent mode types are Google's names
createKelisim({ consentMode: { map: { analytics: ['stats_storage'] } } });
// @ts-expect-error: expiresDays is a number
createKelisim({ cookie: { expiresDays: '365' } });
// @ts-expect-error: an unknown UI text key
createKelisim({ texts: { ru: { acceptEverything: 'Да' } } });
// @ts-expect-error: an unknown event name
k.on('kelisim:accept', () => {});
// @ts-expect-error: the change detail has no `consent`
k.on('kelisim:change', ({ consent }) => consent);
// @ts-expect-error: accept() takes an array of category names
k.accept('analytics');

// Category names are inferred from the config: typos are type errors.
const site = createKelisim({
  categories: { necessary: { required: true }, analytics: {}, advertising: {} },
  counters: [{ category: 'analytics', preset: 'yandex-metrika', id: 1 }],
});
site.accept(['analytics', 'advertising']);
site.allow('advertising');
const on: boolean = site.isAllowed('necessary');
void on;
// @ts-expect-error: a misspelt category
site.isAllowed('analitics');
// @ts-expect-error: a misspelt category
site.accept(['advertisng']);
// @ts-expect-error: a misspelt category
site.allow('functionl');
createKelisim({
  categories: { necessary: { required: true }, analytics: {} },
  // @ts-expect-error: a counter under a category the config does not have
  counters: [{ category: 'advertising', src: '/pixel.js' }],
});
// Without categories, the default three.
const plain = createKelisim({ counters: [{ category: 'advertising', src: '/pixel.js' }] });
plain.allow('advertising');
// @ts-expect-error: not one of the default categories
plain.allow('functional');
// A config typed as KelisimConfig takes any name.
const loose: KelisimConfig = { categories: { chat: {} } };
createKelisim(loose).allow('chat');

// The same events reach `window` as CustomEvents, typed by name.
window.addEventListener('kelisim:change', (event) => {
  const removed: string[] = event.detail.removed;
  return removed;
});
window.addEventListener('kelisim:consent', (event) => {
  const record: ConsentRecord = event.detail.consent;
  return record;
});
window.addEventListener('kelisim:hide', (event) => {
  const view: 'banner' | 'preferences' = event.detail.view;
  return view;
});
// @ts-expect-error: the change detail has no `consent`
window.addEventListener('kelisim:change', (event) => event.detail.consent);
