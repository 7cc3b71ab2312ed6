import { ageOn, parseCitizenId } from '@gongfu/domain/cn/citizen-id';
import { isLeapYear } from '@gongfu/domain/cn/dates';
import { maskCitizenId, maskMobile } from '@gongfu/domain/cn/mask';
import { parseMobile } from '@gongfu/domain/cn/mobile';
import type { RequestContext } from '../audit/audit.service.ts';
import { shanghaiDate } from '../clock.ts';
import { AppError } from '../http/errors.ts';
import { pageWindow } from '../http/pagination.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { findRegion } from '../regions/region.repo.ts';
import {
  badAgeRange,
  invalidCitizenId,
  invalidMobile,
  nameRequired,
  personExists,
  personNotFound,
  reasonTooShort,
  unknownRegion,
} from './person.errors.ts';
import { checkResidence, personInScope, personScope } from './person.policy.ts';
import {
  findPersonByCitizenIndex,
  findPersonById,
  findPersonIdByCitizenIndex,
  findPersonSecrets,
  insertPersonIfNew,
  listPersons,
  lockPerson,
  type PersonInsert,
  type PersonMatch,
  type PersonRow,
  type PersonUpdate,
  updatePerson,
} from './person.repo.ts';
import type {
  CreatePersonInput,
  ListPeopleFilter,
  PersonViewT,
  UpdatePersonInput,
} from './person.schemas.ts';

/** Blind-index purposes: the same value gives unrelated indexes under each. */
const CITIZEN_ID_PURPOSE = 'citizen-id';
const MOBILE_PURPOSE = 'mobile';

const todayOf = (s: PlatformServices) => shanghaiDate(s.clock.now());

