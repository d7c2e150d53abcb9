import type { UIHost } from '../core/ui-host';
import type { Dictionaries, Texts } from '../i18n/compose';
import type { Settings } from '../core/config';

/**
 * What kelisim-ui.js lends the second chunk, kelisim-prefs.js: the texts, their hash and the
 * operator's line come from the first chunk, so that the second carries no dictionary of its own.
 */
export interface Core {
  host: UIHost;
  /** The language on screen. */
  language(): string;
  texts(language: string): Texts;
  textHash(language: string): string;
  /** The switch's label of a language that may not have arrived yet. */
  languageName(language: string): string;
  operatorLine(operator: { name: string; id?: string }, t: Texts): string;
  /** Switch to `language` once its dictionary is here. */
  pick(language: string): void;
  /** Fetch `language`'s dictionary before the click that needs it. */
  prepare(language: string): void;
  /** `save` carries the categories switched on. */
  act(action: 'accept-all' | 'reject-all' | 'save' | 'close', categories?: string[]): void;
}

export interface Placeholders {
  add(frames: HTMLIFrameElement[]): void;
  refresh(): void;
  destroy(): void;
}

/** The second chunk: what the first layer does not need. */
export interface Prefs {
  /** Its stylesheet, injected after the first layer's. */
  css: string;
  /**
   * Draws the dialog into `root` (which holds nothing else meanwhile), or takes it away with null.
   * `opening` changes on each opening, so that the switches start again from the stored choice.
   */
  dialog(root: Element, core: Core, opening: number | null): void;
  placeholders(core: Core): Placeholders;
  /** Tells the site owner of the config's mistakes in the console (see warnings.ts). */
  warnAboutConfig(settings: Settings, doc: Document, dictionaries: Dictionaries): void;
}

/** Where kelisim-prefs.js hands itself over, as kelisim-ui.js does on `Symbol.for('kelisim.ui')`. */
export const PREFS = Symbol.for('kelisim.prefs');
