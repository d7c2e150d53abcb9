import { parseArgs } from 'node:util';
import { LANGS, type Lang } from './headings';
import { IP_MODES, type IpMode } from './ip';
import { originFaultOf, siteOrigin } from './origin';
import { shownUrl } from './store/postgres';
import { WORDS, type Words } from './words';

export interface Settings {
  command: string[];
  port: number;
  host: string;
  data: string;
  origins: string[] | '*';
  ip: IpMode;
  retentionDays?: number;
  rateLimit: number;
  trustProxy: boolean | number | string;
  databaseUrl?: string;
  token?: string;
  from?: string;
  to?: string;
  format: 'csv' | 'ndjson';
  lang: Lang;
  site?: string;
  out?: string;
  name?: string;
  json: boolean;
  help: boolean;
}

export class UsageError extends Error {}

const int = (w: Words, name: string, value: string | undefined, min: number, max: number): number | undefined => {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(w.wholeNumber(name, min, max, JSON.stringify(value)));
  return n;
};

function origin(w: Words, value: string): string {
  if (value == '*') return value;
  try {
    return siteOrigin(value);
  } catch (error) {
    throw new UsageError(w.badOrigin(`--origin ${JSON.stringify(value)}`, originFaultOf(error)));
  }
}

/** A DATABASE_URL that is not one is wrong usage, told before any connection is tried. */
function postgresUrl(w: Words, url: string): string {
  try {
    shownUrl(url);
  } catch {
    throw new UsageError(w.notPostgresUrl);
  }
  return url;
}

/**
 * The language asked for, read before anything else so that even a wrong flag is refused in it.
 * The last `--lang` wins, as with parseArgs; one it does not know leaves the default, Russian.
 */
export function langOf(argv: string[]): Lang {
  let lang: string | undefined;
  for (let i = 0; i < argv.length && argv[i] != '--'; i++) {
    if (argv[i] == '--lang') lang = argv[++i];
    else if (argv[i].startsWith('--lang=')) lang = argv[i].slice(7);
  }
  return LANGS.indexOf(lang as Lang) >= 0 ? lang as Lang : 'ru';
}

/** Node's own parseArgs messages, told again in the operator's language. */
function parseError(w: Words, error: { code?: string; message: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1] || '';
  if (error.code == 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return w.unknownOption(option);
  if (error.code == 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return error.message.includes('argument missing') ? w.needsValue(option) : w.takesNoValue(option);
  return error.message;
}

/** Flags first, then their environment twins, then the defaults of the contract. */
export function readSettings(argv: string[], env: NodeJS.ProcessEnv): Settings {
  const w = WORDS[langOf(argv)];
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' },
        origin: { type: 'string', multiple: true }, ip: { type: 'string' },
        'retention-days': { type: 'string' }, 'rate-limit': { type: 'string' }, 'trust-proxy': { type: 'string' },
        from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, lang: { type: 'string' }, site: { type: 'string' },
        out: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(parseError(w, error as Error & { code?: string }));
  }
  const v = parsed.values;
  const origins = (v.origin || []).concat((env.KELISIM_ORIGINS || '').split(',')).map((o) => o.trim()).filter(Boolean).map((o) => origin(w, o));
  const ip = v.ip ?? env.KELISIM_IP ?? 'truncated';
  if (IP_MODES.indexOf(ip as IpMode) < 0) throw new UsageError(w.oneOf('--ip', IP_MODES, JSON.stringify(ip)));
  const format = v.format ?? 'csv';
  if (format != 'csv' && format != 'ndjson') throw new UsageError(w.oneOf('--format', ['csv', 'ndjson'], JSON.stringify(format)));
  const lang = v.lang ?? 'ru';
  if (LANGS.indexOf(lang as Lang) < 0) throw new UsageError(w.oneOf('--lang', LANGS, JSON.stringify(lang)));
  const trust = v['trust-proxy'] ?? env.KELISIM_TRUST_PROXY;
  return {
    command: parsed.positionals,
    port: int(w, '--port', v.port ?? env.PORT, 0, 65535) ?? 8090,
    host: v.host ?? env.HOST ?? '127.0.0.1',
    data: v.data ?? env.KELISIM_DATA ?? './kelisim-data',
    origins: origins.indexOf('*') >= 0 ? '*' : origins,
    ip: ip as IpMode,
    retentionDays: int(w, '--retention-days', v['retention-days'] ?? env.KELISIM_RETENTION_DAYS, 1, 36500),
    rateLimit: int(w, '--rate-limit', v['rate-limit'] ?? env.KELISIM_RATE_LIMIT, 0, 1_000_000) ?? 60,
    trustProxy: !trust ? false : trust == 'true' ? true : /^\d+$/.test(trust) ? Number(trust) : trust,
    databaseUrl: env.DATABASE_URL ? postgresUrl(w, env.DATABASE_URL) : undefined,
    token: env.KELISIM_TOKEN || undefined,
    from: v.from, to: v.to, format, lang: lang as Lang, site: v.site, out: v.out, name: v.name,
    json: !!v.json, help: !!v.help,
  };
}
