/**
 * One line of proof: who (id) agreed to what, when, under which text (Law 94-V Art. 8). The
 * library sends it to `consentLog.url`; the proof store checks it with the same rules.
 */
export interface LogRecord {
  id: string;
  timestamp: string;
  action: 'choice' | 'withdrawal' | 'reset';
  granted: string[];
  denied: string[];
  revision: string;
  language: string;
  textHash: string;
  path: string;
}

export const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{1,8})?$/i;
/** A category name, as config validation accepts it. */
export const NAME = /^[a-z][\w-]{0,31}$/i;

export const RECORD_FIELDS = ['id', 'timestamp', 'action', 'granted', 'denied', 'revision', 'language', 'textHash', 'path'] as const;
const ACTIONS = ['choice', 'withdrawal', 'reset'];
// What `Date.prototype.toISOString` writes, and the other ISO 8601 date-times a clock may give.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

// A lone UTF-16 surrogate has no UTF-8 form: the database would keep U+FFFD instead, and the row
// would no longer match the hash taken over what was sent. PostgreSQL refuses NUL in text outright.
const UNSTORABLE = /[\0\p{Cs}]/u;

const isNames = (value: unknown) =>
  Array.isArray(value) && value.length <= 64 && value.every((n) => typeof n == 'string' && NAME.test(n));

/**
 * What is wrong with a record, in one line, or undefined when it is one the library could have
 * sent. The record comes from the network: nothing here trusts its shape.
 */
export function checkLogRecord(value: unknown): string | undefined {
  if (!value || typeof value != 'object' || Array.isArray(value)) return 'the record must be a JSON object';
  const record = value as Record<string, unknown>;
  const extra = Object.keys(record).filter((key) => (RECORD_FIELDS as readonly string[]).indexOf(key) < 0);
  if (extra.length) return `unknown field(s): ${extra.slice(0, 5).join(', ')}`;
  const missing = RECORD_FIELDS.filter((key) => record[key] === undefined);
  if (missing.length) return `missing field(s): ${missing.join(', ')}`;
  const { id, timestamp, action, granted, denied, revision, language, textHash, path } = record;
  if (typeof id != 'string' || !/^[\w-]{16,32}$/.test(id)) return 'id must be 16 to 32 characters of A-Z a-z 0-9 _ -';
  if (typeof timestamp != 'string' || !ISO_8601.test(timestamp) || isNaN(Date.parse(timestamp))) return 'timestamp must be an ISO 8601 date-time';
  if (ACTIONS.indexOf(action as string) < 0) return 'action must be choice, withdrawal or reset';
  if (!isNames(granted)) return 'granted must be an array of category names';
  if (!isNames(denied)) return 'denied must be an array of category names';
  if ((granted as string[]).some((n) => (denied as string[]).indexOf(n) >= 0)) return 'a category is both granted and denied';
  // The config's revision, a non-empty string of at most 64 characters (a number becomes one).
  if (typeof revision != 'string' || !revision || revision.length > 64) return 'revision must be a string of 1 to 64 characters';
  if (UNSTORABLE.test(revision)) return 'revision must be well-formed Unicode text, without NUL characters or lone surrogates';
  if (typeof language != 'string' || !LANGUAGE.test(language)) return 'language must be a language tag such as ru, kk or en';
  // hashText's base36 FNV-1a, or '0' when no text was shown (a choice made through the API).
  if (typeof textHash != 'string' || !/^[0-9a-z]{1,16}$/.test(textHash)) return 'textHash must be 1 to 16 characters of 0-9 a-z';
  if (typeof path != 'string' || path[0] != '/' || /[?#]/.test(path) || path.length > 512) {
    return 'path must start with / and hold no query, at most 512 characters';
  }
  if (UNSTORABLE.test(path)) return 'path must be well-formed Unicode text, without NUL characters or lone surrogates';
  return undefined;
}
