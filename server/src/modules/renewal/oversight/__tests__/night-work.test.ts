import { expect, it } from 'vitest';
import { describeEachDb } from '../../../../test/harness.ts';
import {
  call,
  createProject,
  LONG_SESSIONS,
  makeWorld,
  setToday,
  type World,
} from '../../__tests__/renewal-factory.ts';
import { auditOf, get, oversightTestModule, partnerOf, post } from './oversight-module.ts';

interface NightWork {
  id: string;
  status: string;
  nights: number;
  requestingOrganisation: { id: string } | null;
  feedbackTally: { support: number; neutral: number; object: number };
  notices: Array<{ channelName: string }>;
  feedback: Array<{ name: string | null; attitudeName: string }>;
  decidedBy: { name: string } | null;
  decisionNote: string | null;
}
interface Calendar {
  days: Array<{
    date: string;
    events: Array<{ kind: string; id: string; startTime: string; endTime: string }>;
  }>;
}

/** The calendar's days with night work, and only those events (it also shows start, deadline, holidays…). */
const nightWorkDays = (c: Calendar) =>
  c.days
    .map((d) => ({ date: d.date, events: d.events.filter((e) => e.kind === 'night_work') }))
    .filter((d) => d.events.length > 0);

describeEachDb(
  'renewal oversight: night-work coordination and the project calendar',
  (env) => {
    let w: World;
    let project: string;
    let pour: NightWork;
    const base = {
      firstNight: '2026-03-04',
      lastNight: '2026-03-05',
      startTime: '22:00',
      endTime: '06:00',
      reason: '1号楼、4号楼屋面混凝土连续浇筑',
      noiseMeasures: '低噪声振捣设备，泵车加设隔声屏',
    };

    it('the contractor requests night work for its project', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 'nw');
      project = (await createProject(env(), w.anji, w, { name: '新财政局地块住有宜居' })).id;
      pour = await post<NightWork>(
        env(),
        w.partner,
        '/api/renewal/night-work',
        { ...base, projectId: project },
        201,
      );
      expect(pour).toMatchObject({
        status: 'pending',
        statusName: '待审批',
        nights: 2,
        requestingOrganisation: { id: w.contractor },
        requestedBy: { name: 'partner.nw' },
        feedbackTally: { support: 0, neutral: 0, object: 0 },
      });
      expect(await auditOf(env(), pour.id)).toEqual(['renewal.night_work.request']);
    });

    it('refuses bad requests naming the field, and requests by others', async () => {
      const bad = async (patch: Record<string, unknown>, field: string) => {
        const r = await call(env(), w.partner, 'POST', '/api/renewal/night-work', {
          ...base,
          projectId: project,
          ...patch,
        });
        expect(r.statusCode, r.body).toBe(400);
        expect(r.json().field).toBe(field);
      };
      await bad({ firstNight: '2026-03-01' }, 'firstNight');
      await bad({ lastNight: '2026-03-03' }, 'lastNight');
      await bad({ lastNight: '2026-04-10' }, 'lastNight');
      await bad({ startTime: '08:00', endTime: '17:00' }, 'startTime');
      await bad({ startTime: '22:00', endTime: '22:00' }, 'endTime');
      await bad({ startTime: '25:00' }, 'startTime');
      await bad({ reason: '   ' }, 'reason');
      // an evening pour that runs past 22:00 is night work
      await post(
        env(),
        w.partner,
        '/api/renewal/night-work',
        { ...base, projectId: project, startTime: '18:00', endTime: '23:30' },
        201,
      );
      const inspector = await partnerOf(env(), w.inspector, 'inspector.nw');
      expect(
        (await call(env(), inspector, 'POST', '/api/renewal/night-work', { ...base, projectId: project }))
          .statusCode,
      ).toBe(403);
      const other = await call(env(), w.otherPartner, 'POST', '/api/renewal/night-work', {
        ...base,
        projectId: project,
      });
      expect([other.statusCode, other.json().field]).toEqual([400, 'projectId']);
      expect(
        (await call(env(), w.leader, 'POST', '/api/renewal/night-work', { ...base, projectId: project }))
          .statusCode,
      ).toBe(403);
    });

    it('is approved only by staff, and only after the neighbours were told', async () => {
      const decide = `/api/renewal/night-work/${pour.id}/decision`;
      expect((await call(env(), w.partner, 'POST', decide, { decision: 'approve' })).statusCode).toBe(403);
      expect((await call(env(), w.leader, 'POST', decide, { decision: 'approve' })).statusCode).toBe(403);
      expect((await call(env(), w.tiantai, 'POST', decide, { decision: 'approve' })).statusCode).toBe(404);
      const early = await call(env(), w.anji, 'POST', decide, { decision: 'approve' });
      expect([early.statusCode, early.json().code, early.json().field]).toEqual([
        409,
        'RENEWAL_NIGHT_WORK_NOT_NOTIFIED',
        'notices',
      ]);
      await post(env(), w.partner, `/api/renewal/night-work/${pour.id}/notices`, {
        text: '拟于3月4日、5日夜间22:00至次日06:00浇筑混凝土，敬请谅解',
        publishedOn: '2026-03-02',
        channel: 'notice_board',
      });
      const future = await call(env(), w.partner, 'POST', `/api/renewal/night-work/${pour.id}/notices`, {
        text: '告知',
        publishedOn: '2026-03-03',
        channel: 'wechat_group',
      });
      expect([future.statusCode, future.json().field]).toEqual([400, 'publishedOn']);
      await post(env(), w.partner, `/api/renewal/night-work/${pour.id}/feedback`, {
        name: '王芳',
        text: '支持',
        attitude: 'support',
      });
      await post(env(), w.anji, `/api/renewal/night-work/${pour.id}/feedback`, {
        text: '注意泵车停放',
        attitude: 'neutral',
      });
      const heard = await post<NightWork>(env(), w.partner, `/api/renewal/night-work/${pour.id}/feedback`, {
        name: '李明',
        text: '孩子要高考，希望控制噪声',
        attitude: 'object',
      });
      expect(heard.feedbackTally).toEqual({ support: 1, neutral: 1, object: 1 });
      expect(heard.notices.map((n) => n.channelName)).toEqual(['公告栏']);
      // neighbours' names are personal data: masked for every reader
      expect(heard.feedback.map((f) => [f.name, f.attitudeName])).toEqual([
        ['王*', '支持'],
        [null, '中立'],
        ['李*', '反对'],
      ]);
      const noReason = await call(env(), w.anji, 'POST', decide, { decision: 'reject' });
      expect([noReason.statusCode, noReason.json().field]).toEqual([400, 'note']);
      const approved = await post<NightWork>(env(), w.anji, decide, {
        decision: 'approve',
        note: '浇筑须于05:30前结束',
      });
      expect(approved).toMatchObject({
        status: 'approved',
        decidedBy: { name: 'anji.nw' },
        decisionNote: '浇筑须于05:30前结束',
      });
      const again = await call(env(), w.anji, 'POST', decide, { decision: 'reject', note: '改主意' });
      expect([again.statusCode, again.json().code]).toEqual([409, 'RENEWAL_NIGHT_WORK_DECIDED']);
      expect(await auditOf(env(), pour.id)).toEqual([
        'renewal.night_work.request',
        'renewal.night_work.notice',
        'renewal.night_work.feedback',
        'renewal.night_work.feedback',
        'renewal.night_work.feedback',
        'renewal.night_work.approve',
      ]);
      // residents' names are masked in the audit log
      const logged = await env()
        .services.db.selectFrom('audit_log')
        .select('after')
        .where('entity_id', '=', pour.id)
        .where('action', '=', 'renewal.night_work.feedback')
        .orderBy('id')
        .execute();
      expect(logged.map((r) => (r.after as { name: string | null }).name)).toEqual(['王*', null, '李*']);
    });

    it('shows approved nights on the project calendar, and only those', async () => {
      const rejected = await post<NightWork>(
        env(),
        w.partner,
        '/api/renewal/night-work',
        { ...base, projectId: project, firstNight: '2026-03-06', lastNight: '2026-03-06' },
        201,
      );
      const no = await post<NightWork>(env(), w.anji, `/api/renewal/night-work/${rejected.id}/decision`, {
        decision: 'reject',
        note: '与中考冲突',
      });
      expect(no).toMatchObject({ status: 'rejected', statusName: '未批准', decisionNote: '与中考冲突' });
      expect(await auditOf(env(), rejected.id)).toEqual([
        'renewal.night_work.request',
        'renewal.night_work.reject',
      ]);
      const cal = (cookie: string, q = 'from=2026-03-01&to=2026-03-31') =>
        call(env(), cookie, 'GET', `/api/renewal/projects/${project}/calendar?${q}`);
      const r = await cal(w.anji);
      expect(r.statusCode, r.body).toBe(200);
      expect(nightWorkDays(r.json() as Calendar)).toEqual([
        {
          date: '2026-03-04',
          events: [
            { kind: 'night_work', id: pour.id, title: base.reason, startTime: '22:00', endTime: '06:00' },
          ],
        },
        {
          date: '2026-03-05',
          events: [
            { kind: 'night_work', id: pour.id, title: base.reason, startTime: '22:00', endTime: '06:00' },
          ],
        },
      ]);
      const clipped = (await (await cal(w.partner, 'from=2026-03-05&to=2026-03-05')).json()) as Calendar;
      expect(nightWorkDays(clipped).map((d) => d.date)).toEqual(['2026-03-05']);
      expect((await cal(w.tiantai)).statusCode).toBe(404);
      expect((await cal(w.otherPartner)).statusCode).toBe(404);
      const tooLong = await cal(w.anji, 'from=2026-01-01&to=2027-03-01');
      expect([tooLong.statusCode, tooLong.json().field]).toEqual([400, 'to']);
      const backwards = await cal(w.anji, 'from=2026-03-10&to=2026-03-01');
      expect([backwards.statusCode, backwards.json().field]).toEqual([400, 'to']);
      const list = await get<{ items: NightWork[]; total: number }>(
        env(),
        w.leader,
        `/api/renewal/night-work?projectId=${project}&status=approved`,
      );
      expect(list.items.map((n) => n.id)).toEqual([pour.id]);
      expect((await get<{ total: number }>(env(), w.tiantai, '/api/renewal/night-work')).total).toBe(0);
    });

    it('cannot approve nights that have all passed', async () => {
      const late = await post<NightWork>(
        env(),
        w.anji,
        '/api/renewal/night-work',
        { ...base, projectId: project, firstNight: '2026-03-03', lastNight: '2026-03-03' },
        201,
      );
      expect(late.requestingOrganisation).toBeNull();
      await post(env(), w.anji, `/api/renewal/night-work/${late.id}/notices`, {
        text: '告知',
        publishedOn: '2026-03-02',
        channel: 'phone',
      });
      setToday(env(), '2026-03-04');
      const r = await call(env(), w.anji, 'POST', `/api/renewal/night-work/${late.id}/decision`, {
        decision: 'approve',
      });
      expect([r.statusCode, r.json().code, r.json().field]).toEqual([
        409,
        'RENEWAL_NIGHT_WORK_EXPIRED',
        'lastNight',
      ]);
    });
  },
  { modules: [oversightTestModule], config: LONG_SESSIONS },
);
