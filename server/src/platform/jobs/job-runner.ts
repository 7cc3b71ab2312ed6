import { AppError, type Bilingual } from '../http/errors.ts';
import type { PlatformServices } from '../module/app-types.ts';
import {
  claimNextJob,
  failExhaustedRunning,
  findJob,
  finishJob,
  insertJob,
  type JobRow,
  listJobsOf,
  loadJobInput,
  type NewJob,
  purgeJobFiles,
  requeueJob,
  requeueRunning,
  saveProgress,
  uncountAttempt,
} from './job.repo.ts';
import type { JobError, JobProgress, JobResult } from './job.table.ts';

/**
 * Background jobs behind one small interface, so pg-boss (or another durable queue) can
 * replace the in-process runner without touching the routes or the job handlers.
 */
export interface JobQueue {
  /** Stores the job with its input and starts it when its turn comes. */
  enqueue(job: NewJob): Promise<JobRow>;
  /** The job as stored, with the live progress of a running job. */
  get(id: string): Promise<JobRow | undefined>;
  listOf(ownerId: string, limit: number): Promise<JobRow[]>;
  /**
   * At start-up: runs again, from their stored input, the jobs a previous process left
   * unfinished, and fails (JOB_CRASHED) those whose runs are used up; returns how many resume.
   */
  resumeUnfinished(): Promise<number>;
  /** Resolves once no job is running or queued in this process (tests, shutdown). */
  idle(): Promise<void>;
  /** Takes no further job and interrupts the running one at its next checkpoint (it resumes at next start). */
  stop(): Promise<void>;
}

/** What a handler may do while it runs. */
export interface JobControl {
  /** Keeps progress in memory; writes it to the job row too when `persist` (phase boundaries, every few thousand rows). */
  progress(p: JobProgress, persist?: boolean): Promise<void>;
  /** Throws JobInterrupted when the runner is stopping; called between chunks of work. */
  checkpoint(): void;
  faults: JobFaults;
}

/** Fault injection for tests only: e.g. a crash just before an import's final commit. */
export interface JobFaults {
  beforeFinalCommit?(jobId: string): void;
}

/**
 * Runs one job. On success the handler itself marks the job succeeded, inside the same
 * transaction as its final write; to fail, it throws JobFailure (or an AppError).
 */
export type JobHandler = (job: JobRow, input: Buffer, ctl: JobControl) => Promise<void>;

/** A job that ends as failed, with what it achieved and what went wrong. */
export class JobFailure extends Error {
  constructor(
    readonly error: JobError,
    readonly result: JobResult | null = null,
    readonly errorReport: Buffer | null = null,
    readonly progress?: JobProgress,
  ) {
    super(error.en);
  }
}

export const jobError = (code: string, text: Bilingual): JobError => ({ code, zh: text.zh, en: text.en });

/**
 * The process stopped (or, in tests, "crashed") while the job ran: nothing is recorded, the
 * job stays `running`, and the next start runs it again from its stored input.
 */
export class JobInterrupted extends Error {}

/**
 * Runs a job gets: an unexpected error, or a process that died while the job ran (counted as
 * the run started), is followed by one more run from the stored input; then the job fails.
 */
export const MAX_ATTEMPTS = 2;

const INTERNAL: JobError = jobError('JOB_INTERNAL', {
  zh: '处理过程中发生系统错误，未写入任何数据，请稍后重新导入；如仍失败请联系系统管理员',
  en: 'A system error stopped the job and nothing was written; import again later, or ask the system administrator',
});

const CRASHED: JobError = jobError('JOB_CRASHED', {
  zh: '该任务在运行中多次导致服务中断，已停止，不再重试，未写入任何数据。请检查文件（可分成几个较小的文件）后重新导入；如仍失败请联系系统管理员',
  en: 'This job was stopped after it brought the service down repeatedly; it is not retried and nothing was written. Check the file (or split it into smaller files) and import again, or ask the system administrator',
});

/** Files of finished jobs (uploads, error reports) are kept this long. */
export const JOB_FILE_RETENTION_DAYS = 7;

export interface JobRunnerOptions {
  faults?: JobFaults;
  /** Called on every progress report (benchmarks; later a push channel to the browser). */
  onProgress?: (jobId: string, p: JobProgress) => void;
  log?: (message: string, err?: unknown) => void;
}

/** Jobs one at a time in this process, in the order they were queued; state lives in the jobs table. */
export class InProcessJobRunner implements JobQueue {
  private readonly live = new Map<string, JobProgress>();
  private pumping: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  /** stop() was called: an interrupted run is uncounted (an orderly stop is not a crash). */
  private stopping = false;
  private current: string | undefined;

  constructor(
    private readonly s: PlatformServices,
    private readonly handlers: Record<string, JobHandler>,
    private readonly opts: JobRunnerOptions = {},
  ) {}

