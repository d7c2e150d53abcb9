import type { BrowserContext, Frame, Page, Request } from 'playwright-core';
import { BINDING, hookScript, type HookRecord, type StackFrame } from './hook';

/** How CDP says who started a request (Network.Initiator), reduced to what the causes use. */
export interface Initiator {
  type: string;
  url?: string;
  /** 1-based. */
  line?: number;
  frames: StackFrame[];
}

export interface RawRequest {
  url: string;
  type: string;
  /** The document the request belongs to, and the top-level iframe holding it (if any). */
  frameUrl: string;
  iframe?: string;
  /** This request loads an iframe's document. */
  iframeDocument: boolean;
  mainDocument: boolean;
}

export interface RawCookie {
  name: string;
  domain: string;
  value: string;
  httpOnly: boolean;
}

export interface RawStorage {
  key: string;
  area: 'localStorage' | 'sessionStorage';
  origin: string;
}

export interface SetCookie {
  name: string;
  domain: string;
  requestUrl: string;
}

/**
 * Everything one phase's browser does, seen from outside: Playwright's request events (every frame,
 * out-of-process iframes included), CDP's initiators for the page, Set-Cookie headers, the init
 * script's reports and, at the end, a snapshot of cookies and storage.
 */
export class Recorder {
  requests: RawRequest[] = [];
  initiators = new Map<string, Initiator[]>();
  setCookies: SetCookie[] = [];
  hooks: HookRecord[] = [];
  private inflight = new Set<Request>();
  private lastActivity = Date.now();

  private constructor(private context: BrowserContext) {}

  static async attach(context: BrowserContext): Promise<Recorder> {
    const recorder = new Recorder(context);
    await context.exposeBinding(BINDING, (_source, record: HookRecord) => {
      recorder.hooks.push(record);
    });
    await context.addInitScript({ content: hookScript });
    context.on('request', (request) => recorder.onRequest(request));
    const done = (request: Request) => {
      recorder.inflight.delete(request);
      recorder.lastActivity = Date.now();
    };
    context.on('requestfinished', done);
    context.on('requestfailed', done);
    context.on('response', (response) => {
      done(response.request());
      response.headersArray().then((headers) => {
        for (const header of headers) {
          if (header.name.toLowerCase() == 'set-cookie') recorder.onSetCookie(header.value, response.url());
        }
      }, () => undefined);
    });
    for (const page of context.pages()) await recorder.watch(page);
    context.on('page', (page) => void recorder.watch(page));
    return recorder;
  }

  /**
   * Forget the requests seen so far (a phase's later part starts from here). Cookie and storage
   * writes are kept: a cookie still there later was made by one of them.
   */
  reset() {
    this.requests = [];
    this.initiators.clear();
  }

  private async watch(page: Page) {
    try {
      const cdp = await this.context.newCDPSession(page);
      await cdp.send('Network.enable');
      cdp.on('Network.requestWillBeSent', (event: any) => {
        const init = event.initiator || {};
        const frames: StackFrame[] = [];
        for (let stack = init.stack; stack && frames.length < 40; stack = stack.parent) {
          for (const f of stack.callFrames || []) {
            if (/^https?:/.test(f.url)) frames.push({ fn: f.functionName || '', url: f.url, line: f.lineNumber + 1 });
          }
        }
        const list = this.initiators.get(event.request.url) || [];
        list.push({ type: init.type || 'other', url: init.url, line: init.lineNumber == null ? undefined : init.lineNumber + 1, frames });
        this.initiators.set(event.request.url, list);
      });
    } catch {
      // A page closed before it could be watched: its requests still arrive through Playwright.
    }
  }

  private onRequest(request: Request) {
    this.inflight.add(request);
    this.lastActivity = Date.now();
    const url = request.url();
    if (!/^https?:/.test(url)) return;
    let frame: Frame | null = null;
    try {
      frame = request.frame();
    } catch {
      // Service worker requests have no frame.
    }
    let top: Frame | null = frame;
    while (top && top.parentFrame() && top.parentFrame()!.parentFrame()) top = top.parentFrame();
    const inIframe = !!top && !!top.parentFrame();
    const navigation = request.isNavigationRequest();
    this.requests.push({
      url,
      type: request.resourceType(),
      frameUrl: frame ? frame.url() : '',
      iframe: inIframe && !(navigation && frame === top) ? top!.url() : undefined,
      iframeDocument: inIframe && navigation && frame === top,
      mainDocument: !inIframe && navigation,
    });
  }

  private onSetCookie(header: string, requestUrl: string) {
    for (const line of header.split('\n')) {
      const name = line.split('=')[0].trim();
      const domain = /;\s*domain=([^;]+)/i.exec(line);
      let host = '';
      try {
        host = new URL(requestUrl).hostname;
      } catch {
        continue;
      }
      if (name) this.setCookies.push({ name, domain: domain ? domain[1].trim() : host, requestUrl });
    }
  }

  /**
   * Resolves when the network has been idle for `quiet` ms, or after `max` ms whatever happens.
   * Idle is Puppeteer's "networkidle2": at most two requests open, since keep-alive beacons and
   * long polls may never report an end.
   */
  async networkQuiet(page: Page, quiet = 500, max = 10_000) {
    const start = Date.now();
    const end = start + max;
    while (Date.now() < end) {
      if (this.inflight.size <= 2 && Date.now() - this.lastActivity >= quiet) break;
      await page.waitForTimeout(100);
    }
    if (process.env.KELISIM_AUDIT_DEBUG) console.error(`quiet after ${Date.now() - start} ms; open: ${[...this.inflight].map((r) => r.url()).join(' ')}`);
  }

  /** Every cookie of the profile, HttpOnly ones too, through CDP. */
  async cookies(page: Page): Promise<RawCookie[]> {
    try {
      const cdp = await this.context.newCDPSession(page);
      const { cookies } = await cdp.send('Network.getAllCookies');
      await cdp.detach().catch(() => undefined);
      return cookies.map((c: any) => ({ name: c.name, domain: c.domain, value: c.value, httpOnly: !!c.httpOnly }));
    } catch {
      return (await this.context.cookies()).map((c) => ({ name: c.name, domain: c.domain, value: c.value, httpOnly: c.httpOnly }));
    }
  }

  /** Storage keys of every frame, including those written by assignment, which the hook cannot see. */
  async storage(page: Page): Promise<RawStorage[]> {
    const found: RawStorage[] = [];
    for (const frame of page.frames()) {
      const keys = await frame.evaluate(() => {
        const read = (area: 'localStorage' | 'sessionStorage') => {
          try {
            const s = window[area];
            return Array.from({ length: s.length }, (_, i) => ({ key: s.key(i) || '', area, origin: location.origin }));
          } catch {
            return [];
          }
        };
        return [...read('localStorage'), ...read('sessionStorage')];
      }).catch(() => [] as RawStorage[]);
      found.push(...keys);
    }
    return found;
  }
}
