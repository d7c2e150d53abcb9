import type { Counter, GateSettings as Settings } from '../core/config';

type Page = Window & Record<string, any>;

export interface PresetContext {
  /** The page's window, typed loosely because vendors hang globals on it. */
  w: Page;
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
  /** The same by Consent Mode type, for Google: deleted when no allowed category grants the type. */
  types?: Record<string, string[]>;
  /** Create the vendor's queue stub so page calls made before consent are held, not sent. */
  stub(ctx: PresetContext): void;
  /**
   * Allowed: the vendor's init, then held calls in order, then the loader from its real URL. `more`
   * when another id of the vendor starts with the same choice: the held calls wait for its grant.
   */
  grant(ctx: PresetContext, more?: boolean): void;
  /**
   * Refused (`withdrawn` false) or withdrawn after it ran (`withdrawn` true): drop held calls, revoke.
   * `shared` when another id of the vendor is still allowed: nothing changes for the vendor.
   */
  deny(ctx: PresetContext, withdrawn: boolean, shared?: boolean): void;
  /** Consent signals for vendors that take them (Consent Mode `update`). */
  sync?(ctx: PresetContext, allowed: string[]): void;
}

/**
 * What sets one vendor apart, as its own snippet and help pages describe it; `preset()` in
 * engine.ts makes the behaviour every vendor shares out of it. Calls made through the page's
 * globals (`w.fbq(…)`) reach the vendor: while they run the vendor counts as allowed.
 */
export interface Descriptor {
  /** The vendor as the console names it when its script fails to load. */
  vendor: string;
  /** The loader's URL; `{id}` stands for the counter id. */
  src: string;
  /** Attributes the vendor's own snippet gives its script element. */
  attributes?: Record<string, string>;
  /** One loader per counter id, not one per page. */
  perId?: 1;
  /** The vendor's init calls for one id, made once per id and page; `first` for the page's first. */
  init(w: Page, id: string, options: Record<string, unknown>, first: boolean): void;
  /** The call that tells a loaded vendor of a withdrawal, and of a new consent after one. */
  revoke?(w: Page): void;
  regrant?(w: Page): void;
  /** The rest of the stub, where it needs the vendor's code; true to start at once. */
  stub?(ctx: PresetContext): boolean | void;
  sync?(ctx: PresetContext, allowed: string[]): void;
  /** True when a refusal must leave it running (Consent Mode advanced sends cookieless pings). */
  keep?(ctx: PresetContext): boolean;
}
