import { isSafeUrl } from '../core/safe-url';

const SELECTOR = 'iframe[data-category][data-src]';
const BLANK = 'about:blank';

/**
 * `<iframe data-category data-src>` gets its `src` once allowed. When its category is withdrawn,
 * a frame it loaded is unloaded (to `about:blank`), so the embed stops at once without a page
 * reload. Returns the frames that wait for their category.
 *
 * A `data-src` that is not http(s) or relative (`javascript:` let through by a sanitizer that
 * trusts `data-*`) is never copied: the frame is ungated, and stays empty.
 */
export function releaseIframes(doc: Document, isAllowed: (category: string) => boolean, report: (message: string) => void): HTMLIFrameElement[] {
  const waiting: HTMLIFrameElement[] = [];
  for (const frame of Array.prototype.slice.call(doc.querySelectorAll(SELECTOR)) as HTMLIFrameElement[]) {
    const src = frame.getAttribute('src');
    const gated = frame.getAttribute('data-src')!;
    if (!isSafeUrl(gated)) {
      report(`Kelisim: refused <iframe data-src="${gated.slice(0, 60)}">: not an http(s) or relative URL.`);
      frame.removeAttribute('data-category');
    } else if (isAllowed(frame.getAttribute('data-category') || '')) {
      if (!src || src == BLANK) frame.setAttribute('src', gated);
      frame.hidden = false;
    } else if (!src || src == BLANK || src == gated) {
      if (src == gated) frame.setAttribute('src', BLANK);
      waiting.push(frame);
    }
  }
  return waiting;
}
