import type { ComponentChildren } from 'preact';

/** The DOM id of a field key such as `counter.0.id`. */
export const fieldId = (key: string) => 'f-' + key.replace(/[^\w-]/g, '-');

/**
 * Focus an element once the change that adds it has rendered (Preact renders in a microtask, so a
 * task later it is there): a row added or removed by keyboard must not leave focus on nothing.
 */
export const focusSoon = (id: string) => setTimeout(() => {
  const element = document.getElementById(id);
  if (element) element.focus();
});

interface FieldProps {
  name: string;
  label: ComponentChildren;
  error?: string;
  help?: ComponentChildren;
  /** The library's own text for this field, shown beside it. */
  builtIn?: { label: string; text: string; lang?: string };
}

/** Help and error both describe the control; the error sits right under it and carries the hook. */
function describedBy(name: string, props: FieldProps) {
  const ids = [props.help ? fieldId(name) + '-help' : '', props.builtIn ? fieldId(name) + '-default' : '', props.error ? fieldId(name) + '-error' : ''];
  return ids.filter(Boolean).join(' ') || undefined;
}

function Notes({ name, error, help, builtIn }: FieldProps) {
  return (
    <>
      {error ? <p class="error" id={fieldId(name) + '-error'} data-configurator-error="">{error}</p> : null}
      {builtIn ? <p class="default" id={fieldId(name) + '-default'}>{builtIn.label}: <span lang={builtIn.lang}>{builtIn.text}</span></p> : null}
      {help ? <p class="help" id={fieldId(name) + '-help'}>{help}</p> : null}
    </>
  );
}

export function TextField(props: FieldProps & { value: string; onInput(value: string): void; multiline?: boolean; lang?: string; autocomplete?: string; inputMode?: 'numeric' | 'url' }) {
  const { name, label, value, onInput, multiline, error, lang, autocomplete, inputMode } = props;
  const common = {
    id: fieldId(name), name, value, lang, autocomplete, inputMode,
    'aria-invalid': error ? 'true' as const : undefined,
    'aria-describedby': describedBy(name, props),
    onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class={'field' + (error ? ' invalid' : '')}>
      <label for={fieldId(name)}>{label}</label>
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" spellcheck={false} {...common} />}
      <Notes {...props} />
    </div>
  );
}

export function SelectField<T extends string>(props: FieldProps & { value: T; options: { value: T; label: string; lang?: string }[]; onChange(value: T): void }) {
  const { name, label, value, options, onChange, error } = props;
  return (
    <div class={'field' + (error ? ' invalid' : '')}>
      <label for={fieldId(name)}>{label}</label>
      <select id={fieldId(name)} name={name} aria-invalid={error ? 'true' : undefined} aria-describedby={describedBy(name, props)}
        onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value as T)}>
        {options.map((o) => <option value={o.value} lang={o.lang} selected={o.value == value}>{o.label}</option>)}
      </select>
      <Notes {...props} />
    </div>
  );
}

export function CheckField(props: { name: string; label: ComponentChildren; checked: boolean; disabled?: boolean; onChange(value: boolean): void }) {
  const { name, label, checked, disabled, onChange } = props;
  return (
    <div class="field check">
      <input type="checkbox" id={fieldId(name)} name={name} checked={checked} disabled={disabled}
        onChange={(event) => onChange((event.currentTarget as HTMLInputElement).checked)} />
      <label for={fieldId(name)}>{label}</label>
    </div>
  );
}

/** A group of radio buttons with a visible legend: layout, theme, and the preview's switches. */
export function Choice<T extends string>(props: { name: string; legend: string; value: T; options: { value: T; label: string; lang?: string }[]; onChange(value: T): void }) {
  const { name, legend, value, options, onChange } = props;
  return (
    <fieldset class="choice">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label lang={o.lang}>
          <input type="radio" name={name} value={o.value} checked={o.value == value} onChange={() => onChange(o.value)} />
          {' '}{o.label}
        </label>
      ))}
    </fieldset>
  );
}
