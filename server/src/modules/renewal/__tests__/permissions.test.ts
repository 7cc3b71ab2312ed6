import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';
import {
  makeCommunity,
  makePlan,
  openBallotOn,
  PLAN_BODY,
  resident,
  type TestCommunity,
} from '../ballots/__tests__/ballot-factory.ts';
import { renewalModule } from '../manifest.ts';
import {
  addTask,
  call,
  createProject,
  expectStatus,
  LONG_SESSIONS,
  makeWorld,
  setToday,
  type World,
} from './renewal-factory.ts';

/**
 * Declared permissions across renewal (ADR 0007): every record goes out with what the caller may
 * do with it (`can`), a record outside the caller's scope is 404 on every route, a visible one
 * they may not change is 403, and one rule says what partners see of communities and ballots.
 */

type Can = Record<string, boolean>;
const canOf = async (env: Parameters<typeof call>[0], cookie: string, url: string) =>
  (await expectStatus<{ can: Can }>(call(env, cookie, 'GET', url), 200)).can;

describeEachDb(
  'renewal permissions: can flags, 404 outside scope, partners and communities',
  (env) => {
    let w: World;
    let auditor: string;
    let city: string;
    let inspector: string;
    let projectId: string;
    let tiantaiProject: string;
    let taskId: string;
    let reportId: string;
    let issueId: string;
    let community: TestCommunity;
    let otherCommunity: TestCommunity;
    let ballotId: string;
    let tokens: Map<string, string>;

    it('sets up projects, a task, a report with a tracked problem, and a community with a ballot', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 'pm');
      auditor = await env().userWith('auditor', {}, 'auditor.pm');
      city = await env().userWith('staff', { regionCode: '33', programmes: ['renewal'] }, 'city.pm');
      inspector = await env().userWith('partner', { organisationId: w.inspector }, 'inspector.pm');
      projectId = (await createProject(env(), w.anji, w, { name: '竹贤山庄二期改造' })).id;
      tiantaiProject = (
        await createProject(env(), w.tiantai, w, {
          name: '104国道福溪段',
          type: 'road',
          regionCode: '331023003',
          contractorId: w.otherContractor,
          agentBuilderId: null,
          supervisorId: null,
          inspectorId: null,
        })
      ).id;
      taskId = await addTask(env(), w.anji, projectId, '外立面整治', 10);
      reportId = (
        await expectStatus<{ id: string }>(
          call(env(), w.partner, 'POST', `/api/renewal/projects/${projectId}/reports`, {
            weather: 'sunny',
            workersOnSite: 40,
            problems: [{ text: '脚手架验收延迟', severity: 'minor' }],
          }),
          201,
        )
      ).id;
      issueId = (
        await expectStatus<{ id: string }>(
          call(env(), w.anji, 'POST', `/api/renewal/reports/${reportId}/problems/1/issue`, {}),
          201,
        )
      ).id;
      community = await makeCommunity(env(), [[9000], [9100], [9200], [9300]], { projectId });
      otherCommunity = await makeCommunity(env(), [[9000]], {
        projectId: tiantaiProject,
        regionCode: '331023003',
      });
      const plan = await makePlan(env(), w.anji, community.id);
      const opened = await openBallotOn(env(), w.anji, community.id, plan.id);
      ballotId = opened.ballot.id;
      tokens = opened.tokens;
    });

    it('sends each record with what the caller may do: county staff change, leaders read, partners as their part', async () => {
      const project = `/api/renewal/projects/${projectId}`;
      expect(await canOf(env(), w.anji, project)).toEqual({ update: true, report: true });
      expect(await canOf(env(), w.leader, project)).toEqual({ update: false, report: false });
      // the contractor files reports, never changes the register
      expect(await canOf(env(), w.partner, project)).toEqual({ update: false, report: true });
      const list = await expectStatus<{ items: Array<{ id: string; can: Can }> }>(
        call(env(), w.leader, 'GET', '/api/renewal/projects'),
        200,
      );
      // the register's rows carry the one action its table offers
      expect(list.items.find((p) => p.id === projectId)?.can).toEqual({ update: false });

      const tasks = async (cookie: string) =>
        (
          await expectStatus<Array<{ id: string; can: Can }>>(
            call(env(), cookie, 'GET', `${project}/tasks`),
            200,
          )
        ).find((t) => t.id === taskId)?.can;
      expect(await tasks(w.anji)).toEqual({ update: true, delete: true });
      expect(await tasks(w.leader)).toEqual({ update: false, delete: false });
      expect(await tasks(w.partner)).toEqual({ update: false, delete: false });

      const report = `/api/renewal/reports/${reportId}`;
      expect(await canOf(env(), w.anji, report)).toEqual({ update: true, track: true });
      expect(await canOf(env(), w.leader, report)).toEqual({ update: false, track: false });
      expect(await canOf(env(), w.partner, report)).toEqual({ update: true, track: false });

      const issue = `/api/renewal/issues/${issueId}`;
      expect(await canOf(env(), w.anji, issue)).toEqual({ update: true });
      expect(await canOf(env(), w.leader, issue)).toEqual({ update: false });
      const issues = await expectStatus<{ items: Array<{ id: string; can: Can }> }>(
        call(env(), w.partner, 'GET', `/api/renewal/issues?projectId=${projectId}`),
        200,
      );
      expect(issues.items.find((i) => i.id === issueId)?.can).toEqual({ update: false });

      const register = `/api/renewal/communities/${community.id}`;
      expect(await canOf(env(), w.anji, register)).toEqual({ update: true, decide: true });
      expect(await canOf(env(), w.leader, register)).toEqual({ update: false, decide: false });

      const ballot = `/api/renewal/ballots/${ballotId}`;
      expect(await canOf(env(), w.anji, ballot)).toEqual({ update: true, voters: true, choices: true });
      expect(await canOf(env(), w.leader, ballot)).toEqual({ update: false, voters: true, choices: false });
      expect(await canOf(env(), auditor, ballot)).toEqual({ update: false, voters: true, choices: true });
      expect(await canOf(env(), w.partner, ballot)).toEqual({ update: false, voters: false, choices: false });
      const plans = await expectStatus<{ items: Array<{ can: Can }> }>(
        call(env(), w.leader, 'GET', `/api/renewal/communities/${community.id}/plans`),
        200,
      );
      expect(plans.items[0]?.can).toEqual({ update: false });
    });

    it('sends oversight records with their flags, by the party the partner is', async () => {
      const visit = await expectStatus<{ id: string; can: Can; findings: Array<{ id: string }> }>(
        call(env(), inspector, 'POST', '/api/renewal/inspections', {
          projectId,
          inspectedOn: '2026-03-02',
          inspectorNames: ['陆晓峰'],
          findings: [
            { category: 'site_order', severity: 'minor', location: '材料堆场', description: '材料混堆' },
          ],
        }),
        201,
      );
      expect(visit.can).toEqual({ update: true });
      expect(await canOf(env(), w.partner, `/api/renewal/inspections/${visit.id}`)).toEqual({
        update: false,
      });
      expect(await canOf(env(), w.anji, `/api/renewal/inspections/${visit.id}`)).toEqual({ update: true });
      const finding = `/api/renewal/findings/${visit.findings[0]!.id}`;
      expect(await canOf(env(), w.partner, finding)).toEqual({ reply: true, inspect: false });
      expect(await canOf(env(), inspector, finding)).toEqual({ reply: false, inspect: true });
      expect(await canOf(env(), w.leader, finding)).toEqual({ reply: false, inspect: false });

      const night = await expectStatus<{ id: string; can: Can }>(
        call(env(), w.partner, 'POST', '/api/renewal/night-work', {
          projectId,
          firstNight: '2026-03-04',
          lastNight: '2026-03-04',
          startTime: '22:00',
          endTime: '06:00',
          reason: '屋面混凝土连续浇筑',
          noiseMeasures: '低噪声振捣设备',
        }),
        201,
      );
      expect(night.can).toEqual({ coordinate: true, decide: false });
      expect(await canOf(env(), w.anji, `/api/renewal/night-work/${night.id}`)).toEqual({
        coordinate: true,
        decide: true,
      });
    });

    it('answers 404 for a record outside the caller’s scope on every part, 403 for a visible one they may not change', async () => {
      const outside: Array<[string, 'GET' | 'PATCH' | 'POST' | 'PUT' | 'DELETE', string, unknown?]> = [
        [w.tiantai, 'GET', `/api/renewal/projects/${projectId}`],
        [w.tiantai, 'PATCH', `/api/renewal/projects/${projectId}`, { name: '改名测试' }],
        [w.tiantai, 'GET', `/api/renewal/projects/${projectId}/tasks`],
        [w.tiantai, 'PATCH', `/api/renewal/projects/${projectId}/tasks/${taskId}`, { name: '改名测试' }],
        [w.tiantai, 'DELETE', `/api/renewal/projects/${projectId}/tasks/${taskId}`],
        [w.tiantai, 'GET', `/api/renewal/reports/${reportId}`],
        [w.otherPartner, 'PUT', `/api/renewal/reports/${reportId}`, { weather: 'sunny', workersOnSite: 1 }],
        [w.tiantai, 'GET', `/api/renewal/issues/${issueId}`],
        [w.tiantai, 'PATCH', `/api/renewal/issues/${issueId}`, { title: '改名测试' }],
        [w.tiantai, 'GET', `/api/renewal/communities/${community.id}`],
        [w.tiantai, 'PATCH', `/api/renewal/communities/${community.id}`, { batch: 'x' }],
        [w.tiantai, 'GET', `/api/renewal/communities/${community.id}/plans`],
        [w.tiantai, 'GET', `/api/renewal/ballots/${ballotId}`],
        [w.tiantai, 'POST', `/api/renewal/ballots/${ballotId}/close`],
        [w.otherPartner, 'GET', `/api/renewal/projects/${projectId}/reports`],
      ];
      for (const [cookie, method, url, body] of outside) {
        const res = await call(env(), cookie, method, url, body);
        expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(404);
      }
      // refused by the route guard (no such permission) or by the policy (a visible record)
      const readOnly: Array<[string, 'PATCH' | 'POST', string, unknown]> = [
        [w.leader, 'PATCH', `/api/renewal/projects/${projectId}`, { name: '改名测试' }],
        [w.partner, 'POST', `/api/renewal/reports/${reportId}/problems/1/issue`, {}],
        [w.leader, 'PATCH', `/api/renewal/communities/${community.id}`, { batch: 'x' }],
        // the project's inspector sees it, but files no daily reports (not its contractor)
        [
          inspector,
          'POST',
          `/api/renewal/projects/${projectId}/reports`,
          { weather: 'sunny', workersOnSite: 1 },
        ],
      ];
      for (const [cookie, method, url, body] of readOnly) {
        const res = await call(env(), cookie, method, url, body);
        expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(403);
      }
    });

    it('a meeting the caller sees but that covers a project they may not change is 403, not a 404 of the other project', async () => {
      const meeting = await expectStatus<{ id: string; can: Can }>(
        call(env(), city, 'POST', '/api/renewal/meetings', {
          projectIds: [projectId, tiantaiProject],
          title: '市级联合督查例会',
          heldOn: '2026-03-02',
          attendees: [],
        }),
        201,
      );
      expect(meeting.can).toEqual({ update: true });
      const url = `/api/renewal/meetings/${meeting.id}`;
      const seen = await expectStatus<{ can: Can; projects: Array<{ id: string }> }>(
        call(env(), w.anji, 'GET', url),
        200,
      );
      expect(seen.can).toEqual({ update: false });
      expect(seen.projects.map((p) => p.id)).toEqual([projectId]);
      const patch = await call(env(), w.anji, 'PATCH', url, { title: '改' });
      expect([patch.statusCode, patch.json().code]).toEqual([403, 'RENEWAL_OVERSIGHT_NOT_YOURS']);
    });

    it('shows the contractor of the community’s project the plans and the published result, nothing about the residents', async () => {
      // the register refuses partners at the route, whatever the id (they hold no register permission)
      for (const id of [community.id, otherCommunity.id]) {
        expect((await call(env(), w.partner, 'GET', `/api/renewal/communities/${id}`)).statusCode).toBe(403);
        expect((await call(env(), w.partner, 'GET', `/api/renewal/communities/${id}/units`)).statusCode).toBe(
          403,
        );
      }
      await expectStatus(
        call(env(), w.partner, 'GET', `/api/renewal/communities/${community.id}/plans`),
        200,
      );
      await expectStatus(
        call(env(), w.partner, 'GET', `/api/renewal/communities/${community.id}/ballots`),
        200,
      );
      expect(
        (await call(env(), w.partner, 'GET', `/api/renewal/communities/${community.id}/plan-reviews`))
          .statusCode,
      ).toBe(404);
      // while open: the ballot, without the live turnout
      for (const o of community.owners.slice(0, 3)) {
        await expectStatus(resident(env(), 'POST', tokens.get(o.id)!, 'yes'), 201);
      }
      const live = await expectStatus<{ tracker: unknown; result: unknown }>(
        call(env(), w.partner, 'GET', `/api/renewal/ballots/${ballotId}`),
        200,
      );
      expect(live).toMatchObject({ tracker: null, result: null });
      // the programme's ballot list alike: the turnout for those who see the voters, not for the partner
      const line = async (cookie: string) =>
        (
          await expectStatus<{ items: Array<{ id: string; turnout: unknown; outcome: unknown }> }>(
            call(env(), cookie, 'GET', `/api/renewal/ballots?communityId=${community.id}`),
            200,
          )
        ).items.find((b) => b.id === ballotId);
      expect(await line(w.partner)).toMatchObject({ turnout: null, outcome: null });
      expect(await line(w.leader)).toMatchObject({
        turnout: { participatingOwners: 3, totalOwners: 4, quorumOwners: 3, quorumMet: true },
      });
      const staffLive = await expectStatus<{ tracker: { participatingOwners: number } }>(
        call(env(), w.leader, 'GET', `/api/renewal/ballots/${ballotId}`),
        200,
      );
      expect(staffLive.tracker.participatingOwners).toBe(3);
      // who voted, and what, is never theirs: 403 (they see the ballot)
      for (const path of ['votes', 'vote-events', 'votes/export.xlsx']) {
        const res = await call(env(), w.partner, 'GET', `/api/renewal/ballots/${ballotId}/${path}`);
        expect([res.statusCode, res.json().code], path).toEqual([
          403,
          path === 'vote-events' ? 'RENEWAL_BALLOT_CHOICES' : 'RENEWAL_BALLOT_VOTERS',
        ]);
      }
      // closed: staff see the count; the partner not until it is published
      await expectStatus(call(env(), w.anji, 'POST', `/api/renewal/ballots/${ballotId}/close`), 200);
      expect(
        (
          await expectStatus<{ result: unknown }>(
            call(env(), w.partner, 'GET', `/api/renewal/ballots/${ballotId}`),
            200,
          )
        ).result,
      ).toBeNull();
      expect(await line(w.partner)).toMatchObject({ turnout: null, outcome: null });
      expect(await line(w.leader)).toMatchObject({ turnout: { participatingOwners: 3 }, outcome: null });
      expect(await line(auditor)).toMatchObject({ outcome: 'passed' });
      await expectStatus(call(env(), w.anji, 'POST', `/api/renewal/ballots/${ballotId}/publish`), 200);
      const published = await expectStatus<{ tracker: unknown; result: Record<string, unknown> }>(
        call(env(), w.partner, 'GET', `/api/renewal/ballots/${ballotId}`),
        200,
      );
      expect(published.tracker).toBeNull();
      expect(published.result).toMatchObject({ participatingOwners: 3, yesOwners: 3, totalOwners: 4 });
      const mine = await expectStatus<{
        items: Array<{ id: string; outcome: string | null }>;
        total: number;
      }>(call(env(), w.partner, 'GET', '/api/renewal/ballots'), 200);
      expect(mine.items.find((b) => b.id === ballotId)).toMatchObject({
        outcome: 'passed',
        turnout: { participatingOwners: 3, totalOwners: 4, quorumMet: true },
      });
    });

    it('keeps a partner of another project out of the community entirely (404), and the ballot list scoped in SQL', async () => {
      const routes = [
        `/api/renewal/communities/${community.id}/plans`,
        `/api/renewal/communities/${community.id}/plan-reviews`,
        `/api/renewal/communities/${community.id}/ballots`,
        `/api/renewal/ballots/${ballotId}`,
        `/api/renewal/ballots/${ballotId}/votes`,
        `/api/renewal/ballots/${ballotId}/vote-events`,
      ];
      for (const url of routes) {
        expect((await call(env(), w.otherPartner, 'GET', url)).statusCode, url).toBe(404);
      }
      const theirs = await expectStatus<{ items: Array<{ id: string }>; total: number }>(
        call(env(), w.otherPartner, 'GET', '/api/renewal/ballots'),
        200,
      );
      expect(theirs.items.some((b) => b.id === ballotId)).toBe(false);
      // Tiantai's community has no ballot; its contractor's list is empty, Tiantai staff's too
      expect(theirs.total).toBe(0);
      const tiantai = await expectStatus<{ total: number }>(
        call(env(), w.tiantai, 'GET', '/api/renewal/ballots'),
        200,
      );
      expect(tiantai.total).toBe(0);
      // paged with its total
      const plan = await makePlan(env(), w.anji, community.id, { ...PLAN_BODY, title: '改造方案（第二版）' });
      await openBallotOn(env(), w.anji, community.id, plan.id);
      const page = await expectStatus<{ items: unknown[]; total: number; page: number; pageSize: number }>(
        call(env(), w.leader, 'GET', '/api/renewal/ballots?pageSize=1&page=2'),
        200,
      );
      expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(page.items).toHaveLength(1);
    });
  },
  { modules: [renewalModule], config: LONG_SESSIONS },
);
