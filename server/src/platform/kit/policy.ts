import { type TBoolean, type TObject, Type } from 'typebox';
import type { RequestContext } from '../audit/audit.service.ts';
import type { Grant, Principal } from '../auth/principal.ts';
import { type AppError, forbidden, unauthenticated } from '../http/errors.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { organisationSubtreeIds } from '../orgs/organisation.repo.ts';
import { regionWithin, type Scope } from './scope.ts';

/**
 * Declared permissions: per entity, in one place, what an actor may do with a record (Outline's
 * `allow(User, 'update', Share, (actor, share) => …)`, as one object per entity).
 *
 * ```ts
 * export const projectPolicy = definePolicy({
 *   notFound: (p: ProjectRow) => projectNotFound(p.id),       // the 404 of a record the caller cannot see
 *   denied: 'RENEWAL_PROJECT_READ_ONLY',                        // the 403 code of a visible one
 *   read: (a, p) => reaches(a, RENEWAL_READ, p, PARTY_COLUMNS),
 *   actions: {
 *     update: (a, p) => reaches(a, RENEWAL_WRITE, p, []),
 *     report: (a, p) => reaches(a, RENEWAL_REPORT, p, REPORTING_PARTIES),
 *   },
 * });
 * const actor = await actorOf(s, ctx);                 // the caller's scopes, once per request
 * projectPolicy.authorize(actor, 'update', project);   // 404 unseen, 403 seen but not allowed
 * projectPolicy.can(actor, project);                   // { update: true, report: false }: sent as `can`
 * ```
 *
 * An actor is the caller's data scope through every permission they hold, loaded once per request
 * (cached on the request context); from there every rule is pure and synchronous, so a list
 * computes each item's `can` without a query. An action on a record the caller cannot see is never
 * allowed. Responses carry `can` (schema: `policy.canSchema('ProjectCan')`); the web reads it and
 * never re-derives the rules.
 */

/** What the caller may do, as data: their scope through each permission they hold. */
export interface Actor {
  /** Work the system does itself (CLI, schedules, demo data): every scope is `all`. */
  readonly system: boolean;
  /** The scope through `permission`; null when the caller does not hold it. */
  scope(permission: string): Scope | null;
  /** Holds `permission` through a grant whose region subtree (or no region: all) holds `regionCode`. */
  inRegion(permission: string, regionCode: string): boolean;
  /** The first of `organisations` the caller acts for through a partner grant of `permission` (else null). */
  partnerFor(permission: string, organisations: ReadonlyArray<string | null>): string | null;
}

const ALL: Scope = { all: true, regions: [], organisations: [] };

const scopeFrom = (grants: Grant[], subtrees: Map<string, string[]>): Scope => {
  const regions = new Set<string>();
  const organisations = new Set<string>();
  let all = false;
  for (const g of grants) {
    if (g.role === 'partner') {
      // A partner grant without an organisation sees nothing (never "everything").
      for (const id of g.organisationId ? (subtrees.get(g.organisationId) ?? []) : []) organisations.add(id);
    } else if (g.regionCode === null) {
      all = true;
    } else {
      regions.add(g.regionCode);
    }
  }
  return { all, regions: [...regions], organisations: [...organisations] };
};

function makeActor(s: PlatformServices, principal: Principal | null, subtrees: Map<string, string[]>): Actor {
  const memo = new Map<string, Scope | null>();
  const scope = (permission: string): Scope | null => {
    if (!s.access.knows(permission)) throw new Error(`Unknown permission ${permission}`);
    if (principal === null) return ALL;
    if (!memo.has(permission)) {
      memo.set(
        permission,
        principal.permissions.has(permission)
          ? scopeFrom(s.access.grantsWith(principal, permission), subtrees)
          : null,
      );
    }
    return memo.get(permission) ?? null;
  };
  return {
    system: principal === null,
    scope,
    inRegion: (permission, regionCode) => {
      const sc = scope(permission);
      return sc !== null && regionWithin(sc, regionCode);
    },
    partnerFor: (permission, organisations) => {
      const sc = scope(permission);
      if (sc === null || sc.organisations.length === 0) return null;
      return organisations.find((o) => o !== null && sc.organisations.includes(o)) ?? null;
    },
  };
}

const actors = new WeakMap<RequestContext, { principal: Principal | null; actor: Promise<Actor> }>();

/**
 * The caller's actor: their scope through each permission they hold. Computed once per request
 * (one query for partners' organisation subtrees) and kept with the request context; 401 without
 * a session. Work the system does itself (a `systemContext`) is unrestricted.
 */
