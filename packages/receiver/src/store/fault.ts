import { WORDS } from '../words';

/**
 * Why a store could not be opened, kept as data so the command line can tell it in the operator's
 * language; the error's own message is the English one, for code that embeds the receiver.
 */
export interface StoreFault {
  code: 'no-store' | 'not-a-store' | 'sqlite-open' | 'postgres-open' | 'postgres-empty';
  /** The database file, or the PostgreSQL URL without its password. */
  where: string;
  /** The driver's own words ("unable to open database file", "connect ECONNREFUSED …"). */
  cause?: string;
}

export const storeError = (fault: StoreFault) => Object.assign(new Error(WORDS.en.storeFault(fault)), { fault });

export const faultOf = (error: unknown): StoreFault | undefined => (error as { fault?: StoreFault } | null)?.fault;
