import { expect, it } from 'vitest';
import { describeEachDb } from '../../../test/harness.ts';
import { findUserByUsername } from '../../auth/user.repo.ts';
import { invalid } from '../../http/errors.ts';
import { findJob, finishJob, type NewJob } from '../job.repo.ts';
import { InProcessJobRunner, JobFailure, type JobHandler, jobError } from '../job-runner.ts';

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
    expect(await findJob(env().services.db, job.id)).toMatchObject({ status: 'running', attempts: 1 });

    const next = new InProcessJobRunner(env().services, { test: steps(events) });
    expect(await next.resumeUnfinished()).toBe(1);
    await next.idle();
    expect(await findJob(env().services.db, job.id)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });
});
