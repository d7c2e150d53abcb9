import { DICTIONARIES, purposeTitle } from '../dictionaries';
import { CheckField, fieldId, focusSoon, TextField } from '../fields';
import { LANGS, purpose } from '../model';
import type { SectionProps } from './props';

/** Built-in purposes switched on or off, custom ones with their texts in all three languages. */
export function Purposes({ state, set, problems, s, lang }: SectionProps) {
  return (
    <section aria-labelledby="purposes-h">
      <h2 id="purposes-h">{s.sections.purposes}</h2>
      <p class="help">{s.purposes.help}</p>
      {state.purposes.map((p, i) => {
        const key = `purpose.${i}`;
        const title = purposeTitle(p, lang);
        return (
          <fieldset class="item">
            <legend>{p.builtIn ? title : `${s.purposes.custom}: ${p.name || i + 1}`}</legend>
            {p.builtIn ? (
              <CheckField name={`${key}.on`} label={p.required ? `${s.purposes.alwaysOn}` : s.purposes.on}
                checked={p.on} disabled={p.required} onChange={(v) => set((d) => { d.purposes[i].on = v; })} />
            ) : (
              <TextField name={`${key}.name`} label={s.purposes.name} value={p.name} error={problems[`${key}.name`]}
                onInput={(v) => set((d) => {
                  const old = d.purposes[i].name;
                  d.purposes[i].name = v;
                  // Counters and embeds follow their purpose when it is renamed.
                  for (const row of [...d.counters, ...d.embeds]) if (row.category == old) row.category = v;
                })} />
            )}
            {p.on ? (
              <details open={!p.builtIn || undefined}>
                <summary>{s.purposes.title}, {s.purposes.description.toLowerCase()}</summary>
                {LANGS.map((l) => {
                  const builtIn = p.builtIn ? DICTIONARIES[l].categories[p.name] : undefined;
                  return (['title', 'description'] as const).map((field, f) => (
                    <TextField name={`${key}.${l}.${field}`} label={`${s.purposes[field]} (${s.langs[l]})`} lang={l}
                      multiline={field == 'description'} value={p.texts[l][field]} error={problems[`${key}.${l}.${field}`]}
                      builtIn={builtIn ? { label: s.builtIn, text: builtIn[f], lang: l } : undefined}
                      onInput={(v) => set((d) => { d.purposes[i].texts[l][field] = v; })} />
                  ));
                })}
              </details>
            ) : null}
            {p.on && !p.required ? (
              <TextField name={`${key}.cookies`} label={s.purposes.cookies} help={s.purposes.cookiesHelp} value={p.cookies} error={problems[`${key}.cookies`]}
                onInput={(v) => set((d) => { d.purposes[i].cookies = v; })} />
            ) : null}
            {p.builtIn ? null : (
              <button type="button" class="secondary" onClick={() => { set((d) => { d.purposes.splice(i, 1); }); focusSoon('add-purpose'); }}>
                {s.remove}: {p.name || `${s.purposes.custom} ${i + 1}`}
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="button" id="add-purpose" onClick={() => {
        set((d) => { d.purposes.push(purpose('', false, true)); });
        focusSoon(fieldId(`purpose.${state.purposes.length}.name`));
      }}>{s.purposes.addCustom}</button>
    </section>
  );
}