/** The masked view of a person (the presenter; the response schema lists the same fields). */
export function presentPerson(r: PersonRow, today: string): PersonViewT {
  return {
    id: r.id,
    name: r.name,
    citizenIdMasked: r.citizen_id_masked,
    mobileMasked: r.mobile_masked,
    gender: r.gender,
    birthYear: Number(r.birth_date.slice(0, 4)),
    age: r.birth_date <= today ? ageOn(r.birth_date, today) : 0,
    nativeRegionCode: r.native_region_code,
    regionCode: r.region_code,
    regionName: r.region_name,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** What the audit log keeps of a person: the masked view without timestamps. */
const snapshot = (v: PersonViewT) => ({
  name: v.name,
  citizenIdMasked: v.citizenIdMasked,
  mobileMasked: v.mobileMasked,
  gender: v.gender,
  birthYear: v.birthYear,
  nativeRegionCode: v.nativeRegionCode,
  regionCode: v.regionCode,
});

function parseName(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  if (n === '') throw nameRequired();
  return n;
}

function parseId(s: PlatformServices, citizenId: string) {
  const r = parseCitizenId(citizenId, todayOf(s));
  if (!r.ok) throw invalidCitizenId(r.error);
  return r.value;
}

/** Mobile columns for a value from a request: '' or null clears it. */
function mobileColumns(s: PlatformServices, mobile: string | null) {
  if (mobile === null || mobile.trim() === '')
    return { mobile_enc: null, mobile_index: null, mobile_masked: null };
  const r = parseMobile(mobile);
  if (!r.ok) throw invalidMobile(r.error);
  return {
    mobile_enc: s.crypto.encrypt(r.value),
    mobile_index: s.crypto.blindIndex(r.value, MOBILE_PURPOSE),
    mobile_masked: maskMobile(r.value),
  };
}

async function checkRegionExists(s: PlatformServices, code: string | null): Promise<void> {
  if (code !== null && !(await findRegion(s.db, code))) throw unknownRegion();
}

/** Runs one field's rule, collecting its error instead of throwing it. */
function attempt<T>(problems: AppError[], rule: () => T): T | undefined {
  try {
    return rule();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    problems.push(err);
    return undefined;
  }
}

/**
 * Validates a new person's own fields (name, citizen ID, mobile: every problem, in that
 * order) and derives everything the citizen ID implies; encrypts what must be. No database:
 * the region's existence and the caller's scope are checked by the callers (the API, and
 * Excel imports, chunk by chunk).
 */
export function validateNewPerson(
  s: PlatformServices,
  input: CreatePersonInput,
): { values: PersonInsert; problems: [] } | { values: null; problems: AppError[] } {
  const problems: AppError[] = [];
  const name = attempt(problems, () => parseName(input.name));
  const cid = attempt(problems, () => parseId(s, input.citizenId));
  const mobile = attempt(problems, () => mobileColumns(s, input.mobile ?? null));
  if (name === undefined || cid === undefined || mobile === undefined) return { values: null, problems };
  const now = s.clock.now();
  return {
    values: {
      name,
      citizen_id_enc: s.crypto.encrypt(cid.id),
      citizen_id_index: s.crypto.blindIndex(cid.id, CITIZEN_ID_PURPOSE),
      citizen_id_masked: maskCitizenId(cid.id),
      birth_date: cid.birthDate,
      gender: cid.gender,
      native_region_code: cid.regionCode,
      region_code: input.regionCode ?? null,
      ...mobile,
      created_at: now,
      updated_at: now,
    },
    problems: [],
  };
}

/** Validates a new person and derives everything the citizen ID implies; encrypts what must be. */
async function preparePerson(s: PlatformServices, input: CreatePersonInput): Promise<PersonInsert> {
  const v = validateNewPerson(s, input);
  if (v.values === null) throw v.problems[0];
  await checkRegionExists(s, v.values.region_code);
  return v.values;
}

async function insertAudited(s: PlatformServices, ctx: RequestContext, values: PersonInsert) {
  return s.write(ctx, async (tx, audit) => {
    const id = await insertPersonIfNew(tx, values);
    if (!id) return undefined;
    const row = await findPersonById(tx, id);
    if (!row) throw new Error(`person ${id} vanished right after insert`);
    const view = presentPerson(row, todayOf(s));
    await audit({ action: 'person.create', entityType: 'person', entityId: id, after: snapshot(view) });
    return view;
  });
}

/**
 * Registers a natural person (People page, demo data, imports). A scoped caller must give a
 * residence within the scope. A citizen ID registered already is a 409 naming citizenId.
 */
export async function createPerson(
  s: PlatformServices,
  ctx: RequestContext,
  input: CreatePersonInput,
): Promise<PersonViewT> {
  const scope = personScope(s, ctx, 'write');
  const values = await preparePerson(s, input);
  checkResidence(scope, values.region_code);
  const view = await insertAudited(s, ctx, values);
  if (!view) throw personExists();
  return view;
}

/**
 * One record per natural person: programme modules call this when they register someone
 * (a workshop worker, a job seeker, a voter). Returns the existing person's id when the
 * citizen ID is registered already (nothing of it is changed or revealed), else creates one.
 * The residence may lie outside the caller's scope (a job seeker from another province has
 * none here); the caller gets only the id back.
 */
export async function findOrCreatePersonByCitizenId(
  s: PlatformServices,
  ctx: RequestContext,
  input: CreatePersonInput,
): Promise<{ id: string; created: boolean }> {
  personScope(s, ctx, 'write');
  const values = await preparePerson(s, input);
  const existing = await findPersonIdByCitizenIndex(s.db, values.citizen_id_index);
  if (existing) return { id: existing, created: false };
  const view = await insertAudited(s, ctx, values);
  if (view) return { id: view.id, created: true };
  // Registered concurrently between the look-up and the insert.
  const id = await findPersonIdByCitizenIndex(s.db, values.citizen_id_index);
  if (!id) throw new Error('person neither inserted nor found by citizen ID');
  return { id, created: false };
}

export type FindOrCreatePersonByCitizenId = typeof findOrCreatePersonByCitizenId;

/** Latest birth date of someone at least `years` old (周岁) on `today`, as YYYY-MM-DD. */
export function latestBirthDateForAge(today: string, years: number): string {
  const year = Number(today.slice(0, 4)) - years;
  const monthDay = today.slice(5);
  const y = String(year).padStart(4, '0');
  return monthDay === '02-29' && !isLeapYear(year) ? `${y}-02-28` : `${y}-${monthDay}`;
}

/** The list's filters as a repository condition within the caller's scope (paging aside). */
export function peopleMatching(
  s: PlatformServices,
  scope: string[] | null,
  f: ListPeopleFilter,
): PersonMatch {
  if (f.ageMin !== undefined && f.ageMax !== undefined && f.ageMax < f.ageMin) throw badAgeRange();
  const today = todayOf(s);
  const q = f.q?.trim();
  return {
    scope,
    nameContains: q || undefined,
    regionCode: f.regionCode,
    gender: f.gender,
    bornOnOrBefore: f.ageMin !== undefined ? latestBirthDateForAge(today, f.ageMin) : undefined,
    bornAfter: f.ageMax !== undefined ? latestBirthDateForAge(today, f.ageMax + 1) : undefined,
  };
}

export async function listPeople(s: PlatformServices, ctx: RequestContext, f: ListPeopleFilter) {
  const scope = personScope(s, ctx, 'read');
  const match = peopleMatching(s, scope, f);
  const today = todayOf(s);
  const { page, pageSize, offset, limit } = pageWindow(f);
  const { rows, total, totalIsLowerBound } = await listPersons(s.db, { ...match, limit, offset });
  return { items: rows.map((r) => presentPerson(r, today)), total, totalIsLowerBound, page, pageSize };
}

export async function getPerson(s: PlatformServices, ctx: RequestContext, id: string): Promise<PersonViewT> {
  const scope = personScope(s, ctx, 'read');
  const row = await findPersonById(s.db, id);
  if (!row || !personInScope(scope, row)) throw personNotFound();
  return presentPerson(row, todayOf(s));
}

/** Exact look-up by citizen ID through the blind index; the search itself is audited. */
export async function lookupPersonByCitizenId(
  s: PlatformServices,
  ctx: RequestContext,
  citizenId: string,
): Promise<PersonViewT> {
  const scope = personScope(s, ctx, 'read');
  const cid = parseId(s, citizenId);
  const row = await findPersonByCitizenIndex(s.db, s.crypto.blindIndex(cid.id, CITIZEN_ID_PURPOSE));
  const visible = row !== undefined && personInScope(scope, row);
  const result = visible ? 'found' : row ? 'out_of_scope' : 'not_found';
  await s.write(ctx, (_tx, audit) =>
    audit({
      action: 'person.lookup',
      entityType: 'person',
      entityId: row?.id,
      outcome: result === 'out_of_scope' ? 'denied' : 'ok',
      after: { citizenIdMasked: maskCitizenId(cid.id), result },
    }),
  );
  if (!visible) throw personNotFound();
  return presentPerson(row, todayOf(s));
}

/**
 * Reveals the citizen ID and mobile in clear to a caller holding `person.unmask` with the
 * person in scope. The reason and the fields revealed (never their values) are audited in
 * the same transaction as the read; an attempt on a person out of scope is audited as denied.
 */
export async function unmaskPerson(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  reason: string,
): Promise<{ citizenId: string; mobile: string | null }> {
  const scope = personScope(s, ctx, 'unmask');
  const why = reason.trim().replace(/\s+/g, ' ');
  if ([...why].length < 2 || [...why].length > 200) throw reasonTooShort();
  const revealed = await s.write(ctx, async (tx, audit) => {
    const row = await findPersonSecrets(tx, id);
    if (!row) return undefined;
    if (!personInScope(scope, row)) {
      await audit({
        action: 'person.unmask',
        entityType: 'person',
        entityId: id,
        outcome: 'denied',
        after: { reason: why, result: 'out_of_scope' },
      });
      return undefined;
    }
    const fields = row.mobile_enc ? ['citizenId', 'mobile'] : ['citizenId'];
    await audit({
      action: 'person.unmask',
      entityType: 'person',
      entityId: id,
      after: { fields, reason: why },
    });
    return {
      citizenId: s.crypto.decrypt(row.citizen_id_enc),
      mobile: row.mobile_enc ? s.crypto.decrypt(row.mobile_enc) : null,
    };
  });
  if (!revealed) throw personNotFound();
  return revealed;
}

/** Changes name, mobile or residence; the citizen ID (and all it implies) never changes. */
export async function updatePersonDetails(
  s: PlatformServices,
  ctx: RequestContext,
  id: string,
  input: UpdatePersonInput,
): Promise<PersonViewT> {
  const scope = personScope(s, ctx, 'write');
  const patch: PersonUpdate = {};
  if (input.name !== undefined) patch.name = parseName(input.name);
  if (input.mobile !== undefined) Object.assign(patch, mobileColumns(s, input.mobile));
  if (input.regionCode !== undefined) {
    await checkRegionExists(s, input.regionCode);
    patch.region_code = input.regionCode;
  }
  return s.write(ctx, async (tx, audit) => {
    const locked = await lockPerson(tx, id);
    const before = locked ? await findPersonById(tx, id) : undefined;
    if (!before || !personInScope(scope, before)) throw personNotFound();
    if (patch.region_code !== undefined) checkResidence(scope, patch.region_code);
    const today = todayOf(s);
    const beforeView = presentPerson(before, today);
    // A new ciphertext is random each time: compare the mobile by its blind index.
    const changed =
      (patch.name !== undefined && patch.name !== before.name) ||
      (patch.region_code !== undefined && patch.region_code !== before.region_code) ||
      (patch.mobile_index !== undefined && patch.mobile_index !== locked?.mobile_index);
    if (!changed) return beforeView;
    await updatePerson(tx, id, patch, s.clock.now());
    const after = await findPersonById(tx, id);
    if (!after) throw new Error(`person ${id} vanished during update`);
    const afterView = presentPerson(after, today);
    await audit({
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      before: snapshot(beforeView),
      after: snapshot(afterView),
    });
    return afterView;
  });
}
