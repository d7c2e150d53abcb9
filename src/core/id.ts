/** 16 characters of base64url from 96 random bits: unguessable, and short enough for the cookie. */
export function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode.apply(null, bytes as unknown as number[]))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}
