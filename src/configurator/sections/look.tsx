import { Choice, fieldId, TextField } from '../fields';
import { COLOR_KEYS, contrast, DEFAULT_COLORS, isHex, PAIRS, schemesOf } from '../theme';
import type { SectionProps } from './props';

/** Layout, theme, and the theme colours with their contrast against what they are read on. */
export function Look({ state, set, problems, s }: SectionProps) {
  return (
    <section aria-labelledby="look-h">
      <h2 id="look-h">{s.sections.look}</h2>
      <Choice name="layout" legend={s.look.layout} value={state.layout}
        options={(['bar', 'box', 'modal'] as const).map((v) => ({ value: v, label: s.look.layouts[v] }))}
        onChange={(v) => set((d) => { d.layout = v; })} />
      <Choice name="theme" legend={s.look.theme} value={state.theme}
        options={(['auto', 'light', 'dark'] as const).map((v) => ({ value: v, label: s.look.themes[v] }))}
        onChange={(v) => set((d) => { d.theme = v; })} />
      <h3>{s.look.colors}</h3>
      <p class="help">{s.look.colorsNote}</p>
      {schemesOf(state.theme).map((scheme) => (
        <fieldset class="item colors">
          <legend>{s.look.schemes[scheme]}</legend>
          {COLOR_KEYS.map((key) => {
            const name = `color.${scheme}.${key}`;
            const palette = state.colors[scheme];
            const pair = PAIRS.filter((p) => p.color == key)[0];
            const ratio = pair && isHex(palette[key]) && isHex(palette[pair.on]) ? contrast(palette[key], palette[pair.on]) : 0;
            const error = problems[name];
            return (
              <div class={'field color' + (error ? ' invalid' : '')}>
                <label for={fieldId(name)}>{s.look.color[key]}</label>
                <input type="color" id={fieldId(name)} name={name} value={palette[key]} aria-invalid={error ? 'true' : undefined}
                  aria-describedby={[pair ? fieldId(name) + '-ratio' : '', error ? fieldId(name) + '-error' : ''].filter(Boolean).join(' ') || undefined}
                  onInput={(event) => { const v = (event.currentTarget as HTMLInputElement).value; set((d) => { d.colors[scheme][key] = v; }); }} />
                {pair ? <span class="ratio" id={fieldId(name) + '-ratio'}>{s.look.contrast}: {(Math.floor(ratio * 100) / 100).toFixed(2)}:1 / {pair.min}:1</span> : null}
                {error ? <p class="error" id={fieldId(name) + '-error'} data-configurator-error="">{error}</p> : null}
              </div>
            );
          })}
          <button type="button" class="secondary" onClick={() => set((d) => { d.colors[scheme] = { ...DEFAULT_COLORS[scheme] }; })}>
            {s.look.reset} ({s.look.schemes[scheme]})
          </button>
        </fieldset>
      ))}
    </section>
  );
}

/** Where each choice is posted as proof (the library's `consentLog`). */
export function Proof({ state, set, problems, s }: SectionProps) {
  return (
    <section aria-labelledby="proof-h">
      <h2 id="proof-h">{s.sections.proof}</h2>
      <TextField name="consentLog" label={s.proof.url} value={state.consentLog} error={problems.consentLog} help={s.proof.help} inputMode="url"
        onInput={(v) => set((d) => { d.consentLog = v; })} />
    </section>
  );
}
