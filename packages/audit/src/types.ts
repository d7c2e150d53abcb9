import type { PresetName } from '../../../src/types';

/** The library's category names, and `unknown` for what the map cannot place. */
export type Purpose = 'necessary' | 'analytics' | 'advertising' | 'personalization' | 'functional' | 'unknown';
export type PhaseName = 'before' | 'reject' | 'accept' | 'withdraw';
export type Lang = 'ru' | 'kk' | 'en';

/** Where the map put a host, cookie or storage key. */
export interface Placement {
  vendor: string;
  purpose: Purpose;
  /** The Kelisim preset that gates this vendor, when one exists. */
  preset?: PresetName;
  /** The page's own site (same registrable domain). */
  firstParty?: boolean;
}

/** What the site owner should change, in words the report renders per language. */
export interface Fix {
  category: Purpose;
  preset?: PresetName;
  /**
   * `counter`: use the preset; `iframe`: data-category + data-src; `script`: type="text/plain"
   * data-category; `cookies`: list the cookie in its category so withdrawal deletes it; `gate`:
   * make Kelisim's own script load and run.
   */
  how: 'counter' | 'iframe' | 'script' | 'cookies' | 'gate';
  /**
   * For `counter`: the page's own id, read from the vendor's requests. Absent when none carried
   * it; the advice then has a placeholder the site owner must replace.
   */
  id?: string;
  /** For `cookies`: the name or pattern to list. */
  cookie?: string;
  /** The same advice in English, for the JSON and the terminal. */
  text: string;
}

export interface RequestEntry extends Placement {
  url: string;
  host: string;
  type: string;
  cause: string;
}

export interface CookieEntry extends Placement {
  name: string;
  domain: string;
  httpOnly: boolean;
  value?: string;
  cause: string;
}

export interface StorageEntry extends Placement {
  key: string;
  area: 'localStorage' | 'sessionStorage';
  origin: string;
  cause: string;
}

export interface Phase {
  name: PhaseName;
  /** The URLs the phase visited, in order. */
  visited: string[];
  requests: RequestEntry[];
  cookies: CookieEntry[];
  storage: StorageEntry[];
  /** Things worth saying that are not findings (e.g. third-party cookies a site cannot delete). */
  notes: Note[];
  /** A JPEG of the viewport as a data URL; left out of the JSON. */
  screenshot?: string;
}

export interface Note {
  code: 'third-party-stays' | 'storage-stays' | 'still-allowed' | 'accept-problem';
  /** What the note is about (a cookie, a key, a list of categories). */
  subject: string;
  text: string;
}

export type FindingKind = 'request' | 'cookie' | 'storage' | 'banner';

export interface Finding {
  phase: PhaseName;
  kind: FindingKind;
  vendor: string;
  purpose: Purpose;
  host?: string;
  name?: string;
  key?: string;
  cause: string;
  /** For `banner` findings: which check failed (`no-button`, `not-closed`, `no-choice`, `not-started`, …). */
  code?: string;
  fix?: Fix;
  /** For `not-started`: what showed the page meant to run Kelisim, and why it did not start. */
  gate?: GateStart;
}

/** A page that carries Kelisim's config, script tag or markup, where no Kelisim instance started. */
export interface GateStart {
  /** What showed the page meant to run Kelisim. */
  signs: ('config' | 'script' | 'markup')[];
  /**
   * `http-status`: the gate's file answered 400 or more; `network`: it could not be fetched;
   * `script-error`: it threw (or failed to parse); `no-script`: no gate script on the page;
   * `not-started`: it loaded, or never was, and nothing says why.
   */
  why: 'http-status' | 'network' | 'script-error' | 'no-script' | 'not-started';
  /** The gate's URL, when there is a tag or a request for it. */
  script?: string;
  status?: number;
  statusText?: string;
  /** Chromium's network error, or the error the script threw. */
  error?: string;
}

export interface AuditResult {
  url: string;
  kelisim: boolean;
  /** Why only the first phase ran, when it did. */
  reason?: string;
  phases: Phase[];
  leaks: Finding[];
  unknowns: Finding[];
  /** When the audit ran, ISO 8601. */
  date: string;
  durationMs: number;
}

export interface AuditOptions {
  /** Chromium or Chrome binary; found by `findChromium()` when absent. */
  executablePath: string;
  /** Milliseconds to wait after the network goes quiet. @default 1000 */
  settle?: number;
  /** Chromium's `--host-resolver-rules`. */
  resolve?: string;
  /** Ignore certificate errors. */
  insecure?: boolean;
  withdraw?: boolean;
  /** Keep cookie values in the result. */
  cookieValues?: boolean;
  /** Called as each phase starts and ends. */
  progress?: (event: { phase: PhaseName; state: 'start' | 'done'; phaseResult?: Phase }) => void;
}
