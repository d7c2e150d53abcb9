// Embeds site owners use most, by host (a subdomain counts) and, where one host serves several
// services, by path.
const SERVICES: [RegExp, string][] = [
  [/(^|\.)(youtube(-nocookie)?\.com|youtu\.be)$/, 'YouTube'],
  [/(^|\.)google\.[a-z.]+\/maps/, 'Google Maps'],
  [/^maps\.google\./, 'Google Maps'],
  [/(^|\.)2gis\.[a-z]+$/, '2GIS'],
  [/(^|\.)yandex\.[a-z]+\/(map-widget|maps)/, 'Яндекс Карты'],
  [/^api-maps\.yandex\./, 'Яндекс Карты'],
  [/(^|\.)vk\.(com|ru)\/video/, 'VK Видео'],
  [/(^|\.)rutube\.ru$/, 'RUTUBE'],
  [/(^|\.)vimeo\.com$/, 'Vimeo'],
  [/(^|\.)instagram\.com$/, 'Instagram'],
];

/** What the placeholder calls the embed: its `data-service`, a known service, or the host. */
export function serviceOf(frame: Element): string {
  const named = frame.getAttribute('data-service');
  if (named) return named;
  try {
    const url = new URL(frame.getAttribute('data-src') || '', location.href);
    const host = url.hostname.replace(/^www\./, '');
    const found = SERVICES.filter(([pattern]) => pattern.test(host) || pattern.test(host + url.pathname))[0];
    return found ? found[1] : host;
  } catch {
    return '';
  }
}
