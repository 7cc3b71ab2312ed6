import { expect, it } from 'vitest';
import { describeEachDb } from '../../../../test/harness.ts';
import {
  call,
  createProject,
  LONG_SESSIONS,
  makeWorld,
  org,
  setToday,
  type World,
} from '../../__tests__/renewal-factory.ts';
import { auditOf, get, oversightTestModule, partnerOf, post } from './oversight-module.ts';

interface Finding {
  id: string;
  severity: string;
  status: string;
  deadline: string;
  stopWork: boolean;
  rounds: number;
  allowedActions: string[];
  closedOn: string | null;
  overdue: boolean;
}
interface Detail {
  finding: Finding;
  history: Array<{
    action: string;
    actedOn: string;
    newDeadline: string | null;
    organisation: { id: string } | null;
  }>;
}
interface Visit {
  id: string;
  findings: Finding[];
}

const findings = [
  {
    category: 'fall_from_height',
    severity: 'critical',
    location: '5号楼12层临边',
    description: '防护栏杆缺失',
  },
  {
    category: 'temporary_electricity',
    severity: 'major',
    location: '2号楼配电箱',
    description: '未做重复接地',
  },
  {
    category: 'site_order',
    severity: 'minor',
    location: '材料堆场',
    description: '材料混堆',
    photos: ['堆场全景'],
  },
];

