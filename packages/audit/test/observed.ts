import { classifyCookie, classifyRequest } from '../src/map/classify';
import type { Phase } from '../src/types';

/** What the audit would have seen on the Center's site, built by hand for tests of what it makes of it. */
export const SITE = 'www.makeup-center.kz';

export const request = (url: string, cause = '') => {
  const u = new URL(url);
  return { url, host: u.hostname, type: 'script', cause, ...classifyRequest(u, SITE) };
};

export const cookie = (name: string, domain = '.makeup-center.kz', cause = '') =>
  ({ name, domain, httpOnly: false, cause, ...classifyCookie(name, domain, SITE) });

export const phase = (name: Phase['name'], requests: Phase['requests'], cookies: Phase['cookies'] = []): Phase =>
  ({ name, visited: [], requests, cookies, storage: [], notes: [] });
