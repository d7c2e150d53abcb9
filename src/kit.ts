/**
 * What the script tag's gate lends to kelisim-ui.js (and the chunks after it) instead of both
 * carrying it: every first visit fetches both files, so a function in both would be paid twice.
 * entry-gate.ts puts these on `Symbol.for('kelisim.kit')`; rollup.config.mjs builds the UI
 * chunk with each of these modules read from there, and fails the build if the UI imports from
 * one of them a name that is not listed here.
 */
export { own, blank, items } from './core/own';
export { hashText } from './core/hash';
export { isSafeUrl } from './core/safe-url';
export { LANGUAGE, NAME } from './core/record';
export { categoryOptions, isObject, ownKeys, readRules, show, UNREADABLE } from './core/read-gate';
export { cookieNames, languagePickName, ownCookieAttributes, setCookie, removeEverywhere } from './store/cookies';
export { bodyOf, currentScript, element, headOf } from './gate/dom';
export { loadScript } from './gate/load-script';
export { FETCHED, shelved } from './i18n/shelf';
