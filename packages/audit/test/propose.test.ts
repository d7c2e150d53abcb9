import { describe, expect, it } from 'vitest';
import { validate } from '../../../src/core/validate';
import { propose } from '../src/propose';
import type { AuditResult, Phase } from '../src/types';
import { cookie, phase, request as req, SITE } from './observed';

const result = (phases: Phase[], kelisim = true): AuditResult =>
  ({ url: `https://${SITE}/`, kelisim, phases, leaks: [], unknowns: [], date: '2026-11-30T00:00:00Z', durationMs: 0 });

describe('--propose', () => {
  it('drafts from the accept phase: Google Ads ids go to advertising, other vendors\' cookies to their category', () => {
    const { config, notes } = propose(result([
      phase('before', []),
      phase('accept', [
        req('https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ9'),
        req('https://www.googletagmanager.com/gtag/js?id=AW-123456789'),
        req('https://code.jivosite.com/widget/abc'),
        req('https://www.googletagmanager.com/gtm.js'),
        req('https://cdn.unknown-widget.io/x.js'),
      ], [cookie('jv_visitor_id'), cookie('_ga'), cookie('PHPSESSID')]),
    ]), new Date('2026-11-30T12:00:00Z'));
    expect(config).toEqual({
      revision: '2026-11-30',
      categories: { necessary: { required: true }, analytics: {}, advertising: {}, functional: { cookies: ['jv_*'] } },
      counters: [
        { category: 'analytics', preset: 'gtag', id: 'G-ABC123XYZ9' },
        { category: 'advertising', preset: 'gtag', id: 'AW-123456789' },
      ],
    });
    // GTM was seen without its id: said, not guessed.
    expect(notes).toEqual([expect.stringContaining("preset: 'gtm'")]);
    const messages: string[] = [];
    validate(config, (m) => messages.push(m), (m) => messages.push(m));
    expect(messages).toEqual([]);
  });

  it('drafts from the first phase on a page without Kelisim', () => {
    const { config } = propose(result([phase('before', [req('https://mc.yandex.ru/watch/87654321?x=1')])], false));
    expect(config.counters).toEqual([{ category: 'analytics', preset: 'yandex-metrika', id: '87654321' }]);
  });
});
