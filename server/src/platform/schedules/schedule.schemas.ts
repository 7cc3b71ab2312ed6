import { Type } from 'typebox';
import { Nullable } from '../kit/schemas.ts';

const DateTime = (description: string) => Type.String({ format: 'date-time', description });

export const ScheduleRunView = Type.Object(
  {
    slot: Type.String({
      description: "the day ('2026-03-02') or the window's start ('2026-03-02 08:05'), Shanghai time",
    }),
    status: Type.Union([Type.Literal('running'), Type.Literal('succeeded'), Type.Literal('failed')]),
    statusName: Type.String(),
    attempts: Type.Integer({ description: 'runs of this slot so far (retries after failures count)' }),
    server: Type.String({ description: 'the server process that ran it (host:pid:tag)' }),
    startedAt: DateTime('when the latest attempt started'),
    finishedAt: Nullable(DateTime('when it ended; null while running')),
    summary: Nullable(Type.String()),
    error: Nullable(Type.String()),
  },
  { title: 'ScheduleRunView' },
);

export const ScheduleView = Type.Object(
  {
    key: Type.String(),
    moduleId: Type.String(),
    name: Type.String(),
    when: Type.String({ description: 'the timetable in words' }),
    runAtStart: Type.Boolean({ description: 'also runs at server start when the current slot has not run' }),
    nextAt: DateTime('when the next slot begins'),
    lastRun: Nullable(ScheduleRunView),
  },
  { title: 'ScheduleView' },
);

export const ScheduleList = Type.Object({ items: Type.Array(ScheduleView) }, { title: 'ScheduleList' });
