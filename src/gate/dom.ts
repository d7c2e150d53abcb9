/**
 * The document's own members, read through `Document.prototype`. An element named after one
 * (`<img name="cookie">`, `<form name="body">`) shadows it on `document` itself: DOM clobbering,
 * which any page with user-written markup can carry by accident.
 */
const read = (doc: Document, name: string) => Object.getOwnPropertyDescriptor(Document.prototype, name)!.get!.call(doc);

export const cookieJar = (doc: Document): string => read(doc, 'cookie');

export const setCookieJar = (doc: Document, cookie: string): void =>
  Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!.set!.call(doc, cookie);

export const currentScript = (doc: Document): HTMLScriptElement | null => read(doc, 'currentScript');

export const bodyOf = (doc: Document): HTMLElement | null => read(doc, 'body');

export const headOf = (doc: Document): HTMLElement | null => read(doc, 'head');

export const element = <K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K): HTMLElementTagNameMap[K] =>
  Document.prototype.createElement.call(doc, tag) as HTMLElementTagNameMap[K];

/** vanilla-cookieconsent's markup of a script that waits for its category. */
export const GATED_SCRIPT = 'script[type="text/plain"][data-category]';
