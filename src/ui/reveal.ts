/**
 * WCAG 2.2 SC 2.4.11: the bar stays while the visitor tabs through the page, so what gets focus
 * under it is scrolled above it. The UI's root, empty otherwise, becomes the room to scroll into
 * past the end of the page, for its last links.
 */
export function reveal(root: HTMLElement, target: Element): void {
  const bar = root.querySelector('[role=region]');
  if (!bar || bar.contains(target)) return;
  const b = bar.getBoundingClientRect();
  const r = target.getBoundingClientRect();
  const by = r.bottom - b.top + 8;
  if (by > 0 && r.right > b.left && r.left < b.right) {
    root.style.cssText = `position:absolute;top:${scrollY + innerHeight + by}px;padding:1px`;
    scrollBy(0, by);
  }
}
