import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../app.ts';
import { modules } from '../modules/index.ts';
import { openDatabase } from '../platform/db/database.ts';
import { PERMISSIONS_PATH, renderPermissions } from './permissions.ts';
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

const readOr = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/** Writes (or with `check`, compares) openapi.json and the web's typed permission keys. */
export async function runOpenapi(check: boolean): Promise<number> {
  const fresh = [
    { path: OPENAPI_PATH, text: await renderOpenapi() },
    { path: PERMISSIONS_PATH, text: renderPermissions() },
  ];
  if (check) {
    const stale = fresh.filter((f) => readOr(f.path) !== f.text);
    for (const f of stale)
      console.error(`${f.path} is stale: run \`npm run openapi\` and commit the result.`);
    if (stale.length > 0) return 1;
    console.log('openapi.json and the permission keys are up to date.');
    return 0;
  }
  for (const f of fresh) {
    writeFileSync(f.path, f.text);
    console.log(`wrote ${f.path}`);
  }
  return 0;
}
