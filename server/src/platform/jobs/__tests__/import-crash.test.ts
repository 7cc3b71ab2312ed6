import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';
import { actAs } from '../../auth/principal-for.ts';
import { nthCid, xlsxOf } from '../../excel/__tests__/xlsx-fixtures.ts';
import { startImport } from '../../excel/excel.service.ts';
import { excelListsOf } from '../../excel/excel-list.ts';
import { peopleExcel } from '../../people/person.excel.ts';
import { importJobHandler } from '../import-job.ts';
import { countStaged, findJob, loadJobInput } from '../job.repo.ts';
import { InProcessJobRunner, JobInterrupted } from '../job-runner.ts';

describeEachDb('import jobs survive a crash before their final commit', (env) => {
  it('leaves no partial batch, stays resumable, and succeeds when resumed from the stored file', async () => {
    const s = env().services;
    await env().userWith('staff', { regionCode: '330523', programmes: [] }, 'crash.staff');
    const ctx = await actAs(s, 'crash.staff', 'upload-1');
    const rows = Array.from({ length: 1500 }, (_, i) => [`崩溃${i}`, nthCid(i + 20_000), '', '330523']);
    const file = await xlsxOf([['姓名', '身份证号码', '手机号码', '居住地区划代码'], ...rows]);
    const count = async () =>
      Number(
        (
          await s.db
            .selectFrom('persons')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('name', 'like', '崩溃%')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const imports = () =>
      s.db.selectFrom('audit_log').selectAll().where('action', '=', 'person.import').execute();

    let crashes = 0;
    const crashing = new InProcessJobRunner(
      s,
      { import: importJobHandler(s, excelListsOf(env().manifests)) },
      {
        faults: {
          beforeFinalCommit() {
            crashes++;
            throw new JobInterrupted('simulated crash before the final commit');
          },
        },
      },
    );
    const queued = await startImport(s, crashing, ctx, peopleExcel, {
      body: file,
      fileName: 'crash.xlsx',
      mode: 'all',
    });
    await crashing.idle();

    expect(crashes).toBe(1);
    expect(await count()).toBe(0);
    expect(await imports()).toEqual([]);
    const crashed = await findJob(s.db, queued.id);
    expect(crashed).toMatchObject({ status: 'running', attempts: 1, finished_at: null });
    // the staged rows of the dead attempt are still there; the resumed run clears them first
    expect(await countStaged(s.db, queued.id)).toBe(1500);

    // "restart": once the server listens, its runner resumes what was left running
    await env().app.listen({ host: '127.0.0.1', port: 0 });
    let resumed = await findJob(s.db, queued.id);
    for (let i = 0; i < 200 && resumed?.status !== 'succeeded'; i++) {
      await env().jobs.idle();
      await new Promise((r) => setTimeout(r, 25));
      resumed = await findJob(s.db, queued.id);
    }
    expect(resumed).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      result: { total: 1500, imported: 1500, failed: 0 },
    });
    expect(await count()).toBe(1500);
    expect(await countStaged(s.db, queued.id)).toBe(0);
    // the upload holds clear citizen IDs: it is dropped once the job is done
    expect(await loadJobInput(s.db, queued.id)).toBeUndefined();
    expect(await imports()).toHaveLength(1);
    expect(await env().jobs.resumeUnfinished()).toBe(0);
  });
});
