import type { Core, Placeholders } from './prefs-api';
import { element } from '../gate/dom';
import { fill } from './fill';
import { serviceOf } from './service';

interface Placeholder {
  frame: HTMLIFrameElement;
  box: HTMLElement;
}

/**
 * The frame's own size, so nothing moves when it replaces its placeholder: the box it takes in the
 * page now (border included), or else its `width`/`height` attributes, kept as a ratio so that a
 * narrower screen scales it as it would scale the frame.
 */
function sizeLike(frame: HTMLIFrameElement, box: HTMLElement): void {
  const style = box.style;
  const rect = frame.getBoundingClientRect();
  const parent = frame.parentElement;
  let [w, h]: (string | number | null)[] = [frame.getAttribute('width'), frame.getAttribute('height')];
  if (rect.width && rect.height) {
    [w, h] = [Math.round(rect.width), Math.round(rect.height)];
    // A frame as wide as its container stays that wide on another screen.
    style.width = parent && rect.width >= parent.clientWidth - 1 ? '100%' : rect.width + 'px';
  } else if (w && h && /^\d+$/.test(w + '' + h)) {
    style.width = w + 'px';
  } else return;
  style.setProperty('aspect-ratio', `${w} / ${h}`);
  style.minHeight = '0';
  // An inline frame sits on the text's baseline, as an inline-block with scrolling does.
  if (getComputedStyle(frame).display == 'inline') style.display = 'inline-block';
}

/**
 * A gated iframe stays empty; in its place, a localized note naming the service, and a button that
 * allows its category and leaves the others unanswered. Plain DOM: there is nothing here worth a
 * component tree.
 */
export function createPlaceholders(core: Core): Placeholders {
  const { host, language } = core;
  let list: Placeholder[] = [];
  const warned: string[] = [];
  const known = (category: string) => host.settings.categories.some((c) => c.name == category);
  /**
   * The frame's ratio, unless the words and the button need more: on a narrow phone or with large
   * text they would hide in a scroll box of their own, the button cut off (WCAG 1.4.10). The box
   * stays a scroll box, which keeps an inline one on the frame's baseline, and grows in height.
   */
  const grow = (box: HTMLElement) => {
    // Without the frame's size the box has no ratio, only the stylesheet's minimum, and grows by itself.
    if (!box.style.getPropertyValue('aspect-ratio')) return;
    box.style.minHeight = '0';
    const more = box.scrollHeight - box.clientHeight;
    if (more > 0) box.style.minHeight = box.offsetHeight + more + 'px';
  };
  const resized = typeof ResizeObserver == 'function' ? new ResizeObserver((entries) => entries.forEach((e) => grow(e.target as HTMLElement))) : null;

  const render = ({ frame, box }: Placeholder) => {
    const t = core.texts(language());
    const category = frame.getAttribute('data-category') || '';
    box.lang = language();
    box.firstChild!.textContent = fill(t.placeholderText, { category: t.category(category).title, service: serviceOf(frame) });
    if (box.lastChild != box.firstChild) box.lastChild!.textContent = t.placeholderButton;
    grow(box);
  };

  return {
    add(frames: HTMLIFrameElement[]) {
      for (const frame of frames) {
        if (list.some((p) => p.frame == frame) || !frame.parentNode) continue;
        const category = frame.getAttribute('data-category') || '';
        const box = element(document, 'div');
        box.className = 'kelisim-placeholder';
        box.setAttribute('data-kelisim-placeholder', '');
        box.setAttribute('data-kelisim-theme', host.settings.theme);
        box.append(element(document, 'p'));
        if (known(category)) {
          const button = element(document, 'button');
          button.type = 'button';
          button.className = 'kelisim-button';
          // The placeholder's words are in the hash: the dictionary holds them.
          button.onclick = () => host.choose([category], core.textHash(language()), [category], language());
          box.append(button);
        } else if (warned.indexOf(category) < 0) {
          // No button: allowing a category the config lacks cannot be recorded.
          warned.push(category);
          console.warn(`Kelisim: <iframe data-category="${category}"> names a category the config lacks (${host.settings.categories.map((c) => c.name).join(', ')}); it stays empty. Add the category or fix the attribute.`);
        }
        sizeLike(frame, box);
        frame.hidden = true;
        frame.parentNode.insertBefore(box, frame);
        const placeholder = { frame, box };
        list.push(placeholder);
        render(placeholder);
        if (resized) resized.observe(box);
      }
    },
    refresh() {
      list = list.filter((placeholder) => {
        const allowed = host.isAllowed(placeholder.frame.getAttribute('data-category') || '');
        if (allowed) {
          const { box, frame } = placeholder;
          // The button pressed goes with its box: focus follows to what it showed, not to <body>.
          const had = box.contains(document.activeElement);
          if (resized) resized.unobserve(box);
          box.remove();
          frame.hidden = false;
          if (had) frame.focus();
        } else {
          render(placeholder);
        }
        return !allowed;
      });
    },
    destroy() {
      if (resized) resized.disconnect();
      for (const { frame, box } of list) {
        box.remove();
        frame.hidden = false;
      }
      list = [];
    },
  };
}
