/** Languages shipped with full texts. Others can be added through `texts.<lang>`. */
export type BuiltInLanguage = 'ru' | 'kk' | 'en';
export type Language = BuiltInLanguage | (string & {});

/** Counter vendors Kelisim knows how to gate. */
export type PresetName = 'yandex-metrika' | 'gtag' | 'gtm' | 'vk-pixel' | 'meta-pixel' | 'tiktok-pixel';

export type KelisimEventName = 'kelisim:consent' | 'kelisim:change' | 'kelisim:show' | 'kelisim:hide';

/** Google Consent Mode v2 consent types. */
export type GoogleConsentType =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

export interface CategoryTexts {
  title?: string;
  description?: string;
}

export interface CategoryConfig {
  /** Always on, shown locked. @default false */
  required?: boolean;
  /** Cookie name patterns (`'_ga*'`) deleted on this host and its parent domains when withdrawn. @default [] */
  cookies?: string[];
  /** Per-language title and description, overriding the built-in ones. @default {} */
  texts?: Partial<Record<Language, CategoryTexts>>;
}

/** The categories a config without `categories` has. */
export type DefaultCategory = 'necessary' | 'analytics' | 'advertising';

interface CounterCommon<C extends string = string> {
  /** The category that must be allowed before this counter runs. */
  category: C;
  /** The vendor's counter or pixel id. @default undefined */
  id?: string | number;
  /** Vendor options, e.g. Metrica's `{ webvisor: true, clickmap: true }`. @default {} */
  options?: Record<string, unknown>;
}

export interface PresetCounter<C extends string = string> extends CounterCommon<C> {
  preset: PresetName;
  src?: never;
  load?: never;
}

export interface ScriptCounter<C extends string = string> extends CounterCommon<C> {
  /** An `http(s):` or relative script URL, injected once the category is allowed. */
  src: string;
  preset?: never;
  load?: never;
}

export interface LoadCounter<C extends string = string> extends CounterCommon<C> {
  /** Called once per page when the category is allowed (npm use). */
  load: () => void | Promise<unknown>;
  preset?: never;
  src?: never;
}

export type CounterConfig<C extends string = string> = PresetCounter<C> | ScriptCounter<C> | LoadCounter<C>;

export interface CookieOptions {
  /** @default 'kelisim' */
  name?: string;
  /** Share consent across subdomains, e.g. `'.example.kz'`. @default undefined (current host only) */
  domain?: string;
  /** @default '/' */
  path?: string;
  /** How long a choice holds before the visitor is asked again. @default 365 */
  expiresDays?: number;
  /** @default 'Lax' */
  sameSite?: 'Lax' | 'Strict' | 'None';
}

export interface ConsentModeRegion {
  /** ISO 3166-2 region codes, e.g. `['KZ', 'RU']` or `['ES-MD']`. */
  region: string[];
  /** Consent types granted by default in these regions. @default [] */
  granted?: GoogleConsentType[];
}

export interface ConsentModeOptions {
  /**
   * `'basic'`: Google's script is not requested before consent.
   * `'advanced'`: it loads at once with every type denied and sends cookieless pings; opt in knowingly.
   * @default 'basic'
   */
  mode?: 'basic' | 'advanced';
  /** Region-scoped defaults, sent as extra `gtag('consent','default', …, region)` calls. @default [] */
  regions?: ConsentModeRegion[];
  /**
   * Category → consent types granted when that category is allowed.
   * @default { analytics: ['analytics_storage'], advertising: ['ad_storage','ad_user_data','ad_personalization'], personalization: ['personalization_storage'], functional: ['functionality_storage'] }
   */
  map?: Record<string, GoogleConsentType[]>;
  /** Milliseconds Google waits for the update. @default 500 */
  waitForUpdate?: number;
}

/** Every string the UI shows; override any of them per language through `texts.<lang>`. */
export interface UITexts {
  /** Short native name used by the language switch ("Рус", "Қаз", "Eng"). */
  languageName: string;
  /** Accessible name of the language switch. */
  languageLabel: string;
  /** Accessible name of the banner region. */
  bannerLabel: string;
  bannerTitle: string;
  /** What necessary cookies do: the first layer's first sentence. */
  bannerText: string;
  /** The first layer's second sentence; `{purposes}` lists the optional categories configured. */
  bannerPurposes: string;
  /** Shown above the buttons when categories were added since the visitor's last choice. */
  bannerNewCategories: string;
  policyLink: string;
  acceptAll: string;
  rejectAll: string;
  settings: string;
  preferencesTitle: string;
  preferencesText: string;
  save: string;
  close: string;
  alwaysOn: string;
  consentId: string;
  consentDate: string;
  consentExpires: string;
  copy: string;
  copied: string;
  operator: string;
  operatorId: string;
  /** Why advertising starts off under Global Privacy Control. */
  gpcNote: string;
  /** Shown when the choice cannot be stored (cookies blocked). */
  cookiesBlocked: string;
  /** Iframe placeholder; `{category}` is the category title, `{service}` the embed's service (YouTube, 2GIS…). */
  placeholderText: string;
  placeholderButton: string;
}

/**
 * `C` is the set of category names: `createKelisim` infers it from `categories`, so a counter's
 * `category` and the names given to `isAllowed`, `accept` and `allow` are checked against it.
 */
