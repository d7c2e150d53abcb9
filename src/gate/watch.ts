const GATED = 'script[type="text/plain"][data-category],iframe[data-category][data-src]';

/**
 * Calls `changed` when gated scripts or iframes are added later (SPAs, tag managers). Without a
 * working MutationObserver (missing, or replaced by one that throws), markup added later waits
 * for the next choice.
 */
export function watchDocument(doc: Document, changed: () => void, report: (message: string, error?: unknown) => void): () => void {
  try {
    const observer = new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const node of Array.prototype.slice.call(mutation.addedNodes) as Node[]) {
          if (node.nodeType == 1 && ((node as Element).matches(GATED) || (node as Element).querySelector(GATED))) {
            return changed();
          }
        }
      }
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true });
    return () => observer.disconnect();
  } catch (error) {
    report('Kelisim: no MutationObserver; markup added later waits for the next choice.', error);
    return () => {};
  }
}
