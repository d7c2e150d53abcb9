import type { Settings } from '../core/config';
import { textsFor, type Texts } from '../i18n';

interface Props {
  settings: Settings;
  languages: string[];
  current: string;
  t: Texts;
  pick(language: string): void;
}

/** Рус / Қаз / Eng: each option in its own `lang`, so screen readers pronounce it right. */
export function Languages({ settings, languages, current, t, pick }: Props) {
  return (
    <div class="kelisim-langs" role="group" aria-label={t.languageLabel}>
      {languages.map((language) => (
        <button type="button" lang={language} aria-pressed={language == current} onClick={() => pick(language)}>
          {textsFor(settings, language).languageName}
        </button>
      ))}
    </div>
  );
}
