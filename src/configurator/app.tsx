import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { check, libraryMessages } from './check';
import { type FormState, fromConfig, initialState, type Lang, LANGS, toConfig } from './model';
import { readPageDraft, writePageDraft } from './page-draft';
import { Counters, Embeds } from './sections/counters';
import { Look, Proof } from './sections/look';
import { Output } from './sections/output';
import { Policy } from './sections/policy';
import { Preview } from './sections/preview';
import { Purposes } from './sections/purposes';
import { Texts } from './sections/texts';
import { snippet } from './snippet';
import { STRINGS } from './strings';
import { themeCss } from './theme';

/** `?lang=kk` first, then the browser's languages; Russian otherwise. */
function startLanguage(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  const wanted = [asked || '', ...(navigator.languages || [])].map((l) => l.slice(0, 2).toLowerCase());
  return (wanted.filter((l) => LANGS.indexOf(l as Lang) >= 0)[0] as Lang) || 'ru';
}

export function App() {
  const [lang, setLang] = useState<Lang>(startLanguage);
  const [state, setState] = useState<FormState>(() => readPageDraft(initialState()));
  const s = STRINGS[lang];
  const set = useCallback((change: (draft: FormState) => void) => setState((previous) => {
    const next = structuredClone(previous);
    change(next);
    return next;
  }), []);

  const problems = useMemo(() => check(state, s), [state, s]);
  const flagged = (field: string) => field in problems;
  const config = useMemo(() => toConfig(state), [state]);
  // The form's checks should leave nothing for the library to refuse; if they ever do, no snippet.
  const refused = Object.keys(problems).length ? [] : libraryMessages(config);
  const summary = [
    ...Object.keys(problems).map((field) => ({ field, message: problems[field] })),
    ...refused.map((message) => ({ field: '', message: s.errors.library(message) })),
  ];
  const css = themeCss(state.theme, state.colors);
  const code = summary.length ? '' : snippet(config, state.scriptPath.trim(), css);
  const previewCss = themeCss(state.theme, state.colors, (scheme, key) => !flagged(`color.${scheme}.${key}`));

  useEffect(() => writePageDraft(state), [state.scriptPath, state.embeds, state.colors]);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = s.title;
  }, [lang]);

  const load = (text: string): { kept: string[]; dropped: string[] } | null => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return null;
    }
    if (!parsed || typeof parsed != 'object' || Array.isArray(parsed)) return null;
    const next = fromConfig(parsed, state);
    setState(next);
    return { kept: Object.keys(next.rest), dropped: next.dropped };
  };

  const props = { state, set, problems, s, lang };
  return (
    <>
      <header class="top">
        <h1>{s.title}</h1>
        <div class="field language">
          <label for="f-ui-language">{s.language}</label>
          <select id="f-ui-language" data-configurator="language" onChange={(e) => setLang((e.currentTarget as HTMLSelectElement).value as Lang)}>
            {LANGS.map((l) => <option value={l} lang={l} selected={l == lang}>{STRINGS[l].languageName}</option>)}
          </select>
        </div>
        <p class="help">{s.intro}</p>
      </header>
      <div class="layout">
        <main class="form">
          <Purposes {...props} />
          <Counters {...props} />
          <Embeds {...props} />
          <Policy {...props} />
          <Texts {...props} />
          <Look {...props} />
          <Proof {...props} />
          <Output {...props} config={config} code={code} summary={summary} load={load} />
        </main>
        <aside class="side" aria-label={s.sections.preview}>
          <Preview s={s} config={toConfig(state, flagged)} css={previewCss} embeds={state.embeds.filter((_, i) => !flagged(`embed.${i}.category`))} lang={lang} />
        </aside>
      </div>
    </>
  );
}

