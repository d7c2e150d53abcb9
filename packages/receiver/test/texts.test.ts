import { describe, expect, test } from 'vitest';
import { textsIntact, textsOfConfig } from '../src/texts';

describe('registered texts', () => {
  test.each([
    ['the defaults', {}],
    ['categories with their own words', { revision: '3', categories: { necessary: { required: true }, analytics: { texts: { ru: { title: 'Аналитика сайта', description: 'Яндекс Метрика' }, kk: { title: 'Сайт аналитикасы' } } } } }],
    ['a language of the site\'s own', { categories: { necessary: { required: true }, advertising: {} }, texts: { 'ru-kz': { title: 'Cookie на сайте «Бентон»' } } }],
  ])('%s hash again, from the table alone, to the hash the banner computes', (_name, config) => {
    const { entries, errors } = textsOfConfig(config, 'site.json');
    expect(errors).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const e of entries) expect(textsIntact(e)).toBe(true);
  });

  test('words edited after registration no longer match their hash', () => {
    const [entry] = textsOfConfig({}, 'site.json').entries;
    expect(textsIntact({ ...entry, texts: entry.texts.replace(/cookie/g, 'ИЗМЕНЕНО') })).toBe(false);
    expect(textsIntact({ ...entry, texts: 'not json' })).toBe(false);
  });
});
