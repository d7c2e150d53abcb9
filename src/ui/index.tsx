import { render } from 'preact';
import css from '../../styles/kelisim.css?inline';
import type { MountUI } from '../core/ui-host';
import { bodyOf, element, headOf } from '../gate/dom';
import { createPlaceholders } from './placeholders';
import { Root } from './root';
import { shownLanguage } from './texts';
import { warnAboutConfig } from './warnings';

/**
 * Puts the UI in the page: one container, first in `<body>` so that keyboard users reach the
 * banner at once (it is fixed, so the page does not move), and the stylesheet with the page's nonce.
 */
export const mount: MountUI = (host) => {
  // Through Document.prototype: `<img name="body">` in the page would otherwise hold the banner.
  const style = element(document, 'style');
  if (host.nonce) style.nonce = host.nonce;
  style.textContent = css;
  if (host.settings.css) (headOf(document) || document.documentElement).appendChild(style);
  const container = element(document, 'div');
  container.setAttribute('data-kelisim', '');
  const body = bodyOf(document)!;
  body.insertBefore(container, body.firstChild);

  warnAboutConfig(host.settings, document);
  let root: Root | null = null;
  const placeholders = createPlaceholders(host, () => (root ? root.state.language : shownLanguage(host.language)));
  render(<Root host={host} languageChanged={() => placeholders.refresh()} ref={(r: Root | null) => { root = r; }} />, container);

  return {
    showBanner: () => root!.open('banner'),
    showPreferences: (opener) => root!.open('preferences', opener),
    hide: () => root!.open(undefined),
    refresh() {
      root!.forceUpdate();
      placeholders.refresh();
    },
    placeholders: (frames) => placeholders.add(frames),
    destroy() {
      if (root && root.state.view) host.visibility(root.state.view, false);
      render(null, container);
      container.remove();
      style.remove();
      placeholders.destroy();
    },
  };
};
