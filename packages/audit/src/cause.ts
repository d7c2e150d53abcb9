import type { Initiator, RawRequest, Recorder } from './capture';
import type { StackFrame } from './hook';
import { sameSite } from './map/site';

const TAGS: Record<string, string> = { script: 'script', image: 'img', document: 'iframe', stylesheet: 'link', media: 'video', font: 'link' };

/**
 * Names what made a request, cookie or storage write, in the terms a site owner can act on: the
 * inline snippet, the handler or the element in the page's HTML. A vendor's script that made a
 * hit is followed back to whatever loaded that script.
 */
export class Causes {
  private byUrl = new Map<string, string>();

  constructor(private recorder: Recorder, private site: string) {}

  /** `/leaky.html:19` for the site's own URLs, the full (shortened) URL for others. */
  where(url: string, line?: number): string {
    let shown = url;
    try {
      const u = new URL(url);
      shown = sameSite(u.hostname, this.site) ? u.pathname + u.search : u.href;
    } catch {
      // Not a URL: shown as it is.
    }
    if (shown.length > 90) shown = shown.slice(0, 87) + '…';
    return line ? `${shown}:${line}` : shown;
  }

  private documents() {
    return new Set(this.recorder.requests.filter((r) => r.mainDocument || r.iframeDocument).map((r) => r.url.split('#')[0]));
  }

  /** A stack's first frame: inline code of the page, a handler attribute, or a script file. */
  fromFrames(frames: StackFrame[], depth = 0): string {
    const top = frames[0];
    if (!top) return 'not known';
    if (this.documents().has(top.url.split('#')[0])) {
      const handler = /(?:^|\.)(on[a-z]+)$/.exec(top.fn);
      return handler
        ? `inline ${handler[1]} handler at ${this.where(top.url, top.line)}`
        : `inline script at ${this.where(top.url, top.line)}`;
    }
    const loadedBy = depth < 4 ? this.ofScript(top.url, depth + 1) : undefined;
    if (!loadedBy || loadedBy == 'not known') return `script ${this.where(top.url, top.line)}`;
    return loadedBy.startsWith('inside ') ? `${this.where(top.url)} ${loadedBy}` : `${this.where(top.url)}, loaded by ${loadedBy}`;
  }

  private ofScript(url: string, depth: number): string | undefined {
    const request = this.recorder.requests.find((r) => r.url == url);
    if (!request || sameSite(new URL(url).hostname, this.site)) return undefined;
    return this.ofRequest(request, depth);
  }

  private fromInitiator(init: Initiator, request: RawRequest, depth: number): string | undefined {
    if (init.type == 'parser' && init.url) {
      const tag = request.iframeDocument ? 'iframe' : TAGS[request.type] || 'element';
      return `<${tag} src="${this.where(request.url)}"> at ${this.where(init.url, init.line)}`;
    }
    if (init.frames.length) return this.fromFrames(init.frames, depth);
    return undefined;
  }

  /** The cause of a request, memoised per URL. */
  ofRequest(request: RawRequest, depth = 0): string {
    const key = request.url + '|' + (request.iframe || '');
    const known = this.byUrl.get(key);
    if (known) return known;
    let cause: string | undefined;
    if (request.iframe) {
      const doc = this.recorder.requests.find((r) => r.iframeDocument && r.url == request.iframe);
      cause = doc ? `inside ${this.ofRequest(doc, depth + 1)}` : `inside the iframe ${this.where(request.iframe)}`;
    } else if (request.mainDocument) {
      cause = 'the page itself';
    } else {
      for (const init of this.recorder.initiators.get(request.url) || []) {
        cause = this.fromInitiator(init, request, depth);
        if (cause) break;
      }
      if (!cause) {
        const hooked = this.recorder.hooks.find((h) => h.kind == 'request' && h.url == request.url);
        if (hooked) cause = this.fromFrames(hooked.frames, depth);
      }
    }
    cause = cause || 'not known';
    this.byUrl.set(key, cause);
    return cause;
  }

  /** A cookie: the script that wrote it, or the response that set it. */
  ofCookie(name: string, domain: string): string {
    const write = this.recorder.hooks.find((h) => h.kind == 'cookie' && h.name == name);
    if (write) return `document.cookie from ${this.fromFrames(write.frames)}`;
    const header = this.recorder.setCookies.find((s) => s.name == name && s.domain.replace(/^\./, '') == domain.replace(/^\./, ''))
      || this.recorder.setCookies.find((s) => s.name == name);
    if (header) {
      const request = this.recorder.requests.find((r) => r.url == header.requestUrl);
      return `Set-Cookie from ${this.where(header.requestUrl)}` + (request ? `, requested by ${this.ofRequest(request)}` : '');
    }
    return 'not known';
  }

  ofStorage(key: string, area: string, origin: string): string {
    const write = this.recorder.hooks.find((h) => h.kind == 'storage' && h.key == key && h.area == area && h.origin == origin);
    if (!write) return 'not known';
    const cause = this.fromFrames(write.frames);
    const iframe = this.recorder.requests.find((r) => r.iframeDocument && r.url.startsWith(origin + '/'));
    return iframe && !/inside /.test(cause) && !sameSite(new URL(origin).hostname, this.site) ? `${cause}, inside ${this.ofRequest(iframe)}` : cause;
  }
}
