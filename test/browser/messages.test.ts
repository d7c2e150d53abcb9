import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, consoleMessages, startSession, type Session } from './harness';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session.close());

const page = (config: object) => `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Курсы</title>
<script>window.kelisimConfig = ${JSON.stringify(config)};</script><script src="/dist/kelisim.js"></script></head>
<body><main><h1>Курсы визажа</h1></main></body></html>`;

async function open(config: object, block = false) {
  const visitor = await session.context();
  const tab = await visitor.newPage();
  const errors = consoleMessages(tab, 'error');
  if (block) await tab.route('**/kelisim-messages.js', (route) => route.fulfill({ status: 404, body: '' }));
  await tab.goto(session.page(page(config)));
  await tab.locator('[data-kelisim-banner]').waitFor();
  return { visitor, errors };
}

describe('the words of config mistakes come only with a mistake', () => {
  it('a right config fetches no kelisim-messages.js', async () => {
    const { visitor, errors } = await open({ revision: '1', categories: CATEGORIES });
    expect(visitor.local.filter((p) => p.includes('kelisim-messages'))).toEqual([]);
    expect(errors).toEqual([]);
    await visitor.context.close();
  });

  it('a wrong value gets its full message, naming the field, the value and what is allowed, before the banner shows', async () => {
    const { visitor, errors } = await open({ revision: '1', categories: CATEGORIES, layout: 'sidebar', counters: [{ category: 'analytics', preset: 'ym' }] });
    expect(visitor.local.filter((p) => p.includes('kelisim-messages'))).toEqual(['/dist/kelisim-messages.js']);
    expect(errors).toContain(`Kelisim: config.layout = "sidebar" is not allowed; expected 'bar' | 'box' | 'modal'. Using the default.`);
    expect(errors.some((e) => e.startsWith('Kelisim: config.counters[0].preset = "ym" is not allowed; expected yandex-metrika | gtag')
      && e.endsWith('This counter is dropped.'))).toBe(true);
    await visitor.context.close();
  });

  it('when the words cannot be loaded, the message still names the field and the value', async () => {
    const { visitor, errors } = await open({ revision: '1', categories: CATEGORIES, policyUrl: 'javascript:alert(1)' }, true);
    expect(errors.some((e) => e.includes('config.policyUrl = "javascript:alert(1)" is not allowed'))).toBe(true);
    await visitor.context.close();
  });
});
