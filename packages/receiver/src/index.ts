export { createReceiver, type ReceiverOptions } from './server';
export { openStore } from './store/open';
export { openSqlite } from './store/sqlite';
export { openPostgres } from './store/postgres';
export { verifyChains, type Verdict } from './verify';
export { textsOfConfig } from './texts';
export type { Store, Row, Incoming, Outcome } from './store/types';
