import type { TestProject } from 'vitest/node';
import { TEST_BACKENDS } from './test-db.ts';
import { startTestRun } from './test-run.ts';

/**
 * The unit project's set-up: the run's folder, where the demo snapshots and migrated
 * databases the suites copy are made once (test-run.ts); the teardown drops them.
 */
export default async function setup(project: TestProject) {
  const run = await startTestRun(TEST_BACKENDS);
  project.provide('testRun', run.dir);
  return () => run.stop();
}
