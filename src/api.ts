import type { ConsentRecord, Kelisim, KelisimConfig } from './types';
import type { GateSettings } from './core/config';
import type { GateHandle } from './core/host';
import type { UIController, UIHost, View } from './core/ui-host';
import { evaluate, makeChoice, toRecord, type Choice, type ConsentState } from './core/consent';
import { createEmitter } from './core/emitter';
import { randomId } from './core/id';
import { readConfig, type Problem } from './core/read-gate';
import { EXPLAIN } from './core/companions';
import { own } from './core/own';
import { encodeChoice } from './store/codec';
import { createConsentCookie, type ConsentCookie } from './store/consent-cookie';
import { cookieValues, jar, languagePickName } from './store/cookies';
import { createCounterGate } from './gate/counters';
import { releaseIframes } from './gate/iframes';
import { createScriptGate } from './gate/scripts';
import { watchOtherTabs } from './gate/tabs';
import { watchDocument } from './gate/watch';
import { bodyOf } from './gate/dom';
import { createProof, type Proof } from './gate/proof';
import { createStubs } from './presets/stubs';

/** What the UI chunk brings: the banner and the dialog, and the withdrawal's cleanup. */
export interface UIChunk {
  connect(handle: GateHandle, doc: Document): { host: UIHost; told: Promise<void> | void };
  mount(host: UIHost): UIController;
  deleteCookies(doc: Document, patterns: string[]): string[];
}

export interface Environment {
  /** Fetches the UI chunk: a dynamic import for npm, a script tag (from `uiUrl` if set) for the IIFE build. */
  loadUI: (uiUrl?: string) => Promise<UIChunk>;
  /**
   * Fetches a built-in language's dictionary beside the UI chunk; resolves at once for the others.
   * Absent where every dictionary came with the UI (the one-file build).
   */
  loadTexts?: (language: string, uiUrl?: string) => Promise<void>;
  /**
   * Fetches the words of the config's error messages (`kelisim-messages.js`); absent where they
   * came with the gate.
   */
  loadMessages?: (uiUrl?: string) => Promise<void>;
  /** Fetches the consent log's sender (`kelisim-log.js`); absent where it came with the gate. */
  loadLog?: (uiUrl?: string) => Promise<void>;
  /** Nonce of the script tag that loaded Kelisim. */
  nonce?: string;
  /** Runs before every API call: the script tag's start, when a call comes before it. */
  before?: () => void;
}

// One live instance per window, even across separately bundled copies: a second one would load
// every counter twice.
const ACTIVE = Symbol.for('kelisim.active');

/** The instance that runs on this page, if any. */
export const activeInstance = (w: Window): Kelisim | undefined => (w as any)[ACTIVE];

const now = () => Math.floor(Date.now() / 1000);
const minus = (a: string[], b: string[]) => a.filter((x) => b.indexOf(x) < 0);

