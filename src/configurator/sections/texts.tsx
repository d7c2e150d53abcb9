import type { UITexts } from '../../types';
import { TextField } from '../fields';
import { LANGS } from '../model';
import { DICTIONARIES } from '../dictionaries';
import type { SectionProps } from './props';

/**
 * Every UI string of the library, read from its own dictionary so a new one shows up here too; what
 * is not a string there (the categories' texts, the identifier names) is not a text to override.
 */
const KEYS = (Object.keys(DICTIONARIES.ru) as (keyof typeof DICTIONARIES.ru)[])
  .filter((key) => typeof DICTIONARIES.ru[key] == 'string') as (keyof UITexts)[];

/** Overrides of the banner's strings per language, each beside the built-in text it replaces. */
export function Texts({ state, set, problems, s }: SectionProps) {
  return (
    <section aria-labelledby="texts-h">
      <h2 id="texts-h">{s.sections.texts}</h2>
      <p class="help">{s.texts.help}</p>
      {LANGS.map((lang) => {
        const overridden = Object.keys(state.texts[lang]).filter((k) => state.texts[lang][k]).length;
        return (
          <details>
            <summary>{s.sections.texts} ({s.langs[lang]}){overridden ? `: ${overridden}` : ''}</summary>
            {KEYS.map((key) => {
              const builtIn = DICTIONARIES[lang][key];
              return (
                <TextField name={`text.${lang}.${key}`} label={<>{s.texts.labels[key] || key} ({s.langs[lang]}) <code class="key">{key}</code></>} lang={lang}
                  multiline={builtIn.length > 70} value={state.texts[lang][key] || ''} error={problems[`text.${lang}.${key}`]}
                  builtIn={{ label: s.builtIn, text: builtIn, lang }}
                  onInput={(v) => set((d) => { d.texts[lang][key] = v; })} />
              );
            })}
          </details>
        );
      })}
    </section>
  );
}
