import { createWriteStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { exportLines, parseRange } from './export';
import type { Lang } from './headings';
import { HELP } from './help';
import { langOf, readSettings, UsageError, type Settings } from './options';
import { findReport, verifyReport } from './report';
import { createReceiver } from './server';
import { faultOf } from './store/fault';
import { openStore } from './store/open';
import type { Row, Store } from './store/types';
import { textsOfConfig } from './texts';
import { verifyChains } from './verify';
import { present } from './view';
import { WORDS } from './words';

const CLI_TOKEN = 'local command line';

async function serve(s: Settings) {
  const w = WORDS[s.lang];
  if (s.origins != '*' && !s.origins.length) throw new UsageError(w.noOrigin);
  if (!s.token) console.error(w.noToken);
  const store = await openStore(s);
  const app = await createReceiver({
    store, origins: s.origins, token: s.token, ip: s.ip, rateLimit: s.rateLimit, trustProxy: s.trustProxy, retentionDays: s.retentionDays,
    log: (line) => console.error(line), lang: s.lang,
  });
  await app.listen({ port: s.port, host: s.host });
  const address = app.server.address();
  const port = typeof address == 'object' && address ? address.port : s.port;
  const host = s.host.includes(':') ? `[${s.host}]` : s.host;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Close waits for the batch under way to commit, so every record answered 201 is on disk.
    // Written before exiting: a pipe (systemd, a test) would lose a line process.exit cuts short.
    const last = (stream: NodeJS.WriteStream, line: string, code: number) => stream.write(`${line}\n`, () => process.exit(code));
    app.close().then(() => last(process.stdout, w.stopped, 0), (error) => last(process.stderr, w.stopFailed((error as Error).message), 1));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Only now: a supervisor may stop the receiver the moment it reads this line, and a SIGTERM
  // before the handlers above would end the process without closing the store.
  console.log(w.listening(`http://${host}:${port}`, store.dialect, store.where));
}

/** `read`: verify, find and export only read, so a store that is not there is an error, never created. */
async function withStore(s: Settings, work: (store: Store) => Promise<number>, { read = false } = {}): Promise<number> {
  const store = await openStore({ ...s, mustExist: read });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Rows the database no longer reads back were shown flagged; the exit status says so as well. */
const notice = (unreadable: Row[], lang: Lang) => {
  unreadable.forEach((row) => console.error(WORDS[lang].unreadableNotice(row)));
  return unreadable.length ? 1 : 0;
};

const logged = (store: Store, what: string, detail: unknown) =>
  store.logAccess({ at: new Date().toISOString(), token: CLI_TOKEN, what, detail: JSON.stringify(detail), ip: null });

async function run(argv: string[]): Promise<number> {
  const s = readSettings(argv, process.env);
  const [command = 'serve', ...rest] = s.command;
  const w = WORDS[s.lang];
  if (s.help || command == 'help') {
    console.log(HELP[s.lang]);
    return 0;
  }
  switch (command) {
    case 'serve':
      await serve(s);
      return -1;
    case 'migrate':
      return withStore(s, async (store) => {
        console.log(w.upToDate(store.dialect, store.where));
        return 0;
      });
    case 'verify':
      return withStore(s, async (store) => {
        await logged(store, 'verify', {});
        const verdict = await verifyChains(store, undefined, s.lang);
        console.log(s.json ? JSON.stringify(verdict) : verifyReport(verdict, w).join('\n'));
        return verdict.ok ? 0 : 1;
      }, { read: true });
    case 'find': {
      const id = rest[0];
      if (!id) throw new UsageError(w.findNeedsId);
      return withStore(s, async (store) => {
        await logged(store, 'find', { id });
        const rows = await store.find(id);
        const records = await present(rows, store);
        console.log(s.json ? JSON.stringify({ records }) : findReport(id, records, w).join('\n'));
        return notice(rows.filter((row) => row.unreadable), s.lang);
      }, { read: true });
    }
    case 'export': {
      const range = parseRange(s.from, s.to, s.site, s.lang);
      if (typeof range == 'string') throw new UsageError(range);
      return withStore(s, async (store) => {
        await logged(store, 'export', { from: s.from, to: s.to, site: s.site, format: s.format, lang: s.lang });
        const unreadable: Row[] = [];
        const lines = exportLines(store, range, s.format, s.lang, { onUnreadable: (row) => void unreadable.push(row) });
        await pipeline(Readable.from(lines), s.out ? createWriteStream(s.out) : process.stdout);
        return notice(unreadable, s.lang);
      }, { read: true });
    }
    case 'texts': {
      const file = rest[1];
      if (rest[0] != 'add' || !file) throw new UsageError(w.textsUsage);
      let config: unknown;
      try {
        config = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        throw new UsageError(w.notJson(file, (error as Error).message));
      }
      const { entries, errors, warnings } = textsOfConfig(config, s.name || basename(file));
      warnings.forEach((w) => console.error(w));
      if (errors.length) {
        errors.forEach((e) => console.error(e));
        console.error(w.configErrors(file));
        return 1;
      }
      return withStore(s, async (store) => {
        const added = await store.addTexts(entries);
        for (const e of entries) console.log(`  ${e.language}  ${e.hash}`);
        console.log(w.registered(file, added, entries.length - added));
        return 0;
      });
    }
    default:
      throw new UsageError(w.unknownCommand(JSON.stringify(command)));
  }
}

const argv = process.argv.slice(2);
run(argv).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error) => {
    // Told in the language asked for even when the flags around --lang are what went wrong.
    const w = WORDS[langOf(argv)];
    const fault = faultOf(error);
    console.error(`kelisim-receiver: ${error instanceof UsageError ? '' : `${w.error}: `}${fault ? w.storeFault(fault) : (error as Error).message}`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
