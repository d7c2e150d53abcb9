import { element, headOf } from './dom';
import { loadable, trusted } from './trusted';

/** Append a script carrying the page's nonce; resolves on load, rejects on a network or CSP error. */
export function loadScript(
  doc: Document,
  src: string,
  nonce?: string,
  attributes: Record<string, string> = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!loadable(src, doc)) throw new Error(`refused ${src}: not an http(s) or relative URL`);
    const script = element(doc, 'script');
    for (const key of Object.keys(attributes)) script.setAttribute(key, attributes[key]);
    if (nonce) script.nonce = nonce;
    script.async = true;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`failed to load ${src}`));
    script.src = trusted(src);
    (headOf(doc) || doc.documentElement).appendChild(script);
  });
}
