import type { EmbedKind, EmbedRow } from './model';

const parse = (value: string): URL | null => {
  try {
    const url = new URL(value.trim());
    return url.protocol == 'https:' ? url : null;
  } catch {
    return null;
  }
};

const host = (url: URL, ...names: string[]) => names.some((n) => url.hostname == n || url.hostname.endsWith('.' + n));

/**
 * The iframe address for what an owner copies from the address bar or the vendor's share dialog,
 * or null when it is not one. YouTube goes through its privacy-enhanced host (youtube-nocookie.com),
 * which sets no cookie until the video plays.
 */
export function embedSrc(kind: EmbedKind, value: string): string | null {
  const url = parse(value);
  if (!url) return null;
  const path = url.pathname;
  if (kind == 'youtube') {
    if (!host(url, 'youtube.com', 'youtu.be', 'youtube-nocookie.com')) return null;
    const id = host(url, 'youtu.be') ? path.slice(1) : url.searchParams.get('v') || (/^\/(embed|shorts|live)\/([^/]+)/.exec(path) || [])[2] || '';
    return /^[\w-]{11}$/.test(id) ? `https://www.youtube-nocookie.com/embed/${id}` : null;
  }
  if (kind == 'rutube') {
    if (!host(url, 'rutube.ru')) return null;
    const id = (/^\/(video|play\/embed)\/([\w-]+)/.exec(path) || [])[2];
    return id ? `https://rutube.ru/play/embed/${id}` : null;
  }
  if (kind == 'vk-video') {
    if (!host(url, 'vk.com', 'vkvideo.ru', 'vk.ru')) return null;
    if (path == '/video_ext.php' && url.searchParams.get('oid') && url.searchParams.get('id')) return url.href;
    const match = /^\/video(-?\d+)_(\d+)/.exec(path);
    return match ? `https://${url.hostname}/video_ext.php?oid=${match[1]}&id=${match[2]}` : null;
  }
  if (kind == 'yandex-maps') {
    if (!host(url, 'yandex.ru', 'yandex.kz', 'yandex.com')) return null;
    if (path.indexOf('/map-widget/') == 0) return url.href;
    // The address bar's /maps/?… opens the same map as the embeddable widget.
    return path.indexOf('/maps') == 0 ? url.href.replace(/\/maps\/?/, '/map-widget/v1/') : null;
  }
  return url.href;
}

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const SIZE: Record<EmbedKind, string> = {
  youtube: 'width="560" height="315"', rutube: 'width="560" height="315"', 'vk-video': 'width="560" height="315"',
  'yandex-maps': 'width="560" height="400"', other: 'width="560" height="315"',
};

/** The gated iframe for the page: it gets its `src` only once its purpose is allowed. */
export function embedMarkup(row: EmbedRow, src: string): string {
  const video = row.kind != 'yandex-maps' && row.kind != 'other'
    ? ' allow="autoplay; encrypted-media; fullscreen; picture-in-picture" allowfullscreen' : '';
  return `<iframe data-category="${attribute(row.category)}" data-src="${attribute(src)}" title="${attribute(row.title.trim())}" ${SIZE[row.kind]}${video}></iframe>`;
}
