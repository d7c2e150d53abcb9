import { parseArgs } from 'node:util';
import { LANGS, type Lang } from './headings';
import { IP_MODES, type IpMode } from './ip';
import { siteOrigin } from './origin';
import { shownUrl } from './store/postgres';

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

const int = (name: string, value: string | undefined, min: number, max: number): number | undefined => {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return n;
};

function origin(value: string): string {
  if (value == '*') return value;
  try {
    return siteOrigin(value);
  } catch (error) {
    throw new UsageError(`--origin ${JSON.stringify(value)} ${(error as Error).message}`);
  }
}

/** A DATABASE_URL that is not one is wrong usage, told before any connection is tried. */
function postgresUrl(url: string): string {
  try {
    shownUrl(url);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return url;
}

/** Flags first, then their environment twins, then the defaults of the contract. */
export function readSettings(argv: string[], env: NodeJS.ProcessEnv): Settings {
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
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const origins = (v.origin || []).concat((env.KELISIM_ORIGINS || '').split(',')).map((o) => o.trim()).filter(Boolean).map(origin);
  const ip = v.ip ?? env.KELISIM_IP ?? 'truncated';
  if (IP_MODES.indexOf(ip as IpMode) < 0) throw new UsageError(`--ip must be full, truncated or none, got ${JSON.stringify(ip)}`);
  const format = v.format ?? 'csv';
  if (format != 'csv' && format != 'ndjson') throw new UsageError(`--format must be csv or ndjson, got ${JSON.stringify(format)}`);
  const lang = v.lang ?? 'ru';
  if (LANGS.indexOf(lang as Lang) < 0) throw new UsageError(`--lang must be ru, kk or en, got ${JSON.stringify(lang)}`);
  const trust = v['trust-proxy'] ?? env.KELISIM_TRUST_PROXY;
  return {
    command: parsed.positionals,
    port: int('--port', v.port ?? env.PORT, 0, 65535) ?? 8090,
    host: v.host ?? env.HOST ?? '127.0.0.1',
    data: v.data ?? env.KELISIM_DATA ?? './kelisim-data',
    origins: origins.indexOf('*') >= 0 ? '*' : origins,
    ip: ip as IpMode,
    retentionDays: int('--retention-days', v['retention-days'] ?? env.KELISIM_RETENTION_DAYS, 1, 36500),
    rateLimit: int('--rate-limit', v['rate-limit'] ?? env.KELISIM_RATE_LIMIT, 0, 1_000_000) ?? 60,
    trustProxy: !trust ? false : trust == 'true' ? true : /^\d+$/.test(trust) ? Number(trust) : trust,
    databaseUrl: env.DATABASE_URL ? postgresUrl(env.DATABASE_URL) : undefined,
    token: env.KELISIM_TOKEN || undefined,
    from: v.from, to: v.to, format, lang: lang as Lang, site: v.site, out: v.out, name: v.name,
    json: !!v.json, help: !!v.help,
  };
}
