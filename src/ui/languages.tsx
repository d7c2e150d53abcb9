import type { Settings } from '../core/config';
import type { Texts } from '../i18n/compose';
import { languageName } from './texts';

interface Props {
  settings: Settings;
  languages: string[];
  current: string;
  t: Texts;
  pick(language: string): void;
  /** A hint that the visitor may switch: the dictionary is fetched before the click. */
  prepare(language: string): void;
}

/** Рус / Қаз / Eng: each option in its own `lang`, so screen readers pronounce it right. */
export function Languages({ settings, languages, current, t, pick, prepare }: Props) {
  return (
    <div class="kelisim-langs" role="group" aria-label={t.languageLabel}>
      {languages.map((language) => (
        <button type="button" lang={language} aria-pressed={language == current} onClick={() => pick(language)}
          onMouseEnter={() => prepare(language)} onFocus={() => prepare(language)}>
          {languageName(settings, language)}
        </button>
      ))}
    </div>
  );
}
