import css from '../../styles/kelisim.css?inline';
import type { MountUI, View } from '../core/ui-host';
import { bodyOf, element, headOf } from '../gate/dom';
import { pageNonce } from '../gate/page-nonce';
import { bannerSection, drawBanner } from './banner';
import { el } from './build';
import { restoreFocus, trapTab } from './focus';
import { inertAround } from './inert';
import { operatorLine } from './operator';
import type { Core, Placeholders, Prefs } from './prefs-api';
import { loadPrefs } from './prefs-load';
import { reveal } from './reveal';
import { available, checkedDictionaries, languageName, shownLanguage, textHash, textsFor } from './texts';

/**
 * Puts the UI in the page: one container, first in `<body>` so that keyboard users reach the
 * banner at once (it is fixed, so the page does not move), and the stylesheet with the page's nonce.
 * The first layer is plain DOM; the dialog and the placeholders, with Preact, come in a second
 * chunk fetched when the visitor reaches for them, so that the banner costs as little as it can.
 */
export const mount: MountUI = (host) => {
  const { settings } = host;
  const styles: HTMLStyleElement[] = [];
  // 'strict-dynamic' trusts the scripts a nonced loader adds, not their styles: without a nonce
  // of the gate's own, they take the page's, as the npm build's do.
  const nonce = host.nonce || pageNonce(document);
  const addStyle = (text: string) => {
    if (!settings.css) return;
    // Through Document.prototype: `<img name="body">` in the page would otherwise hold the banner.
    const style = element(document, 'style');
    if (nonce) style.nonce = nonce;
    style.textContent = text;
    (headOf(document) || document.documentElement).appendChild(style);
    styles.push(style);
  };
  addStyle(css);
  const container = el('div', { 'data-kelisim': '' });
  // Focusable by script only: the place focus stays at once an answer has taken the banner away.
  const root = el('div', { class: 'kelisim', 'data-kelisim-layout': settings.layout, 'data-kelisim-theme': settings.theme, tabindex: '-1' });
  container.append(root);
  const body = bodyOf(document)!;
  body.insertBefore(container, body.firstChild);

  let language = shownLanguage(host.language);
  // What is on screen, what was asked for last (the dialog may still be on its way), what was announced.
  let view: View | undefined;
  let wanted: View | undefined;
  let shown: View | undefined;
  let opener: Element | null = null;
  /** What had focus outside the UI before the visitor, or the modal banner, moved it in (an autofocused field, even before the UI came). */
  let before: Element | null = document.activeElement == body ? null : document.activeElement;
  /** The UI itself is moving focus in (a modal banner or dialog opening): what had it is kept to go back to. */
  let taking = 0;
  let openings = 0;
  let section: HTMLElement | undefined;
  let prefs: Prefs | undefined;
  let placeholders: Placeholders | undefined;
  let gone = false;
  /** The latest language asked for: one that arrives after a later click is not shown. */
  let picking: string | undefined;
  /** Gives the page back when no modal view is open. */
  let uninert: (() => void) | undefined;
  const setInert = (on: boolean) => {
    if (on == !!uninert) return;
    if (uninert) uninert();
    uninert = on ? inertAround(container) : undefined;
  };
  // A modal view opened while the page was still parsing: what the parser added since is made inert too.
  const parsed = () => uninert && (setInert(false), setInert(true));
  document.addEventListener('DOMContentLoaded', parsed);

  /** Runs `then` once the second chunk is here; fetched at most once at a time, tried again after a failure. */
  const withPrefs = (then?: (p: Prefs) => void) => {
    if (prefs) return then && then(prefs);
    loadPrefs(nonce).then((p) => {
      if (gone) return;
      if (!prefs) {
        prefs = p;
        addStyle(p.css);
        placeholders = p.placeholders(core);
        p.warnAboutConfig(settings, document, checkedDictionaries());
      }
      if (then) then(p);
    }).catch((error) => console.error('Kelisim: the cookie settings could not be loaded; the banner stays.', error));
  };

  const draw = () => {
    root.lang = language;
    if (view != 'banner' && section) {
      (section.parentElement == root ? section : section.parentElement!).remove();
      section = undefined;
    }
    if (view != 'preferences' && prefs) prefs.dialog(root, core, null);
    if (view == 'banner') {
      if (!section) {
        section = bannerSection(settings.layout == 'modal');
        if (settings.layout == 'modal') {
          const backdrop = el('div', { class: 'kelisim-backdrop' }, section);
          backdrop.onkeydown = (event) => trapTab(event, backdrop);
          root.append(backdrop);
        } else root.append(section);
      }
      drawBanner(section, { host, t: textsFor(settings, language), language, act, pick, prepare, intend: () => withPrefs() });
    }
    if (view == 'preferences') prefs!.dialog(root, core, openings);
  };

  const update = () => {
    const had = root.contains(document.activeElement);
    taking = 1;
    draw();
    // Before focus goes back to the page below: an inert element cannot take it.
    setInert(view == 'preferences' || (view == 'banner' && settings.layout == 'modal'));
    if (view == shown) return taking = 0;
    const was = shown;
    shown = view;
    // A modal banner takes focus, as the dialog does when it mounts (prefs.tsx).
    if (view == 'banner' && settings.layout == 'modal') section!.focus();
    taking = 0;
    if (was) host.visibility(was, false);
    // Opened from the banner, which is drawn anew after the dialog: its settings button is a new element.
    // Unless the page, told of the answer, has put focus somewhere of its own.
    if (was == 'preferences' && had) restoreFocus(opener || root.querySelector('[data-kelisim-action=preferences]'));
    // The answer took away the control that had focus. Left on <body>, it would make screen readers
    // start the page over: it goes back to what had it before, or stays where the banner was.
    if (had && document.activeElement == body) (before && before.isConnected ? before as HTMLElement : root).focus({ preventScroll: true });
    if (!view) root.style.cssText = '';
    if (view) host.visibility(view, true);
  };

  const open = (next: View | undefined, from?: Element | null) => {
    wanted = next;
    if (next != 'preferences') {
      view = next;
      return update();
    }
    opener = from || null;
    // A click before the chunk arrives opens the dialog when it does, unless another answer came first.
    withPrefs(() => {
      if (wanted != 'preferences') return;
      openings++;
      view = next;
      update();
    });
  };

  const choose = (categories: string[]) => {
    // The page hears the answer at once, and may move focus into itself.
    setInert(false);
    host.choose(categories, textHash(settings, language), undefined, language);
    // With cookies blocked the banner stays to say the choice will not be remembered.
    open(host.cookiesBlocked() ? 'banner' : undefined);
  };

  function act(action: string, categories?: string[]) {
    const names = settings.categories.map((c) => c.name);
    if (action == 'accept-all') choose(names);
    else if (action == 'reject-all') choose([]);
    else if (action == 'save') choose(categories || []);
    else if (action == 'preferences') open('preferences');
    // Closing the dialog without an answer returns to the banner, which still needs one.
    else open(view == 'preferences' && (!host.consent() || host.unanswered().length) ? 'banner' : undefined);
  }

  function pick(next: string) {
    const show = () => {
      if (picking != next || gone) return;
      host.setLanguage(next);
      language = next;
      draw();
      if (placeholders) placeholders.refresh();
    };
    picking = next;
    // The current language stays on screen until the new one's dictionary is here.
    if (available(next)) show();
    else host.fetchTexts(next).then(show, (error) => console.error(`Kelisim: the ${next} texts could not be loaded; the banner stays in ${language}.`, error));
  }

  function prepare(next: string) {
    // A failure here is reported by the click that needs the language.
    if (!available(next)) host.fetchTexts(next).catch(() => {});
  }

  const core: Core = {
    host,
    language: () => language,
    texts: (l) => textsFor(settings, l),
    textHash: (l) => textHash(settings, l),
    languageName: (l) => languageName(settings, l),
    operatorLine,
    pick,
    prepare,
    act,
  };

  const onFocus = (event: FocusEvent) => {
    const target = event.target as Element;
    if (!root.contains(target)) before = target;
    reveal(root, target);
  };
  // Focus given up for nothing (a click on the page's text) leaves nothing to go back to; nor does
  // focus the visitor moved into the banner (a click or Tab from a field): answered, it stays where
  // the banner was, not back in a field perhaps scrolled out of sight, which would take the keys.
  const onBlur = (event: FocusEvent) => {
    const to = event.relatedTarget as Node | null;
    if (!root.contains(event.target as Node) && (!to || (!taking && root.contains(to)))) before = null;
  };
  document.addEventListener('focusin', onFocus);
  document.addEventListener('focusout', onBlur);

  return {
    showBanner() {
      open('banner');
      // Once the banner is up and the page has a moment, the settings follow, so that the dialog
      // opens at once on a click; a hover, a focus or a touch on the button asks for them sooner.
      ((window as any).requestIdleCallback || setTimeout)(() => withPrefs());
    },
    showPreferences: (from) => open('preferences', from),
    hide: () => open(undefined),
    refresh() {
      draw();
      if (placeholders) placeholders.refresh();
    },
    // A frame allowed while the chunk was on its way has been released by the gate: it keeps its content.
    placeholders: (frames) => withPrefs(() => placeholders!.add(frames.filter((f) => !host.isAllowed(f.getAttribute('data-category') || '')))),
    destroy() {
      gone = true;
      setInert(false);
      if (shown) host.visibility(shown, false);
      if (prefs) prefs.dialog(root, core, null);
      container.remove();
      for (const style of styles) style.remove();
      if (placeholders) placeholders.destroy();
      document.removeEventListener('focusin', onFocus);
      document.removeEventListener('focusout', onBlur);
      document.removeEventListener('DOMContentLoaded', parsed);
    },
  };
};
