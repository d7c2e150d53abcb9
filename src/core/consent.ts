import type { ConsentRecord } from '../types';
import type { GateSettings as Settings } from './config';
import { hashText } from './hash';

/** What the cookie holds. Times are whole seconds since the epoch. */
export interface Choice {
  id: string;
  granted: string[];
  denied: string[];
  revision: string;
  language: string;
  created: number;
  updated: number;
  expires: number;
  textHash: string;
}

export interface ConsentState {
  /** A valid choice for the current revision, or null: ask. */
  choice: Choice | null;
  /** Required categories plus what the choice grants. */
  allowed: string[];
  /** Optional categories the choice says nothing about: added to the config since. */
  unanswered: string[];
}

const optional = (settings: Settings) => settings.categories.filter((c) => !c.required).map((c) => c.name);
const required = (settings: Settings) => settings.categories.filter((c) => c.required).map((c) => c.name);

/** The revision is stored as a hash so a long edition name cannot outgrow the cookie. */
export const revisionKey = (settings: Settings) => hashText(settings.revision);

/** A choice of another revision or past its expiry means no consent (policy §7.1). */
export function evaluate(choice: Choice | null, settings: Settings, nowSeconds: number): ConsentState {
  const valid = choice && choice.revision == revisionKey(settings) && choice.expires > nowSeconds ? choice : null;
  const names = optional(settings);
  return {
    choice: valid,
    allowed: required(settings).concat(valid ? names.filter((n) => valid.granted.indexOf(n) >= 0) : []),
    unanswered: valid ? names.filter((n) => valid.granted.indexOf(n) < 0 && valid.denied.indexOf(n) < 0) : names,
  };
}

/**
 * A new explicit choice. It keeps the id and creation time of a still valid earlier one.
 * `answered` limits it to those categories (a placeholder's button answers one): the others keep
 * their earlier answer, or stay unanswered, so that no refusal is recorded that nobody gave.
 * It never keeps a creation time ahead of now: a clock that was fast and is now right must not
 * make the new choice unreadable (created after updated).
 */
export function makeChoice(
  previous: Choice | null,
  allow: string[],
  settings: Settings,
  language: string,
  textHash: string,
  nowSeconds: number,
  newId: () => string,
  answered?: string[],
): Choice {
  const names = optional(settings);
  const asked = (n: string) => !answered || answered.indexOf(n) >= 0;
  const was = (list: 'granted' | 'denied') => (n: string) => !!previous && previous[list].indexOf(n) >= 0;
  return {
    id: previous ? previous.id : newId(),
    granted: names.filter((n) => (asked(n) ? allow.indexOf(n) >= 0 : was('granted')(n))),
    denied: names.filter((n) => (asked(n) ? allow.indexOf(n) < 0 : was('denied')(n))),
    revision: revisionKey(settings),
    language,
    created: previous ? Math.min(previous.created, nowSeconds) : nowSeconds,
    updated: nowSeconds,
    expires: nowSeconds + Math.round(settings.cookie.expiresDays * 86400),
    textHash: textHash || '0',
  };
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

export function toRecord(state: ConsentState, settings: Settings): ConsentRecord | null {
  const choice = state.choice;
  return choice && {
    id: choice.id,
    categories: state.allowed.slice(),
    denied: choice.denied.filter((n) => optional(settings).indexOf(n) >= 0),
    revision: settings.revision,
    language: choice.language,
    createdAt: iso(choice.created),
    updatedAt: iso(choice.updated),
    expiresAt: iso(choice.expires),
    textHash: choice.textHash,
  };
}