  async enqueue(job: NewJob): Promise<JobRow> {
    const row = await insertJob(this.s.db, job);
    this.wake();
    return row;
  }

  async get(id: string): Promise<JobRow | undefined> {
    const row = await findJob(this.s.db, id);
    const live = this.live.get(id);
    return row && live && row.status === 'running' ? { ...row, progress: live } : row;
  }

  async listOf(ownerId: string, limit: number): Promise<JobRow[]> {
    const rows = await listJobsOf(this.s.db, ownerId, limit);
    return rows.map((r) => {
      const live = this.live.get(r.id);
      return live && r.status === 'running' ? { ...r, progress: live } : r;
    });
  }

  async resumeUnfinished(): Promise<number> {
    const except = this.current ? [this.current] : [];
    const exhausted = await failExhaustedRunning(
      this.s.db,
      except,
      MAX_ATTEMPTS,
      CRASHED,
      this.s.clock.now(),
    );
    for (const id of exhausted)
      this.opts.log?.(`job ${id} stopped: its process ended during each of its runs`);
    const n = await requeueRunning(this.s.db, except, MAX_ATTEMPTS);
    await this.purgeOldFiles();
    this.stopped = false;
    this.stopping = false;
    this.wake();
    return n;
  }

  async idle(): Promise<void> {
    while (this.pumping) await this.pumping;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping = true;
    await this.idle();
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = this.drain().finally(() => {
      this.pumping = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    while (!this.stopped) {
      this.again = false;
      let job: JobRow | undefined;
      try {
        job = await claimNextJob(this.s.db, this.s.clock.now());
      } catch (err) {
        this.opts.log?.('could not take the next job', err);
        return;
      }
      if (!job) {
        if (this.again) continue;
        return;
      }
      await this.runOne(job);
    }
  }

  private async runOne(job: JobRow): Promise<void> {
    const handler = this.handlers[job.kind];
    this.current = job.id;
    this.live.set(job.id, job.progress);
    const ctl: JobControl = {
      progress: async (p, persist = false) => {
        this.live.set(job.id, p);
        this.opts.onProgress?.(job.id, p);
        if (persist) await saveProgress(this.s.db, job.id, p);
      },
      checkpoint: () => {
        if (this.stopped) throw new JobInterrupted(`job ${job.id} interrupted: the runner is stopping`);
      },
      faults: this.opts.faults ?? {},
    };
    try {
      // Queued again beyond its runs (by an older version that did not count them): not run again.
      if (job.attempts > MAX_ATTEMPTS) throw new JobFailure(CRASHED);
      const input = await loadJobInput(this.s.db, job.id);
      if (!handler || !input) throw new JobFailure(INTERNAL);
      await handler(job, input, ctl);
    } catch (err) {
      if (err instanceof JobInterrupted) {
        // As if the process had ended here: the job stays running until the next start. An
        // orderly stop (a restart) does not count as one of its runs; a crash does.
        this.stopped = true;
        if (this.stopping) {
          await uncountAttempt(this.s.db, job.id).catch((e: unknown) =>
            this.opts.log?.(`could not uncount the interrupted run of job ${job.id}`, e),
          );
        }
        return;
      }
      await this.fail(job, err);
    } finally {
      this.live.delete(job.id);
      this.current = undefined;
    }
    await this.purgeOldFiles().catch((e: unknown) => this.opts.log?.('could not purge old job files', e));
  }

  private async fail(job: JobRow, err: unknown): Promise<void> {
    let failure: JobFailure;
    if (err instanceof JobFailure) failure = err;
    else if (err instanceof AppError) failure = new JobFailure(jobError(err.code, err.text));
    else {
      this.opts.log?.(`job ${job.id} failed`, err);
      // An unexpected error may be passing (a dropped connection, a conflict under load):
      // the job runs once more from its stored input before it is reported as failed.
      if (job.attempts < MAX_ATTEMPTS) {
        try {
          await requeueJob(this.s.db, job.id);
          this.again = true;
          return;
        } catch (e) {
          this.opts.log?.(`could not requeue job ${job.id}`, e);
        }
      }
      failure = new JobFailure(INTERNAL);
    }
    try {
      await finishJob(this.s.db, job.id, {
        status: 'failed',
        progress: failure.progress ?? this.live.get(job.id) ?? job.progress,
        result: failure.result,
        error: failure.error,
        errorReport: failure.errorReport,
        now: this.s.clock.now(),
      });
    } catch (e) {
      this.opts.log?.(`could not record the failure of job ${job.id}`, e);
    }
  }

  private async purgeOldFiles(): Promise<void> {
    const before = new Date(this.s.clock.now().getTime() - JOB_FILE_RETENTION_DAYS * 86_400_000);
    await purgeJobFiles(this.s.db, before);
  }
}
