// A throwaway PostgreSQL for the tests and the benchmark: Debian's server binaries (installed with
// apt-get when missing and allowed), a fresh data directory in a temp folder, a free port on
// 127.0.0.1, run as an unprivileged user since PostgreSQL refuses to run as root (CI is root).
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const isRoot = () => typeof process.getuid == 'function' && process.getuid() === 0;

function findBin() {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl'))).sort((a, b) => b - a) : [];
  return versions.length ? join(base, versions[0], 'bin') : null;
}

function install() {
  if (!isRoot() || !existsSync('/usr/bin/apt-get')) return false;
  console.log("PostgreSQL is missing: installing Debian's postgresql package with apt-get…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql'], { stdio: 'inherit', env });
  return true;
}

const freePort = () => new Promise((resolve, reject) => {
  const server = createServer();
  server.on('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

/** Starts a server; resolves to { url, stop }. `stop` is idempotent and synchronous. */
export async function startPostgres() {
  let bin = findBin();
  if (!bin && install()) bin = findBin();
  if (!bin) throw new Error('The PostgreSQL tests need Debian\'s postgresql package: sudo apt-get install postgresql');
  const dir = mkdtempSync(join(tmpdir(), 'kelisim-pg-'));
  const data = join(dir, 'data');
  // As root, the server runs as nobody, which must own the folder it writes to.
  const asUser = isRoot() ? ['runuser', '-u', 'nobody', '--'] : [];
  if (isRoot()) chownSync(dir, 65534, 65534);
  const run = (tool, args) => {
    const [command, ...rest] = [...asUser, join(bin, tool), ...args];
    const result = spawnSync(command, rest, { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'kelisim', '--auth=trust', '--encoding=UTF8', '--no-locale']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60 -c shared_buffers=64MB`;
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  return { url: `postgres://kelisim@127.0.0.1:${port}/postgres`, stop };
}
