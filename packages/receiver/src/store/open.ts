import { openPostgres } from './postgres';
import { openSqlite } from './sqlite';
import type { Store } from './types';

/**
 * PostgreSQL when a URL is given, else the embedded SQLite file under the data directory.
 * `mustExist`: refuse a store that is not there yet instead of creating it.
 */
export async function openStore({ databaseUrl, data, migrate = true, mustExist = false }: { databaseUrl?: string; data: string; migrate?: boolean; mustExist?: boolean }): Promise<Store> {
  return databaseUrl ? openPostgres(databaseUrl, { migrate, mustExist }) : openSqlite(data, { migrate, mustExist });
}
