import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../bin/kelisim-audit.js', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The built bin, as a user runs it: a child process with its own exit code. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, timeout: 110_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as any).code == 'number' ? (error as any).code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
