// Assembles the benchmark pages: one landing page, five ways of asking for consent.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { VARIANTS } from './variants.mjs';

const dir = fileURLToPath(new URL('../pages/', import.meta.url));
const MARK = '<!--consent:body-end-->';

/** The HTML of one variant: the shared landing page with the variant's head and end-of-body snippets. */
export function pageHtml(variant) {
  if (!Object.hasOwn(VARIANTS, variant)) throw new Error(`unknown variant ${variant}`);
  const landing = readFileSync(dir + 'landing.html', 'utf8');
  const snippet = readFileSync(`${dir}variants/${variant}.html`, 'utf8')
    .replace(/<!--(?!consent:)[\s\S]*?-->\n?/g, ''); // notes for readers, not shipped
  const [head, end = ''] = snippet.split(MARK);
  return landing
    .replace('<!--consent:head-->\n', head.trim() ? head.trim() + '\n' : '')
    .replace(MARK + '\n', end.trim() ? end.trim() + '\n' : '');
}
