// Entry of the worker thread that parses an import's sheet (see sheet-thread.ts). A worker
// does not inherit the TypeScript loader of the thread that starts it (tsx under
// bin/gongfu.mjs, Vite under Vitest): register tsx here, then load the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./sheet-thread.worker.ts');