export function actorOf(s: PlatformServices, ctx: RequestContext): Promise<Actor> {
  const principal = ctx.principal;
  if (principal === null && ctx.systemActor === undefined) return Promise.reject(unauthenticated());
  const cached = actors.get(ctx);
  if (cached && cached.principal === principal) return cached.actor;
  const actor = (async () => {
    const roots = [
      ...new Set(
        (principal?.grants ?? []).flatMap((g) =>
          g.role === 'partner' && g.organisationId ? [g.organisationId] : [],
        ),
      ),
    ];
    const subtrees = new Map(
      await Promise.all(roots.map(async (r) => [r, await organisationSubtreeIds(s.db, [r])] as const)),
    );
    return makeActor(s, principal, subtrees);
  })();
  actors.set(ctx, { principal, actor });
  actor.catch(() => actors.delete(ctx));
  return actor;
}

/** An actor from explicit scopes (tests of pure rules; `null`: the permission is not held). */
export function actorWith(scopes: Record<string, Scope | null>): Actor {
  const scope = (p: string) => scopes[p] ?? null;
  return {
    system: false,
    scope,
    inRegion: (p, code) => {
      const sc = scope(p);
      return sc !== null && regionWithin(sc, code);
    },
    partnerFor: (p, orgs) => {
      const sc = scope(p);
      return sc === null ? null : (orgs.find((o) => o !== null && sc.organisations.includes(o)) ?? null);
    },
  };
}

/** A rule: may this actor do this to this record? Pure and synchronous. */
export type Rule<R> = (actor: Actor, record: R) => boolean;

export interface PolicyDef<R, A extends string> {
  /** The answer for a record the caller cannot see (404: as if it did not exist). */
  notFound: (record: R) => AppError;
  /** The 403 code for a record the caller sees but may not do this to: one code, or one per action. */
  denied?: string | Partial<Record<A, string>>;
  /** Who sees the record at all. */
  read: Rule<R>;
  /** What else may be done with it; each action also needs `read`. */
  actions: Record<A, Rule<R>>;
}

export interface Policy<R, A extends string> {
  readonly actionNames: readonly A[];
  /** May the actor see the record? */
  sees(actor: Actor, record: R): boolean;
  /** May the actor do `action` to the record (`read`: see it)? */
  allows(actor: Actor, action: A | 'read', record: R): boolean;
  /** Every action's answer, as sent with the record (`can`). */
  can(actor: Actor, record: R): Record<A, boolean>;
  /** Throws the entity's 404 when the record is not visible, 403 when visible but `action` is not allowed. */
  authorize(actor: Actor, action: A | 'read', record: R): void;
  /** The TypeBox schema of `can`, named `title` in the API description. */
  canSchema(title: string): TObject<Record<A, TBoolean>>;
  /**
   * The policy of records that follow this one (a ballot its community, a task its project): the
   * same rules applied to `parent(record)`, with the follower's own 404.
   */
  follow<F>(parent: (record: F) => R, notFound: (record: F) => AppError): Policy<F, A>;
}

export function definePolicy<R, A extends string>(def: PolicyDef<R, A>): Policy<R, A> {
  const actionNames = Object.keys(def.actions) as A[];
  const sees = (actor: Actor, record: R) => def.read(actor, record);
  const allows = (actor: Actor, action: A | 'read', record: R) =>
    sees(actor, record) && (action === 'read' || def.actions[action](actor, record));
  const deniedCode = (action: A) =>
    typeof def.denied === 'string' ? def.denied : (def.denied?.[action] ?? undefined);
  return {
    actionNames,
    sees,
    allows,
    can: (actor, record) => {
      const seen = sees(actor, record);
      return Object.fromEntries(actionNames.map((a) => [a, seen && def.actions[a](actor, record)])) as Record<
        A,
        boolean
      >;
    },
    authorize: (actor, action, record) => {
      if (!sees(actor, record)) throw def.notFound(record);
      if (action !== 'read' && !def.actions[action](actor, record)) throw forbidden(deniedCode(action));
    },
    canSchema: (title) =>
      Type.Object(Object.fromEntries(actionNames.map((a) => [a, Type.Boolean()])) as Record<A, TBoolean>, {
        title,
        description: 'what the caller may do with this record (the server decides; the web only reads it)',
      }),
    follow: <F>(parent: (record: F) => R, notFound: (record: F) => AppError) =>
      definePolicy<F, A>({
        notFound,
        ...(def.denied === undefined ? {} : { denied: def.denied }),
        read: (a, f) => def.read(a, parent(f)),
        actions: Object.fromEntries(
          actionNames.map((n) => [n, (a: Actor, f: F) => def.actions[n](a, parent(f))]),
        ) as Record<A, Rule<F>>,
      }),
  };
}
