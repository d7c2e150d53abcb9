import { openPostgres } from './postgres';
import { openSqlite } from './sqlite';
import type { Store } from './types';

/** PostgreSQL when a URL is given, else the embedded SQLite file under the data directory. */
export async function openStore({ databaseUrl, data, migrate = true }: { databaseUrl?: string; data: string; migrate?: boolean }): Promise<Store> {
  return databaseUrl ? openPostgres(databaseUrl, { migrate }) : openSqlite(data, { migrate });
}
