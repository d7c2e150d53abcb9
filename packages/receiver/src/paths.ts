import { fileURLToPath } from 'node:url';

// This file sits at src/ in the sources and is bundled into dist/: both are one level below the package.
export const MIGRATIONS = fileURLToPath(new URL('../migrations/', import.meta.url));
export const CHECKPOINTER = fileURLToPath(new URL('../workers/checkpoint.mjs', import.meta.url));
