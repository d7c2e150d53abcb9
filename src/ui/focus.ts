const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),[tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab wrap inside `box`, as WAI-ARIA's modal dialog pattern asks. */
export function trapTab(event: KeyboardEvent, box: HTMLElement): void {
  if (event.key != 'Tab') return;
  const items = Array.prototype.slice.call(box.querySelectorAll(FOCUSABLE)) as HTMLElement[];
  const first = items[0];
  const last = items[items.length - 1];
  const active = box.ownerDocument.activeElement;
  if (!first) return;
  // Backwards from the first control or from no control (the modal banner itself has focus on
  // opening, inside the backdrop that holds the trap), round to the last.
  if (event.shiftKey ? items.indexOf(active as HTMLElement) < 1 : active == last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

/** Give focus back to what opened the dialog, if it is still on the page. */
export function restoreFocus(opener: Element | null | undefined): void {
  if (opener && (opener as HTMLElement).focus && opener.isConnected) (opener as HTMLElement).focus();
}
