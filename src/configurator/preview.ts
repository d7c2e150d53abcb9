import type { KelisimConfig } from '../types';
import { serviceOf } from '../ui/service';
import { embedSrc } from './embeds';
import { reopenButton } from './snippet';
import type { EmbedRow, Lang } from './model';
import type { Strings } from './strings';

export type View = 'first' | 'returning' | 'preferences';

/** The preview's own consent cookie, so trying the banner here never answers for the owner's site. */
const COOKIE = 'kelisim_preview';

const text = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const attribute = (value: string) => text(value).replace(/"/g, '&quot;');
const literal = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * What the preview hands the library: the form's config without its counters and receiver (nothing
 * is loaded or posted from here), in the language picked for the preview.
 */
export function previewConfig(config: KelisimConfig, language: Lang): KelisimConfig {
  const { counters: _counters, consentLog: _log, cookie, ...rest } = config;
  return { ...rest, language, cookie: { ...cookie, name: COOKIE, path: '/', domain: undefined, sameSite: 'Lax' }, reloadOnWithdraw: false };
}

/**
 * The library focuses a modal banner and the settings dialog as they open, as it should on a site.
 * Here the page restarts a moment after each change to the form, and that focus would pull the
 * owner's typing into the preview; so it moves focus only once the owner is in the preview.
 */
const KEEP_FOCUS = `var focus = HTMLElement.prototype.focus;
HTMLElement.prototype.focus = function (options) { if (document.hasFocus()) focus.call(this, options); };`;

/** The service the placeholder names, as the library would name the real embed. */
function serviceName(src: string): string {
  const frame = document.createElement('iframe');
  frame.setAttribute('data-src', src);
  return serviceOf(frame);
}

/**
 * A page with the real built gate (`gate`, an absolute URL inside the configurator's folder, so the
 * UI chunk comes from beside it), started fresh on every change: the old choice is deleted first.
 * Embeds are shown by their placeholders; allowing one loads a grey page from the same folder,
 * never the vendor (the gate refuses `about:blank`: only http(s) and relative URLs are let in).
 */
export function previewDocument(options: {
  config: KelisimConfig; css: string; gate: string; view: View; embeds: EmbedRow[]; s: Strings; language: Lang;
}): string {
  const { config, css, gate, view, embeds, s, language } = options;
  const frames = embeds.filter((row) => embedSrc(row.kind, row.url) && row.title.trim()).map((row) =>
    `<iframe data-category="${attribute(row.category)}" data-src="${attribute(new URL('preview-embed.html', gate).href)}" data-service="${attribute(serviceName(embedSrc(row.kind, row.url)!))}" title="${attribute(row.title)}" width="320" height="180"></iframe>`).join('\n');
  const after = view == 'returning' ? 'k.accept([]); k.hide();' : view == 'preferences' ? 'k.showPreferences();' : '';
  return `<!doctype html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(s.preview.pageTitle)}</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; margin: 0; padding: 24px; color: #1c1c1e; background: #f4f4f6; } iframe { border: 1px solid #c9c9cf; max-width: 100%; }</style>
${css ? `<style>${css}</style>` : ''}
<script>
${KEEP_FOCUS}
document.cookie = '${COOKIE}=; Max-Age=0; Path=/';
document.cookie = '${COOKIE}_lang=; Max-Age=0; Path=/';
</script>
<script src="${attribute(gate)}"></script>
</head>
<body>
<main>
<h1>${text(s.preview.pageTitle)}</h1>
<p>${text(view == 'returning' ? s.preview.returning : s.preview.pageText)}</p>
${frames}
<p>${reopenButton(config.texts, language)}</p>
</main>
<script>
var k = window.Kelisim;
k.init(${literal(config)});
${after}
</script>
</body>
</html>`;
}
