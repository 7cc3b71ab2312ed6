import { describe, expect, it } from 'vitest';
import { officialCalendar } from '../cn/holidays/index.ts';
import type { CalendarSpec } from './calendar.ts';
import { type LinkType, planProject, type ScheduleInput, scheduleBackward } from './schedule.ts';

const official: CalendarSpec = { kind: 'workdays', ...officialCalendar() };
const plainWeek: CalendarSpec = { kind: 'workdays', holidays: [], extraWorkdays: [] };

/** [earlyStart, earlyFinish, lateStart, lateFinish, totalFloat] per task. */
const table = (input: ScheduleInput) =>
  Object.fromEntries(
    Object.entries(scheduleBackward(input).tasks).map(([id, t]) => [
      id,
      [t.earlyStart, t.earlyFinish, t.lateStart, t.lateFinish, t.totalFloat],
    ]),
  );

describe('the contract examples', () => {
  it('finishes a 3-day task started on Monday on Wednesday', () => {
    for (const calendar of [undefined, plainWeek, official]) {
      const r = scheduleBackward({
        tasks: [{ id: 'A', duration: 3 }],
        links: [],
        start: '2024-06-03',
        deadline: '2024-06-05',
        calendar,
      });
      expect(r).toEqual({
        tasks: {
          A: {
            earlyStart: '2024-06-03',
            earlyFinish: '2024-06-05',
            lateStart: '2024-06-03',
            lateFinish: '2024-06-05',
            totalFloat: 0,
            critical: true,
          },
        },
        projectFinish: '2024-06-05',
        feasible: true,
      });
    }
  });

  it('starts an FS successor on the next working day, one more per day of lag', () => {
    const input = (lag: number): ScheduleInput => ({
      tasks: [
        { id: 'A', duration: 3 },
        { id: 'B', duration: 1 },
      ],
      links: [{ from: 'A', to: 'B', lag }],
      start: '2024-05-29', // Wednesday
      deadline: '2024-06-28',
      calendar: plainWeek,
    });
    // A: Wed 5/29 – Fri 5/31; B the next working day, Monday 6/3.
    expect(scheduleBackward(input(0)).tasks.B?.earlyStart).toBe('2024-06-03');
    expect(scheduleBackward(input(1)).tasks.B?.earlyStart).toBe('2024-06-04');
    expect(scheduleBackward(input(-1)).tasks.B?.earlyStart).toBe('2024-05-31');
  });
});

