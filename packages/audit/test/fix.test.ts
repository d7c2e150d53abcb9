import { describe, expect, it } from 'vitest';
import { findingsOf, idsSeen } from '../src/findings';
import { renderHtml } from '../src/report/html';
import { renderText } from '../src/report/text';
import type { AuditResult, Phase } from '../src/types';
import { cookie as observedCookie, phase, request, SITE } from './observed';

const req = (url: string) => request(url, 'inline script at /:12');
const cookie = (name: string) => observedCookie(name, undefined, 'not known');
const result = (phases: Phase[]): AuditResult => {
  const ids = idsSeen(phases);
  return {
    url: `https://${SITE}/`, kelisim: false, phases, unknowns: [], date: '2026-11-30T00:00:00Z', durationMs: 0,
    leaks: phases.flatMap((p) => findingsOf(p, 'leak', ids)),
  };
};

// Meta's loader carries no pixel id in its URL; only its hits do (facebook.com/tr?id=…).
const loaderOnly = () => result([phase('before', [req('https://connect.facebook.net/en_US/fbevents.js')], [cookie('_fbp')])]);
// The catalog's example id, which a site owner would otherwise paste as their own.
const EXAMPLE = '123456789012345';

describe('the fix for a counter whose id no request showed', () => {
  it('puts a placeholder in the code, never an example id, in the JSON fix', () => {
    const { leaks } = loaderOnly();
    expect(leaks.map((l) => [l.kind, l.fix?.preset, l.fix?.id])).toEqual([['request', 'meta-pixel', undefined], ['cookie', 'meta-pixel', undefined]]);
    expect(leaks[0].fix!.text).toContain("counters: [{ category: 'advertising', preset: 'meta-pixel', id: 'YOUR_ID' }]");
    expect(leaks[0].fix!.text).toContain("replace it with your own. It is in the snippet you remove (fbq('init', '…'))");
    expect(JSON.stringify(leaks)).not.toContain(EXAMPLE);
  });

  it('tells the site owner in Russian and Kazakh to put in their own id, and where it is', () => {
    const ru = renderHtml([loaderOnly()], 'ru');
    expect(ru).toContain('<code>[{ category: &#39;advertising&#39;, preset: &#39;meta-pixel&#39;, id: &#39;НОМЕР_СЧЁТЧИКА&#39; }]</code>');
    expect(ru).toContain('<strong>Номер счётчика Meta Pixel не встретился ни в одном запросе страницы, поэтому вместо номера в коде стоит НОМЕР_СЧЁТЧИКА — замените его своим. '
      + 'Он есть в коде, который вы убираете (<code>fbq(&#39;init&#39;, &#39;…&#39;)</code>), и в личном кабинете сервиса (business.facebook.com/events_manager).</strong>');
    const kk = renderHtml([loaderOnly()], 'kk');
    expect(kk).toContain('id: &#39;ҚҰРАЛ_НӨМІРІ&#39; }]</code>');
    expect(kk).toContain('<strong>Meta Pixel құралының нөмірі беттің бірде-бір сұранысында кездеспеді, сондықтан кодта нөмірдің орнында ҚҰРАЛ_НӨМІРІ тұр — оны өз нөміріңізбен алмастырыңыз. '
      + 'Нөміріңіз сіз алып тастайтын кодта (<code>fbq(&#39;init&#39;, &#39;…&#39;)</code>) және қызметтің жеке кабинетінде (business.facebook.com/events_manager) бар.</strong>');
    for (const html of [ru, kk, renderHtml([loaderOnly()], 'en')]) expect(html).not.toContain(EXAMPLE);
  });

  it('says so in the terminal too, where the fix column is cut short', () => {
    const text = renderText(loaderOnly());
    expect(text).toContain("id needed: No request of the page carried its Meta Pixel id, so the fix has YOUR_ID where the id goes: replace it with your own. "
      + "It is in the snippet you remove (fbq('init', '…')) and in your account (business.facebook.com/events_manager).");
    expect(text.match(/id needed/g)).toHaveLength(1);
    expect(text).not.toContain(EXAMPLE);
  });

  it('shows the page\'s own id when any phase\'s request carried it, with no placeholder', () => {
    const seen = result([
      phase('before', [req(`https://www.facebook.com/tr?id=987654321098765&ev=PageView`)]),
      phase('withdraw', [], [cookie('_fbp')]),
    ]);
    expect(seen.leaks.map((l) => [l.phase, l.kind, l.fix?.id])).toEqual([['before', 'request', '987654321098765'], ['withdraw', 'cookie', '987654321098765']]);
    const ru = renderHtml([seen], 'ru');
    expect(ru).toContain('id: &#39;987654321098765&#39; }]</code>');
    expect(ru).not.toContain('НОМЕР_СЧЁТЧИКА');
    expect(renderText(seen)).not.toContain('id needed');
  });
});
