import type { UIHost } from '../core/ui-host';
import { textsFor } from '../i18n';

interface Placeholder {
  frame: HTMLIFrameElement;
  box: HTMLElement;
}

/**
 * A gated iframe stays empty; in its place, a localized note and a button that allows its
 * category. Plain DOM: there is nothing here worth a component tree.
 */
export function createPlaceholders(host: UIHost, language: () => string) {
  let list: Placeholder[] = [];

  const render = ({ frame, box }: Placeholder) => {
    const t = textsFor(host.settings, language());
    const category = frame.getAttribute('data-category') || '';
    box.lang = language();
    box.firstChild!.textContent = t.placeholderText.replace('{category}', t.category(category).title);
    box.lastChild!.textContent = t.placeholderButton;
  };

  return {
    add(frames: HTMLIFrameElement[]) {
      for (const frame of frames) {
        if (list.some((p) => p.frame == frame) || !frame.parentNode) continue;
        const box = document.createElement('div');
        box.className = 'kelisim-placeholder';
        box.setAttribute('data-kelisim-placeholder', '');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'kelisim-button';
        button.onclick = () => {
          const allowed = host.settings.categories.map((c) => c.name).filter((name) => host.isAllowed(name));
          host.choose(allowed.concat(frame.getAttribute('data-category') || ''), '');
        };
        box.append(document.createElement('p'), button);
        frame.hidden = true;
        frame.parentNode.insertBefore(box, frame);
        const placeholder = { frame, box };
        list.push(placeholder);
        render(placeholder);
      }
    },
    refresh() {
      list = list.filter((placeholder) => {
        const allowed = host.isAllowed(placeholder.frame.getAttribute('data-category') || '');
        if (allowed) {
          placeholder.box.remove();
          placeholder.frame.hidden = false;
        } else {
          render(placeholder);
        }
        return !allowed;
      });
    },
    destroy() {
      for (const { frame, box } of list) {
        box.remove();
        frame.hidden = false;
      }
      list = [];
    },
  };
}
