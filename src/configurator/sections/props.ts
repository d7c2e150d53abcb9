import type { FormState } from '../model';
import type { Problems } from '../check';
import type { Strings } from '../strings';

/** What every section of the form gets: the state, a way to change it, the problems, the words. */
export interface SectionProps {
  state: FormState;
  /** Change a copy of the state; the form re-renders with it. */
  set(change: (draft: FormState) => void): void;
  problems: Problems;
  s: Strings;
  /** The configurator's language, for the built-in texts shown beside the fields. */
  lang: 'ru' | 'kk' | 'en';
}
