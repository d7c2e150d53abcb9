import { useEffect, useState } from 'preact/hooks';
import type { KelisimConfig } from '../../types';
import { Choice } from '../fields';
import { type EmbedRow, type Lang, LANGS } from '../model';
import { previewConfig, previewDocument, type View } from '../preview';
import type { Strings } from '../strings';
import { STRINGS } from '../strings';

interface Props {
  s: Strings;
  /** The config with every flagged value left out. */
  config: KelisimConfig;
  css: string;
  embeds: EmbedRow[];
  lang: Lang;
}

/** The real built library in an iframe, started afresh a moment after each change. */
export function Preview({ s, config, css, embeds, lang }: Props) {
  const [language, setLanguage] = useState<Lang>(lang);
  const [width, setWidth] = useState<'phone' | 'desktop'>('desktop');
  const [view, setView] = useState<View>('first');
  const [doc, setDoc] = useState('');
  const gate = new URL('kelisim.js', document.baseURI).href;
  const next = previewDocument({ config: previewConfig(config, language), css, gate, view, embeds, s: STRINGS[language], language });

  // Switching the configurator's language shows the banner in it too.
  useEffect(() => setLanguage(lang), [lang]);

  useEffect(() => {
    // Typing re-renders on every key; the banner restarts once the owner pauses.
    const timer = setTimeout(() => setDoc(next), doc ? 250 : 0);
    return () => clearTimeout(timer);
  }, [next]);

  return (
    <section aria-labelledby="preview-h" class="preview">
      <h2 id="preview-h">{s.sections.preview}</h2>
      <p class="help">{s.preview.help}</p>
      <div class="switches">
        <Choice name="preview-language" legend={s.preview.language} value={language}
          options={LANGS.map((l) => ({ value: l, label: STRINGS[l].languageName, lang: l }))} onChange={(v: Lang) => setLanguage(v)} />
        <Choice name="preview-width" legend={s.preview.width} value={width}
          options={[{ value: 'phone', label: s.preview.phone }, { value: 'desktop', label: s.preview.desktop }]} onChange={(v: 'phone' | 'desktop') => setWidth(v)} />
        <Choice name="preview-view" legend={s.preview.view} value={view}
          options={(['first', 'returning', 'preferences'] as const).map((v) => ({ value: v, label: s.preview.views[v] }))} onChange={(v: View) => setView(v)} />
      </div>
      <div class="frame">
        <iframe data-configurator="preview" title={s.preview.frame} srcdoc={doc} class={width} />
      </div>
    </section>
  );
}
