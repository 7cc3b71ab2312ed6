import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.ts';
import { modules } from '../modules/index.ts';
import { openDatabase } from '../platform/db/database.ts';
import { testConfigForSpec } from './spec-config.ts';

export const OPENAPI_PATH = fileURLToPath(new URL('../../../openapi.json', import.meta.url));

/** The OpenAPI document as committed: built from the route table, stable key order. */
export async function renderOpenapi(): Promise<string> {
  const database = await openDatabase({});
  try {
    const { app } = await buildApp({ config: testConfigForSpec(), database, modules });
    await app.ready();
    const doc = app.swagger();
    await app.close();
    return `${JSON.stringify(doc, null, 2)}\n`;
  } finally {
    await database.close();
  }
}

export async function runOpenapi(check: boolean): Promise<number> {
  const fresh = await renderOpenapi();
  if (check) {
    let committed = '';
    try {
      committed = readFileSync(OPENAPI_PATH, 'utf8');
    } catch {}
    if (committed !== fresh) {
      console.error('openapi.json is stale: run `npm run openapi` and commit the result.');
      return 1;
    }
    console.log('openapi.json is up to date.');
    return 0;
  }
  writeFileSync(OPENAPI_PATH, fresh);
  console.log(`wrote ${OPENAPI_PATH}`);
  return 0;
}
