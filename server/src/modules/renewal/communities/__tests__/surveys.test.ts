import { expect, it } from 'vitest';
import { sheetsOf } from '../../../../platform/kit/testing.ts';
import { describeEachDb } from '../../../../test/harness.ts';
import {
  call,
  createProject,
  expectStatus,
  LONG_SESSIONS,
  makeWorld,
  setToday,
  type World,
} from '../../__tests__/renewal-factory.ts';
import { renewalModule } from '../../manifest.ts';
import {
  addUnits,
  auditActions,
  type Community,
  createCommunity,
  get,
  post,
  type Unit,
} from './community-helpers.ts';

interface Question {
  id: string;
  kind: string;
  text: string;
  options: Array<{ id: string; label: string }>;
}
interface Survey {
  id: string;
  status: string;
  phase: string;
  units: number;
  linksIssued: number;
  linksUsed: number;
  respondents: number;
  questions: Question[];
}
interface Sheet {
  rows: Array<{ unitId: string; label: string; path: string; used: boolean }>;
}
interface QResult {
  text: string;
  answered: number;
  options: Array<{ label: string; count: number; percent: number }>;
  ratings: number[];
  mean: number | null;
}
interface Results {
  frozen: boolean;
  units: number;
  respondents: number;
  online: number;
  paper: number;
  questions: QResult[];
  byBuilding: Array<{ name: string; units: number; respondents: number; questions: QResult[] }>;
  satisfaction: null | { rated: number; satisfied: number; rate: number };
  texts: Array<{ text: string; count: number }>;
}

const tokenOf = (path: string) => path.replace('/r/s/', '');

