import type { UITexts } from '../types';

/** A language's UI strings, and what it says of each built-in category and identifier. */
export interface Dictionary extends UITexts {
  /** [title, description, purpose]: the purpose is how the banner's list names the category. */
  categories: Record<string, [string, string, string]>;
  /** This language's name for each identifier kind, keyed by its Russian abbreviation. */
  ids: Record<string, string>;
}
