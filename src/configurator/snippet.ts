import type { KelisimConfig } from '../types';
import { DICTIONARIES } from './dictionaries';
import type { Lang } from './model';

/**
 * The config as a script literal: JSON, with `<` escaped so no string in it can close the script
 * element (`</script>`) or open a comment; `\u003c` reads back as the same string.
 */
export const configLiteral = (config: KelisimConfig) => JSON.stringify(config, null, 2).replace(/</g, '\\u003c');

/** The file an owner saves and loads: the config exactly as the snippet sets it. */
export const configFile = (config: KelisimConfig) => JSON.stringify(config, null, 2) + '\n';

/**
 * What goes into every page's `<head>`: the config, then the gate from `scriptPath` (named once, so
 * whoever installs it edits one place), then the owner's colours if any.
 */
export function snippet(config: KelisimConfig, scriptPath: string, css: string): string {
  const lines = [
    '<script>',
    `  window.kelisimConfig = ${configLiteral(config).replace(/\n/g, '\n  ')};`,
    '</script>',
    `<script src="${scriptPath.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" defer></script>`,
  ];
  if (css) lines.push('<style>', css, '</style>');
  return lines.join('\n') + '\n';
}

/**
 * The button that reopens the settings, for the site's footer. It is named as the dialog is (the
 * owner's `preferencesTitle` if they gave one), because the dialog's own text sends visitors back
 * through the link of that name.
 */
export function reopenButton(texts: KelisimConfig['texts'], language: Lang): string {
  const own = texts && texts[language] && texts[language]!.preferencesTitle;
  const label = (own && own.trim()) || DICTIONARIES[language].preferencesTitle;
  return `<button type="button" data-kelisim="preferences">${label.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</button>`;
}
