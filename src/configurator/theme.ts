import css from '../../styles/kelisim.css?inline';

/** The theme colours a site owner picks; the CSS custom properties of styles/kelisim.css. */
export interface Palette {
  bg: string;
  fg: string;
  muted: string;
  accent: string;
  accentFg: string;
}
export type Scheme = 'light' | 'dark';
export const COLOR_KEYS: (keyof Palette)[] = ['bg', 'fg', 'muted', 'accent', 'accentFg'];

const PROPERTY: Record<keyof Palette, string> = {
  bg: '--kelisim-bg', fg: '--kelisim-fg', muted: '--kelisim-muted', accent: '--kelisim-accent', accentFg: '--kelisim-accent-fg',
};

/** `#fff` → `#ffffff`, so a colour input can show it. */
const longHex = (value: string) =>
  /^#[\da-f]{3}$/i.test(value) ? '#' + value.slice(1).split('').map((c) => c + c).join('') : value.toLowerCase();

/** The library's own defaults, read from its stylesheet rather than copied. */
function paletteIn(selector: string): Palette {
  // The build minifies the stylesheet and the unit tests read it as written: fold both alike.
  const flat = css.replace(/\s+/g, ' ').replace(/\s*([{};,])\s*/g, '$1').replace(/:\s+/g, ':');
  // The selector may open a list (`a, b {`): the block is the first one after it.
  const open = flat.indexOf('{', flat.search(new RegExp(selector.replace(/[[\]().*+?^$|\\]/g, '\\$&') + '[,{]')));
  const block = flat.slice(open, flat.indexOf('}', open));
  const palette = {} as Palette;
  for (const key of COLOR_KEYS) {
    const match = new RegExp(PROPERTY[key] + ':(#[\\da-f]{3,6})[;}]?', 'i').exec(block + ';');
    palette[key] = match ? longHex(match[1]) : '#000000';
  }
  return palette;
}

export const DEFAULT_COLORS: Record<Scheme, Palette> = {
  light: paletteIn('[data-kelisim],.kelisim-placeholder'),
  dark: paletteIn('[data-kelisim] .kelisim[data-kelisim-theme=dark]'),
};

/** WCAG 2.2 relative luminance of an sRGB `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

export const isHex = (value: string) => /^#[\da-f]{6}$/i.test(value);

/** The WCAG contrast ratio, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Each colour checked against the one it is read on, with WCAG AA's minimum for normal text
 * (1.4.3): the accent colours links, so it is text too, not only a control (1.4.11 would allow 3:1).
 */
export const PAIRS: { color: keyof Palette; on: keyof Palette; min: number }[] = [
  { color: 'fg', on: 'bg', min: 4.5 },
  { color: 'muted', on: 'bg', min: 4.5 },
  { color: 'accent', on: 'bg', min: 4.5 },
  { color: 'accentFg', on: 'accent', min: 4.5 },
];

/** Which schemes a `theme` value can show. */
export const schemesOf = (theme: 'auto' | 'light' | 'dark'): Scheme[] => (theme == 'auto' ? ['light', 'dark'] : [theme]);

/**
 * CSS for the colours that differ from the defaults, or '' when none do. The doubled class outranks
 * the built-in stylesheet, which the library injects after the page's own styles.
 */
export function themeCss(theme: 'auto' | 'light' | 'dark', colors: Record<Scheme, Palette>, keep: (scheme: Scheme, key: keyof Palette) => boolean = () => true): string {
  const rules: string[] = [];
  for (const scheme of schemesOf(theme)) {
    const changed = COLOR_KEYS.filter((key) => colors[scheme][key] != DEFAULT_COLORS[scheme][key] && keep(scheme, key));
    if (!changed.length) continue;
    const body = changed.map((key) => `${PROPERTY[key]}: ${colors[scheme][key]};`).join(' ');
    const forced = `[data-kelisim] .kelisim.kelisim[data-kelisim-theme=${scheme}] { ${body} }`;
    const media = scheme == 'dark' ? '(prefers-color-scheme: dark)' : 'not all and (prefers-color-scheme: dark)';
    rules.push(theme == 'auto' ? `@media ${media} { [data-kelisim] .kelisim.kelisim[data-kelisim-theme=auto] { ${body} } }` : forced);
  }
  return rules.join('\n');
}
