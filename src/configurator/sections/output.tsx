import { useState } from 'preact/hooks';
import type { KelisimConfig } from '../../types';
import { CopyButton } from '../copy-button';
import { fieldId, TextField } from '../fields';
import { configFile, reopenButton } from '../snippet';
import type { SectionProps } from './props';

interface OutputProps extends SectionProps {
  config: KelisimConfig;
  /** The snippet, or '' while any field is flagged. */
  code: string;
  /** Messages for the summary, each with the field it is about. */
  summary: { field: string; message: string }[];
  load(text: string): { kept: string[]; dropped: string[] } | null;
}

/** A click on a temporary link is how a page offers a file it made itself for download. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The snippet with its copy button, the settings file to save and load, and the reopen button's markup. */
export function Output({ state, set, problems, s, lang, config, code, summary, load }: OutputProps) {
  const [status, setStatus] = useState('');
  const [loadError, setLoadError] = useState('');
  // With "auto" the site's language is unknown here; the owner's own is the best guess.
  const button = reopenButton(config.texts, state.language == 'auto' ? lang : state.language);

  const read = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files && input.files[0];
    if (!file) return;
    file.text().then((text) => {
      const result = load(text);
      setLoadError(result ? '' : s.output.loadError);
      setStatus(result ? [
        s.output.loaded,
        result.kept.length ? `${s.output.kept}: ${result.kept.join(', ')}.` : '',
        result.dropped.length ? `${s.output.dropped}: ${result.dropped.join(', ')}.` : '',
      ].filter(Boolean).join(' ') : '');
      input.value = '';
    });
  };

  return (
    <section aria-labelledby="output-h">
      <h2 id="output-h">{s.sections.output}</h2>
      <p class="help">{s.output.help}</p>
      <TextField name="scriptPath" label={s.output.scriptPath} value={state.scriptPath} error={problems.scriptPath}
        help={s.output.scriptPathHelp} onInput={(v) => set((d) => { d.scriptPath = v; })} />
      {summary.length ? (
        <div class="summary">
          <p><strong>{s.output.notReady(summary.length)}</strong></p>
          <ul>{summary.map(({ field, message }) => <li>{field ? <a href={'#' + fieldId(field)}>{message}</a> : message}</li>)}</ul>
        </div>
      ) : null}
      <p id="snippet-label">{s.output.snippet}</p>
      <pre tabIndex={code ? 0 : undefined} hidden={!code} aria-labelledby="snippet-label"><code data-configurator="snippet">{code}</code></pre>
      <div class="buttons">
        <CopyButton text={code} target='[data-configurator="snippet"]' label={s.output.copy} done={s.output.copied} disabled={!code} />
        <button type="button" data-configurator="save" disabled={!code} onClick={() => download('kelisim.config.json', configFile(config))}>{s.output.save}</button>
      </div>
      <div class={'field' + (loadError ? ' invalid' : '')}>
        <label for="f-load">{s.output.load}</label>
        <input type="file" id="f-load" accept=".json,application/json" data-configurator="load" onChange={read}
          aria-describedby={'f-load-help' + (loadError ? ' f-load-error' : '')} aria-invalid={loadError ? 'true' : undefined} />
        <p class="help" id="f-load-help">{s.output.loadHelp}</p>
        {loadError ? <p class="error" id="f-load-error" data-configurator-error="">{loadError}</p> : null}
      </div>
      <p class="status" role="status">{status}</p>
      <p id="button-label">{s.output.button}</p>
      <pre tabIndex={0} aria-labelledby="button-label"><code id="reopen-markup">{button}</code></pre>
      <CopyButton text={button} target="#reopen-markup" label={s.output.copyMarkup} done={s.output.copied} />
    </section>
  );
}
