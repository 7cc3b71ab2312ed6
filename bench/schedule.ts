// Benchmark for reverse scheduling: a seeded random DAG of 10,000 tasks and
// 20,000 links, scheduled on calendar days and on the official workday
// calendar. Run with `npx tsx bench/schedule.ts`; prints JSON (times in ms).

import { officialCalendar } from '../domain/src/cn/holidays/index.ts';
import type { CalendarSpec } from '../domain/src/renewal/calendar.ts';
import {
  type LinkType,
  planProject,
  type ScheduleInput,
  type ScheduleLink,
  scheduleBackward,
} from '../domain/src/renewal/schedule.ts';

const TASKS = 10_000;
const LINKS = 20_000;
const WARMUPS = 3;
const RUNS = 20;

/** mulberry32: small, fast, good enough for test data. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Links go from a lower index to a higher one within a window, so the DAG has long chains like a real programme. */
function network(seed: number): Omit<ScheduleInput, 'calendar'> {
  const random = rng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const tasks = Array.from({ length: TASKS }, (_, i) => ({ id: `T${i}`, duration: int(1, 10) }));
  const links: ScheduleLink[] = [];
  const types: LinkType[] = ['SS', 'FF', 'SF'];
  while (links.length < LINKS) {
    const a = int(0, TASKS - 2);
    const b = a + int(1, Math.min(200, TASKS - 1 - a));
    const r = random();
    const type: LinkType = r < 0.7 ? 'FS' : (types[Math.floor((r - 0.7) / 0.1)] ?? 'SF');
    const lag = random() < 0.7 ? 0 : int(-2, 5);
    links.push({ from: `T${a}`, to: `T${b}`, type, lag });
  }
  return { tasks, links, start: '2024-03-01', deadline: '2026-12-31' };
}

function measure(run: () => unknown): { medianMs: number; p95Ms: number; minMs: number; maxMs: number } {
  for (let i = 0; i < WARMUPS; i++) run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((x, y) => x - y);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)]!;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    medianMs: round(at(0.5)),
    p95Ms: round(at(0.95)),
    minMs: round(times[0]!),
    maxMs: round(times.at(-1)!),
  };
}

const base = network(20_240_210);
const calendars: Record<string, CalendarSpec> = {
  'calendar-days': { kind: 'calendar-days' },
  workdays: { kind: 'workdays', ...officialCalendar() },
};

const results: Record<string, unknown> = {
  tasks: TASKS,
  links: LINKS,
  runs: RUNS,
  warmups: WARMUPS,
  node: process.version,
};
for (const [name, calendar] of Object.entries(calendars)) {
  const input = { ...base, calendar };
  const r = scheduleBackward(input);
  const critical = Object.values(r.tasks).filter((t) => t.critical).length;
  results[name] = {
    scheduleBackward: measure(() => scheduleBackward(input)),
    planProject: measure(() => planProject(input)),
    projectFinish: r.projectFinish,
    feasible: r.feasible,
    criticalTasks: critical,
    criticalPathLength: planProject(input).criticalPath.length,
  };
}
console.log(JSON.stringify(results, null, 2));
