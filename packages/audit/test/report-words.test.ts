import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en';
import { kk } from '../../../src/i18n/kk';
import { ru } from '../../../src/i18n/ru';
import { LANGS, messages } from '../src/report/messages';

describe('the report names purposes as the banner and the configurator do', () => {
  it('each built-in purpose has the title the visitor sees in the banner, in each language', () => {
    const banner = { ru, kk, en };
    for (const lang of LANGS) {
      for (const name of ['necessary', 'analytics', 'advertising', 'personalization', 'functional'] as const) {
        expect(messages[lang].purpose[name], `${lang}: ${name}`).toBe(banner[lang].categories[name][0]);
      }
    }
  });
});
