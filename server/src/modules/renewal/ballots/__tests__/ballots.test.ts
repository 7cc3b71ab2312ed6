import { decideMatter, formatArea } from '@gongfu/domain/renewal/consent';
import { expect, it } from 'vitest';
import { typedSheetsOf } from '../../../../platform/kit/testing.ts';
import { describeEachDb } from '../../../../test/harness.ts';
import {
  call,
  createProject,
  expectStatus,
  LONG_SESSIONS,
  makeWorld,
  type World,
} from '../../__tests__/renewal-factory.ts';
import { renewalModule } from '../../manifest.ts';
import { bdb } from '../ballot.tables.ts';
import {
  auditOf,
  type BallotBody,
  fileOf,
  makeCommunity,
  makePlan,
  NO_FILE,
  openBallotOn,
  PLAN_BODY,
  resident,
  type TestCommunity,
} from './ballot-factory.ts';

interface VoteLine {
  ownerId: string;
  ownerName: string;
  voted: boolean;
  voteId: string | null;
  channel: string | null;
  choice: string | null;
}

describeEachDb(
  'renewal ballots: plan versions, review meetings and owners’ ballots (Civil Code art. 278)',
  (env) => {
    let w: World;
    let auditor: string;
    let c: TestCommunity;
    let projectId: string;

    it('sets up a community of 12 owners (one of them, the developer, holding three units)', async () => {
      w = await makeWorld(env(), 'bal');
      auditor = await env().userWith('auditor', {}, 'auditor.bal');
      projectId = (await createProject(env(), w.anji, w, { name: '竹贤山庄二期改造（测试）' })).id;
      const areas: number[][] = [
        [8937, 8937, 12050], // the developer
        ...Array.from({ length: 11 }, (_, i) => [9000 + i * 125]),
      ];
      c = await makeCommunity(env(), areas, { projectId });
      expect(c.owners).toHaveLength(12);
    });

    it('records plan versions with items and a computed total; a review meeting puts the plan under review', async () => {
      const v1 = await makePlan(env(), w.anji, c.id);
      expect(v1).toMatchObject({ version: 1, status: 'draft', totalCostFen: 5_560_000_00 });
      const patched = await expectStatus<{ totalCostFen: number; items: unknown[] }>(
        call(env(), w.anji, 'PATCH', `/api/renewal/plans/${v1.id}`, {
          items: [...PLAN_BODY.items, { name: '停车位改造', quantity: '60 个', costFen: 240_000_00 }],
          drawingFileIds: [await fileOf(env(), w.anji)],
        }),
        200,
      );
      expect(patched.totalCostFen).toBe(5_800_000_00);
      const review = await expectStatus<{
        id: string;
        decision: string;
        attendees: Array<{ kindName: string }>;
      }>(
        call(env(), w.anji, 'POST', `/api/renewal/communities/${c.id}/plan-reviews`, {
          planId: v1.id,
          heldOn: '2026-03-01',
          place: '竹贤山庄社区活动室',
          attendees: [
            { name: '王建国', kind: 'resident_rep', organisation: '3幢' },
            { name: '李工', kind: 'expert' },
            { name: '陈设计', kind: 'designer', organisation: '浙江某设计院' },
          ],
          minutes: '居民代表提出增加停车位、保留桂花树。',
          decision: 'revise',
          decisionNotes: '增加非机动车棚；保留桂花树',
        }),
        201,
      );
      expect(review.attendees.map((a) => a.kindName)).toEqual(['居民代表', '专家', '设计单位']);
      const plan = await expectStatus<{ status: string }>(
        call(env(), w.leader, 'GET', `/api/renewal/plans/${v1.id}`),
        200,
      );
      expect(plan.status).toBe('reviewing');
      expect((await auditOf(env(), review.id)).map((a) => a.action)).toEqual(['renewal.plan-review.create']);
      // the contractor of the community's project sees the plans, never the meetings (they name residents)
      const plans = await expectStatus<{ items: unknown[] }>(
        call(env(), w.partner, 'GET', `/api/renewal/communities/${c.id}/plans`),
        200,
      );
      expect(plans.items).toHaveLength(1);
      const reviews = await call(env(), w.partner, 'GET', `/api/renewal/communities/${c.id}/plan-reviews`);
      expect(reviews.statusCode).toBe(404);
      expect((await call(env(), w.partner, 'GET', `/api/renewal/plan-reviews/${review.id}`)).statusCode).toBe(
        404,
      );
    });

    it('a new plan version supersedes the previous one and voids its open ballot (links revoked)', async () => {
      const plans = await expectStatus<{ items: Array<{ id: string; version: number }> }>(
        call(env(), w.anji, 'GET', `/api/renewal/communities/${c.id}/plans`),
        200,
      );
      const v1 = plans.items[0]!;
      const { ballot, tokens } = await openBallotOn(env(), w.anji, c.id, v1.id);
      expect(ballot.status).toBe('open');
      expect(ballot.plan.status).toBe('voting');
      // a plan being voted on cannot change: a changed plan is a new version, voted again
      const locked = await call(env(), w.anji, 'PATCH', `/api/renewal/plans/${v1.id}`, { title: '改一下' });
      expect(locked.statusCode).toBe(409);
      expect(locked.json().message).toContain('新建一个方案版本');
      const token = tokens.get(c.owners[0]!.id)!;
      expect((await resident(env(), 'GET', token)).statusCode).toBe(200);

      const v2 = await makePlan(env(), w.anji, c.id, { ...PLAN_BODY, title: '改造方案（修改稿）' });
      expect(v2.version).toBe(2);
      const old = await expectStatus<{ status: string; supersededBy: string }>(
        call(env(), w.anji, 'GET', `/api/renewal/plans/${v1.id}`),
        200,
      );
      expect(old).toMatchObject({ status: 'superseded', supersededBy: v2.id });
      const voided = await expectStatus<BallotBody & { voidReason: string }>(
        call(env(), w.anji, 'GET', `/api/renewal/ballots/${ballot.id}`),
        200,
      );
      expect(voided.status).toBe('void');
      expect(voided.voidReason).toContain('重新表决');
      const dead = await resident(env(), 'GET', token);
      expect(dead.statusCode).toBe(409);
      expect(dead.json().code).toBe('RESIDENT_LINK_REVOKED');
      expect((await auditOf(env(), ballot.id)).map((a) => a.action)).toEqual([
        'renewal.ballot.create',
        'renewal.ballot.open',
        'renewal.ballot.void',
      ]);
      // a superseded version cannot be put to the vote again
      const again = await call(env(), w.anji, 'POST', `/api/renewal/communities/${c.id}/ballots`, {
        planId: v1.id,
        question: '？',
        closesAt: new Date(env().clock.now().getTime() + 86_400_000).toISOString(),
      });
      expect(again.statusCode).toBe(400);
      expect(again.json().field).toBe('planId');
    });

    let ballotId: string;
    let tokens: Map<string, string>;
    let v2Id: string;

    it('opens a ballot on the current version: one link per owner; the live tracker shows participation only', async () => {
      const plans = await expectStatus<{ items: Array<{ id: string; version: number }> }>(
        call(env(), w.anji, 'GET', `/api/renewal/communities/${c.id}/plans`),
        200,
      );
      v2Id = plans.items[0]!.id;
      const r = await openBallotOn(env(), w.anji, c.id, v2Id);
      ballotId = r.ballot.id;
      tokens = r.tokens;
      expect(tokens.size).toBe(12);
      expect(r.ballot.matter).toBe('major');
      expect(r.ballot.tracker).toMatchObject({
        totalOwners: 12,
        participatingOwners: 0,
        quorumOwners: 8,
        quorumMet: false,
        linksIssued: 12,
        linksUsed: 0,
      });
      expect(r.ballot.result).toBeNull();
    });

    it('takes an online vote through the link once; the page shows the plan and the question', async () => {
      const owner = c.owners[0]!;
      const token = tokens.get(owner.id)!;
      const page = await expectStatus<{
        communityName: string;
        organiser: string;
        ownerName: string;
        units: string[];
        plan: { version: number; totalCostFen: number; items: unknown[] };
      }>(resident(env(), 'GET', token), 200);
      expect(page.plan).toMatchObject({ version: 2, totalCostFen: 5_560_000_00 });
      // the community's renovation project is run by its owner organisation, which the page names
      expect(page.organiser).toBe('安吉县住建局bal');
      expect(page.units).toHaveLength(3);
      expect(page.ownerName).not.toBe(owner.name);
      const receipt = await expectStatus<{ receiptNo: string; choiceName: string }>(
        resident(env(), 'POST', token, 'yes'),
        201,
      );
      expect(receipt.choiceName).toBe('同意');
      const again = await resident(env(), 'POST', token, 'no');
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'RESIDENT_LINK_USED', field: 'token' });
      expect(again.json().message).toContain('已经使用过');
      const bad = await resident(env(), 'GET', 'not-a-token');
      expect(bad.statusCode).toBe(404);
      const votes = await bdb(env().services.db)
        .selectFrom('renewal_ballot_votes')
        .selectAll()
        .where('ballot_id', '=', ballotId)
        .execute();
      expect(votes).toHaveLength(1);
      const audit = await auditOf(env(), votes[0]!.id);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ action: 'renewal.ballot.vote.online' });
      expect(audit[0]!.actor_name).toContain('resident-link');
    });

    it('enters paper ballots (with scan) and written proxies; one vote per owner across channels', async () => {
      const [, o2, o3, o4] = c.owners;
      await expectStatus(
        call(env(), w.anji, 'POST', `/api/renewal/ballots/${ballotId}/votes`, {
          ownerId: o2!.id,
          channel: 'paper',
          choice: 'yes',
          scanFileId: await fileOf(env(), w.anji),
        }),
        201,
      );
      await expectStatus(
        call(env(), w.anji, 'POST', `/api/renewal/ballots/${ballotId}/votes`, {
          ownerId: o3!.id,
          channel: 'proxy',
          choice: 'no',
          proxyHolder: '张三丰',
          proxyFileId: await fileOf(env(), w.anji),
        }),
        201,
      );
      // the owner who voted online cannot also vote on paper
      const twice = await call(env(), w.anji, 'POST', `/api/renewal/ballots/${ballotId}/votes`, {
        ownerId: c.owners[0]!.id,
        channel: 'paper',
        choice: 'no',
        scanFileId: await fileOf(env(), w.anji),
      });
      expect(twice.statusCode).toBe(409);
      expect(twice.json()).toMatchObject({ code: 'RENEWAL_BALLOT_ALREADY_VOTED', field: 'ownerId' });
      expect(twice.json().message).toContain('线上');
      // the owner who voted on paper cannot also vote online: the page says so
      const online = await resident(env(), 'GET', tokens.get(o2!.id)!);
      expect(online.statusCode).toBe(409);
      expect(online.json().message).toContain('纸质票');
      const post = await resident(env(), 'POST', tokens.get(o2!.id)!, 'no');
      expect(post.json().code).toBe('RESIDENT_BALLOT_ALREADY_VOTED');
      // bad input names the field and writes nothing
      const before = await bdb(env().services.db).selectFrom('renewal_ballot_votes').select('id').execute();
      const noScan = await call(env(), w.anji, 'POST', `/api/renewal/ballots/${ballotId}/votes`, {
        ownerId: o4!.id,
        channel: 'paper',
        choice: 'yes',
      });
      expect(noScan.statusCode).toBe(400);
      expect(noScan.json().field).toBe('scanFileId');
      const noProxy = await call(env(), w.anji, 'POST', `/api/renewal/ballots/${ballotId}/votes`, {
        ownerId: o4!.id,
        channel: 'proxy',
        choice: 'yes',
        proxyFileId: NO_FILE(),
      });
      expect(noProxy.json().field).toBe('proxyHolder');
      const stranger = await call(env(), w.anji, 'POST', `/api/renewal/ballots/${ballotId}/votes`, {
        ownerId: NO_FILE(),
        channel: 'paper',
        choice: 'yes',
        scanFileId: NO_FILE(),
      });
      expect(stranger.statusCode).toBe(400);
      expect(stranger.json().field).toBe('ownerId');
      const fakeScan = await call(env(), w.anji, 'POST', `/api/renewal/ballots/${ballotId}/votes`, {
        ownerId: o4!.id,
        channel: 'paper',
        choice: 'yes',
        scanFileId: NO_FILE(),
      });
      expect(fakeScan.statusCode).toBe(400);
      expect(fakeScan.json().field).toBe('scanFileId');
      const badChoice = await call(env(), w.anji, 'POST', `/api/renewal/ballots/${ballotId}/votes`, {
        ownerId: o4!.id,
        channel: 'paper',
        choice: 'maybe',
        scanFileId: NO_FILE(),
      });
      expect(badChoice.statusCode).toBe(400);
      expect(badChoice.json().field).toBe('choice');
      const after = await bdb(env().services.db).selectFrom('renewal_ballot_votes').select('id').execute();
      expect(after.length).toBe(before.length);
    });

    it('corrects and voids paper/proxy records with history and audit; online votes stay the owner’s', async () => {
      const list = await expectStatus<{ items: VoteLine[] }>(
        call(env(), w.anji, 'GET', `/api/renewal/ballots/${ballotId}/votes?voted=true`),
        200,
      );
      const proxy = list.items.find((l) => l.channel === 'proxy')!;
      const online = list.items.find((l) => l.channel === 'online')!;
      const noReason = await call(
        env(),
        w.anji,
        'PATCH',
        `/api/renewal/ballots/${ballotId}/votes/${proxy.voteId}`,
        {
          choice: 'yes',
        },
      );
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().field).toBe('reason');
      await expectStatus(
        call(env(), w.anji, 'PATCH', `/api/renewal/ballots/${ballotId}/votes/${proxy.voteId}`, {
          choice: 'abstain',
          reason: '录入时勾选错误，据委托书原件更正',
        }),
        200,
      );
      const audit = await auditOf(env(), proxy.voteId!);
      expect(audit.map((a) => a.action)).toEqual([
        'renewal.ballot.vote.proxy',
        'renewal.ballot.vote.correct',
      ]);
      expect(audit[1]!.before).toMatchObject({ choice: 'no' });
      expect(audit[1]!.after).toMatchObject({
        choice: 'abstain',
        reason: '录入时勾选错误，据委托书原件更正',
      });
      const refused = await call(
        env(),
        w.anji,
        'POST',
        `/api/renewal/ballots/${ballotId}/votes/${online.voteId}/void`,
        {
          reason: '试试',
        },
      );
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('RENEWAL_VOTE_ONLINE');
      // an erroneous paper record (wrong owner) is voided: that owner may then vote
      const o5 = c.owners[4]!;
      const wrong = await expectStatus<{ voteId: string }>(
        call(env(), w.anji, 'POST', `/api/renewal/ballots/${ballotId}/votes`, {
          ownerId: o5.id,
          channel: 'paper',
          choice: 'no',
          scanFileId: await fileOf(env(), w.anji),
        }),
        201,
      );
      const voided = await call(
        env(),
        w.anji,
        'POST',
        `/api/renewal/ballots/${ballotId}/votes/${wrong.voteId}/void`,
        {
          reason: '录错业主（应为 6 号业主的票）',
        },
      );
      expect(voided.statusCode).toBe(204);
      expect((await auditOf(env(), wrong.voteId)).map((a) => a.action)).toEqual([
        'renewal.ballot.vote.paper',
        'renewal.ballot.vote.void',
      ]);
      await expectStatus(resident(env(), 'POST', tokens.get(o5.id)!, 'yes'), 201);
      const events = await expectStatus<{ items: Array<{ action: string; reason: string | null }> }>(
        call(env(), w.anji, 'GET', `/api/renewal/ballots/${ballotId}/vote-events`),
        200,
      );
      expect(events.items.map((e) => e.action)).toEqual([
        'cast',
        'cast',
        'cast',
        'corrected',
        'cast',
        'voided',
        'cast',
      ]);
    });

    it('shows choices only to staff and the auditor; leaders see who voted, not how; third parties neither', async () => {
      // who sees the choices is the ballot's `can.choices`; the vote list follows it
      const canSee = async (cookie: string) =>
        (
          await expectStatus<{ can: { choices: boolean } }>(
            call(env(), cookie, 'GET', `/api/renewal/ballots/${ballotId}`),
            200,
          )
        ).can.choices;
      const staff = await expectStatus<{ items: VoteLine[] }>(
        call(env(), w.anji, 'GET', `/api/renewal/ballots/${ballotId}/votes?voted=true`),
        200,
      );
      expect(await canSee(w.anji)).toBe(true);
      expect(staff.items.every((l) => l.choice !== null)).toBe(true);
      expect(staff.items[0]!.ownerName).toMatch(/^业主\d{3}号$/);
      const audited = await expectStatus<{ items: VoteLine[] }>(
        call(env(), auditor, 'GET', `/api/renewal/ballots/${ballotId}/votes?voted=true`),
        200,
      );
      expect(await canSee(auditor)).toBe(true);
      expect(audited.items.map((l) => l.choice)).toEqual(staff.items.map((l) => l.choice));
      await expectStatus(call(env(), auditor, 'GET', `/api/renewal/ballots/${ballotId}/vote-events`), 200);
      const seen = await expectStatus<{ items: VoteLine[] }>(
        call(env(), w.leader, 'GET', `/api/renewal/ballots/${ballotId}/votes`),
        200,
      );
      expect(await canSee(w.leader)).toBe(false);
      expect(seen.items.filter((l) => l.voted)).toHaveLength(staff.items.length);
      expect(seen.items.every((l) => l.choice === null && l.voteId === null)).toBe(true);
      expect(seen.items.every((l) => !/^业主\d{3}号$/.test(l.ownerName))).toBe(true);
      expect(
        (await call(env(), w.leader, 'GET', `/api/renewal/ballots/${ballotId}/vote-events`)).statusCode,
      ).toBe(403);
      const xlsx = await call(env(), w.leader, 'GET', `/api/renewal/ballots/${ballotId}/votes/export.xlsx`);
      expect(xlsx.statusCode).toBe(200);
      // the contractor of the community's project sees the ballot, not who voted (ADR 0007)
      for (const path of ['votes', 'vote-events', 'votes/export.xlsx']) {
        const res = await call(env(), w.partner, 'GET', `/api/renewal/ballots/${ballotId}/${path}`);
        expect(res.statusCode, path).toBe(403);
      }
      // the auditor reads but never writes
      const write = await call(env(), auditor, 'POST', `/api/renewal/ballots/${ballotId}/close`);
      expect(write.statusCode).toBe(403);
    });

    it('keeps other regions and other third parties out (404) and read-only roles from writing (403)', async () => {
      for (const cookie of [w.tiantai, w.otherPartner]) {
        expect((await call(env(), cookie, 'GET', `/api/renewal/ballots/${ballotId}`)).statusCode).toBe(404);
        expect((await call(env(), cookie, 'GET', `/api/renewal/communities/${c.id}/plans`)).statusCode).toBe(
          404,
        );
        const list = await expectStatus<{ items: Array<{ id: string }> }>(
          call(env(), cookie, 'GET', '/api/renewal/ballots'),
          200,
        );
        expect(list.items.some((b) => b.id === ballotId)).toBe(false);
      }
      const tiantaiWrite = await call(
        env(),
        w.tiantai,
        'POST',
        `/api/renewal/communities/${c.id}/plans`,
        PLAN_BODY,
      );
      expect(tiantaiWrite.statusCode).toBe(404);
      const leaderWrite = await call(env(), w.leader, 'POST', `/api/renewal/ballots/${ballotId}/close`);
      expect(leaderWrite.statusCode).toBe(403);
      const partnerWrite = await call(env(), w.partner, 'POST', `/api/renewal/ballots/${ballotId}/votes`, {
        ownerId: c.owners[6]!.id,
        channel: 'paper',
        choice: 'yes',
        scanFileId: NO_FILE(),
      });
      expect(partnerWrite.statusCode).toBe(403);
    });

    it('counts with decideMatter over the records: live participation, then the result on close and publish', async () => {
      // bring participation to 8 of 12 owners (2/3 of the owners, and over 2/3 of the area)
      for (const o of c.owners.slice(5, 9))
        await expectStatus(resident(env(), 'POST', tokens.get(o.id)!, 'yes'), 201);
      const live = await expectStatus<BallotBody>(
        call(env(), w.leader, 'GET', `/api/renewal/ballots/${ballotId}`),
        200,
      );
      expect(live.tracker).toMatchObject({
        participatingOwners: 8,
        quorumOwners: 8,
        quorumMet: true,
        online: 6,
        paper: 1,
        proxy: 1,
      });
      expect(live.tracker!.linksUsed).toBe(6);
      expect(live.result).toBeNull();

      const closed = await expectStatus<BallotBody>(
        call(env(), w.anji, 'POST', `/api/renewal/ballots/${ballotId}/close`),
        200,
      );
      expect(closed.status).toBe('closed');
      // closing withdraws the links; the tracker still counts those handed out and used (the online votes)
      expect(closed.tracker).toMatchObject({ online: 6, linksIssued: 12, linksUsed: 6 });
      // leaders see the figures only once published
      const early = await expectStatus<BallotBody>(
        call(env(), w.leader, 'GET', `/api/renewal/ballots/${ballotId}`),
        200,
      );
      expect(early.result).toBeNull();
      // links stop working when the ballot closes
      const late = await resident(env(), 'POST', tokens.get(c.owners[10]!.id)!, 'yes');
      expect(late.statusCode).toBe(409);

      const published = await expectStatus<BallotBody>(
        call(env(), w.anji, 'POST', `/api/renewal/ballots/${ballotId}/publish`),
        200,
      );
      const votes = await bdb(env().services.db)
        .selectFrom('renewal_ballot_votes')
        .select(['owner_id', 'choice'])
        .where('ballot_id', '=', ballotId)
        .execute();
      const expected = decideMatter({
        matter: 'major',
        units: c.owners.flatMap((o) =>
          o.areas.map((a, i) => ({ unitId: o.unitIds[i]!, ownerId: o.id, area: formatArea(a) })),
        ),
        ballots: votes.map((v) => ({ ownerId: v.owner_id, choice: v.choice })),
      });
      expect(published.result).toMatchObject({ ...expected, frozen: true });
      // 8 took part: 7 yes (6 online, 1 paper), 1 abstention (the corrected proxy): 7/8 ≥ 3/4
      expect(published.result).toMatchObject({
        outcome: 'passed',
        participatingOwners: 8,
        yesOwners: 7,
        abstainOwners: 1,
      });
      expect(published.plan.status).toBe(expected.outcome === 'passed' ? 'adopted' : 'reviewing');
      const leaderView = await expectStatus<BallotBody>(
        call(env(), w.leader, 'GET', `/api/renewal/ballots/${ballotId}`),
        200,
      );
      expect(leaderView.result).toMatchObject(expected);
      // published figures are frozen: no more corrections
      const list = await expectStatus<{ items: VoteLine[] }>(
        call(env(), w.anji, 'GET', `/api/renewal/ballots/${ballotId}/votes?voted=true`),
        200,
      );
      const paper = list.items.find((l) => l.channel === 'paper')!;
      const frozen = await call(
        env(),
        w.anji,
        'PATCH',
        `/api/renewal/ballots/${ballotId}/votes/${paper.voteId}`,
        {
          choice: 'no',
          reason: '太迟了',
        },
      );
      expect(frozen.statusCode).toBe(409);
      expect((await auditOf(env(), ballotId)).map((a) => a.action)).toEqual([
        'renewal.ballot.create',
        'renewal.ballot.open',
        'renewal.ballot.vote.export',
        'renewal.ballot.close',
        'renewal.ballot.publish',
      ]);
      const xlsx = await call(env(), w.leader, 'GET', `/api/renewal/communities/${c.id}/ballots/export.xlsx`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      // the deadline is a date cell in Beijing time (as every export writes times), areas are numbers
      const sheet = (await typedSheetsOf(xlsx.rawPayload)).get('业主表决结果') ?? [];
      const shown = leaderView as unknown as { question: string; closesAt: string };
      const row = sheet.find((r) => r[2]?.shown === shown.question && r[4]?.shown === '已公布');
      const closes = new Date(new Date(shown.closesAt).getTime() + 8 * 3_600_000).toISOString();
      expect(row?.[5]).toEqual({
        type: 'date',
        shown: `${closes.slice(0, 10)} ${closes.slice(11, 19)}`,
        numFmt: 'yyyy-mm-dd hh:mm:ss',
      });
      for (const i of [8, 10, 12]) expect(row?.[i]).toMatchObject({ type: 'number', numFmt: '0.00' });
      expect(Number(row?.[8]?.shown)).toBeCloseTo(Number(expected.totalArea), 2);
      const voteList = await call(env(), w.anji, 'GET', `/api/renewal/ballots/${ballotId}/votes/export.xlsx`);
      const voteRows = (await typedSheetsOf(voteList.rawPayload)).get('业主投票情况') ?? [];
      const cast = voteRows.slice(1).filter((r) => r[5] !== undefined && r[5].type !== 'empty');
      expect(cast.length).toBeGreaterThan(0);
      for (const r of cast) expect(r[5]).toMatchObject({ type: 'date', numFmt: 'yyyy-mm-dd hh:mm:ss' });
      expect(voteRows[1]?.[2]).toMatchObject({ type: 'number', numFmt: '0.00' });
    });

    it('lists the ballots the caller sees with their turnout against the quorum: exact total, filters, sorts', async () => {
      interface Line {
        id: string;
        communityId: string;
        status: string;
        outcome: string | null;
        turnout: null | {
          participatingOwners: number;
          totalOwners: number;
          quorumOwners: number;
          quorumMet: boolean;
        };
        can: { voters: boolean; choices: boolean };
      }
      const list = (cookie: string, query = '') =>
        expectStatus<{ items: Line[]; total: number }>(
          call(env(), cookie, 'GET', `/api/renewal/ballots${query}`),
          200,
        );
      // a Tiantai community with an open ballot and one vote: Tiantai's alone
      // (named after Anji's, so that it sorts after it in any collation)
      const { name: cName } = await bdb(env().services.db)
        .selectFrom('renewal_communities')
        .select('name')
        .where('id', '=', c.id)
        .executeTakeFirstOrThrow();
      const tt = await makeCommunity(env(), [[9000], [9100], [9200]], {
        regionCode: '331023003',
        name: `${cName}二期`,
      });
      const ttPlan = await makePlan(env(), w.tiantai, tt.id);
      const { ballot: ttBallot, tokens: ttTokens } = await openBallotOn(env(), w.tiantai, tt.id, ttPlan.id);
      await expectStatus(resident(env(), 'POST', ttTokens.get(tt.owners[0]!.id)!, 'yes'), 201);
      const theirs = await list(w.tiantai);
      expect([theirs.total, theirs.items.map((b) => b.id)]).toEqual([1, [ttBallot.id]]);
      // while open, the live turnout for those who see the voters: 1 of 3 owners, 2 needed
      expect(theirs.items[0]).toMatchObject({
        status: 'open',
        outcome: null,
        turnout: { participatingOwners: 1, totalOwners: 3, quorumOwners: 2, quorumMet: false },
        can: { voters: true, choices: true },
      });
      // Anji's: the void one and the published one, a page at a time; never Tiantai's
      const anji = await list(w.anji);
      expect(anji.total).toBe(2);
      expect(anji.items.map((b) => [b.status, b.communityId]).sort()).toEqual([
        ['published', c.id],
        ['void', c.id],
      ]);
      expect(anji.items.find((b) => b.id === ballotId)).toMatchObject({
        outcome: 'passed',
        turnout: { participatingOwners: 8, totalOwners: 12, quorumOwners: 8, quorumMet: true },
      });
      expect(anji.items.find((b) => b.status === 'void')!.turnout).toBeNull();
      const pages = [await list(w.anji, '?pageSize=1'), await list(w.anji, '?pageSize=1&page=2')];
      expect(pages.map((p) => [p.total, p.items.length])).toEqual([
        [2, 1],
        [2, 1],
      ]);
      expect(pages.map((p) => p.items[0]!.id).sort()).toEqual(anji.items.map((b) => b.id).sort());
      // a city-wide reader sees both counties, sorted by community
      const city = await env().userWith('staff', { regionCode: '33', programmes: ['renewal'] }, 'city.bal');
      expect((await list(city, '?sort=community')).items.map((b) => b.communityId)).toEqual([
        c.id,
        c.id,
        tt.id,
      ]);
      expect((await list(city, '?sort=-community')).items.map((b) => b.communityId)).toEqual([
        tt.id,
        c.id,
        c.id,
      ]);
      expect((await list(w.anji, '?status=void')).items.map((b) => b.status)).toEqual(['void']);
      expect((await list(w.anji, `?communityId=${c.id}`)).total).toBe(2);
      expect((await list(w.anji, `?communityId=${tt.id}`)).total).toBe(0);
      expect((await list(w.anji, '?regionCode=331023')).total).toBe(0);
      expect((await list(w.tiantai, '?regionCode=331023&status=open')).total).toBe(1);
      expect((await call(env(), w.anji, 'GET', '/api/renewal/ballots?status=maybe')).statusCode).toBe(400);
      // the contractor of the community's project: the published result for everyone, no more
      const partner = await list(w.partner);
      expect(partner.items.map((b) => [b.status, b.outcome, b.can]).sort()).toEqual([
        ['published', 'passed', { voters: false, choices: false }],
        ['void', null, { voters: false, choices: false }],
      ]);
      // the export: the same scope and filters, the published figures
      const xlsx = await call(env(), w.anji, 'GET', '/api/renewal/ballots/export.xlsx?status=published');
      expect(xlsx.statusCode, xlsx.body).toBe(200);
      const rows = (await typedSheetsOf(xlsx.rawPayload)).get('业主表决') ?? [];
      expect(rows.slice(1).map((r) => [r[4]?.shown, r[6]?.shown, r[8]?.shown])).toEqual([
        ['已公布', '通过', '8'],
      ]);
    });

    it('lists a ballot’s voters in the register’s order: exact total, filters, sorts; names for those who see choices', async () => {
      const votes = (cookie: string, query = '') =>
        expectStatus<{ items: VoteLine[]; total: number }>(
          call(env(), cookie, 'GET', `/api/renewal/ballots/${ballotId}/votes${query}`),
          200,
        );
      const all = await votes(w.anji, '?pageSize=100');
      expect(all.total).toBe(12);
      expect(all.items.map((l) => l.ownerId)).toEqual(c.owners.map((o) => o.id));
      expect((await votes(w.anji, '?voted=true')).total).toBe(8);
      expect((await votes(w.leader, '?voted=false')).total).toBe(4);
      // the developer holds the most area
      expect((await votes(w.anji, '?sort=-area&pageSize=1')).items.map((l) => l.ownerId)).toEqual([
        c.owners[0]!.id,
      ]);
      // staff find an owner by name; leaders, who see names masked, only by unit
      const name = c.owners[2]!.name;
      expect((await votes(w.anji, `?q=${encodeURIComponent(name)}`)).items.map((l) => l.ownerId)).toEqual([
        c.owners[2]!.id,
      ]);
      expect((await votes(w.leader, `?q=${encodeURIComponent(name)}`)).total).toBe(0);
      const byUnit = await votes(w.leader, '?q=301');
      expect(byUnit.items.map((l) => [l.ownerId, l.ownerName === name])).toEqual([[c.owners[2]!.id, false]]);
      // the export of the same filters, masked alike
      const xlsx = await call(
        env(),
        w.leader,
        'GET',
        `/api/renewal/ballots/${ballotId}/votes/export.xlsx?voted=false`,
      );
      const rows = (await typedSheetsOf(xlsx.rawPayload)).get('业主投票情况') ?? [];
      expect(rows).toHaveLength(1 + 4);
      expect(rows.slice(1).every((r) => !/^业主\d{3}号$/.test(r[1]?.shown ?? ''))).toBe(true);
      // another county's staff: the ballot does not exist for them
      for (const path of ['votes', 'votes/export.xlsx']) {
        const res = await call(env(), w.tiantai, 'GET', `/api/renewal/ballots/${ballotId}/${path}`);
        expect([res.statusCode, res.json().code], path).toEqual([404, 'RENEWAL_BALLOT_NOT_FOUND']);
      }
    });

    it('refuses bad ballots naming the field, and writes nothing', async () => {
      const count = async () =>
        (await bdb(env().services.db).selectFrom('renewal_ballots').select('id').execute()).length;
      const before = await count();
      const v3 = await makePlan(env(), w.anji, c.id, { ...PLAN_BODY, title: '第三版' });
      const now = env().clock.now().getTime();
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ planId: v3.id, question: '？', closesAt: new Date(now - 1000).toISOString() }, 'closesAt'],
        [
          {
            planId: v3.id,
            question: '？',
            opensAt: new Date(now + 5 * 86_400_000).toISOString(),
            closesAt: new Date(now + 86_400_000).toISOString(),
          },
          'closesAt',
        ],
        [{ planId: v3.id, question: '   ', closesAt: new Date(now + 86_400_000).toISOString() }, 'question'],
        [
          {
            planId: v3.id,
            question: '？',
            matter: 'huge',
            closesAt: new Date(now + 86_400_000).toISOString(),
          },
          'matter',
        ],
        [{ planId: v3.id, question: '？', closesAt: 'next week' }, 'closesAt'],
      ];
      for (const [body, field] of cases) {
        const r = await call(env(), w.anji, 'POST', `/api/renewal/communities/${c.id}/ballots`, body);
        expect(r.statusCode, JSON.stringify(body)).toBe(400);
        expect(r.json().field).toBe(field);
      }
      const dupItems = await call(env(), w.anji, 'POST', `/api/renewal/communities/${c.id}/plans`, {
        title: 'x',
        items: [
          { name: '雨污分流', costFen: 1 },
          { name: '雨污分流', costFen: 2 },
        ],
      });
      expect(dupItems.statusCode).toBe(400);
      expect(dupItems.json().field).toBe('items.1.name');
      const negative = await call(env(), w.anji, 'POST', `/api/renewal/communities/${c.id}/plans`, {
        title: 'x',
        items: [{ name: '雨污分流', costFen: -5 }],
      });
      expect(negative.statusCode).toBe(400);
      expect(await count()).toBe(before);
      const plans = await expectStatus<{ items: unknown[] }>(
        call(env(), w.anji, 'GET', `/api/renewal/communities/${c.id}/plans`),
        200,
      );
      expect(plans.items).toHaveLength(3);
    });

    it('answers an expired link clearly and lets staff void a ballot', async () => {
      const plans = await expectStatus<{ items: Array<{ id: string }> }>(
        call(env(), w.anji, 'GET', `/api/renewal/communities/${c.id}/plans`),
        200,
      );
      const { ballot, tokens: t } = await openBallotOn(env(), w.anji, c.id, plans.items[0]!.id, 'ordinary');
      const token = t.get(c.owners[1]!.id)!;
      const saved = env().clock.now();
      env().clock.set(new Date(saved.getTime() + 8 * 86_400_000));
      const expired = await resident(env(), 'GET', token);
      expect(expired.statusCode).toBe(409);
      expect(expired.json().code).toBe('RESIDENT_LINK_EXPIRED');
      expect(expired.json().message).toContain('已过期');
      env().clock.set(saved);
      const v = await expectStatus<BallotBody>(
        call(env(), w.anji, 'POST', `/api/renewal/ballots/${ballot.id}/void`, {
          reason: '通知张贴有误，重新组织',
        }),
        200,
      );
      expect(v.status).toBe('void');
      expect((await resident(env(), 'GET', token)).json().code).toBe('RESIDENT_LINK_REVOKED');
    });
  },
  { modules: [renewalModule], config: LONG_SESSIONS },
);
