import { Component, render } from 'preact';
import css from '../../styles/kelisim-prefs.css?inline';
import { Dialog } from './dialog';
import { Languages } from './dialog-languages';
import { trapTab } from './focus';
import { createPlaceholders } from './placeholders';
import type { Core, Prefs } from './prefs-api';
import { warnAboutConfig } from './warnings';

interface State {
  checked: Record<string, boolean>;
  copied: boolean;
}

/** The dialog's own state: the switches not yet saved, and whether the consent id was copied. */
class Preferences extends Component<{ core: Core }, State> {
  constructor(props: { core: Core }) {
    super(props);
    const { host } = props.core;
    // Off unless already allowed; Global Privacy Control keeps advertising off until switched on.
    const checked: Record<string, boolean> = {};
    for (const { name } of host.settings.categories) checked[name] = host.isAllowed(name);
    this.state = { checked, copied: false };
  }

  /** A modal dialog takes focus when it opens. */
  override componentDidMount() {
    ((this.base as Element).firstChild as HTMLElement).focus();
  }

  keydown = (event: KeyboardEvent) => {
    if (event.key == 'Escape') {
      event.preventDefault();
      this.props.core.act('close');
    } else {
      trapTab(event, event.currentTarget as HTMLElement);
    }
  };

  copy = () => {
    const consent = this.props.core.host.consent();
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

  act = (action: 'accept-all' | 'reject-all' | 'save' | 'close') => {
    const { core } = this.props;
    const { checked } = this.state;
    core.act(action, action == 'save' ? core.host.settings.categories.map((c) => c.name).filter((n) => checked[n]) : undefined);
  };

  render() {
    const { core } = this.props;
    const { checked, copied } = this.state;
    const language = core.language();
    const t = core.texts(language);
    return (
      <Dialog host={core.host} t={t} language={language} checked={checked} copied={copied}
        languages={<Languages languages={core.host.languages} current={language} t={t} name={core.languageName} pick={core.pick} prepare={core.prepare} />}
        toggle={(name, on) => this.setState({ checked: { ...checked, [name]: on } })}
        act={this.act} copy={this.copy} keydown={this.keydown} operatorLine={core.operatorLine} />
    );
  }
}

export const prefs: Prefs = {
  css,
  dialog(root, core, opening) {
    render(opening == null ? null : <Preferences key={opening} core={core} />, root);
  },
  placeholders: createPlaceholders,
  warnAboutConfig,
};
