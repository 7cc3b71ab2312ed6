import { type SqlBool, sql } from 'kysely';
import { Type } from 'typebox';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';
import { systemContext } from '../../accounts/create-user.ts';
import { ORG_READ } from '../../orgs/organisation.policy.ts';
import { shanghaiInstant } from '../dates.ts';
import { defineList, filter, type ListView } from '../list.ts';
import { regionScopeSql } from '../scope.ts';

/**
 * A list is read with the request's view: `rows`, the filters and the presenter get today by
 * the services' clock (Asia/Shanghai), read per request, so what is overdue moves with the clock.
 */

const tasks = sql<{ id: string; region_code: string; due: string }>`(
  select * from (values ('a', '330523001', '2026-03-02'), ('b', '330523002', '2026-03-03'),
                        ('c', '330502001', '2026-03-05')) as v(id, region_code, due)
)`.as('t');

const seen: ListView[] = [];

const taskList = defineList({
  path: '/api/test/tasks',
  tag: 'test',
  summary: 'Tasks (a test of the list view)',
  permission: ORG_READ,
  rows: (db, view) => {
    seen.push(view);
    return db.selectFrom(tasks).select(['t.id', 't.due', sql<boolean>`t.due < ${view.today}`.as('overdue')]);
  },
  scope: (scope) => regionScopeSql(scope, 't.region_code'),
  filters: {
    overdue: filter(Type.Boolean(), (only, { today }) =>
      only ? sql<SqlBool>`t.due < ${today}` : sql<SqlBool>`true`,
    ),
  },
  sorts: { due: ['t.due'] },
  defaultSort: 'due',
  key: 't.id',
  item: Type.Object({ id: Type.String(), overdue: Type.Boolean(), asOf: Type.String() }),
  present: (t, { today }) => ({ id: t.id, overdue: t.overdue, asOf: today }),
  excel: {
    target: 'test-tasks',
    title: { zh: '任务', en: 'Tasks' },
    entityType: 'test_task',
    audit: 'test.task.export',
    columns: [{ key: 'id', header: { zh: '编号', en: 'Id' }, width: 6, value: (t) => t.id }],
  },
});

describeEachDb('a list’s view of the request', (env) => {
  it('reads today from the services’ clock for each request: rows, filters, presenter, export', async () => {
    const s = env().services;
    const ctx = systemContext('test:list-view');
    const overdue = async () => {
      const page = await taskList.list(s, ctx, { overdue: true });
      const exported = await taskList.excel.export.open(s, ctx, { overdue: true }, 10, {});
      const ids: string[] = [];
      for await (const rows of exported.pages) ids.push(...rows.map((r) => r.id));
      expect(exported.total).toBe(page.total);
      expect(ids).toEqual(page.items.map((i) => i.id));
      return page;
    };

    // 23:59 on 2 March in Shanghai: nothing is due before the 2nd
    env().clock.set(new Date('2026-03-02T15:59:00Z'));
    expect(await overdue()).toMatchObject({ total: 0, items: [] });
    expect((await taskList.list(s, ctx, {})).items).toEqual([
      { id: 'a', overdue: false, asOf: '2026-03-02' },
      { id: 'b', overdue: false, asOf: '2026-03-02' },
      { id: 'c', overdue: false, asOf: '2026-03-02' },
    ]);

    // one minute later it is the 3rd in Shanghai (still the 2nd in UTC): task a is overdue
    env().clock.set(new Date('2026-03-02T16:00:00Z'));
    expect(await overdue()).toMatchObject({
      total: 1,
      items: [{ id: 'a', overdue: true, asOf: '2026-03-03' }],
    });

    env().clock.set(shanghaiInstant('2026-03-04'));
    expect((await overdue()).items.map((i) => i.id)).toEqual(['a', 'b']);
    expect((await taskList.one(s, ctx, sql<SqlBool>`t.id = 'b'`))?.overdue).toBe(true);

    // the view carries the caller's scope of the list's permission and their language
    expect(seen.at(-1)).toEqual({
      scope: expect.objectContaining({ all: true }),
      today: '2026-03-04',
      lang: ctx.lang,
    });
  });
});
