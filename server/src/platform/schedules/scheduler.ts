import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { PlatformServices } from '../module/app-types.ts';
import type { ScheduleDef } from '../module/manifest.ts';
import {
  abandonRun,
  claimSlot,
  findRun,
  finishRun,
  pruneRuns,
  renewLease,
  takeOverSlot,
} from './schedule.repo.ts';
import { checkSchedules, slotAt } from './schedule.rules.ts';

/**
 * Runs the manifests' schedules, once per cluster: for each slot (a day, an N-minute window) the
 * process whose claim lands in `schedule_runs` runs it, the others see the row and wait for the
 * next slot. A run keeps renewing its lease; when it fails it is recorded and any process may try
 * the slot again once the lease has passed (at most `maxAttempts` runs per slot); a run whose
 * process died is taken over the same way. One timer per scheduler, set from the platform clock
 * to the next slot or retry (and at least hourly), unref'd and cleared on stop.
 */

export interface ScheduleEntry {
  moduleId: string;
  def: ScheduleDef;
}

export interface SchedulerLog {
  info(line: string): void;
  error(err: unknown, line: string): void;
}

export interface SchedulerOptions {
  /** Who claims the slots; by default host, pid and a random tag (two schedulers never share one). */
  owner?: string;
  /** How long a claim holds its slot without renewal, and the wait before a failed slot is retried. */
  leaseMs?: number;
  /** Runs per slot (the first, retries after failures, take-overs after crashes). */
  maxAttempts?: number;
  /** Runs are kept this long for the administrator's view. */
  keepDays?: number;
  log?: SchedulerLog;
}

export const DEFAULT_LEASE_MS = 5 * 60_000;
export const DEFAULT_MAX_ATTEMPTS = 3;
const KEEP_DAYS = 35;
/** A failed claim (database unreachable) is tried again this much later. */
const CLAIM_RETRY_MS = 60_000;
/** The timer looks again at least this often (a clock step, a machine waking from sleep). */
const MAX_WAIT_MS = 60 * 60_000;
/** Fire a little after a slot begins, never before. */
const SLACK_MS = 50;

const silent: SchedulerLog = { info: () => {}, error: () => {} };

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 2000);

interface State {
  /** The slot this process need not look at again (run here or elsewhere, or given up). */
  done?: string;
  /** A slot held elsewhere, or failed: look again from `at` (platform clock, ms). */
  retry?: { slot: string; at: number };
  running?: Promise<void>;
}

export class Scheduler {
  readonly owner: string;
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly log: SchedulerLog;
  private readonly states = new Map<string, State>();
  private timer: NodeJS.Timeout | undefined;
  private armed = false;
  private stopped = false;

  constructor(
    private readonly s: PlatformServices,
    readonly entries: readonly ScheduleEntry[],
    private readonly opts: SchedulerOptions = {},
  ) {
    checkSchedules(entries.map((e) => e.def));
    this.owner = opts.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
    this.maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.log = opts.log ?? silent;
    for (const e of entries) this.states.set(e.def.key, {});
  }

  /**
   * At start-up: the schedules that run at start claim their current slot (catch-up: nothing
   * happens if another process has it); the others leave the current slot and wait for the next.
   */
  start(): Promise<void> {
    const now = this.s.clock.now();
    for (const { def } of this.entries) {
      if (!def.runAtStart) this.state(def.key).done = slotAt(def.when, now).key;
    }
    return this.tick();
  }

  /** Sets the timer (once the server listens): from now on slots run when they come. */
  arm(): void {
    if (this.stopped) return;
    this.armed = true;
    this.rearm();
  }

  /**
   * Looks at every schedule now, by the platform clock, and runs the slots that are due and not
   * yet claimed; resolves when the runs it started have ended. A schedule still running is left.
   */
  async tick(): Promise<void> {
    if (this.stopped) return;
    const started = this.entries.filter((e) => !this.state(e.def.key).running).map((e) => this.check(e.def));
    this.rearm();
    await Promise.all(started);
  }

  /** Resolves when no run of this scheduler is in progress. */
  async idle(): Promise<void> {
    for (;;) {
      const running = [...this.states.values()].flatMap((st) => (st.running ? [st.running] : []));
      if (running.length === 0) return;
      await Promise.all(running);
    }
  }

  /** Clears the timer, starts nothing more and waits for runs in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.armed = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.idle();
  }

  /** Whether a timer is set (armed and not stopped). */
  get timerSet(): boolean {
    return this.timer !== undefined;
  }

  private state(key: string): State {
    return this.states.get(key)!;
  }

  private check(def: ScheduleDef): Promise<void> {
    const st = this.state(def.key);
    const p = this.checkNow(def, st)
      .catch((err: unknown) => {
        this.log.error(err, `schedule ${def.key}: the check failed`);
        st.retry = { slot: slotAt(def.when, this.s.clock.now()).key, at: this.now() + CLAIM_RETRY_MS };
      })
      .finally(() => {
        st.running = undefined;
        this.rearm();
      });
    st.running = p;
    return p;
  }

  private now(): number {
    return this.s.clock.now().getTime();
  }