export function createInstance(env: Environment): Kelisim {
  const w = window as Window & Record<string | symbol, any>;
  const doc = document;
  const report = (message: string, error?: unknown) => console.error(message, ...(error ? [error] : []));
  const warn = (message: string) => console.warn(message);
  const emitter = createEmitter(report);
  // Every way into the state machine (the API, the UI's clicks, other tabs, the document
  // watcher) goes through here: the page never sees an exception from us.
  const guard = <A extends unknown[], R>(name: string, step: (...args: A) => R, fallback?: R) => (...args: A): R | undefined => {
    try {
      return step(...args);
    } catch (error) {
      report(`Kelisim: ${name} failed`, error);
      return fallback;
    }
  };
  const teardown: (() => void)[] = [];

  let settings: GateSettings | undefined;
  let config: unknown;
  // The visitor's language pick, read with the consent cookie: the UI needs it, and another read
  // of the jar would be another round trip to the browser in the banner's path.
  let picked: string | undefined;
  let state: ConsentState = { choice: null, allowed: [], unanswered: [] };
  let cookie: ConsentCookie;
  let counters: ReturnType<typeof createCounterGate>;
  let scripts: ReturnType<typeof createScriptGate>;
  let chunk: Promise<UIChunk> | undefined;
  let ui: Promise<UIController | void> | undefined;
  let host: UIHost | undefined;
  let controller: UIController | undefined;
  let cookiesBlocked = false;
  // What should be on screen once the UI chunk arrives: a choice made meanwhile cancels the banner.
  let wanted: View | undefined;
  let opener: Element | null = null;
  let ran: string[] = [];
  let proof: Proof | undefined;
  let tabs: ReturnType<typeof watchOtherTabs>;
  let stubs: ReturnType<typeof createStubs>;
  let scanning = 0;
  // The config's mistakes, told once their words are here; the banner waits for them.
  let explained: Promise<void> | void;
  // The choice was told this page view: a handler added later (a script after the gate) hears it too.
  let consentTold: 0 | 1 = 0;

  const emit = (event: string, detail: object) => {
    emitter.emit(event, detail);
    try {
      w.dispatchEvent(new CustomEvent(event, { detail: JSON.parse(JSON.stringify(detail)) }));
    } catch (error) {
      report(`Kelisim: dispatching ${event} failed`, error);
    }
  };

  const isAllowed = (category: string) => state.allowed.indexOf(category) >= 0;
  const record = (): ConsentRecord | null => settings ? toRecord(state, settings) : null;
  const loadChunk = () => chunk || (chunk = Promise.resolve(settings && settings.uiUrl).then(env.loadUI).catch((error) => {
    chunk = undefined;
    throw error;
  }));

  // The chunk is fetched at once; only mounting waits for the body.
  const ensureUI = (): Promise<UIController | void> => {
    if (ui) return ui;
    const asked = settings!;
    // The page's language, as far as the gate can tell, is fetched beside the chunk rather than after.
    if (env.loadTexts) env.loadTexts(guess(), asked.uiUrl).catch(() => {});
    return (ui = Promise.all([loadChunk(), bodyReady(doc), explained]).then(([loaded]) => {
      const connected = loaded.connect(handle(asked), doc);
      host = connected.host;
      // Resolved and fetched while the words of any mistake come. Without its dictionary the
      // banner still shows, in Russian: better than no way to choose.
      const language = host.language;
      return Promise.all([connected.told, host.fetchTexts(language).catch((error) =>
        report(`Kelisim: the ${language} texts could not be loaded; the banner shows in Russian.`, error))]).then(() => {
        // destroy() came while the chunk was on its way: nothing may appear after it.
        if (asked !== settings) return;
        controller = loaded.mount(host!);
        if (wanted == 'banner') controller.showBanner();
        if (wanted == 'preferences') controller.showPreferences(opener);
        return controller;
      });
    }).catch((error) => {
      ui = undefined;
      report('Kelisim: the banner could not be loaded; nothing is allowed until the visitor chooses.', error);
    }));
  };

  const handle = (current: GateSettings): GateHandle => ({
    settings: current,
    config,
    picked,
    explain: (problems) => explain(problems, current.uiUrl),
    nonce: current.nonce || env.nonce,
    consent: record,
    isAllowed,
    unanswered: () => state.unanswered.slice(),
    gpc: current.gpc && (navigator as any).globalPrivacyControl === true,
    cookiesBlocked: () => cookiesBlocked,
    choose: guard('choose()', choose),
    fetchTexts: (language: string) => env.loadTexts ? env.loadTexts(language, current.uiUrl) : Promise.resolve(),
    visibility: (view: View, shown: boolean) => emit(shown ? 'kelisim:show' : 'kelisim:hide', { view }),
  });

  /** Word each mistake; should the words not load, still name the field and the value. */
  const explain = (problems: Problem[], uiUrl?: string): Promise<void> | void => {
    const tell = () => problems.forEach((problem) => report(w[EXPLAIN](problem)));
    if (w[EXPLAIN]) return tell();
    return (env.loadMessages ? env.loadMessages(uiUrl) : Promise.reject(new Error('no way to load kelisim-messages.js'))).then(tell)
      .catch((error) => problems.forEach(([path, shown, expected]) =>
        report(`Kelisim: config.${path} = ${shown} is not allowed (${expected}); the rest of this message did not load.`, error)));
  };

  // Stubbed names are freed while gated snippets run, and taken back (or handed over) after the last scan.
  const scan = () => {
    stubs.release();
    scanning++;
    scripts.scan()
      .catch((error) => report('Kelisim: running a gated script failed', error))
      .then(() => --scanning || stubs.settle(!!state.choice && !state.unanswered.length));
  };

  const releaseFrames = () => {
    const waiting = releaseIframes(doc, isAllowed, report);
    if (waiting.length) ensureUI().then(guard('showing placeholders', (c) => c && c.placeholders(waiting)));
  };

  /**
   * A refusal deletes what its categories left: the cookies the config names and the presets'
   * own. The code for it comes with the UI chunk, which a withdrawal through the API fetches;
   * a reload the withdrawal needs waits for it.
   */
  const clean = (current: GateSettings, names: string[], reload: boolean) => {
    const patterns = names.reduce<string[]>((all, name) => all.concat(
      current.categories.filter((c) => c.name == name).map((c) => c.cookies)[0] || [], counters.cookies(name, state.allowed)), []);
    if (!patterns.length) return reload && w.location.reload();
    loadChunk().then((loaded) => loaded.deleteCookies(doc, patterns), (error) =>
      report("Kelisim: the cleanup after a refusal could not be loaded; the refused categories' cookies stay until the next choice.", error))
      .then(() => reload && w.location.reload());
  };

  /** Move to a new consent state: start, stop, clean up, tell the page; reload if something must unload. */
  function transition(next: ConsentState, refused: string[], atInit?: boolean) {
    // A listener may call destroy() while we tell the page; what follows must not outlive it.
    const current = settings!;
    const previous = state;
    state = next;
    const added = minus(next.allowed, previous.allowed);
    const removed = minus(previous.allowed, next.allowed);
    counters.apply(next.allowed, refused);
    if (doc.readyState != 'loading') {
      scan();
      releaseFrames();
    }
    if (controller) controller.refresh();
    if (!previous.choice && next.choice) {
      const detail = { consent: record(), categories: next.allowed };
      const tell = () => {
        consentTold = 1;
        emit('kelisim:consent', detail);
      };
      // At init, delivered after the current script, so `createKelisim(config).on(…)` hears it.
      if (atInit) Promise.resolve().then(tell);
      else tell();
    }
    if (added.length || removed.length) emit('kelisim:change', { added, removed, categories: next.allowed });
    // A refusal clears what the category left, even from before this choice; a stored one at
    // page load does not, to keep returning visits cheap.
    if (!atInit) clean(current, removed.concat(minus(refused, removed)), current.reloadOnWithdraw && removed.some((name) => ran.indexOf(name) >= 0));
  }

  /**
   * The language a choice made without the UI is recorded in: the UI's, the last choice's, or the
   * visitor's pick, or the one the config or `<html lang>` names. The UI resolves it fully; this
   * is its cheap guess.
   */
  const language = () => host ? host.language : state.choice ? state.choice.language : guess();
  const guess = (): string => {
    let tag: any;
    try {
      tag = own(config, 'language');
    } catch {
      // Told when the config was read.
    }
    tag = (picked || (typeof tag == 'string' && tag != 'auto' ? tag : doc.documentElement.lang || '')).toLowerCase().replace(/^kz/, 'kk').split('-')[0];
    return tag == 'kk' || tag == 'en' ? tag : 'ru';
  };

  /** `answered` given: only those categories are answered, the others keep their answer or none. */
  function choose(categories: string[], textHash: string, answered?: string[], shown?: string) {
    if (!settings) return warn('Kelisim: call init(config) before recording a choice.');
    const choice: Choice = makeChoice(state.choice, categories, settings, shown || language(), textHash, now(), randomId, answered);
    const next = evaluate(choice, settings, now());
    // The banner stays while a category is unanswered.
    const done = !next.unanswered.length;
    if (done && (wanted == 'banner' || (wanted && !controller))) wanted = undefined;
    cookiesBlocked = !cookie.write(choice);
    if (cookiesBlocked) warn('Kelisim: the consent cookie could not be stored (cookies blocked?); the choice holds for this page view only.');
    if (proof) proof(minus(state.allowed, next.allowed).length ? 'withdrawal' : 'choice', choice);
    const current = settings;
    transition(next, choice.denied);
    // A listener may have called destroy() meanwhile.
    if (settings !== current) return;
    tabs.announce();
    if (answered && done && controller && !cookiesBlocked) controller.hide();
  }

  const unknown = (names: string[]) => {
    const wrong = minus(names, settings!.categories.map((c) => c.name));
    if (wrong.length) warn(`Kelisim: no category named ${wrong.join(', ')} in the config; nothing was recorded.`);
    return wrong.length;
  };

  /**
   * Another tab chose: follow the cookie without writing it back. What this tab applies is
   * compared with the whole stored choice, not its id and time: tabs share the id, and two
   * choices can fall in one second.
   */
  function followOtherTab() {
    if (!settings || cookiesBlocked) return;
    const stored = evaluate(cookie.read(), settings, now());
    const a = stored.choice;
    const applied = (s: ConsentState) => (s.choice ? encodeChoice(s.choice) : '') + s.allowed;
    if (applied(stored) == applied(state)) return;
    transition(stored, a ? a.denied : minus(state.allowed, stored.allowed));
    if (!a || stored.unanswered.length) show();
    else if (controller) controller.hide();
  }

  function init(given?: KelisimConfig): Kelisim {
    if (settings) {
      warn('Kelisim: init() was called again; the first config stays. Call destroy() before init() to apply another.');
      return api;
    }
    if (w[ACTIVE] && w[ACTIVE] !== api) {
      warn('Kelisim: another Kelisim instance is already running on this page; this one stays inactive so that no counter loads twice.');
      return w[ACTIVE];
    }
    w[ACTIVE] = api;
    const problems: Problem[] = [];
    config = given;
    const current = (settings = readConfig(given, (problem) => problems.push(problem), report, warn, w.location));
    explained = problems.length ? explain(problems, current.uiUrl) : undefined;
    const nonce = current.nonce || env.nonce;
    cookie = createConsentCookie(current, doc);
    const pairs = jar(doc);
    const stored = evaluate(cookie.read(pairs), current, now());
    picked = cookieValues(doc, languagePickName(current.cookie), pairs)[0];
    // A visit that will ask starts fetching the banner now, while the rest is set up.
    if (!stored.choice || stored.unanswered.length) loadChunk().catch(() => {});
    ran = [];
    counters = createCounterGate(w, current, nonce, report, (name) => ran.push(name));
    scripts = createScriptGate(doc, isAllowed, (name) => ran.push(name), report);
    stubs = createStubs(w, current.stubs);

    const onClick = guard('opening the preferences', (event: Event) => {
      const target = event.target as Element | null;
      const opener = target && target.closest ? target.closest('[data-kelisim="preferences"]') : null;
      if (opener) {
        event.preventDefault();
        openPreferences(opener);
      }
    });
    doc.addEventListener('click', onClick);
    teardown.push(() => doc.removeEventListener('click', onClick));
    tabs = watchOtherTabs(w, current.cookie.name, guard('following another tab', followOtherTab));
    teardown.push(tabs.stop);
    if (current.consentLog) {
      const log = createProof(w, current, env.loadLog, report);
      proof = log.prove;
      teardown.push(log.stop);
    }

    // Same allowed set before and after: a returning visit is a `consent`, not a `change`.
    state = { choice: null, allowed: stored.allowed, unanswered: stored.unanswered };
    if (stored.choice) transition(stored, stored.choice.denied, true);
    const rescan = guard('scanning the page', () => {
      scan();
      releaseFrames();
    });
    whenReady(doc).then(guard('scanning the page', () => {
      if (settings !== current) return;
      rescan();
      teardown.push(watchDocument(doc, rescan, report));
    }));
    if (!stored.choice || stored.unanswered.length) show();
    return api;
  }

  const ready = (name: string) => {
    if (!settings) warn(`Kelisim: ${name}() was called before init(config).`);
    return !!settings;
  };

  function show() {
    if (!ready('show')) return;
    wanted = 'banner';
    if (controller) controller.showBanner();
    else ensureUI();
  }

  function openPreferences(from?: Element | null) {
    if (!ready('showPreferences')) return;
    wanted = 'preferences';
    opener = from || doc.activeElement;
    if (controller) controller.showPreferences(opener);
    else ensureUI();
  }

  const api: Kelisim = {
    init,
    show,
    showPreferences: () => openPreferences(),
    hide() {
      wanted = undefined;
      if (controller) controller.hide();
    },
    acceptAll() {
      if (ready('acceptAll')) api.accept(settings!.categories.map((c) => c.name));
    },
    rejectAll() {
      if (ready('rejectAll')) api.accept([]);
    },
    accept(categories: string[]) {
      if (!ready('accept')) return;
      // A call that records nothing must not take the banner away either.
      if (!Array.isArray(categories)) return report(`Kelisim: accept() needs an array of category names, got ${typeof categories}.`);
      if (unknown(categories)) return;
      choose(categories, '');
      if (controller && !cookiesBlocked) controller.hide();
    },
    allow(category: string) {
      if (ready('allow') && !unknown([category])) choose([category], '', [category]);
    },
    isAllowed,
    getConsent: record,
    on(event: string, handler: (detail: any) => void) {
      const off = emitter.on(event, handler);
      let live = 1;
      if (event == 'kelisim:consent' && consentTold && typeof handler == 'function') {
        Promise.resolve().then(() => live && consentTold && state.choice && emitter.deliver(event, handler, { consent: record(), categories: state.allowed }));
      }
      return () => {
        live = 0;
        off();
      };
    },
    reset() {
      if (!ready('reset')) return;
      cookie.remove();
      if (state.choice && proof) proof('reset', state.choice);
      const fresh = evaluate(null, settings!, now());
      transition(fresh, minus(state.allowed, fresh.allowed));
      tabs.announce();
      show();
    },
    destroy() {
      teardown.splice(0).forEach((undo) => undo());
      if (controller) controller.destroy();
      controller = ui = proof = wanted = host = undefined;
      emitter.clear();
      if (w[ACTIVE] === api) delete w[ACTIVE];
      settings = undefined;
      state = { choice: null, allowed: [], unanswered: [] };
      consentTold = 0;
    },
  };

  for (const key of Object.keys(api) as (keyof Kelisim)[]) {
    const step = api[key] as (...args: unknown[]) => unknown;
    (api as any)[key] = guard(`${key}()`, (...args: unknown[]) => (env.before && env.before(), step(...args)), key == 'init' ? api : key == 'on' ? () => {} : undefined);
  }
  return api;
}

/** Resolves once the page is parsed: gated markup is scanned in full, in document order. */
export const whenReady = (doc: Document): Promise<void> => new Promise((resolve) => {
  if (doc.readyState != 'loading') resolve();
  else doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
});

/**
 * Resolves once `<body>` exists, which for an `async` gate is long before the page is parsed: the
 * banner can then be in the page's first paint.
 */
function bodyReady(doc: Document): Promise<void> {
  if (bodyOf(doc) || doc.readyState != 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true });
    // Missing, or replaced by one that throws (a page's polyfill, an extension): the page's
    // parsing still gets there.
    try {
      const observer = new MutationObserver(() => bodyOf(doc) && (observer.disconnect(), resolve()));
      observer.observe(doc.documentElement, { childList: true });
    } catch {
      // DOMContentLoaded above.
    }
  });
}
