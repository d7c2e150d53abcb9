import type { UITexts } from '../types';

/** A language's UI strings, and [title, description] of each built-in category. */
export interface Dictionary extends UITexts {
  categories: Record<string, [string, string]>;
}
