/** Why a value is not a site origin: not a URL at all, or a URL with more than an origin. */
export type OriginFault = 'not-url' | 'not-origin';

/** The reason `siteOrigin` threw, told in a language, e.g. `WORDS.ru.badOrigin('--origin "x"', originFaultOf(error))`. */
export const originFaultOf = (error: unknown): OriginFault => (error as { originFault?: OriginFault }).originFault || 'not-url';

/**
 * A site origin as browsers send it in the Origin header, which is what the receiver compares and
 * stores: lower case, the default port left out, an internationalised name in punycode
 * (https://другой.kz arrives as https://xn--c1abqtis.kz). Throws the reason a value is not one.
 */
export function siteOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw Object.assign(new Error('is not a URL; write it as https://example.kz'), { originFault: 'not-url' as OriginFault });
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.pathname != '/' || /[?#]/.test(value)) {
    throw Object.assign(new Error('must be a bare origin such as https://example.kz (http or https, no path, query or user)'), { originFault: 'not-origin' as OriginFault });
  }
  return url.origin;
}
