import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validate } from '../../src/core/validate';

/** Each `KelisimConfig` key with the `@default` of its JSDoc, read from the source of the types. */
function documentedDefaults(): Map<string, string> {
  const source = readFileSync('src/types.ts', 'utf8');
  const body = source.slice(source.indexOf('export interface KelisimConfig'));
  const block = body.slice(0, body.indexOf('\n}\n'));
  const found = new Map<string, string>();
  const pattern = /\/\*\*([\s\S]*?)\*\/\s*\n\s*(\w+)\?:/g;
  for (let match = pattern.exec(block); match; match = pattern.exec(block)) {
    const tag = match[1].match(/@default (.+?)\s*(\*\/|\n|$)/);
    found.set(match[2], tag ? tag[1].trim() : '');
  }
  return found;
}

function readmeRows(): Map<string, string> {
  const readme = readFileSync('README.md', 'utf8');
  const table = readme.slice(readme.indexOf('<!-- config:start -->'), readme.indexOf('<!-- config:end -->'));
  const rows = new Map<string, string>();
  for (const line of table.split('\n')) {
    const cells = line.match(/^\| `(\w+)` \| `(.+?)` \|/);
    if (cells) rows.set(cells[1], cells[2]);
  }
  return rows;
}

describe('configuration reference', () => {
  const types = documentedDefaults();

  it('documents every config key with a default in the types', () => {
    expect([...types.keys()]).toContain('consentMode');
    for (const [key, value] of types) expect(value, `@default of ${key}`).not.toBe('');
  });

  it("the README's table lists exactly the typed keys, with the same defaults", () => {
    const readme = readmeRows();
    expect([...readme.keys()]).toEqual([...types.keys()]);
    for (const [key, value] of types) expect(readme.get(key), key).toBe(value);
  });

  it('each documented default is what validation really uses', () => {
    const settings = validate(undefined, () => {}, () => {}) as unknown as Record<string, unknown>;
    for (const [key, text] of types) {
      const documented = new Function(`return (${text})`)();
      if (key == 'categories') {
        const names = Object.keys(documented);
        expect((settings.categories as { name: string; required: boolean }[]).map((c) => [c.name, c.required]))
          .toEqual(names.map((n) => [n, !!documented[n].required]));
      } else if (documented && typeof documented == 'object') {
        expect(settings[key], key).toMatchObject(documented);
      } else {
        expect(settings[key], key).toEqual(documented);
      }
    }
  });
});
