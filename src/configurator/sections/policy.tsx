import { SelectField, TextField } from '../fields';
import { PREFIXES } from '../operator-id';
import type { SectionProps } from './props';

/** The banner's default language, the policy link and revision, the operator and its number. */
export function Policy({ state, set, problems, s }: SectionProps) {
  return (
    <section aria-labelledby="policy-h">
      <h2 id="policy-h">{s.sections.policy}</h2>
      <SelectField name="language" label={s.policy.language} value={state.language}
        options={[{ value: 'auto', label: s.policy.languageAuto }, { value: 'ru', label: 'Русский', lang: 'ru' }, { value: 'kk', label: 'Қазақша', lang: 'kk' }, { value: 'en', label: 'English', lang: 'en' }]}
        onChange={(v) => set((d) => { d.language = v; })} />
      <TextField name="policyUrl" label={s.policy.url} value={state.policyUrl} error={problems.policyUrl} help={s.policy.urlHelp} inputMode="url"
        onInput={(v) => set((d) => { d.policyUrl = v; })} />
      <TextField name="revision" label={s.policy.revision} value={state.revision} error={problems.revision}
        help={<strong class="warning">{s.policy.revisionWarning}</strong>} onInput={(v) => set((d) => { d.revision = v; })} />
      <TextField name="operatorName" label={s.policy.operatorName} value={state.operatorName} error={problems.operatorName} autocomplete="organization"
        onInput={(v) => set((d) => { d.operatorName = v; })} />
      <div class="row">
        <SelectField name="operatorPrefix" label={s.policy.operatorIdType} value={state.operatorPrefix}
          options={PREFIXES.map((p) => ({ value: p, label: p }))} onChange={(v) => set((d) => { d.operatorPrefix = v; })} />
        <TextField name="operatorNumber" label={s.policy.operatorNumber} value={state.operatorNumber} error={problems.operatorNumber}
          help={s.policy.operatorHelp} inputMode="numeric" autocomplete="off" onInput={(v) => set((d) => { d.operatorNumber = v; })} />
      </div>
    </section>
  );
}