  private async checkNow(def: ScheduleDef, st: State): Promise<void> {
    const now = this.s.clock.now();
    const slot = slotAt(def.when, now).key;
    if (st.done === slot) return;
    if (st.retry?.slot === slot && now.getTime() < st.retry.at) return;
    st.retry = undefined;
    const claim = {
      key: def.key,
      slot,
      owner: this.owner,
      now,
      leaseUntil: new Date(now.getTime() + this.leaseMs),
    };
    let attempt: number | undefined;
    try {
      attempt =
        (await claimSlot(this.s.db, claim)) ?? (await takeOverSlot(this.s.db, claim, this.maxAttempts));
    } catch (err) {
      this.log.error(err, `schedule ${def.key} ${slot}: could not claim the slot`);
      st.retry = { slot, at: now.getTime() + CLAIM_RETRY_MS };
      return;
    }
    if (attempt === undefined) await this.heldElsewhere(def, st, slot, now);
    else await this.runClaimed(def, st, slot, now, attempt);
  }

  /** The slot is someone's (or done, or failed for good): note when it is worth looking again. */
  private async heldElsewhere(def: ScheduleDef, st: State, slot: string, now: Date): Promise<void> {
    const row = await findRun(this.s.db, def.key, slot);
    if (!row) {
      st.retry = { slot, at: now.getTime() + CLAIM_RETRY_MS };
      return;
    }
    if (row.status === 'succeeded' || (row.status === 'failed' && row.attempts >= this.maxAttempts)) {
      st.done = slot;
      return;
    }
    const lease = new Date(row.lease_until).getTime();
    if (row.status === 'running' && row.attempts >= this.maxAttempts && lease < now.getTime()) {
      await abandonRun(
        this.s.db,
        def.key,
        slot,
        now,
        `the process running it ended (${row.owner}); no attempts left`,
      );
      this.log.error(null, `schedule ${def.key} ${slot}: its process ended on the last attempt; given up`);
      st.done = slot;
      return;
    }
    st.retry = { slot, at: Math.max(lease, now.getTime()) + 1 };
  }

  private async runClaimed(
    def: ScheduleDef,
    st: State,
    slot: string,
    now: Date,
    attempt: number,
  ): Promise<void> {
    const { db, clock } = this.s;
    const ref = { key: def.key, slot, owner: this.owner };
    const heartbeat = setInterval(
      () => {
        renewLease(db, { ...ref, leaseUntil: new Date(clock.now().getTime() + this.leaseMs) })
          .then((mine) => {
            if (!mine) this.log.error(null, `schedule ${def.key} ${slot}: the slot was taken over meanwhile`);
          })
          .catch((err: unknown) =>
            this.log.error(err, `schedule ${def.key} ${slot}: could not renew the lease`),
          );
      },
      Math.max(1000, Math.floor(this.leaseMs / 3)),
    );
    heartbeat.unref();
    let outcome: { summary: string | null } | { error: unknown };
    try {
      const out = await def.run(this.s, {
        now,
        slot,
        log: (line) => this.log.info(`schedule ${def.key} ${slot}: ${line}`),
      });
      outcome = { summary: out?.summary ?? null };
    } catch (err) {
      outcome = { error: err };
    } finally {
      clearInterval(heartbeat);
    }
    const at = clock.now();
    if ('summary' in outcome) {
      await finishRun(db, {
        ...ref,
        status: 'succeeded',
        at,
        leaseUntil: at,
        summary: outcome.summary,
        error: null,
      });
      st.done = slot;
      this.log.info(`schedule ${def.key} ${slot} done${outcome.summary ? `: ${outcome.summary}` : ''}`);
      await pruneRuns(db, def.key, new Date(at.getTime() - (this.opts.keepDays ?? KEEP_DAYS) * 86_400_000));
      return;
    }
    const last = attempt >= this.maxAttempts;
    this.log.error(
      outcome.error,
      `schedule ${def.key} ${slot} failed (attempt ${attempt} of ${this.maxAttempts})${last ? '; given up until the next slot' : ''}`,
    );
    const retryAt = at.getTime() + this.leaseMs;
    await finishRun(db, {
      ...ref,
      status: 'failed',
      at,
      leaseUntil: new Date(retryAt),
      summary: null,
      error: messageOf(outcome.error),
    });
    if (last) st.done = slot;
    else st.retry = { slot, at: retryAt + 1 };
  }

  /** Sets the one timer to the earliest slot start or retry of any schedule. */
  private rearm(): void {
    if (!this.armed || this.stopped) return;
    const now = this.now();
    let next = now + MAX_WAIT_MS;
    for (const { def } of this.entries) {
      const st = this.state(def.key);
      const slot = slotAt(def.when, new Date(now));
      next = Math.min(next, slot.next.getTime() + SLACK_MS);
      if (st.running || st.done === slot.key) continue;
      // not yet looked at in this slot, or to be looked at again
      next = Math.min(next, st.retry?.slot === slot.key ? st.retry.at : now + 1000);
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.tick();
      },
      Math.max(0, next - now),
    );
    this.timer.unref();
  }
}
