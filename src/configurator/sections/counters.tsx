import { catalog } from '../../presets/catalog';
import { CopyButton } from '../copy-button';
import { embedMarkup, embedSrc } from '../embeds';
import { CheckField, fieldId, focusSoon, SelectField, TextField } from '../fields';
import { COUNTER_KINDS, EMBED_KINDS, emptyCounter, emptyEmbed, presetOf } from '../model';
import { purposeTitle } from '../dictionaries';
import type { SectionProps } from './props';

/** The purposes switched on, as options of a counter's or embed's purpose picker. */
const purposeOptions = ({ state, lang }: SectionProps) =>
  state.purposes.filter((p) => p.on && p.name).map((p) => ({ value: p.name, label: purposeTitle(p, lang) }));

/** A counter per row: the vendor, its id checked against the vendor's format, and its purpose. */
export function Counters(props: SectionProps) {
  const { state, set, problems, s } = props;
  const purposes = purposeOptions(props);
  const fallback = state.purposes.some((p) => p.on && p.name == 'analytics') ? 'analytics' : (purposes[0] || { value: '' }).value;
  return (
    <section aria-labelledby="counters-h">
      <h2 id="counters-h">{s.sections.counters}</h2>
      <p class="help">{s.counters.help}</p>
      {state.counters.map((row, i) => {
        const key = `counter.${i}`;
        const preset = presetOf(row.kind);
        const example = row.kind == 'google-ads' ? 'AW-123456789' : preset ? catalog[preset].idExample : '';
        return (
          <fieldset class="item">
            <legend>{s.counters.item} {i + 1}: {s.counters.kinds[row.kind]}</legend>
            <SelectField name={`${key}.kind`} label={s.counters.kind} value={row.kind}
              options={COUNTER_KINDS.map((k) => ({ value: k, label: s.counters.kinds[k] }))}
              onChange={(v) => set((d) => { d.counters[i].kind = v; })} />
            {preset ? (
              <TextField name={`${key}.id`} label={s.counters.id} value={row.id} error={problems[`${key}.id`]} autocomplete="off"
                help={`${s.counters.example}: ${example}`} onInput={(v) => set((d) => { d.counters[i].id = v; })} />
            ) : (
              <TextField name={`${key}.src`} label={s.counters.src} value={row.src} error={problems[`${key}.src`]} inputMode="url"
                help={`${s.counters.example}: https://example.org/pixel.js`} onInput={(v) => set((d) => { d.counters[i].src = v; })} />
            )}
            <SelectField name={`${key}.category`} label={s.counters.purpose} value={row.category} error={problems[`${key}.category`]}
              options={purposes.some((o) => o.value == row.category) ? purposes : [{ value: row.category, label: row.category || '—' }, ...purposes]}
              onChange={(v) => set((d) => { d.counters[i].category = v; })} />
            {row.kind == 'yandex-metrika' ? (
              <CheckField name={`${key}.webvisor`} label={s.counters.webvisor} checked={row.webvisor}
                onChange={(v) => set((d) => { d.counters[i].webvisor = v; })} />
            ) : null}
            <button type="button" class="secondary" onClick={() => { set((d) => { d.counters.splice(i, 1); }); focusSoon('add-counter'); }}>
              {s.remove}: {s.counters.item} {i + 1}
            </button>
          </fieldset>
        );
      })}
      <button type="button" id="add-counter" onClick={() => {
        set((d) => { d.counters.push(emptyCounter(fallback)); });
        focusSoon(fieldId(`counter.${state.counters.length}.kind`));
      }}>{s.counters.add}</button>
    </section>
  );
}

/** Embeds: the purpose each needs and the gated markup to paste in its place. */
export function Embeds(props: SectionProps) {
  const { state, set, problems, s } = props;
  const purposes = purposeOptions(props);
  const fallback = state.purposes.some((p) => p.on && p.name == 'functional') ? 'functional' : (purposes[0] || { value: '' }).value;
  return (
    <section aria-labelledby="embeds-h">
      <h2 id="embeds-h">{s.sections.embeds}</h2>
      <p class="help">{s.embeds.help}</p>
      {state.embeds.map((row, i) => {
        const key = `embed.${i}`;
        const src = embedSrc(row.kind, row.url);
        const ready = src && row.title.trim() && !problems[`${key}.category`];
        return (
          <fieldset class="item">
            <legend>{s.embeds.item} {i + 1}: {s.embeds.kinds[row.kind]}</legend>
            <SelectField name={`${key}.kind`} label={s.embeds.kind} value={row.kind}
              options={EMBED_KINDS.map((k) => ({ value: k, label: s.embeds.kinds[k] }))}
              onChange={(v) => set((d) => { d.embeds[i].kind = v; })} />
            <TextField name={`${key}.url`} label={s.embeds.url} value={row.url} error={problems[`${key}.url`]} inputMode="url"
              onInput={(v) => set((d) => { d.embeds[i].url = v; })} />
            <TextField name={`${key}.title`} label={s.embeds.title} value={row.title} error={problems[`${key}.title`]}
              onInput={(v) => set((d) => { d.embeds[i].title = v; })} />
            <SelectField name={`${key}.category`} label={s.embeds.purpose} value={row.category} error={problems[`${key}.category`]}
              options={purposes.some((o) => o.value == row.category) ? purposes : [{ value: row.category, label: row.category || '—' }, ...purposes]}
              onChange={(v) => set((d) => { d.embeds[i].category = v; })} />
            {ready ? (
              <div class="output">
                <p id={`${key}-markup-label`}>{s.embeds.markup}</p>
                <pre tabIndex={0} aria-labelledby={`${key}-markup-label`}><code data-configurator-embed={i}>{embedMarkup(row, src!)}</code></pre>
                <CopyButton text={embedMarkup(row, src!)} target={`[data-configurator-embed="${i}"]`} label={s.output.copyMarkup} done={s.output.copied} />
              </div>
            ) : null}
            <button type="button" class="secondary" onClick={() => { set((d) => { d.embeds.splice(i, 1); }); focusSoon('add-embed'); }}>
              {s.remove}: {s.embeds.item} {i + 1}
            </button>
          </fieldset>
        );
      })}
      <button type="button" id="add-embed" onClick={() => {
        set((d) => { d.embeds.push(emptyEmbed(fallback)); });
        focusSoon(fieldId(`embed.${state.embeds.length}.kind`));
      }}>{s.embeds.add}</button>
    </section>
  );
}
