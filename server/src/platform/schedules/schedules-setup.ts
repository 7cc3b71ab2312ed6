import type { GongfuApp, PlatformServices } from '../module/app-types.ts';
import type { ModuleManifest } from '../module/manifest.ts';
import { scheduleRoutes } from './schedule.routes.ts';
import { Scheduler, type SchedulerOptions } from './scheduler.ts';

/**
 * At start-up the server waits this long for the catch-up runs (so a server starting on a new
 * day has usually re-planned it before it serves); longer runs go on in the background.
 */
export const STARTUP_WAIT_MS = 5_000;

/**
 * Arms the schedules of every loaded manifest: catch-up runs when the app is ready, the timer
 * once the server listens (tests that only inject never see a timer fire), and a stop on close
 * that waits for runs in progress. Adds the administrator's list (GET /api/system/schedules).
 */
export function installSchedules(
  app: GongfuApp,
  s: PlatformServices,
  manifests: ModuleManifest[],
  opts: SchedulerOptions = {},
): Scheduler {
  const entries = manifests.flatMap((m) => (m.schedules ?? []).map((def) => ({ moduleId: m.id, def })));
  const scheduler = new Scheduler(s, entries, {
    log: {
      info: (line) => app.log.info(line),
      error: (err, line) => app.log.error(err ? { err } : {}, line),
    },
    ...opts,
  });
  scheduleRoutes(app, s, scheduler);
  app.addHook('onReady', async () => {
    let waited: NodeJS.Timeout | undefined;
    await Promise.race([
      scheduler.start(),
      new Promise<void>((resolve) => {
        waited = setTimeout(resolve, STARTUP_WAIT_MS);
        waited.unref();
      }),
    ]);
    clearTimeout(waited);
  });
  app.addHook('onListen', async () => {
    scheduler.arm();
  });
  app.addHook('onClose', async () => {
    await scheduler.stop();
  });
  return scheduler;
}