export interface KelisimConfig<C extends string = string> {
  /** `'auto'` reads `<html lang>`, then the browser, then falls back to Russian. @default 'auto' */
  language?: 'auto' | Language;
  /** Privacy policy link shown in the banner; none when empty. @default '' */
  policyUrl?: string;
  /** Policy edition. A new value asks every visitor again (policy §7.1). @default '1' */
  revision?: string;
  /**
   * Purpose categories in display order.
   * @default { necessary: { required: true }, analytics: {}, advertising: {} }
   */
  categories?: Record<C, CategoryConfig>;
  /** Counters to run once their category is allowed. @default [] */
  counters?: CounterConfig<NoInfer<C>>[];
  /** Consent cookie options. @default { name: 'kelisim', path: '/', expiresDays: 365, sameSite: 'Lax' } */
  cookie?: CookieOptions;
  /** Reload once after withdrawing a category whose script already ran. @default true */
  reloadOnWithdraw?: boolean;
  /** POST every choice to this receiver as proof of consent. @default undefined */
  consentLog?: { url: string };
  /**
   * The operator, named on the banner and in the dialog. `id` is the identifier with its kind
   * (`'ИИН 790611401178'`, `'БИН …'`, `'ИНН …'`, `'ОГРН …'`, `'ОГРНИП …'`) or the bare number.
   * @default undefined
   */
  operator?: { name: string; id?: string };
  /** UI strings per language; a language not built in becomes selectable once its texts are given. @default {} */
  texts?: Partial<Record<Language, Partial<UITexts>>>;
  /** Google Consent Mode v2 settings for the `gtag` and `gtm` presets. @default { mode: 'basic' } */
  consentMode?: ConsentModeOptions;
  /** Honour Global Privacy Control: advertising starts off when the browser sends it. @default true */
  gpc?: boolean;
  /** `'bar'` along the bottom, `'box'` in a corner, `'modal'` blocking the page until a choice. @default 'bar' */
  layout?: 'bar' | 'box' | 'modal';
  /** `'auto'` follows `prefers-color-scheme`. @default 'auto' */
  theme?: 'auto' | 'light' | 'dark';
  /** Inject the bundled stylesheet. Set `false` when you link `kelisim.css` yourself. @default true */
  css?: boolean;
  /** CSP nonce for what Kelisim injects. The script tag uses its own nonce. @default undefined */
  nonce?: string;
  /**
   * Global names of vendor snippets kept in the page (gated), e.g. `['ym', 'fbq', '_tmr']`: they
   * queue the page's calls, and pushes onto an array queue (`_tmr.push(…)`), until the snippet
   * runs, and drop them after a refusal. Presets need none.
   * @default []
   */
  stubs?: string[];
  /**
   * Where the script-tag gate fetches `kelisim-ui.js` when a loader ran it without its own
   * `<script src>` (jQuery's `$.getScript`); by default the chunk is beside `kelisim.js`. The npm
   * build ignores it.
   * @default undefined
   */
  uiUrl?: string;
}

export interface ConsentRecord {
  /** Random id (crypto), shown to the visitor so a request to the operator can cite it. */
  id: string;
  /** Allowed categories, required ones included. */
  categories: string[];
  /** Categories the visitor refused. */
  denied: string[];
  revision: string;
  language: string;
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
  /** Short hash of the banner and dialog texts the visitor saw. */
  textHash: string;
}

export interface ConsentEventDetail {
  consent: ConsentRecord;
  categories: string[];
}

export interface ChangeEventDetail {
  added: string[];
  removed: string[];
  categories: string[];
}

export interface VisibilityEventDetail {
  view: 'banner' | 'preferences';
}

export interface KelisimEventMap {
  'kelisim:consent': ConsentEventDetail;
  'kelisim:change': ChangeEventDetail;
  'kelisim:show': VisibilityEventDetail;
  'kelisim:hide': VisibilityEventDetail;
}

// Each event also reaches `window` as a CustomEvent of the same name; without these entries,
// `addEventListener('kelisim:change', (e) => e.detail.removed)` is a type error in a typed page.
declare global {
  interface WindowEventMap {
    'kelisim:consent': CustomEvent<ConsentEventDetail>;
    'kelisim:change': CustomEvent<ChangeEventDetail>;
    'kelisim:show': CustomEvent<VisibilityEventDetail>;
    'kelisim:hide': CustomEvent<VisibilityEventDetail>;
  }
}

export interface Kelisim<C extends string = string> {
  /** Apply a config. A second call with the instance running only warns. */
  init(config?: KelisimConfig<C>): Kelisim<C>;
  /** Show the banner. */
  show(): void;
  showPreferences(): void;
  hide(): void;
  acceptAll(): void;
  rejectAll(): void;
  /**
   * Answer every category: allow exactly these (plus required ones), refuse the rest. An unknown
   * name records nothing and warns.
   */
  accept(categories: C[]): void;
  /** Allow this one category and leave the others' answers (or their absence) as they are. */
  allow(category: C): void;
  isAllowed(category: C): boolean;
  getConsent(): ConsentRecord | null;
  on<E extends KelisimEventName>(event: E, handler: (detail: KelisimEventMap[E]) => void): () => void;
  /** Forget the choice (delete the cookie) and ask again. */
  reset(): void;
  /** Remove every listener and node this instance added. */
  destroy(): void;
}
