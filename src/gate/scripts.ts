import { isSafeUrl } from '../core/safe-url';
import { element, GATED_SCRIPT as SELECTOR } from './dom';
import { trusted } from './trusted';

/**
 * Runs `<script type="text/plain" data-category>` (vanilla-cookieconsent's markup) once its
 * category is allowed, in document order: a `src` script without `async` is awaited before the
 * next one runs, as the parser would have done. Each is replaced by a live copy keeping every
 * attribute but `type` (`data-type` gives the real one, e.g. `module`).
 *
 * An inline script gets only its own nonce, never Kelisim's: lending ours would let injected
 * markup bypass a strict CSP. A `src` that is not http(s) or relative (a `data:` URL runs as a
 * script) is refused, and the element is left inert.
 */
export function createScriptGate(
  doc: Document,
  isAllowed: (category: string) => boolean,
  ran: (category: string) => void,
  report: (message: string) => void,
) {
  let running = false;
  let again = false;

  const activate = (old: HTMLScriptElement): Promise<void> | void => {
    // `data-src` is vanilla-cookieconsent's spelling of a gated `src`.
    const src = old.getAttribute('src') || old.getAttribute('data-src');
    if (src && !isSafeUrl(src)) {
      old.removeAttribute('data-category');
      return report(`Kelisim: refused <script src="${src.slice(0, 60)}">: not an http(s) or relative URL.`);
    }
    const script = element(doc, 'script');
    for (const { name, value } of Array.prototype.slice.call(old.attributes) as Attr[]) {
      // `src` is set below, through the Trusted Types policy.
      if (name != 'type' && name != 'nonce' && name != 'src') script.setAttribute(name, value);
    }
    const type = old.getAttribute('data-type');
    if (type) script.type = type;
    if (old.nonce) script.nonce = old.nonce;
    const waits = !!src && !old.hasAttribute('async');
    const done = waits ? new Promise<void>((resolve) => {
      script.onload = script.onerror = () => resolve();
    }) : undefined;
    if (src) {
      script.async = old.hasAttribute('async');
      script.src = trusted(src);
    } else script.text = trusted(old.text, 1);
    ran(old.getAttribute('data-category') || '');
    old.parentNode!.replaceChild(script, old);
    return done;
  };

  async function scan(): Promise<void> {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const pending = Array.prototype.slice.call(doc.querySelectorAll(SELECTOR)) as HTMLScriptElement[];
        for (const old of pending) {
          if (old.parentNode && isAllowed(old.getAttribute('data-category') || '')) await activate(old);
        }
      } while (again);
    } finally {
      running = false;
    }
  }

  return { scan };
}
