import type { KelisimConfig } from '../types';

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
