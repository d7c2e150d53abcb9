import type { FormState } from './model';

/**
 * What the snippet and the page need but `kelisim.config.json` cannot hold: where kelisim.js lives,
 * the embeds, the colours. Kept in this browser so a reload keeps them; the config itself lives in
 * the file the owner saves.
 */
type PageDraft = Pick<FormState, 'scriptPath' | 'embeds' | 'colors'>;

const KEY = 'kelisim-configurator:page';

export function readPageDraft(state: FormState): FormState {
  try {
    const draft = JSON.parse(localStorage.getItem(KEY) || 'null') as PageDraft | null;
    if (!draft || typeof draft != 'object') return state;
    return {
      ...state,
      scriptPath: typeof draft.scriptPath == 'string' ? draft.scriptPath : state.scriptPath,
      embeds: Array.isArray(draft.embeds) ? draft.embeds : state.embeds,
      colors: draft.colors && draft.colors.light && draft.colors.dark ? draft.colors : state.colors,
    };
  } catch {
    // Storage off (a file:// page in some browsers, a strict privacy mode): start from the defaults.
    return state;
  }
}

export function writePageDraft(state: FormState): void {
  try {
    const draft: PageDraft = { scriptPath: state.scriptPath, embeds: state.embeds, colors: state.colors };
    localStorage.setItem(KEY, JSON.stringify(draft));
  } catch {
    // Nothing to do: the page works without it, only a reload forgets these fields.
  }
}
