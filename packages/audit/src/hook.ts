/** The binding the init script reports through; Playwright installs it before any page script. */
export const BINDING = '__kelisimAudit';

export interface StackFrame {
  fn: string;
  url: string;
  /** 1-based. */
  line: number;
}

export type HookRecord =
  | { kind: 'cookie'; name: string; origin: string; frames: StackFrame[] }
  | { kind: 'storage'; key: string; area: 'localStorage' | 'sessionStorage'; origin: string; frames: StackFrame[] }
  | { kind: 'request'; url: string; origin: string; frames: StackFrame[] };

/**
 * Runs in every frame before the page's own scripts (Playwright's init script). It wraps the
 * writers of cookies and storage, and the setters that start a request, to learn which script
 * called them: the network log alone cannot say, e.g., who set an image's `src` in an onclick.
 * It only observes; every call goes through unchanged.
 */
function hook(binding: string) {
  const w = window as any;
  const report = (record: object) => {
    try {
      if (typeof w[binding] == 'function') w[binding](record);
    } catch (e) {
      // The page must not notice the audit.
    }
  };
  const frames = () => {
    const limit = (Error as any).stackTraceLimit;
    (Error as any).stackTraceLimit = 40;
    const stack = new Error().stack || '';
    (Error as any).stackTraceLimit = limit;
    const out: { fn: string; url: string; line: number }[] = [];
    stack.split('\n').slice(1).forEach((line) => {
      const m = /at (?:(.*?) \()?(https?:\/\/\S+?):(\d+):\d+\)?$/.exec(line.trim());
      if (m) out.push({ fn: m[1] || '', url: m[2], line: +m[3] });
    });
    return out;
  };
  const absolute = (url: unknown) => {
    try {
      return new URL(String(url), document.baseURI).href;
    } catch (e) {
      return String(url);
    }
  };
  const request = (url: unknown) => {
    const found = frames();
    if (found.length) report({ kind: 'request', url: absolute(url), origin: location.origin, frames: found });
  };

  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (cookie && cookie.set && cookie.get) {
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      enumerable: cookie.enumerable,
      get() {
        return cookie.get!.call(this);
      },
      set(value) {
        report({ kind: 'cookie', name: String(value).split('=')[0].trim(), origin: location.origin, frames: frames() });
        cookie.set!.call(this, value);
      },
    });
  }

  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key: string, value: string) {
    let area = 'sessionStorage';
    try {
      if (this === w.localStorage) area = 'localStorage';
    } catch (e) {
      // Storage access denied in this frame: the call below will say so to the page.
    }
    report({ kind: 'storage', key: String(key), area, origin: location.origin, frames: frames() });
    return setItem.call(this, key, value);
  };

  const src = (proto: any) => {
    const own = Object.getOwnPropertyDescriptor(proto, 'src');
    if (!own || !own.set) return;
    Object.defineProperty(proto, 'src', {
      configurable: true,
      enumerable: own.enumerable,
      get: own.get,
      set(value) {
        request(value);
        own.set!.call(this, value);
      },
    });
  };
  src(HTMLImageElement.prototype);
  src(HTMLScriptElement.prototype);
  src(HTMLIFrameElement.prototype);

  const fetch = w.fetch;
  if (fetch) {
    w.fetch = function (input: any) {
      request(input && typeof input == 'object' && 'url' in input ? input.url : input);
      return fetch.apply(this, arguments);
    };
  }
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, _method: string, url: string) {
    request(url);
    return open.apply(this, arguments as any);
  } as any;
  const beacon = navigator.sendBeacon;
  if (beacon) {
    navigator.sendBeacon = function (url: string | URL) {
      request(url);
      return beacon.apply(navigator, arguments as any);
    };
  }
}

/** The init script's source: the function above, called with the binding's name. */
export const hookScript = `(${hook.toString()})(${JSON.stringify(BINDING)});`;
