/**
 * The nonce of the page's first script that has one. A bundle has no script tag of its own to take
 * a nonce from, nor has a gate that a nonced loader added ('strict-dynamic'); under a nonce-based
 * CSP the page's scripts carry one, and browsers expose it only as the `nonce` property.
 */
export function pageNonce(doc: Document): string | undefined {
  const script = doc.querySelector<HTMLScriptElement>('script[nonce]');
  return (script && (script.nonce || script.getAttribute('nonce'))) || undefined;
}
