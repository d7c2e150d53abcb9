import type { ComponentChildren } from 'preact';
import type { UIHost } from '../core/ui-host';
import type { Texts } from '../i18n/compose';
import { ConsentDetails } from './consent-details';
import { PolicyLink } from './policy-link';

interface Props {
  host: UIHost;
  t: Texts;
  language: string;
  languages: ComponentChildren;
  checked: Record<string, boolean>;
  copied: boolean;
  toggle(category: string, on: boolean): void;
  act(action: 'accept-all' | 'reject-all' | 'save' | 'close'): void;
  copy(): void;
  keydown(event: KeyboardEvent): void;
  operatorLine(operator: { name: string; id?: string }, t: Texts): string;
}

/** The preferences dialog: one real checkbox per purpose, styled as a switch. */
export function Dialog({ host, t, language, languages, checked, copied, toggle, act, copy, keydown, operatorLine }: Props) {
  const consent = host.consent();
  return (
    <div class="kelisim-backdrop">
      <div
        class="kelisim-dialog"
        data-kelisim-preferences=""
        role="dialog"
        aria-modal="true"
        aria-labelledby="kelisim-dialog-title"
        tabIndex={-1}
        onKeyDown={keydown}
      >
        <div class="kelisim-head">
          <h2 class="kelisim-title" id="kelisim-dialog-title">{t.preferencesTitle}</h2>
          {languages}
          <button type="button" class="kelisim-close" data-kelisim-action="close" aria-label={t.close} onClick={() => act('close')}>×</button>
        </div>
        <div class="kelisim-body">
          <p class="kelisim-text">
            {t.preferencesText} <PolicyLink host={host} t={t} />
          </p>
          {host.settings.categories.map(({ name, required }) => {
            const { title, description } = t.category(name);
            const id = `kelisim-c-${name}`;
            return (
              <div class="kelisim-category">
                <label class="kelisim-switch" for={id}>
                  <input
                    type="checkbox"
                    id={id}
                    data-kelisim-category={name}
                    checked={required || !!checked[name]}
                    disabled={required}
                    aria-describedby={`${id}-about`}
                    onChange={(event) => toggle(name, (event.currentTarget as HTMLInputElement).checked)}
                  />
                  <span class="kelisim-track" aria-hidden="true" />
                  <span class="kelisim-name">{title}</span>
                  {required ? <span class="kelisim-always">{t.alwaysOn}</span> : null}
                </label>
                <p class="kelisim-about" id={`${id}-about`}>
                  {description}
                  {host.gpc && name == 'advertising' ? <span class="kelisim-note"> {t.gpcNote}</span> : null}
                </p>
              </div>
            );
          })}
          {consent ? <ConsentDetails consent={consent} settings={host.settings} language={language} t={t} copied={copied} copy={copy} operatorLine={operatorLine} /> : null}
        </div>
        <div class="kelisim-actions">
          <button type="button" class="kelisim-button" data-kelisim-action="save" onClick={() => act('save')}>{t.save}</button>
          <button type="button" class="kelisim-button" data-kelisim-action="accept-all" onClick={() => act('accept-all')}>{t.acceptAll}</button>
          <button type="button" class="kelisim-button" data-kelisim-action="reject-all" onClick={() => act('reject-all')}>{t.rejectAll}</button>
        </div>
      </div>
    </div>
  );
}
