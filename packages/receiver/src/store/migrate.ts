import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from '../paths';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered `.sql` files of a dialect, in order: `001-records.sql`, `002-….sql`. */
export function migrations(dialect: 'sqlite' | 'postgres'): Migration[] {
  const dir = join(MIGRATIONS, dialect);
  return readdirSync(dir)
    .filter((name) => /^\d+-[\w-]+\.sql$/.test(name))
    .sort()
    .map((name) => ({ version: parseInt(name, 10), name, sql: readFileSync(join(dir, name), 'utf8') }));
}