describeEachDb(
  'renewal oversight: third-party safety inspections and findings',
  (env) => {
    let w: World;
    let projectA: string;
    let projectB: string;
    let otherFirm: string;
    let inspector: string;
    let otherInspector: string;
    let visit: Visit;
    const url = (id: string, step: string) => `/api/renewal/findings/${id}/${step}`;

    it('an inspector records a visit; each deadline follows the severity (audited)', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 'fd');
      otherFirm = await org(env(), '台州测试安全咨询fd', 'inspector', '3310');
      projectA = (await createProject(env(), w.anji, w, { name: '新财政局地块住有宜居' })).id;
      projectB = (
        await createProject(env(), w.anji, w, {
          name: '两山未来科技城1号楼',
          contractorId: w.otherContractor,
          inspectorId: otherFirm,
          agentBuilderId: null,
          supervisorId: null,
        })
      ).id;
      inspector = await partnerOf(env(), w.inspector, 'inspector.fd');
      otherInspector = await partnerOf(env(), otherFirm, 'inspector2.fd');
      visit = await post<Visit>(
        env(),
        inspector,
        '/api/renewal/inspections',
        { projectId: projectA, inspectedOn: '2026-03-02', inspectorNames: ['陆晓峰', ' 钱海涛 '], findings },
        201,
      );
      expect(visit).toMatchObject({
        projectId: projectA,
        inspectorOrganisation: { id: w.inspector },
        inspectorNames: ['陆晓峰', '钱海涛'],
      });
      expect(
        visit.findings.map((f) => [f.severity, f.deadline, f.stopWork, f.status, f.allowedActions]),
      ).toEqual([
        ['critical', '2026-03-03', true, 'open', ['reply']],
        ['major', '2026-03-05', false, 'open', ['reply']],
        ['minor', '2026-03-09', false, 'open', ['reply']],
      ]);
      expect(visit.findings[0]).toMatchObject({
        categoryName: '高处坠落',
        severityName: '重大',
        statusName: '待整改',
      });
      expect(await auditOf(env(), visit.id)).toEqual(['renewal.inspection.create']);
      for (const f of visit.findings) expect(await auditOf(env(), f.id)).toEqual(['renewal.finding.create']);
    });

    it('keeps inspectors to the projects their organisation inspects', async () => {
      const body = { projectId: projectA, inspectedOn: '2026-03-02', inspectorNames: ['甲'], findings };
      // another firm cannot see project A at all: the project is a bad reference
      const other = await call(env(), otherInspector, 'POST', '/api/renewal/inspections', body);
      expect([other.statusCode, other.json().field]).toEqual([400, 'projectId']);
      await get(env(), otherInspector, `/api/renewal/inspections/${visit.id}`, 404);
      await get(env(), otherInspector, `/api/renewal/findings/${visit.findings[0]!.id}`, 404);
      expect(
        (
          await call(
            env(),
            otherInspector,
            'POST',
            `/api/renewal/inspections/${visit.id}/findings`,
            findings[0],
          )
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await call(env(), otherInspector, 'POST', url(visit.findings[0]!.id, 'reinspect'), {
            result: 'pass',
            note: 'x',
          })
        ).statusCode,
      ).toBe(404);
      // the contractor sees project A but is not its inspector
      expect((await call(env(), w.partner, 'POST', '/api/renewal/inspections', body)).statusCode).toBe(403);
      expect(
        (await call(env(), w.partner, 'POST', `/api/renewal/inspections/${visit.id}/findings`, findings[0]))
          .statusCode,
      ).toBe(403);
      // an inspector records only as its own firm
      const asOther = await call(env(), inspector, 'POST', '/api/renewal/inspections', {
        ...body,
        inspectorOrganisationId: otherFirm,
      });
      expect([asOther.statusCode, asOther.json().code]).toEqual([403, 'RENEWAL_NOT_THE_INSPECTOR']);
      // the firm adds a finding to its own visit later: numbered after the others, audited
      const added = await post<Finding & { seq: number }>(
        env(),
        inspector,
        `/api/renewal/inspections/${visit.id}/findings`,
        { category: 'fire', severity: 'minor', location: '6号楼地下室', description: '未配灭火器' },
        201,
      );
      expect([added.seq, added.deadline, added.status]).toEqual([4, '2026-03-09', 'open']);
      expect(await auditOf(env(), added.id)).toEqual(['renewal.finding.create']);
      // and the other firm works on its own project B
      await post(
        env(),
        otherInspector,
        '/api/renewal/inspections',
        { ...body, projectId: projectB, findings: [] },
        201,
      );
      // staff record for any inspection firm, which must be of kind inspector
      await post(
        env(),
        w.anji,
        '/api/renewal/inspections',
        { ...body, inspectorOrganisationId: otherFirm, findings: [] },
        201,
      );
      const notFirm = await call(env(), w.anji, 'POST', '/api/renewal/inspections', {
        ...body,
        inspectorOrganisationId: w.contractor,
      });
      expect([notFirm.statusCode, notFirm.json().field]).toEqual([400, 'inspectorOrganisationId']);
      // leaders only read
      expect((await call(env(), w.leader, 'POST', '/api/renewal/inspections', body)).statusCode).toBe(403);
      await get(env(), w.leader, `/api/renewal/inspections/${visit.id}`);
      await get(env(), w.tiantai, `/api/renewal/inspections/${visit.id}`, 404);
    });

    it('refuses bad input naming the field', async () => {
      const bad = async (body: Record<string, unknown>, field: string) => {
        const r = await call(env(), inspector, 'POST', '/api/renewal/inspections', {
          projectId: projectA,
          inspectedOn: '2026-03-02',
          inspectorNames: ['甲'],
          ...body,
        });
        expect(r.statusCode, r.body).toBe(400);
        expect(r.json().field).toBe(field);
      };
      await bad({ findings: [{ ...findings[0], category: 'landslide' }] }, 'findings.0.category');
      await bad({ findings: [{ ...findings[0], severity: 'urgent' }] }, 'findings.0.severity');
      await bad({ findings: [findings[0], { ...findings[1], location: '  ' }] }, 'findings.1.location');
      await bad({ inspectedOn: '2026-03-03' }, 'inspectedOn');
      await bad({ inspectorNames: [' '] }, 'inspectorNames');
      await bad({ inspectorNames: [] }, 'inspectorNames');
    });

    it('lets only the project’s contractor (or staff) reply', async () => {
      const f = visit.findings[1]!.id;
      const reply = { text: '已加装箱锁', repliedOn: '2026-03-02' };
      expect((await call(env(), w.otherPartner, 'POST', url(f, 'reply'), reply)).statusCode).toBe(404);
      const asInspector = await call(env(), inspector, 'POST', url(f, 'reply'), reply);
      expect([asInspector.statusCode, asInspector.json().code]).toEqual([403, 'RENEWAL_OVERSIGHT_NOT_YOURS']);
      expect((await call(env(), w.leader, 'POST', url(f, 'reply'), reply)).statusCode).toBe(403);
      const bad = await call(env(), w.partner, 'POST', url(f, 'reply'), {
        ...reply,
        repliedOn: '2026-03-01',
      });
      expect([bad.statusCode, bad.json().field]).toEqual([400, 'repliedOn']);
      const d = await post<Detail>(env(), w.partner, url(f, 'reply'), reply);
      expect(d.finding).toMatchObject({ status: 'replied', allowedActions: ['pass', 'fail'] });
      expect(d.history).toEqual([
        expect.objectContaining({
          action: 'reply',
          actedOn: '2026-03-02',
          organisation: expect.objectContaining({ id: w.contractor }),
        }),
      ]);
    });

    it('reopens on a failed re-inspection with a new deadline, then passes and closes', async () => {
      const f = visit.findings[1]!.id;
      // closing before it has passed is refused, saying why
      const early = await call(env(), inspector, 'POST', url(f, 'close'), {});
      expect([early.statusCode, early.json().code, early.json().field]).toEqual([
        409,
        'RENEWAL_FINDING_STATUS',
        'status',
      ]);
      expect(early.json().message).toContain('尚未复查通过');
      setToday(env(), '2026-03-04');
      const failed = await post<Detail>(env(), inspector, url(f, 'reinspect'), {
        result: 'fail',
        note: '仍未接地',
      });
      expect(failed.finding).toMatchObject({
        status: 'failed',
        deadline: '2026-03-07',
        rounds: 2,
        allowedActions: ['reply'],
      });
      expect(failed.history.at(-1)).toMatchObject({
        action: 'fail',
        actedOn: '2026-03-04',
        newDeadline: '2026-03-07',
      });
      const stillOpen = await call(env(), inspector, 'POST', url(f, 'close'), {}, 'en');
      expect([stillOpen.statusCode, stillOpen.json().message]).toEqual([
        409,
        expect.stringContaining('failed re-inspection'),
      ]);
      const noReply = await call(env(), inspector, 'POST', url(f, 'reinspect'), {
        result: 'pass',
        note: 'ok',
      });
      expect(noReply.statusCode).toBe(409);
      await post(env(), w.partner, url(f, 'reply'), { text: '已打设接地极' });
      setToday(env(), '2026-03-05');
      const passed = await post<Detail>(env(), inspector, url(f, 'reinspect'), {
        result: 'pass',
        note: '复查合格',
      });
      expect(passed.finding).toMatchObject({ status: 'passed', allowedActions: ['close'] });
      const closed = await post<Detail>(env(), inspector, url(f, 'close'), { note: '销号' });
      expect(closed.finding).toMatchObject({
        status: 'closed',
        closedOn: '2026-03-05',
        allowedActions: [],
        overdue: false,
      });
      expect(closed.history.map((e) => e.action)).toEqual(['reply', 'fail', 'reply', 'pass', 'close']);
      const again = await call(env(), inspector, 'POST', url(f, 'close'), {});
      expect(again.statusCode).toBe(409);
      expect(await auditOf(env(), f)).toEqual([
        'renewal.finding.create',
        'renewal.finding.reply',
        'renewal.finding.fail',
        'renewal.finding.reply',
        'renewal.finding.pass',
        'renewal.finding.close',
      ]);
    });

    it('lists findings with filters and flags the overdue ones', async () => {
      setToday(env(), '2026-03-05');
      type Page = { items: Finding[]; total: number };
      const overdue = await get<Page>(env(), w.anji, '/api/renewal/findings?overdue=true');
      // the critical one (deadline 03-03) is past due; the minor one (03-09) is not
      expect(overdue.items.map((f) => [f.severity, f.overdue])).toEqual([['critical', true]]);
      expect(
        (await get<Page>(env(), w.anji, `/api/renewal/findings?inspectionId=${visit.id}&status=closed`))
          .total,
      ).toBe(1);
      expect((await get<Page>(env(), w.anji, '/api/renewal/findings?severity=minor')).total).toBe(2);
      expect((await get<Page>(env(), w.anji, '/api/renewal/findings?category=scaffolding')).total).toBe(0);
      expect((await get<Page>(env(), w.partner, '/api/renewal/findings')).total).toBe(4);
      expect((await get<Page>(env(), w.otherPartner, '/api/renewal/findings')).total).toBe(0);
      expect((await get<Page>(env(), w.tiantai, '/api/renewal/findings')).total).toBe(0);
      const groups = await get<Array<{ projectId: string; overdueCount: number; criticalCount: number }>>(
        env(),
        w.anji,
        '/api/renewal/findings/overdue',
      );
      expect(groups).toEqual([
        expect.objectContaining({ projectId: projectA, overdueCount: 1, criticalCount: 1 }),
      ]);
      expect(await get(env(), w.otherPartner, '/api/renewal/findings/overdue')).toEqual([]);
      const options = await get<{ categories: unknown[]; severities: unknown[] }>(
        env(),
        w.partner,
        '/api/renewal/inspection-options',
      );
      expect(options.categories).toHaveLength(9);
      expect(options.severities).toEqual([
        { code: 'minor', name: '一般', days: 7, stopWork: false },
        { code: 'major', name: '较大', days: 3, stopWork: false },
        { code: 'critical', name: '重大', days: 1, stopWork: true },
      ]);
    });
  },
  { modules: [oversightTestModule], config: LONG_SESSIONS },
);
