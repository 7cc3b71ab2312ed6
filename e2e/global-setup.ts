import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type DemoSnapshot, makeDemoSnapshot } from '../server/src/test/demo-snapshot.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    demoSnapshot: DemoSnapshot;
  }
}

/** Seeds the demo once for all browser journeys; each journey's server starts from a copy. */
export default async function setup(project: TestProject) {
  const snapshot = await makeDemoSnapshot();
  project.provide('demoSnapshot', snapshot);
  return () => rmSync(dirname(snapshot.dumpPath), { recursive: true, force: true });
}
