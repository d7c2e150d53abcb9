import type { CounterKind, EmbedKind, Lang, Layout, Theme } from '../model';
import type { Palette, Scheme } from '../theme';

/** The configurator's own words: every label, hint and message, per language. */
export interface Strings {
  /** Which language these are, for the library's own words beside them. */
  code: Lang;
  /** The language's own name, for the switch. */
  languageName: string;
  title: string;
  intro: string;
  language: string;
  required: string;
  add: string;
  remove: string;
  builtIn: string;
  langs: Record<Lang, string>;
  sections: Record<'purposes' | 'counters' | 'embeds' | 'policy' | 'texts' | 'look' | 'proof' | 'output' | 'preview', string>;
  purposes: Record<'help' | 'on' | 'alwaysOn' | 'name' | 'title' | 'description' | 'cookies' | 'cookiesHelp' | 'addCustom' | 'custom', string>;
  counters: Record<'help' | 'item' | 'kind' | 'id' | 'src' | 'purpose' | 'webvisor' | 'example' | 'add', string> & { kinds: Record<CounterKind, string> };
  embeds: Record<'help' | 'item' | 'kind' | 'url' | 'title' | 'purpose' | 'markup' | 'add', string> & { kinds: Record<EmbedKind, string> };
  policy: Record<'url' | 'urlHelp' | 'revision' | 'revisionWarning' | 'operatorName' | 'operatorIdType' | 'operatorNumber' | 'operatorHelp' | 'language' | 'languageAuto', string>;
  /** What each UI string of the library is, by its key; a key added later shows as itself. */
  texts: { help: string; labels: Partial<Record<string, string>> };
  look: {
    layout: string;
    layouts: Record<Layout, string>;
    theme: string;
    themes: Record<Theme, string>;
    colors: string;
    schemes: Record<Scheme, string>;
    color: Record<keyof Palette, string>;
    contrast: string;
    reset: string;
    colorsNote: string;
  };
  proof: Record<'url' | 'help', string>;
  output: Record<'help' | 'scriptPath' | 'scriptPathHelp' | 'snippet' | 'copy' | 'copyMarkup' | 'copied' | 'save' | 'load' | 'loadHelp' | 'loaded' | 'kept' | 'dropped' | 'loadError' | 'button', string>
    & { notReady(count: number): string };
  preview: Record<'help' | 'language' | 'width' | 'phone' | 'desktop' | 'view' | 'frame' | 'pageTitle' | 'pageText' | 'returning', string>
    & { views: Record<'first' | 'returning' | 'preferences', string> };
  /** Each message names the field first, as its label reads on the page. */
  errors: {
    required(field: string): string;
    /** `example` is an address that fits the field. */
    url(field: string, example: string): string;
    revision(field: string): string;
    id(field: string, vendor: string, example: string): string;
    idPrefix(field: string, prefix: string): string;
    metrikaZero(field: string): string;
    digits(field: string): string;
    length(field: string, prefix: string, lengths: string): string;
    check(field: string, prefix: string): string;
    name(field: string): string;
    nameTaken(field: string): string;
    cookies(field: string, value: string): string;
    purposeOff(field: string): string;
    contrast(field: string, ratio: string, min: string): string;
    embed(field: string, kind: string): string;
    operatorName(field: string): string;
    library(message: string): string;
  };
}
