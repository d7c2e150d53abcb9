import type { UIHost } from '../core/ui-host';
import type { Texts } from '../i18n/compose';
import { button, el } from './build';
import { fill } from './fill';
import { operatorLine } from './operator';
import { languageName } from './texts';

export interface BannerProps {
  host: UIHost;
  t: Texts;
  language: string;
  act(action: 'accept-all' | 'reject-all' | 'preferences' | 'close'): void;
  pick(language: string): void;
  /** A hint that the visitor may switch: the dictionary is fetched before the click. */
  prepare(language: string): void;
  /** A hint that the visitor may open the settings: the dialog's chunk is fetched before the click. */
  intend(): void;
}

/** How to find a control again once the banner is drawn anew, to give it back its focus. */
const keyOf = (node: Element): string => {
  const action = node.getAttribute('data-kelisim-action');
  return action ? `[data-kelisim-action="${action}"]` : node.getAttribute('lang') ? `[lang="${node.getAttribute('lang')}"]` : 'a';
};

/** The banner's own element, once per showing: a labelled region, or a modal dialog in the `modal` layout. */
export const bannerSection = (modal: boolean): HTMLElement => el('section', {
  class: 'kelisim-banner',
  'data-kelisim-banner': '',
  role: modal ? 'dialog' : 'region',
  'aria-modal': modal ? 'true' : undefined,
  'aria-labelledby': modal ? 'kelisim-banner-title' : undefined,
  tabindex: '-1',
});

/** Рус / Қаз / Eng: each option in its own `lang`, so screen readers pronounce it right. */
function languages({ host, t, language, pick, prepare }: BannerProps): HTMLElement {
  return el('div', { class: 'kelisim-langs', role: 'group', 'aria-label': t.languageLabel }, ...host.languages.map((option) => {
    const node = button({ lang: option, 'aria-pressed': String(option == language) }, languageName(host.settings, option), () => pick(option));
    node.onmouseenter = node.onfocus = () => prepare(option);
    return node;
  }));
}

/**
 * A labelled, non-modal region (a modal dialog only in the `modal` layout). The first layer is
 * short enough for a phone: what the cookies are for, who asks, and accept and reject side by side
 * in the same style, so neither is nudged; settings is a smaller button in the text. Drawn anew in
 * place on every change, in the same `<section>` so that its entry animation does not run again.
 */
export function drawBanner(section: HTMLElement, props: BannerProps): void {
  const { host, t, act, intend } = props;
  const { settings } = host;
  const modal = settings.layout == 'modal';
  const consent = host.consent();
  const blocked = host.cookiesBlocked() && !!consent;
  const optional = settings.categories.filter((c) => !c.required).map((c) => c.name);
  const unanswered = host.unanswered();
  // "New categories since your last visit" only after a full choice: a placeholder's button answers
  // one category, by allowing it, so an earlier refusal or two answers mean the visitor chose once.
  const answered = optional.filter((n) => unanswered.indexOf(n) < 0);
  const asking = consent && unanswered.length && (consent.denied.length || answered.length > 1);
  const operator = settings.operator;
  const focused = document.activeElement;
  const again = focused && focused != section && section.contains(focused) ? keyOf(focused) : '';

  if (!modal) section.setAttribute('aria-label', t.bannerLabel);
  let settingsButton: HTMLButtonElement | null = null;
  if (!blocked) {
    settingsButton = button({ class: 'kelisim-inline', 'data-kelisim-action': 'preferences' }, t.settings, () => act('preferences'));
    settingsButton.onmouseenter = settingsButton.onfocus = settingsButton.ontouchstart = intend;
  }
  const href = settings.policyUrl;
  section.textContent = '';
  section.append(
    el('div', { class: 'kelisim-head' },
      el('h2', { class: 'kelisim-title', id: 'kelisim-banner-title' }, t.bannerTitle),
      languages(props)),
    el('p', { class: 'kelisim-text' },
      t.bannerText,
      optional.length ? ' ' + fill(t.bannerPurposes, { purposes: optional.map(t.purpose).join(', ') }) : '',
      ' ',
      href && el('a', { class: 'kelisim-link', href }, t.policyLink),
      settingsButton),
  );
  if (operator) section.append(el('p', { class: 'kelisim-operator' }, t.operator, ': ', operatorLine(operator, t)));
  if (asking) section.append(el('p', { class: 'kelisim-text' }, el('strong', {}, t.bannerNewCategories)));
  section.append(blocked
    ? el('div', { class: 'kelisim-actions' },
      el('p', { class: 'kelisim-note', role: 'status' }, t.cookiesBlocked),
      button({ class: 'kelisim-button', 'data-kelisim-action': 'close' }, t.close, () => act('close')))
    : el('div', { class: 'kelisim-actions kelisim-choices' },
      button({ class: 'kelisim-button', 'data-kelisim-action': 'accept-all' }, t.acceptAll, () => act('accept-all')),
      button({ class: 'kelisim-button', 'data-kelisim-action': 'reject-all' }, t.rejectAll, () => act('reject-all'))));
  const target = again && section.querySelector<HTMLElement>(again);
  if (target) target.focus();
}
