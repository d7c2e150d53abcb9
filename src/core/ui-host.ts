import type { ConsentRecord } from '../types';
import type { Settings } from './config';

export type View = 'banner' | 'preferences';

/**
 * Where the UI chunk hands over `mount` to the script-tag gate. A symbol, not a name:
 * `<div id="KelisimUI">` would put an element on `window.KelisimUI`, and the chunk would never load.
 */
export const UI = Symbol.for('kelisim.ui');

/**
 * What the gate hands to the lazily loaded UI chunk. Field names carry no leading underscore
 * on purpose: the gate and the UI are minified separately, so shared names must not be mangled.
 */
export interface UIHost {
  settings: Settings;
  /** Resolved language of the page view. */
  language: string;
  /** Selectable languages: ru, kk, en, then any added through `texts`. */
  languages: string[];
  /** Nonce of the script tag that loaded Kelisim, for injected `<style>`. */
  nonce?: string;
  consent(): ConsentRecord | null;
  isAllowed(category: string): boolean;
  /** Categories added to the config since the visitor's last choice: they are asked about. */
  unanswered(): string[];
  /** Global Privacy Control is on and honoured: advertising starts off. */
  gpc: boolean;
  /** The consent cookie cannot be written: the choice holds only for this page view. */
  cookiesBlocked(): boolean;
  /**
   * Record a choice: exactly these categories allowed (required ones are added), the rest refused;
   * with `answered`, only those categories are answered and the others keep their answer or none.
   * `language` is the one the visitor read, when it is not the host's: its dictionary did not
   * arrive and the words were Russian, so the record must say so.
   */
  choose(categories: string[], textHash: string, answered?: string[], language?: string): void;
  /** Fetch a built-in language's dictionary (once); resolves when the UI can show it. */
  fetchTexts(language: string): Promise<void>;
  /** Remember the visitor's language choice. */
  setLanguage(language: string): void;
  /** Report that a view appeared or went, so the host fires `kelisim:show` / `kelisim:hide`. */
  visibility(view: View, shown: boolean): void;
}

export interface UIController {
  showBanner(): void;
  /** Opens the dialog; focus returns to `opener` (or the previously focused element) on close. */
  showPreferences(opener?: Element | null): void;
  hide(): void;
  /** Consent or language changed: re-render what is shown. */
  refresh(): void;
  /** Show a localized placeholder with an "allow" button inside each gated, not yet allowed iframe. */
  placeholders(frames: HTMLIFrameElement[]): void;
  destroy(): void;
}

export type MountUI = (host: UIHost) => UIController;