describe('a textbook network (activity on node)', () => {
  // A 3, B 4, C 2 (A), D 5 (A), E 3 (B, C), F 4 (D), G 2 (E, F), H 3 (E). Hand-computed in day
  // numbers from 0: ES/EF — A 0/2, B 0/3, C 3/4, D 3/7, E 5/7, F 8/11, G 12/13, H 8/10; project 13.
  // Backward from 13: LS/LF — G 12/13, H 11/13, F 8/11, E 8/10, D 3/7, C 6/7, B 4/7, A 0/2.
  // TF: A 0, B 4, C 3, D 0, E 3, F 0, G 0, H 3; critical path A → D → F → G.
  const network: Omit<ScheduleInput, 'start' | 'deadline'> = {
    tasks: [
      { id: 'A', duration: 3 },
      { id: 'B', duration: 4 },
      { id: 'C', duration: 2 },
      { id: 'D', duration: 5 },
      { id: 'E', duration: 3 },
      { id: 'F', duration: 4 },
      { id: 'G', duration: 2 },
      { id: 'H', duration: 3 },
    ],
    links: [
      { from: 'A', to: 'C' },
      { from: 'A', to: 'D' },
      { from: 'B', to: 'E' },
      { from: 'C', to: 'E' },
      { from: 'D', to: 'F' },
      { from: 'E', to: 'G' },
      { from: 'F', to: 'G' },
      { from: 'E', to: 'H' },
    ],
  };

  it('computes ES/EF/LS/LF/TF on calendar days (day 0 = 2024-03-04)', () => {
    expect(table({ ...network, start: '2024-03-04', deadline: '2024-03-17' })).toEqual({
      A: ['2024-03-04', '2024-03-06', '2024-03-04', '2024-03-06', 0],
      B: ['2024-03-04', '2024-03-07', '2024-03-08', '2024-03-11', 4],
      C: ['2024-03-07', '2024-03-08', '2024-03-10', '2024-03-11', 3],
      D: ['2024-03-07', '2024-03-11', '2024-03-07', '2024-03-11', 0],
      E: ['2024-03-09', '2024-03-11', '2024-03-12', '2024-03-14', 3],
      F: ['2024-03-12', '2024-03-15', '2024-03-12', '2024-03-15', 0],
      G: ['2024-03-16', '2024-03-17', '2024-03-16', '2024-03-17', 0],
      H: ['2024-03-12', '2024-03-14', '2024-03-15', '2024-03-17', 3],
    });
    const r = scheduleBackward({ ...network, start: '2024-03-04', deadline: '2024-03-17' });
    expect(r.projectFinish).toBe('2024-03-17');
    expect(r.feasible).toBe(true);
    expect(
      Object.entries(r.tasks)
        .filter(([, t]) => t.critical)
        .map(([id]) => id),
    ).toEqual(['A', 'D', 'F', 'G']);
  });

  it('gives free float and the critical path in order', () => {
    const p = planProject({ ...network, start: '2024-03-04', deadline: '2024-03-17' });
    expect(p.criticalPath).toEqual(['A', 'D', 'F', 'G']);
    expect(Object.fromEntries(Object.entries(p.tasks).map(([id, t]) => [id, t.freeFloat]))).toEqual({
      A: 0,
      B: 1,
      C: 0,
      D: 0,
      E: 0,
      F: 0,
      G: 0,
      H: 3,
    });
    expect(p.daysLate).toBe(0);
  });

  it('shifts every float with the deadline, and says how late an impossible deadline is', () => {
    const roomy = scheduleBackward({ ...network, start: '2024-03-04', deadline: '2024-03-20' });
    expect(roomy.tasks.A?.totalFloat).toBe(3);
    expect(roomy.tasks.B?.totalFloat).toBe(7);
    expect(roomy.feasible).toBe(true);
    // three days to spare on the longest chain: nothing is critical against this deadline
    expect(Object.values(roomy.tasks).filter((t) => t.critical)).toHaveLength(0);
    expect(planProject({ ...network, start: '2024-03-04', deadline: '2024-03-20' }).criticalPath).toEqual([]);

    const tight = planProject({ ...network, start: '2024-03-04', deadline: '2024-03-15' });
    expect(tight.feasible).toBe(false);
    expect(tight.daysLate).toBe(2);
    expect(tight.projectFinish).toBe('2024-03-17');
    expect(tight.tasks.A).toMatchObject({ lateStart: '2024-03-02', totalFloat: -2, critical: true });
    expect(tight.tasks.H).toMatchObject({ totalFloat: 1, critical: false, freeFloat: 1 });
    expect(tight.criticalPath).toEqual(['A', 'D', 'F', 'G']);
    // three days short: every task without float left is critical, not only the driving chain
    // (C, E and H have 0); the path is the driving chain
    const tighter = planProject({ ...network, start: '2024-03-04', deadline: '2024-03-14' });
    expect(tighter.daysLate).toBe(3);
    expect(tighter.tasks.E).toMatchObject({ totalFloat: 0, critical: true });
    expect(tighter.tasks.B).toMatchObject({ totalFloat: 1, critical: false });
    expect(
      Object.entries(tighter.tasks)
        .filter(([, t]) => t.critical)
        .map(([id]) => id),
    ).toEqual(['A', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(tighter.criticalPath).toEqual(['A', 'D', 'F', 'G']);
  });

  it('calls critical only the tasks with no float left, however long the chain', () => {
    // one chain of 45 days against a deadline 146 days out: 101 days of float, not critical
    const chain = {
      tasks: [
        { id: 'base', duration: 10 },
        { id: 'frame', duration: 20 },
        { id: 'finish', duration: 15 },
      ],
      links: [
        { from: 'base', to: 'frame' },
        { from: 'frame', to: 'finish' },
      ],
      start: '2026-01-01',
    };
    const roomy = planProject({ ...chain, deadline: '2026-05-26' });
    expect(Object.values(roomy.tasks).map((t) => [t.totalFloat, t.critical])).toEqual([
      [101, false],
      [101, false],
      [101, false],
    ]);
    expect(roomy.criticalPath).toEqual([]);
    expect(roomy.tasks.finish).toMatchObject({ earlyFinish: '2026-02-14', lateFinish: '2026-05-26' });
    // with the deadline on the planned finish the same chain is critical
    const exact = planProject({ ...chain, deadline: '2026-02-14' });
    expect(Object.values(exact.tasks).every((t) => t.totalFloat === 0 && t.critical)).toBe(true);
    expect(exact.criticalPath).toEqual(['base', 'frame', 'finish']);
  });

  it('counts working days on a Mon–Fri calendar', () => {
    // Same network from Monday 2024-03-04; working day k is the k-th weekday after it.
    const r = scheduleBackward({
      ...network,
      start: '2024-03-04',
      deadline: '2024-03-20',
      calendar: plainWeek,
    });
    expect(r.tasks.G).toMatchObject({ earlyStart: '2024-03-20', earlyFinish: '2024-03-21', totalFloat: -1 });
    expect(r.tasks.A).toMatchObject({ lateStart: '2024-03-01', totalFloat: -1 });
    expect(r.tasks.B).toMatchObject({ earlyFinish: '2024-03-07', lateFinish: '2024-03-12', totalFloat: 3 });
    expect(r.feasible).toBe(false);
    expect(r.projectFinish).toBe('2024-03-21');
  });
});

describe('link types', () => {
  // P: 4 days from Monday 2024-07-01 (Mon–Thu 7/1–7/4); Q: 2 days; deadline Wednesday 7/31; calendar days.
  const run = (type: LinkType, lag?: number) =>
    table({
      tasks: [
        { id: 'P', duration: 4 },
        { id: 'Q', duration: 2 },
      ],
      links: [lag === undefined ? { from: 'P', to: 'Q', type } : { from: 'P', to: 'Q', type, lag }],
      start: '2024-07-01',
      deadline: '2024-07-31',
    });

  it('FS: succ.start ≥ pred.finish + 1 + lag', () => {
    expect(run('FS')).toEqual({
      P: ['2024-07-01', '2024-07-04', '2024-07-26', '2024-07-29', 25],
      Q: ['2024-07-05', '2024-07-06', '2024-07-30', '2024-07-31', 25],
    });
    expect(run('FS', 3).Q?.[0]).toBe('2024-07-08');
    expect(run('FS', 3).P?.[3]).toBe('2024-07-26');
    expect(run('FS', -2).Q?.[0]).toBe('2024-07-03');
    expect(run('FS', -2).P?.[3]).toBe('2024-07-31');
  });

  it('SS: succ.start ≥ pred.start + lag', () => {
    expect(run('SS')).toEqual({
      P: ['2024-07-01', '2024-07-04', '2024-07-28', '2024-07-31', 27],
      Q: ['2024-07-01', '2024-07-02', '2024-07-30', '2024-07-31', 29],
    });
    expect(run('SS', 2)).toEqual({
      P: ['2024-07-01', '2024-07-04', '2024-07-28', '2024-07-31', 27],
      Q: ['2024-07-03', '2024-07-04', '2024-07-30', '2024-07-31', 27],
    });
    // A lead cannot pull the successor before the project start.
    expect(run('SS', -3).Q?.[0]).toBe('2024-07-01');
  });

  it('FF: succ.finish ≥ pred.finish + lag', () => {
    expect(run('FF')).toEqual({
      P: ['2024-07-01', '2024-07-04', '2024-07-28', '2024-07-31', 27],
      Q: ['2024-07-03', '2024-07-04', '2024-07-30', '2024-07-31', 27],
    });
    expect(run('FF', 3)).toEqual({
      P: ['2024-07-01', '2024-07-04', '2024-07-25', '2024-07-28', 24],
      Q: ['2024-07-06', '2024-07-07', '2024-07-30', '2024-07-31', 24],
    });
    expect(run('FF', -1).Q?.slice(0, 2)).toEqual(['2024-07-02', '2024-07-03']);
  });

  it('SF: succ.finish ≥ pred.start + lag', () => {
    // Lag 0: Q may finish the day P starts; it cannot start before the project start, so 7/1–7/2.
    expect(run('SF')).toEqual({
      P: ['2024-07-01', '2024-07-04', '2024-07-28', '2024-07-31', 27],
      Q: ['2024-07-01', '2024-07-02', '2024-07-30', '2024-07-31', 29],
    });
    expect(run('SF', 5)).toEqual({
      P: ['2024-07-01', '2024-07-04', '2024-07-26', '2024-07-29', 25],
      Q: ['2024-07-05', '2024-07-06', '2024-07-30', '2024-07-31', 25],
    });
  });

  it('counts lag in working days, over weekends and 端午 2024', () => {
    const run2 = (calendar: CalendarSpec) =>
      scheduleBackward({
        tasks: [
          { id: 'P', duration: 4 }, // Mon 6/3 – Thu 6/6
          { id: 'Q', duration: 1 },
        ],
        links: [{ from: 'P', to: 'Q', lag: 1 }], // Friday 6/7 is the lag day
        start: '2024-06-03',
        deadline: '2024-06-28',
        calendar,
      }).tasks.Q?.earlyStart;
    expect(run2(plainWeek)).toBe('2024-06-10');
    expect(run2(official)).toBe('2024-06-11'); // 6/10 is 端午节
  });

  it('uses the tightest of several links', () => {
    const r = scheduleBackward({
      tasks: [
        { id: 'A', duration: 5 },
        { id: 'B', duration: 2 },
        { id: 'C', duration: 3 },
      ],
      links: [
        { from: 'A', to: 'C', type: 'SS', lag: 1 }, // C ≥ day 1
        { from: 'B', to: 'C' }, // C ≥ day 2
        { from: 'A', to: 'C', type: 'FF' }, // C finish ≥ day 4 → start ≥ day 2
      ],
      start: '2024-07-01',
      deadline: '2024-07-10',
    });
    expect(r.tasks.C).toMatchObject({ earlyStart: '2024-07-03', earlyFinish: '2024-07-05' });
    // Backward: C late 7/8–7/10; A by FF finishes ≤ 7/10 and by SS starts ≤ 7/7, so 7/6–7/10 → TF 5.
    expect(r.tasks.A).toMatchObject({ lateStart: '2024-07-06', lateFinish: '2024-07-10', totalFloat: 5 });
    expect(r.tasks.B).toMatchObject({ lateFinish: '2024-07-07', totalFloat: 5 });
  });
});

describe('the official calendar around Spring Festival 2024', () => {
  const one = (start: string, deadline: string, duration = 3) =>
    scheduleBackward({ tasks: [{ id: 'T', duration }], links: [], start, deadline, calendar: official }).tasks
      .T!;

  it('runs a 3-day task from Thursday 2/8 to Sunday 2/18 (调休上班)', () => {
    // 2/8 Thu, 2/9 Fri, 2/10–2/17 holiday, 2/18 Sun is a workday.
    expect(one('2024-02-08', '2024-02-29')).toMatchObject({
      earlyStart: '2024-02-08',
      earlyFinish: '2024-02-18',
    });
  });

  it('snaps the start forward and the deadline back to working days', () => {
    expect(one('2024-02-10', '2024-02-29').earlyStart).toBe('2024-02-18');
    expect(one('2024-02-03', '2024-02-29', 1).earlyStart).toBe('2024-02-04'); // Sat → the 调休 Sunday
    expect(one('2024-02-01', '2024-02-17', 2)).toMatchObject({
      lateStart: '2024-02-08',
      lateFinish: '2024-02-09',
    });
  });

  it('carries an FS link across the holiday', () => {
    const r = scheduleBackward({
      tasks: [
        { id: '基坑', duration: 3 },
        { id: '垫层', duration: 2 },
      ],
      links: [{ from: '基坑', to: '垫层' }],
      start: '2024-02-07',
      deadline: '2024-02-20',
      calendar: official,
    });
    expect(r.tasks.基坑).toMatchObject({
      earlyFinish: '2024-02-09',
      lateFinish: '2024-02-18',
      totalFloat: 1,
    });
    expect(r.tasks.垫层).toMatchObject({ earlyStart: '2024-02-18', earlyFinish: '2024-02-19' });
  });

  it('is infeasible when the only days available are holidays', () => {
    const r = scheduleBackward({
      tasks: [{ id: 'T', duration: 1 }],
      links: [],
      start: '2024-02-10',
      deadline: '2024-02-17',
      calendar: official,
    });
    expect(r.tasks.T).toMatchObject({ earlyStart: '2024-02-18', lateFinish: '2024-02-09', totalFloat: -1 });
    expect(r.feasible).toBe(false);
  });

  it('honours project rain days and approved holiday work', () => {
    const r = scheduleBackward({
      tasks: [{ id: 'T', duration: 3 }],
      links: [],
      start: '2024-02-08',
      deadline: '2024-02-29',
      calendar: {
        ...official,
        nonWorkingDays: ['2024-02-09'],
        extraWorkingDays: ['2024-02-10', '2024-02-11'],
      },
    });
    expect(r.tasks.T?.earlyFinish).toBe('2024-02-11');
  });
});

describe('shapes', () => {
  it('schedules tasks without links independently', () => {
    const r = scheduleBackward({
      tasks: [
        { id: 'long', duration: 10 },
        { id: 'short', duration: 2 },
      ],
      links: [],
      start: '2024-01-01',
      deadline: '2024-01-10',
    });
    expect(r.tasks.long).toMatchObject({ totalFloat: 0, critical: true });
    expect(r.tasks.short).toMatchObject({ lateStart: '2024-01-09', totalFloat: 8, critical: false });
    expect(r.projectFinish).toBe('2024-01-10');
  });

  it('returns an empty schedule for no tasks', () => {
    expect(scheduleBackward({ tasks: [], links: [], start: '2024-01-01', deadline: '2024-01-10' })).toEqual({
      tasks: {},
      projectFinish: '2024-01-01',
      feasible: true,
    });
  });

  it('accepts any string as a task id', () => {
    const r = scheduleBackward({
      tasks: [
        { id: '__proto__', duration: 1 },
        { id: 'constructor', duration: 1 },
      ],
      links: [{ from: '__proto__', to: 'constructor' }],
      start: '2024-01-01',
      deadline: '2024-01-10',
    });
    expect(Object.keys(r.tasks)).toEqual(['__proto__', 'constructor']);
    expect(Object.entries(r.tasks)[1]?.[1].earlyStart).toBe('2024-01-02');
    expect(Object.getPrototypeOf(r.tasks)).toBe(Object.prototype);
  });

  it('allows the deadline on the start day', () => {
    const r = scheduleBackward({
      tasks: [{ id: 'A', duration: 1 }],
      links: [],
      start: '2024-01-01',
      deadline: '2024-01-01',
    });
    expect(r.feasible).toBe(true);
  });
});

describe('bad input', () => {
  const base: ScheduleInput = {
    tasks: [
      { id: 'A', duration: 2 },
      { id: 'B', duration: 3 },
      { id: 'C', duration: 1 },
    ],
    links: [
      { from: 'A', to: 'B' },
      { from: 'B', to: 'C' },
    ],
    start: '2024-01-01',
    deadline: '2024-03-01',
  };
  const bad = (patch: Partial<ScheduleInput>) => () => scheduleBackward({ ...base, ...patch });

  it('names an unknown task in a link', () => {
    expect(bad({ links: [{ from: 'A', to: 'X' }] })).toThrow('link A → X: unknown task "X"');
    expect(bad({ links: [{ from: 'Y', to: 'A' }] })).toThrow('link Y → A: unknown task "Y"');
  });

  it('names a duplicate task id', () => {
    expect(bad({ tasks: [...base.tasks, { id: 'B', duration: 1 }] })).toThrow('duplicate task id "B"');
  });

  it('names the tasks of a cycle', () => {
    expect(bad({ links: [...base.links, { from: 'C', to: 'A' }] })).toThrow('link cycle: A → B → C → A');
    expect(bad({ links: [{ from: 'C', to: 'B', type: 'SS' }, ...base.links] })).toThrow(
      'link cycle: B → C → B',
    );
    expect(bad({ links: [{ from: 'A', to: 'A' }] })).toThrow('link cycle: A → A');
    // A cycle downstream of acyclic tasks is still found.
    expect(
      bad({
        tasks: [...base.tasks, { id: 'D', duration: 1 }],
        links: [...base.links, { from: 'C', to: 'D' }, { from: 'D', to: 'C' }],
      }),
    ).toThrow('link cycle: C → D → C');
  });

  it('names a bad duration', () => {
    for (const duration of [0, -1, 1.5, Number.NaN, '3' as unknown as number]) {
      expect(bad({ tasks: [{ id: 'A', duration }], links: [] })).toThrow(
        `task "A": duration must be a whole number of days >= 1, got ${String(duration)}`,
      );
    }
  });

  it('names a missing task id', () => {
    expect(bad({ tasks: [{ id: '', duration: 1 }], links: [] })).toThrow('task #1 has no id');
  });

  it('names a deadline before the start', () => {
    expect(bad({ deadline: '2023-12-31' })).toThrow('deadline 2023-12-31 is before start 2024-01-01');
  });

  it('names a malformed date', () => {
    expect(bad({ start: '2024-1-1' })).toThrow('start is not a valid YYYY-MM-DD date: "2024-1-1"');
    expect(bad({ deadline: '2024-02-30' })).toThrow('deadline is not a valid YYYY-MM-DD date: "2024-02-30"');
  });

  it('names a bad link type or lag', () => {
    expect(bad({ links: [{ from: 'A', to: 'B', type: 'XX' as LinkType }] })).toThrow(
      'link A → B: type must be FS, SS, FF or SF, got "XX"',
    );
    expect(bad({ links: [{ from: 'A', to: 'B', type: 'toString' as LinkType }] })).toThrow('type must be');
    expect(bad({ links: [{ from: 'A', to: 'B', lag: 0.5 }] })).toThrow(
      'link A → B: lag must be a whole number of days, got 0.5',
    );
  });

  it('names a bad calendar', () => {
    expect(
      bad({ calendar: { kind: 'workdays', holidays: ['2024-01-01'], extraWorkdays: ['2024-01-01'] } }),
    ).toThrow('2024-01-01 is listed both as a holiday and as an extra workday');
  });

  it('refuses a schedule that leaves the representable dates', () => {
    expect(bad({ tasks: [{ id: 'A', duration: 4_000_000 }], links: [] })).toThrow(
      /^schedule runs (before|after)/,
    );
    expect(bad({ links: [{ from: 'A', to: 'B', lag: 5_000_000 }] })).toThrow(/^schedule runs (before|after)/);
  });
});

describe('planProject', () => {
  const tasks = [
    { id: '拆除', duration: 3 },
    { id: '管网', duration: 5 },
    { id: '外立面', duration: 4 },
    { id: '绿化', duration: 2 },
  ];
  const links = [
    { from: '拆除', to: '管网' },
    { from: '拆除', to: '外立面' },
    { from: '管网', to: '绿化' },
    { from: '外立面', to: '绿化' },
  ];
  const base = { tasks, links, start: '2024-06-03', deadline: '2024-06-21', calendar: official };

  it('matches scheduleBackward without progress', () => {
    const plan = planProject(base);
    const sched = scheduleBackward(base);
    for (const [id, t] of Object.entries(sched.tasks)) {
      expect(plan.tasks[id]).toMatchObject({ ...t, status: 'not-started', lateStartPassed: false });
    }
    expect(plan.projectFinish).toBe(sched.projectFinish);
    // 拆除 6/3–6/5, 管网 6/6–6/13 (6/10 端午), 绿化 6/14–6/17; deadline Fri 6/21.
    expect(plan.projectFinish).toBe('2024-06-17');
    // four working days to spare: no critical path
    expect(plan.criticalPath).toEqual([]);
    expect(plan.tasks.外立面).toMatchObject({ totalFloat: 5, freeFloat: 1 });
    expect(plan.tasks.绿化).toMatchObject({ totalFloat: 4, freeFloat: 4, critical: false });
    const tight = planProject({ ...base, deadline: '2024-06-17' });
    expect(tight.criticalPath).toEqual(['拆除', '管网', '绿化']);
    expect(tight.tasks.绿化).toMatchObject({ totalFloat: 0, critical: true });
  });

  it('re-plans from progress: done fixed, in-progress from the status date, the rest not before it', () => {
    const plan = planProject({
      ...base,
      tasks: [
        { ...tasks[0]!, actualStart: '2024-06-03', actualFinish: '2024-06-06' }, // one day late
        { ...tasks[1]!, actualStart: '2024-06-07', remaining: 4 },
        tasks[2]!,
        tasks[3]!,
      ],
      statusDate: '2024-06-12',
    });
    expect(plan.tasks.拆除).toMatchObject({
      status: 'done',
      earlyStart: '2024-06-03',
      earlyFinish: '2024-06-06',
      lateStart: '2024-06-03',
      lateFinish: '2024-06-06',
      totalFloat: 0,
      critical: false,
      freeFloat: 0,
    });
    // 4 working days from Wed 6/12: 6/12, 6/13, 6/14, 6/17.
    expect(plan.tasks.管网).toMatchObject({
      status: 'in-progress',
      earlyStart: '2024-06-07',
      earlyFinish: '2024-06-17',
      lateStart: '2024-06-07',
      lateFinish: '2024-06-19',
      totalFloat: 2,
      critical: false,
    });
    // Not started: from the status date, not from 拆除's finish. Latest start 6/14 is still ahead.
    expect(plan.tasks.外立面).toMatchObject({
      status: 'not-started',
      earlyStart: '2024-06-12',
      earlyFinish: '2024-06-17',
      lateStart: '2024-06-14',
      totalFloat: 2,
      lateStartPassed: false,
    });
    expect(plan.tasks.绿化).toMatchObject({
      earlyStart: '2024-06-18',
      earlyFinish: '2024-06-19',
      totalFloat: 2,
    });
    expect(plan.criticalPath).toEqual([]); // two working days of float left
    expect(plan.feasible).toBe(true);
    expect(plan.daysLate).toBe(0);
  });

  it('says by how many working days the deadline is missed and which late starts have passed', () => {
    const plan = planProject({
      ...base,
      tasks: [
        { ...tasks[0]!, actualStart: '2024-06-03', actualFinish: '2024-06-05' },
        tasks[1]!,
        tasks[2]!,
        tasks[3]!,
      ],
      statusDate: '2024-06-17', // nothing else has started; 管网 should have started by 6/12
    });
    // 管网 6/17–6/21, 绿化 6/24–6/25 against a deadline of 6/21: two working days late.
    expect(plan.daysLate).toBe(2);
    expect(plan.feasible).toBe(false);
    expect(plan.projectFinish).toBe('2024-06-25');
    expect(plan.tasks.管网).toMatchObject({ lateStart: '2024-06-13', totalFloat: -2, lateStartPassed: true });
    expect(plan.tasks.外立面).toMatchObject({
      lateStart: '2024-06-14',
      totalFloat: -1,
      lateStartPassed: true,
    });
    expect(plan.tasks.绿化).toMatchObject({ lateStart: '2024-06-20', lateStartPassed: false, freeFloat: 0 });
    expect(plan.criticalPath).toEqual(['管网', '绿化']);
  });

  it('defaults the remaining work to the duration less the working days elapsed', () => {
    const plan = planProject({
      ...base,
      tasks: [{ ...tasks[1]!, actualStart: '2024-06-06' }],
      links: [],
      statusDate: '2024-06-11', // 6/6, 6/7 elapsed (6/10 端午): 3 of 5 days left → 6/11, 6/12, 6/13
    });
    expect(plan.tasks.管网?.earlyFinish).toBe('2024-06-13');
    const overrun = planProject({
      ...base,
      tasks: [{ ...tasks[1]!, actualStart: '2024-06-03' }],
      links: [],
      statusDate: '2024-06-20', // more than 5 days elapsed: at least one day left
    });
    expect(overrun.tasks.管网?.earlyFinish).toBe('2024-06-20');
  });

  it('keeps an FF link binding on an in-progress successor', () => {
    const plan = planProject({
      tasks: [
        { id: '主体', duration: 10 },
        { id: '外墙', duration: 5, actualStart: '2024-07-02', remaining: 1 },
      ],
      links: [{ from: '主体', to: '外墙', type: 'FF', lag: 1 }],
      start: '2024-07-01',
      deadline: '2024-07-31',
      statusDate: '2024-07-03',
    });
    // 主体 not started: 7/3–7/12; 外墙 cannot finish before 7/13 despite one day remaining.
    expect(plan.tasks.外墙).toMatchObject({ earlyStart: '2024-07-02', earlyFinish: '2024-07-13' });
  });

  it('names bad progress', () => {
    const p =
      (t: object, statusDate: string | null = '2024-06-12') =>
      () =>
        planProject({
          ...base,
          links: [],
          tasks: [{ id: 'X', duration: 3, ...t }],
          statusDate: statusDate ?? undefined,
        });
    expect(p({ actualFinish: '2024-06-05' })).toThrow('task "X": actualFinish without actualStart');
    expect(p({ remaining: 2 })).toThrow('task "X": remaining is set but the task has not started');
    expect(p({ actualStart: '2024-06-13' })).toThrow(
      'task "X": actualStart 2024-06-13 is after statusDate 2024-06-12',
    );
    expect(p({ actualStart: '2024-06-05', actualFinish: '2024-06-04' })).toThrow(
      'task "X": actualFinish 2024-06-04 is before actualStart 2024-06-05',
    );
    expect(p({ actualStart: '2024-06-05', actualFinish: '2024-06-14' })).toThrow('is after statusDate');
    expect(p({ actualStart: '2024-06-05', remaining: 0 })).toThrow(
      'remaining must be a whole number of days >= 1',
    );
    expect(p({ actualStart: '2024-06-05' }, null)).toThrow('statusDate is required');
    expect(p({ actualStart: '2024-6-5' })).toThrow('task "X" actualStart is not a valid YYYY-MM-DD date');
    expect(p({}, '2024-06-31')).toThrow('statusDate is not a valid YYYY-MM-DD date');
  });
});
