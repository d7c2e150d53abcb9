import { Component } from 'preact';
import type { UIHost, View } from '../core/ui-host';
import { available, shownLanguage, textHash, textsFor } from './texts';
import { Banner } from './banner';
import { Dialog } from './dialog';
import { restoreFocus, trapTab } from './focus';
import { Languages } from './languages';

interface State {
  view?: View;
  language: string;
  checked: Record<string, boolean>;
  copied: boolean;
}

/** Owns what is shown; every choice goes to the host, which owns consent. */
export class Root extends Component<{ host: UIHost; languageChanged(): void }, State> {
  opener: Element | null = null;
  shown?: View;

  constructor(props: { host: UIHost; languageChanged(): void }) {
    super(props);
    this.state = { language: shownLanguage(props.host.language), checked: {}, copied: false };
  }

  open(view: View | undefined, opener?: Element | null) {
    if (view == 'preferences') {
      const host = this.props.host;
      // Off unless already allowed; Global Privacy Control keeps advertising off until switched on.
      const checked: Record<string, boolean> = {};
      for (const { name } of host.settings.categories) checked[name] = host.isAllowed(name);
      this.opener = opener || null;
      this.setState({ view, checked, copied: false });
    } else {
      this.setState({ view });
    }
  }

  override componentDidUpdate() {
    const { host } = this.props;
    const view = this.state.view;
    if (view == this.shown) return;
    const dialog = this.base && (this.base as Element).querySelector<HTMLElement>(
      view == 'preferences' ? '[data-kelisim-preferences]' : '[data-kelisim-banner][role=dialog]');
    if (dialog) dialog.focus();
    if (this.shown) host.visibility(this.shown, false);
    // Opened from the banner, which is drawn anew after the dialog: its settings button is a new element.
    if (this.shown == 'preferences') restoreFocus(this.opener || (this.base as Element).querySelector('[data-kelisim-action=preferences]'));
    if (!view) (this.base as HTMLElement).style.cssText = '';
    this.shown = view;
    if (view) host.visibility(view, true);
  }

  override componentDidMount() {
    this.componentDidUpdate();
    document.addEventListener('focusin', this.reveal);
  }

  override componentWillUnmount() {
    document.removeEventListener('focusin', this.reveal);
  }

  /**
   * WCAG 2.2 SC 2.4.11: the bar stays while the visitor tabs through the page, so what gets focus
   * under it is scrolled above it. This root, empty otherwise, becomes the room to scroll into
   * past the end of the page, for its last links.
   */
  reveal = (event: FocusEvent) => {
    const root = this.base as HTMLElement;
    const bar = root.querySelector('[role=region]');
    const target = event.target as Element;
    if (!bar || bar.contains(target)) return;
    const b = bar.getBoundingClientRect();
    const r = target.getBoundingClientRect();
    const by = r.bottom - b.top + 8;
    if (by > 0 && r.right > b.left && r.left < b.right) {
      root.style.cssText = `position:absolute;top:${scrollY + innerHeight + by}px;padding:1px`;
      scrollBy(0, by);
    }
  };

  choose(categories: string[]) {
    const { host } = this.props;
    const { language } = this.state;
    host.choose(categories, textHash(host.settings, language), undefined, language);
    // With cookies blocked the banner stays to say the choice will not be remembered.
    this.open(host.cookiesBlocked() ? 'banner' : undefined);
  }

  act = (action: string) => {
    const { host } = this.props;
    const names = host.settings.categories.map((c) => c.name);
    if (action == 'accept-all') this.choose(names);
    else if (action == 'reject-all') this.choose([]);
    else if (action == 'save') this.choose(names.filter((n) => this.state.checked[n]));
    else if (action == 'preferences') this.open('preferences');
    // Closing the dialog without an answer returns to the banner, which still needs one.
    else this.open(this.state.view == 'preferences' && (!host.consent() || host.unanswered().length) ? 'banner' : undefined);
  };

  keydown = (event: KeyboardEvent) => {
    if (event.key == 'Escape') {
      event.preventDefault();
      this.act('close');
    } else {
      trapTab(event, event.currentTarget as HTMLElement);
    }
  };

  copy = () => {
    const consent = this.props.host.consent();
    const done = () => this.setState({ copied: true });
    if (!consent) return;
    const clipboard = navigator.clipboard;
    if (clipboard) clipboard.writeText(consent.id).then(done, () => {});
    else {
      const code = (this.base as Element).querySelector('.kelisim-id');
      const range = document.createRange();
      if (code) range.selectNodeContents(code);
      const selection = getSelection();
      if (selection) {
        selection.removeAllRanges();
        selection.addRange(range);
      }
    }
  };

  /** The latest language asked for: one that arrives after a later click is not shown. */
  picking?: string;

  pick = (language: string) => {
    const { host } = this.props;
    const show = () => {
      if (this.picking != language) return;
      host.setLanguage(language);
      this.setState({ language }, this.props.languageChanged);
    };
    this.picking = language;
    // The current language stays on screen until the new one's dictionary is here.
    if (available(language)) show();
    else host.fetchTexts(language).then(show, (error) => console.error(`Kelisim: the ${language} texts could not be loaded; the banner stays in ${this.state.language}.`, error));
  };

  prepare = (language: string) => {
    // A failure here is reported by the click that needs the language.
    if (!available(language)) this.props.host.fetchTexts(language).catch(() => {});
  };

  render() {
    const { host } = this.props;
    const { view, language, checked, copied } = this.state;
    const t = textsFor(host.settings, language);
    const languages = <Languages settings={host.settings} languages={host.languages} current={language} t={t} pick={this.pick} prepare={this.prepare} />;
    return (
      <div class="kelisim" lang={language} data-kelisim-layout={host.settings.layout} data-kelisim-theme={host.settings.theme}>
        {view == 'banner' ? (
          host.settings.layout == 'modal'
            ? <div class="kelisim-backdrop" onKeyDown={(event) => trapTab(event, event.currentTarget as HTMLElement)}><Banner host={host} t={t} languages={languages} act={this.act} /></div>
            : <Banner host={host} t={t} languages={languages} act={this.act} />
        ) : null}
        {view == 'preferences' ? (
          <Dialog host={host} t={t} language={language} languages={languages} checked={checked} copied={copied}
            toggle={(name, on) => this.setState({ checked: { ...checked, [name]: on } })}
            act={this.act} copy={this.copy} keydown={this.keydown} />
        ) : null}
      </div>
    );
  }
}