describeEachDb(
  'renewal communities: 问需/问效 surveys, one-time links, paper answers, results, acceptance',
  (env) => {
    let w: World;
    let c: Community;
    let units: Unit[];
    let needs: Survey;
    let sheet: Sheet;
    const resident = (method: 'GET' | 'POST', token: string, payload?: unknown) =>
      env().app.inject({
        method,
        url: `/api/resident/surveys/${token}`,
        ...(payload ? { payload: payload as Record<string, unknown> } : {}),
      });
    const q = (i: number) => needs.questions[i]!;
    const yesAndRoof = () => ({
      answers: [
        { questionId: q(0).id, optionIds: [q(0).options[0]!.id] },
        { questionId: q(1).id, optionIds: [q(1).options[0]!.id, q(1).options[4]!.id] },
        { questionId: q(2).id, text: '希望加装电梯' },
      ],
    });

    it('staff create a needs survey from the template and open it: one link per unit', async () => {
      setToday(env(), '2026-03-02');
      w = await makeWorld(env(), 'sv');
      c = await createCommunity(env(), w.anji, { name: '竹贤山庄二期', status: 'surveying' });
      units = await addUnits(env(), w.anji, c.id, ['1幢', '2幢'], 3);
      needs = await post<Survey>(
        env(),
        w.anji,
        `/api/renewal/communities/${c.id}/surveys`,
        { phase: 'needs' },
        201,
      );
      expect(needs.status).toBe('draft');
      expect(needs.questions.map((x) => x.kind)).toEqual(['single', 'multiple', 'text']);
      expect(needs.questions[0]!.text).toContain('要不要改');
      expect(needs.questions[1]!.options.map((o) => o.label)).toContain('加装电梯');
      // the link sheet exists only once the survey is open
      expect((await call(env(), w.anji, 'GET', `/api/renewal/surveys/${needs.id}/links`)).statusCode).toBe(
        409,
      );
      const opened = await post<Survey>(env(), w.anji, `/api/renewal/surveys/${needs.id}/open`, {
        linksExpireOn: '2026-03-20',
      });
      expect([opened.status, opened.units, opened.linksIssued, opened.linksUsed]).toEqual(['open', 6, 6, 0]);
      // questions are frozen once open
      expect(
        (await call(env(), w.anji, 'PATCH', `/api/renewal/surveys/${needs.id}`, { title: 'x' })).statusCode,
      ).toBe(409);
      sheet = await get<Sheet>(env(), w.anji, `/api/renewal/surveys/${needs.id}/links`);
      expect(sheet.rows.map((r) => r.label)).toEqual(units.map((u) => u.label));
      expect(sheet.rows.every((r) => /^\/r\/s\/[A-Za-z0-9_-]{43}$/.test(r.path))).toBe(true);
      expect(await auditActions(env(), needs.id)).toEqual([
        'renewal.survey.create',
        'renewal.survey.open',
        'renewal.survey.links.view',
      ]);
      // leaders read results but never see links; other regions see nothing
      expect((await call(env(), w.leader, 'GET', `/api/renewal/surveys/${needs.id}/links`)).statusCode).toBe(
        403,
      );
      expect(
        (await call(env(), w.tiantai, 'GET', `/api/renewal/surveys/${needs.id}/results`)).statusCode,
      ).toBe(404);
    });

    it('a resident opens their link: only their unit, then answers once', async () => {
      const token = tokenOf(sheet.rows[0]!.path);
      const view = await expectStatus<{
        unitLabel: string;
        communityName: string;
        organiser: string;
        questions: Question[];
      }>(resident('GET', token), 200);
      expect([view.communityName, view.unitLabel]).toEqual(['竹贤山庄二期', '1幢1单元101室']);
      // no project: the page names the bureau of the community's county
      expect(view.organiser).toBe('安吉县住房和城乡建设局');
      expect(JSON.stringify(view)).not.toContain('业主');
      // a missing required answer is refused and the link stays usable
      const bad = await resident('POST', token, { answers: [{ questionId: q(2).id, text: '只写意见' }] });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toContain('要不要改');
      const ok = await resident('POST', token, yesAndRoof());
      expect(ok.statusCode, ok.body).toBe(201);
      const again = await resident('GET', token);
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'RESIDENT_LINK_USED' });
      expect(again.json().message).toContain('已经使用过');
      const invalid = await resident('GET', 'x'.repeat(43));
      expect([invalid.statusCode, invalid.json().code]).toEqual([404, 'RESIDENT_LINK_INVALID']);
    });

    it('a resident page names who runs it: the county of the community, or its project’s owner', async () => {
      // a community of 天台县 (331023), surveyed by the staff of 天台县
      const tt = await createCommunity(env(), w.tiantai, {
        name: '赤城街道测试小区',
        regionCode: '331023001',
        status: 'surveying',
      });
      await addUnits(env(), w.tiantai, tt.id, ['1幢'], 1);
      const survey = await post<Survey>(
        env(),
        w.tiantai,
        `/api/renewal/communities/${tt.id}/surveys`,
        { phase: 'needs' },
        201,
      );
      await post(env(), w.tiantai, `/api/renewal/surveys/${survey.id}/open`, { linksExpireOn: '2026-03-20' });
      const links = await get<Sheet>(env(), w.tiantai, `/api/renewal/surveys/${survey.id}/links`);
      const token = tokenOf(links.rows[0]!.path);
      const page = async () =>
        (await expectStatus<{ organiser: string; communityName: string }>(resident('GET', token), 200))
          .organiser;
      expect(await page()).toBe('天台县住房和城乡建设局');
      // once the community belongs to a project, the page names the project's owner organisation
      const project = await createProject(env(), w.tiantai, w, {
        name: '赤城街道老旧小区改造',
        regionCode: '331023001',
      });
      await expectStatus(
        call(env(), w.tiantai, 'PATCH', `/api/renewal/communities/${tt.id}`, { projectId: project.id }),
        200,
      );
      expect(await page()).toBe('天台县交通运输局sv');
    });

    it('two concurrent submissions with one link: one 201, one clear 409', async () => {
      const token = tokenOf(sheet.rows[1]!.path);
      const [a, b] = await Promise.all([
        resident('POST', token, yesAndRoof()),
        resident('POST', token, yesAndRoof()),
      ]);
      expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
      const loser = a.statusCode === 409 ? a : b;
      expect(loser.json().code).toBe('RESIDENT_LINK_USED');
      const n = await env()
        .services.db.selectFrom('renewal_survey_responses' as never)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('survey_id' as never, '=', needs.id as never)
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(2);
    });

    it('staff enter a paper answer (the unit’s link is withdrawn) and correct it (audited)', async () => {
      const unit = sheet.rows[3]!;
      const url = `/api/renewal/surveys/${needs.id}/units/${unit.unitId}/response`;
      const first = await expectStatus<{ response: { id: string; channel: string } }>(
        call(env(), w.anji, 'PUT', url, {
          answers: [
            { questionId: q(0).id, optionIds: [q(0).options[1]!.id] },
            { questionId: q(1).id, optionIds: [q(1).options[2]!.id] },
          ],
        }),
        201,
      );
      expect(first.response.channel).toBe('paper');
      const withdrawn = await resident('GET', tokenOf(unit.path));
      expect(withdrawn.json().code).toBe('RESIDENT_LINK_REVOKED');
      // a single choice takes one option only; nothing changes
      const bad = await call(env(), w.anji, 'PUT', url, {
        answers: [
          { questionId: q(0).id, optionIds: [q(0).options[0]!.id, q(0).options[1]!.id] },
          { questionId: q(1).id, optionIds: [q(1).options[2]!.id] },
        ],
      });
      expect([bad.statusCode, bad.json().field]).toEqual([400, 'answers.0.optionIds']);
      await expectStatus(
        call(env(), w.anji, 'PUT', url, {
          answers: [
            { questionId: q(0).id, optionIds: [q(0).options[0]!.id] },
            { questionId: q(1).id, optionIds: [q(1).options[2]!.id] },
          ],
        }),
        200,
      );
      expect(await auditActions(env(), first.response.id)).toEqual([
        'renewal.survey.response.paper',
        'renewal.survey.response.correct',
      ]);
      // a unit that answered gets no new link
      const re = await call(
        env(),
        w.anji,
        'POST',
        `/api/renewal/surveys/${needs.id}/units/${unit.unitId}/link`,
      );
      expect(re.statusCode).toBe(409);
      // another unit's link reissued: the old one is withdrawn, the new one works
      const other = sheet.rows[5]!;
      const fresh = await post<{ path: string }>(
        env(),
        w.anji,
        `/api/renewal/surveys/${needs.id}/units/${other.unitId}/link`,
        {},
      );
      expect((await resident('GET', tokenOf(other.path))).json().code).toBe('RESIDENT_LINK_REVOKED');
      expect((await resident('GET', tokenOf(fresh.path))).statusCode).toBe(200);
    });

    it('results per question and per building, and the units not yet heard', async () => {
      const r = await get<Results>(env(), w.leader, `/api/renewal/surveys/${needs.id}/results`);
      expect([r.units, r.respondents, r.online, r.paper, r.frozen]).toEqual([6, 3, 2, 1, false]);
      expect(r.questions[0]!.options.map((o) => [o.label, o.count, o.percent])).toEqual([
        ['同意', 3, 100],
        ['不同意', 0, 0],
      ]);
      const roof = r.questions[1]!.options.find((o) => o.label === '屋面防水')!;
      expect([roof.count, roof.percent]).toEqual([2, 66.7]);
      expect(r.byBuilding.map((b) => [b.name, b.units, b.respondents])).toEqual([
        ['1幢', 3, 2],
        ['2幢', 3, 1],
      ]);
      expect(
        r.byBuilding[1]!.questions[1]!.options.find((o) => o.label === '管网改造与雨污分流')!.count,
      ).toBe(1);
      // two units wrote the same words: listed once, with how many gave them
      expect(r.texts.map((t) => [t.text, t.count])).toEqual([['希望加装电梯', 2]]);
      const heard = await get<Array<{ label: string; linked: boolean }>>(
        env(),
        w.anji,
        `/api/renewal/surveys/${needs.id}/not-heard`,
      );
      expect(heard.map((u) => [u.label, u.linked])).toEqual([
        ['1幢1单元103室', true],
        ['2幢1单元102室', true],
        ['2幢1单元103室', true],
      ]);
      const res = await call(env(), w.anji, 'GET', `/api/renewal/surveys/${needs.id}/not-heard/export.xlsx`);
      expect((await sheetsOf(res.rawPayload)).get('未答复住户')?.length).toBe(4);
      const xr = await call(env(), w.anji, 'GET', `/api/renewal/surveys/${needs.id}/results/export.xlsx`);
      const lines = (await sheetsOf(xr.rawPayload)).get('问卷结果') ?? [];
      expect(lines.find((l) => l[0] === '全小区' && l[3] === '屋面防水')?.slice(4)).toEqual([
        '2',
        '3',
        '66.7',
      ]);
    });

    it('an expired link says so; closing withdraws the rest; publishing freezes the figures', async () => {
      setToday(env(), '2026-03-21');
      const expired = await resident('GET', tokenOf(sheet.rows[2]!.path));
      expect([expired.statusCode, expired.json().code]).toEqual([409, 'RESIDENT_LINK_EXPIRED']);
      expect(expired.json().message).toContain('已过期');
      setToday(env(), '2026-03-10');
      // publishing needs a closed survey
      expect((await call(env(), w.anji, 'POST', `/api/renewal/surveys/${needs.id}/publish`)).statusCode).toBe(
        409,
      );
      await post(env(), w.anji, `/api/renewal/surveys/${needs.id}/close`, {});
      expect((await resident('GET', tokenOf(sheet.rows[2]!.path))).json().code).toBe('RESIDENT_LINK_REVOKED');
      // closing withdraws the links, but the figures still say how many were handed out and used
      const closed = await get<Survey>(env(), w.anji, `/api/renewal/surveys/${needs.id}`);
      expect([closed.status, closed.linksIssued, closed.linksUsed]).toEqual(['closed', 6, 2]);
      await post(env(), w.anji, `/api/renewal/surveys/${needs.id}/publish`, {});
      // a correction after publication is refused: the published figures stay as they were
      const url = `/api/renewal/surveys/${needs.id}/units/${sheet.rows[3]!.unitId}/response`;
      const late = await call(env(), w.anji, 'PUT', url, yesAndRoof());
      expect(late.statusCode).toBe(409);
      const r = await get<Results>(env(), w.anji, `/api/renewal/surveys/${needs.id}/results`);
      expect([r.frozen, r.respondents]).toEqual([true, 3]);
    });

    it('satisfaction: the rate of 4s and 5s, published, taken by the acceptance', async () => {
      const sat = await post<Survey>(
        env(),
        w.anji,
        `/api/renewal/communities/${c.id}/surveys`,
        { phase: 'satisfaction' },
        201,
      );
      expect(sat.questions[0]!.kind).toBe('rating');
      await post(env(), w.anji, `/api/renewal/surveys/${sat.id}/open`, {});
      const links = await get<Sheet>(env(), w.anji, `/api/renewal/surveys/${sat.id}/links`);
      const scores = [5, 4, 3, 5, 2];
      for (const [i, score] of scores.entries()) {
        const answers = sat.questions
          .filter((x) => x.kind === 'rating')
          .map((x) => ({ questionId: x.id, rating: score }));
        await expectStatus(resident('POST', tokenOf(links.rows[i]!.path), { answers }), 201);
      }
      await post(env(), w.anji, `/api/renewal/surveys/${sat.id}/close`, {});
      // acceptance before the survey is published: refused; so is one before the works are completed
      const accept = (status: number) =>
        expectStatus<Community>(
          call(env(), w.anji, 'POST', `/api/renewal/communities/${c.id}/acceptance`, {
            acceptedOn: '2026-03-10',
            acceptedBy: '安吉县住建局',
          }),
          status,
        );
      await accept(409);
      await post(env(), w.anji, `/api/renewal/surveys/${sat.id}/publish`, {});
      const r = await get<Results>(env(), w.anji, `/api/renewal/surveys/${sat.id}/results`);
      expect(r.satisfaction).toEqual({ rated: 5, satisfied: 3, rate: 60 });
      expect(r.questions[0]!.ratings).toEqual([0, 1, 1, 1, 2]);
      expect(r.questions[0]!.mean).toBe(3.8);
      await accept(409);
      await expectStatus(
        call(env(), w.anji, 'PATCH', `/api/renewal/communities/${c.id}`, { status: 'completed' }),
        200,
      );
      const accepted = await accept(201);
      expect(accepted.status).toBe('accepted');
      expect(accepted.acceptance).toMatchObject({
        satisfied: 3,
        rated: 5,
        satisfactionRate: 60,
        acceptedOn: '2026-03-10',
      });
      expect(await auditActions(env(), c.id)).toContain('renewal.community.accept');
      await accept(409);
    });
  },
  { modules: [renewalModule], config: LONG_SESSIONS },
);
