import { closeSync, existsSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { validate } from '../../../src/core/validate';
import { audit, AuditError } from './audit';
import { findChromium, NO_BROWSER } from './browser';
import { propose } from './propose';
import { renderHtml } from './report/html';
import { LANGS } from './report/messages';
import { phaseLine, renderText } from './report/text';
import type { AuditResult, Lang } from './types';

declare const VERSION: string;

/** Exit codes (README): the CI contract. */
export const EXIT = { clean: 0, findings: 1, failed: 2, usage: 3 } as const;

export const HELP = `Usage: kelisim-audit <url> [more urls] [options]

Opens each page in Chromium and reports what it requests, sets and stores before any choice,
after "reject all" and after "accept all" (Kelisim's own banner is clicked), and how to fix
each leak.

Options:
  --json <file>       write the findings as JSON (cookie values left out)
  --html <file>       write a self-contained report for the site owner
  --lang ru|kk|en     language of the HTML report (default: ru)
  --propose <file>    write a draft kelisim config from what accept-all showed
  --force             let --propose overwrite an existing file
  --withdraw          also withdraw after accepting and check the cookies are gone
  --settle <ms>       wait this long after the network goes quiet (default: 1000)
  --resolve <rules>   Chromium --host-resolver-rules, e.g. "MAP www.example.kz 10.0.0.5"
  --insecure          ignore certificate errors (staging, self-signed)
  --fail-on leak|unknown   exit 1 on leaks (default) or on leaks and unknowns
  --cookie-values     keep cookie values in the JSON
  -h, --help          this text
  -v, --version

Exit codes: 0 clean, 1 findings (leaks and banner problems, a Kelisim that did not start
among them), 2 could not run (no browser, the page did not load or answered an HTTP error),
3 usage.

Chromium: CHROME_PATH, or /usr/bin/chromium, or a Playwright-installed one.

Example:
  npx kelisim-audit https://www.example.kz/ --html audit.html --json audit.json
`;

const CANNOT: Record<string, string> = {
  ENOENT: 'its folder does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
};

/**
 * Why a report file cannot be written, or undefined when it can. Asked before the audit: finding
 * out after a minute of Chromium loses the whole run. Opening for append creates nothing a reader
 * would miss and truncates nothing; a file made only to ask is removed again.
 */
function cannotWrite(file: string): string | undefined {
  const existed = existsSync(file);
  try {
    closeSync(openSync(file, 'a'));
    if (!existed) rmSync(file, { force: true });
    return undefined;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return (code && CANNOT[code]) || message;
  }
}

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  env: process.env,
};

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'string' },
        html: { type: 'string' },
        lang: { type: 'string', default: 'ru' },
        propose: { type: 'string' },
        force: { type: 'boolean', default: false },
        withdraw: { type: 'boolean', default: false },
        settle: { type: 'string' },
        resolve: { type: 'string' },
        insecure: { type: 'boolean', default: false },
        'fail-on': { type: 'string', default: 'leak' },
        'cookie-values': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    io.err(`kelisim-audit: ${(error as Error).message}\n\n${HELP}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(HELP);
    return EXIT.clean;
  }
  if (values.version) {
    io.out(`${typeof VERSION == 'string' ? VERSION : 'dev'}\n`);
    return EXIT.clean;
  }
  const usage = (message: string) => {
    io.err(`kelisim-audit: ${message}\n\n${HELP}`);
    return EXIT.usage;
  };
  if (!positionals.length) return usage('give at least one URL.');
  for (const url of positionals) {
    if (!/^https?:\/\/[^/]+/i.test(url)) return usage(`not an http(s) URL: ${url}`);
  }
  const lang = values.lang as Lang;
  if (LANGS.indexOf(lang) < 0) return usage(`--lang must be ru, kk or en, not "${values.lang}".`);
  const failOn = values['fail-on'];
  if (failOn != 'leak' && failOn != 'unknown') return usage(`--fail-on must be leak or unknown, not "${failOn}".`);
  const settle = values.settle === undefined ? undefined : Number(values.settle);
  if (settle !== undefined && !(Number.isInteger(settle) && settle >= 0 && settle <= 60_000)) {
    return usage(`--settle must be milliseconds from 0 to 60000, not "${values.settle}".`);
  }
  if (values.propose && existsSync(values.propose) && !values.force) {
    return usage(`${values.propose} exists; add --force to overwrite it.`);
  }
  for (const flag of ['json', 'html', 'propose'] as const) {
    const file = values[flag];
    const why = file === undefined ? undefined : file ? cannotWrite(file) : 'the file name is empty';
    if (why) return usage(`cannot write --${flag} to ${file}: ${why}.`);
  }

  const executablePath = findChromium(io.env);
  if (!executablePath) {
    if (io.env.CHROME_PATH) io.err(`CHROME_PATH is set to ${io.env.CHROME_PATH}, which does not exist.\n`);
    io.err(NO_BROWSER + '\n');
    return EXIT.failed;
  }

  const results: AuditResult[] = [];
  let failed = false;
  for (const url of positionals) {
    io.err(`Auditing ${url}\n`);
    try {
      const result = await audit(url, {
        executablePath,
        settle,
        resolve: values.resolve,
        insecure: values.insecure,
        withdraw: values.withdraw,
        cookieValues: values['cookie-values'],
        progress: ({ phase, state, phaseResult }) => {
          if (state == 'start') io.err(`  ${phase.padEnd(8)} …\n`);
          else if (phaseResult) io.err(`  ${phase.padEnd(8)} ${phaseLine(phaseResult)}\n`);
        },
      });
      results.push(result);
      io.out(renderText(result));
    } catch (error) {
      failed = true;
      const message = error instanceof AuditError ? error.message : (error as Error).stack || String(error);
      io.err(`kelisim-audit: could not audit ${url}: ${message}\n`);
    }
  }

  const forJson = results.map(({ phases, ...rest }) => ({
    ...rest,
    phases: phases.map(({ screenshot: _, ...phase }) => phase),
  }));
  if (values.json) writeFileSync(values.json, JSON.stringify(forJson.length == 1 ? forJson[0] : forJson, null, 2) + '\n');
  if (values.html && results.length) writeFileSync(values.html, renderHtml(results, lang));
  if (values.propose && results.length) {
    const { config, notes } = propose(results);
    const problems: string[] = [];
    validate(config, (m) => problems.push(m), (m) => problems.push(m));
    for (const line of [...notes, ...problems]) io.err(`propose: ${line}\n`);
    writeFileSync(values.propose, JSON.stringify(config, null, 2) + '\n');
    io.err(`Draft config written to ${values.propose}.\n`);
  }

  if (failed) return EXIT.failed;
  const counted = results.reduce((n, r) => n + r.leaks.length + (failOn == 'unknown' ? r.unknowns.length : 0), 0);
  return counted ? EXIT.findings : EXIT.clean;
}
