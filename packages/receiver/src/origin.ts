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
    throw new Error('is not a URL; write it as https://example.kz');
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.pathname != '/' || /[?#]/.test(value)) {
    throw new Error('must be a bare origin such as https://example.kz (http or https, no path, query or user)');
  }
  return url.origin;
}
