const SELECTOR = 'iframe[data-category][data-src]';
const BLANK = 'about:blank';

/**
 * `<iframe data-category data-src>` gets its `src` once allowed. When its category is withdrawn,
 * a frame it loaded is unloaded (to `about:blank`), so the embed stops at once without a page
 * reload. Returns the frames that wait for their category.
 */
export function releaseIframes(doc: Document, isAllowed: (category: string) => boolean): HTMLIFrameElement[] {
  const waiting: HTMLIFrameElement[] = [];
  for (const frame of Array.prototype.slice.call(doc.querySelectorAll(SELECTOR)) as HTMLIFrameElement[]) {
    const src = frame.getAttribute('src');
    const gated = frame.getAttribute('data-src')!;
    if (isAllowed(frame.getAttribute('data-category') || '')) {
      if (!src || src == BLANK) frame.setAttribute('src', gated);
      frame.hidden = false;
    } else if (!src || src == BLANK || src == gated) {
      if (src == gated) frame.setAttribute('src', BLANK);
      waiting.push(frame);
    }
  }
  return waiting;
}
