import type { Texts } from '../i18n/compose';

interface Props {
  languages: string[];
  current: string;
  t: Texts;
  name(language: string): string;
  pick(language: string): void;
  /** A hint that the visitor may switch: the dictionary is fetched before the click. */
  prepare(language: string): void;
}

/** The dialog's Рус / Қаз / Eng, as the banner's (banner.ts): each option in its own `lang`. */
export function Languages({ languages, current, t, name, pick, prepare }: Props) {
  return (
    <div class="kelisim-langs" role="group" aria-label={t.languageLabel}>
      {languages.map((language) => (
        <button type="button" lang={language} aria-pressed={language == current} onClick={() => pick(language)}
          onMouseEnter={() => prepare(language)} onFocus={() => prepare(language)}>
          {name(language)}
        </button>
      ))}
    </div>
  );
}
