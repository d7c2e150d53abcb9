import type { Counter, Settings } from '../core/config';

export interface PresetContext {
  /** The page's window, typed loosely because vendors hang globals on it. */
  w: Window & Record<string, any>;
  counter: Counter;
  settings: Settings;
  /** Inject a script carrying the page's nonce; resolves on load, rejects on error. */
  load(src: string, attributes?: Record<string, string>): Promise<void>;
}

/**
 * One counter vendor. The gate calls `stub` at init for every configured counter, then exactly one
 * of `grant` / `deny` each time the counter's category is decided, and `sync` after every choice
 * and on every page view that has one.
 */
export interface Preset {
  /** The vendor's own first-party cookie patterns, deleted on withdrawal without being listed. */
  cookies: string[];
  /** Create the vendor's queue stub so page calls made before consent are held, not sent. */
  stub(ctx: PresetContext): void;
  /** Allowed: the vendor's init, then held calls in order, then the loader from its real URL. */
  grant(ctx: PresetContext): void;
  /** Refused (`withdrawn` false) or withdrawn after it ran (`withdrawn` true): drop held calls, revoke. */
  deny(ctx: PresetContext, withdrawn: boolean): void;
  /** Consent signals for vendors that take them (Consent Mode `update`). */
  sync?(ctx: PresetContext, allowed: string[]): void;
}
