const SELECTOR = 'iframe[data-category][data-src]';

/** `<iframe data-category data-src>` gets its `src` once allowed; returns the ones still waiting. */
export function releaseIframes(doc: Document, isAllowed: (category: string) => boolean): HTMLIFrameElement[] {
  const waiting: HTMLIFrameElement[] = [];
  for (const frame of Array.prototype.slice.call(doc.querySelectorAll(SELECTOR)) as HTMLIFrameElement[]) {
    if (isAllowed(frame.getAttribute('data-category') || '')) {
      if (!frame.getAttribute('src')) frame.setAttribute('src', frame.getAttribute('data-src')!);
      frame.hidden = false;
    } else if (!frame.getAttribute('src')) {
      waiting.push(frame);
    }
  }
  return waiting;
}
