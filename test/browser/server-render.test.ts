import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// Next.js, Nuxt and Astro import a page's modules on the server too, where there is no window and
// no document: `createKelisim(config)` at a module's top level then runs in plain Node. These run
// the built package (dist/index.mjs, dist/index.cjs) there, as such a server would.
const root = new URL('../..', import.meta.url).pathname;

const inNode = (type: 'module' | 'commonjs', code: string) => {
  const out = execFileSync(process.execPath, ['--input-type=' + type, '-e', code], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out.trim().split('\n').pop()!);
};

// What a page's code does with the instance during a server render.
const useIt = `
  const warnings = [];
  const errors = [];
  console.warn = (...a) => warnings.push(a.join(' '));
  console.error = (...a) => errors.push(a.join(' '));
  const outcome = {};
  try {
    const consent = createKelisim({ revision: '1', counters: [{ category: 'analytics', preset: 'yandex-metrika', id: 1 }] });
    const off = consent.on('kelisim:change', () => {});
    off();
    consent.show();
    consent.acceptAll();
    outcome.allowed = consent.isAllowed('analytics');
    outcome.consent = consent.getConsent();
    outcome.again = consent.init({}) === consent;
    consent.destroy();
    const later = createKelisim();
    outcome.later = later.isAllowed('necessary');
  } catch (error) {
    outcome.threw = String(error);
  }
  outcome.warnings = warnings;
  outcome.errors = errors;
  console.log(JSON.stringify(outcome));
`;

describe('server-side rendering (plain Node, no window)', () => {
  for (const [type, load] of [
    ['module', `import { createKelisim } from 'kelisim';`],
    ['commonjs', `const { createKelisim } = require('kelisim');`],
  ] as const) {
    it(`${type}: createKelisim() does not throw, allows nothing and says once why it does nothing`, () => {
      const outcome = inNode(type, load + useIt);
      expect(outcome.threw).toBeUndefined();
      expect(outcome.allowed).toBe(false);
      expect(outcome.consent).toBeNull();
      expect(outcome.again).toBe(true);
      expect(outcome.later).toBe(false);
      expect(outcome.errors).toEqual([]);
      // Once for the instance that was asked to do something; none for one only created and read.
      expect(outcome.warnings).toHaveLength(1);
      expect(outcome.warnings[0]).toMatch(/^Kelisim: no window here \(server-side rendering\?\)/);
      expect(outcome.warnings[0]).toMatch(/in the browser/);
    });
  }
});
