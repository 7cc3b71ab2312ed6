import { expect, it } from 'vitest';
import { describeEachDb } from '../../../../test/harness.ts';
import {
  call,
  createProject,
  expectStatus,
  LONG_SESSIONS,
  makeWorld,
  setToday,
} from '../../__tests__/renewal-factory.ts';
import { notifyOverdue } from '../overdue-alerts.service.ts';
import { oversightTestModule, partnerOf, post, type World } from './oversight-module.ts';

type Note = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
};
type Inbox = { items: Note[]; total: number; unread: number };

describeEachDb(
  'renewal overdue alerts: findings and action items past due notify the right people once',
  (env) => {
    let w: World;
    let visit: { id: string; findings: Array<{ id: string; deadline: string }> };
    let meeting: { id: string };
    const inbox = (cookie: string, q = '') =>
      expectStatus<Inbox>(call(env(), cookie, 'GET', `/api/notifications${q}`), 200);
    const unread = async (cookie: string) =>
      (
        await expectStatus<{ count: number }>(
          call(env(), cookie, 'GET', '/api/notifications/unread-count'),
          200,
        )
      ).count;

    it('notifies the contractor’s partners and the region’s inspection staff of an overdue finding', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 'oa');
      const project = (await createProject(env(), w.anji, w, { name: '安吉逾期提醒项目' })).id;
      const inspector = await partnerOf(env(), w.inspector, 'inspector.oa');
      visit = await post(
        env(),
        inspector,
        '/api/renewal/inspections',
        {
          projectId: project,
          inspectedOn: '2026-03-02',
          inspectorNames: ['陆晓峰'],
          findings: [
            {
              category: 'fall_from_height',
              severity: 'critical',
              location: '5号楼临边',
              description: '防护栏杆缺失',
            },
          ],
        },
        201,
      );
      expect(visit.findings[0]!.deadline).toBe('2026-03-03');
      meeting = await post(
        env(),
        w.anji,
        '/api/renewal/meetings',
        {
          projectIds: [project],
          title: '第1次督查例会',
          heldOn: '2026-03-02',
          minutes: '倒排工期',
          attendees: [],
          actionItems: [{ text: '屋面浇筑方案报审', ownerOrganisationId: w.contractor, dueOn: '2026-03-04' }],
        },
        201,
      );

      // on the deadline nothing is overdue yet
      setToday(env(), '2026-03-03');
      expect(await notifyOverdue(env().services, '2026-03-03')).toMatchObject({ findings: 0, notified: 0 });

      setToday(env(), '2026-03-04');
      const r = await notifyOverdue(env().services, '2026-03-04');
      // the contractor's partner and the Anji staff; not the leader, Tiantai staff or another contractor
      expect(r).toMatchObject({ findings: 1, actionItems: 0, notified: 2 });
      const mine = await inbox(w.partner);
      expect(mine.items).toHaveLength(1);
      expect(mine.items[0]).toMatchObject({
        kind: 'renewal.finding.overdue',
        title: '安全隐患逾期未整改：安吉逾期提醒项目',
        link: `/renewal/inspections/${visit.id}?finding=${visit.findings[0]!.id}`,
        readAt: null,
      });
      expect(mine.items[0]!.body).toContain('已逾期 1 天');
      expect((await inbox(w.anji)).total).toBe(1);
      for (const other of [w.leader, w.tiantai, w.otherPartner, w.admin])
        expect((await inbox(other)).total).toBe(0);
      const en = await expectStatus<Inbox>(
        call(env(), w.partner, 'GET', '/api/notifications', undefined, 'en'),
        200,
      );
      expect(en.items[0]!.title).toBe('Safety finding overdue: 安吉逾期提醒项目');
    });

    it('does not notify twice on the next runs; an overdue action item goes to its creator and owner', async () => {
      expect((await notifyOverdue(env().services, '2026-03-04')).notified).toBe(0);
      setToday(env(), '2026-03-05');
      const r = await notifyOverdue(env().services, '2026-03-05');
      // the finding again: nothing; the action item (due 03-04): the meeting's creator and the contractor's partner
      expect(r).toMatchObject({ findings: 1, actionItems: 1, notified: 2 });
      expect((await notifyOverdue(env().services, '2026-03-05')).notified).toBe(0);
      const p = await inbox(w.partner);
      expect(p.items.map((n) => n.kind).sort()).toEqual([
        'renewal.action_item.overdue',
        'renewal.finding.overdue',
      ]);
      const item = p.items.find((n) => n.kind === 'renewal.action_item.overdue')!;
      expect(item.link).toBe(`/renewal/meetings/${meeting.id}`);
      expect((await inbox(w.anji)).total).toBe(2);
      const audit = await env()
        .services.db.selectFrom('audit_log')
        .select(['action'])
        .where('action', '=', 'renewal.overdue.notify')
        .execute();
      expect(audit).toHaveLength(2);
    });

    it('lets each user read and mark only their own notifications, unread first', async () => {
      expect(await unread(w.partner)).toBe(2);
      const p = await inbox(w.partner);
      const first = p.items[0]!;
      const notMine = await call(env(), w.anji, 'POST', `/api/notifications/${first.id}/read`);
      expect(notMine.statusCode).toBe(404);
      expect(await unread(w.partner)).toBe(2);

      const read = await expectStatus<Note>(
        call(env(), w.partner, 'POST', `/api/notifications/${first.id}/read`),
        200,
      );
      expect(read.readAt).not.toBeNull();
      expect(await unread(w.partner)).toBe(1);
      const again = await inbox(w.partner);
      expect(again.unread).toBe(1);
      // unread first
      expect(again.items.map((n) => n.readAt === null)).toEqual([true, false]);
      expect((await inbox(w.partner, '?unreadOnly=true')).items.map((n) => n.id)).not.toContain(first.id);

      const all = await expectStatus<{ updated: number }>(
        call(env(), w.partner, 'POST', '/api/notifications/read-all'),
        200,
      );
      expect(all.updated).toBe(1);
      expect(await unread(w.partner)).toBe(0);
      expect(await unread(w.anji)).toBe(2);
      const bad = await call(env(), w.partner, 'POST', '/api/notifications/not-a-uuid/read');
      expect(bad.statusCode).toBe(400);
      const anon = await env().app.inject({ method: 'GET', url: '/api/notifications' });
      expect(anon.statusCode).toBe(401);
    });
  },
  { modules: [oversightTestModule], config: LONG_SESSIONS },
);
