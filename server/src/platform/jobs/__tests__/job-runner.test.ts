import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';
import { findUserByUsername } from '../../auth/user.repo.ts';
import { invalid } from '../../http/errors.ts';
import { findJob, finishJob, loadJobInput, type NewJob } from '../job.repo.ts';
import {
  InProcessJobRunner,
  JobFailure,
  type JobHandler,
  JobInterrupted,
  jobError,
  MAX_ATTEMPTS,
} from '../job-runner.ts';

describeEachDb('in-process job runner', (env) => {
  let ownerId = '';
  const newJob = (fileName: string): NewJob => ({
    kind: 'test',
    target: 'people',
    ownerId,
    mode: 'all',
    fileName,
    lang: 'zh-CN',
    requestId: null,
    ip: null,
    input: Buffer.from(fileName),
    progress: { phase: 'validating', done: 0, total: 3 },
    now: env().clock.now(),
  });
  /** Three steps with a checkpoint between each; succeeds, or fails as the file name says. */
  const steps: (events: string[], gate?: Promise<void>) => JobHandler =
    (events, gate) => async (job, input, ctl) => {
      for (let i = 1; i <= 3; i++) {
        ctl.checkpoint();
        events.push(`${input.toString()}:${i}`);
        await ctl.progress({ phase: 'validating', done: i, total: 3 }, i === 2);
        if (gate && i === 1) await gate;
      }
      if (input.toString() === 'bad') throw new JobFailure(jobError('TEST_BAD', { zh: '坏', en: 'bad' }));
      if (input.toString() === 'invalid')
        throw invalid('file', { zh: '无效', en: 'invalid' }, 'TEST_INVALID');
      if (input.toString() === 'boom') throw new Error('unexpected');
      await finishJob(env().services.db, job.id, {
        status: 'succeeded',
        progress: { phase: 'done', done: 3, total: 3 },
        result: { total: 3, imported: 3, failed: 0 },
        error: null,
        errorReport: null,
        now: env().clock.now(),
      });
    };

  it('runs jobs one at a time, in the order queued, and records how each ended', async () => {
    await env().userWith('staff', { regionCode: '330523' }, 'runner.owner');
    ownerId = (await findUserByUsername(env().services.db, 'runner.owner'))!.id;
    const events: string[] = [];
    const logged: string[] = [];
    const runner = new InProcessJobRunner(
      env().services,
      { test: steps(events) },
      { log: (m) => logged.push(m) },
    );
    const jobs = [];
    for (const name of ['a', 'bad', 'invalid', 'boom', 'b']) jobs.push(await runner.enqueue(newJob(name)));
    await runner.idle();
    // an unexpected error gets one more run from the stored input before it counts as failed
    expect(events.join(' ')).toBe(
      'a:1 a:2 a:3 bad:1 bad:2 bad:3 invalid:1 invalid:2 invalid:3 boom:1 boom:2 boom:3 boom:1 boom:2 boom:3 b:1 b:2 b:3',
    );
    const ended = await Promise.all(jobs.map((j) => findJob(env().services.db, j.id)));
    expect(ended.map((j) => [j?.status, j?.error?.code ?? null])).toEqual([
      ['succeeded', null],
      ['failed', 'TEST_BAD'],
      ['failed', 'TEST_INVALID'],
      ['failed', 'JOB_INTERNAL'],
      ['succeeded', null],
    ]);
    expect(ended[2]?.error).toEqual({ code: 'TEST_INVALID', zh: '无效', en: 'invalid' });
    expect(logged).toHaveLength(2);
    expect(ended[3]?.attempts).toBe(2);
    // the progress of a failed job stays where it was last reported
    expect(ended[1]?.progress).toEqual({ phase: 'validating', done: 3, total: 3 });
  });

  it('shows live progress while running, and on stop leaves the job to be resumed', async () => {
    const events: string[] = [];
    let open: () => void = () => {};
    const gate = new Promise<void>((r) => {
      open = r;
    });
    const runner = new InProcessJobRunner(env().services, { test: steps(events, gate) });
    const job = await runner.enqueue(newJob('c'));
    while (events.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect((await runner.get(job.id))?.progress).toEqual({ phase: 'validating', done: 1, total: 3 });
    const stopping = runner.stop();
    open();
    await stopping;
    expect(events).toEqual(['c:1']);
    // an orderly stop is not a crash: the interrupted run is not counted
    expect(await findJob(env().services.db, job.id)).toMatchObject({ status: 'running', attempts: 0 });

    const next = new InProcessJobRunner(env().services, { test: steps(events) });
    expect(await next.resumeUnfinished()).toBe(1);
    await next.idle();
    expect(await findJob(env().services.db, job.id)).toMatchObject({ status: 'succeeded', attempts: 1 });
  });

  it('counts a run as it starts, and never resumes a job whose runs all took the process down', async () => {
    const db = env().services.db;
    const runs: string[] = [];
    // The handler takes its process down (as an out-of-memory crash did): the runner records
    // nothing, as if the process had ended there; the job is left running.
    const dying: JobHandler = async (job) => {
      runs.push(job.id);
      throw new JobInterrupted('simulated: the process died while the job ran');
    };
    const first = new InProcessJobRunner(env().services, { test: dying });
    const job = await first.enqueue(newJob('deadly'));
    await first.idle();
    // the run was counted before it ran, so the crash consumed it
    expect(await findJob(db, job.id)).toMatchObject({ status: 'running', attempts: 1 });

    // restart: one more run from the stored input, which takes the process down again
    const second = new InProcessJobRunner(env().services, { test: dying });
    expect(await second.resumeUnfinished()).toBe(1);
    await second.idle();
    expect(await findJob(db, job.id)).toMatchObject({ status: 'running', attempts: MAX_ATTEMPTS });

    // restart again: the job is failed, not run a third time, and its upload is dropped
    const logged: string[] = [];
    const third = new InProcessJobRunner(env().services, { test: dying }, { log: (m) => logged.push(m) });
    expect(await third.resumeUnfinished()).toBe(0);
    await third.idle();
    expect(runs).toEqual([job.id, job.id]);
    const ended = await findJob(db, job.id);
    expect(ended).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, error: { code: 'JOB_CRASHED' } });
    expect(ended?.error?.zh).toContain('多次导致服务中断');
    expect(ended?.error?.en).toContain('stopped after it brought the service down repeatedly');
    expect(ended?.finished_at).not.toBeNull();
    expect(await loadJobInput(db, job.id)).toBeUndefined();
    expect(logged.join()).toContain(job.id);
  });

  it('fails a job left running, or queued, beyond its runs (by an older version) without running it', async () => {
    const db = env().services.db;
    const events: string[] = [];
    const idle = new InProcessJobRunner(env().services, { test: steps(events) });
    await idle.stop(); // takes nothing: the jobs below are put in place first
    const left = await idle.enqueue(newJob('left'));
    const queued = await idle.enqueue(newJob('requeued'));
    // as the issue found them: attempts 3 with a limit of 2
    await sql`update jobs set status = 'running', attempts = 3 where id = ${left.id}`.execute(db);
    await sql`update jobs set attempts = 3 where id = ${queued.id}`.execute(db);
    const runner = new InProcessJobRunner(env().services, { test: steps(events) });
    expect(await runner.resumeUnfinished()).toBe(0);
    await runner.idle();
    expect(events).toEqual([]);
    for (const id of [left.id, queued.id]) {
      expect(await findJob(db, id)).toMatchObject({ status: 'failed', error: { code: 'JOB_CRASHED' } });
      expect(await loadJobInput(db, id)).toBeUndefined();
    }
  });
});
