import { randomUUID } from 'node:crypto';
import type { Db } from '../audit/audit.repo.ts';
import type { OrganisationKind } from '../db/schema.ts';
import type { Committed, ImportRow, PreparedRow, RowImporter, RowProblem } from '../excel/excel-list.ts';
import { normaliseHeader } from '../excel/header-match.ts';
import { check, problemOf, schemaCheck } from '../excel/row-problems.ts';
import type { PlatformServices } from '../module/app-types.ts';
import { findRegions } from '../regions/region.repo.ts';
import { canSee, ensureMayPlaceIn } from './organisation.policy.ts';
import {
  anyInCycle,
  countStagedSkips,
  findOrganisationsByCodeOrName,
  insertOrganisationsFromStaging,
  lockOrganisationTree,
  type OrganisationRow,
  parentsOf,
  updateOrganisationsFromStaging,
} from './organisation.repo.ts';
import { KIND_KEYS, ORGANISATION_KINDS, requireCreditCodeFor } from './organisation.rules.ts';
import { CreateOrganisationBody } from './organisation.schemas.ts';
import {
  checkParent,
  creditCodeTaken,
  regionMissing,
  validateNewOrganisation,
} from './organisation.service.ts';

/**
 * Importing organisations: each row is checked with the API's own rules, then matched with
 * what is registered — by unified social credit code, else by name within the same region —
 * so an export imported again never duplicates anything. A matched organisation is updated
 * with the row's values if they differ (an empty optional cell leaves its value as it is),
 * or skipped if they do not; anything else is registered new. The job's result says how many
 * were new, updated and skipped.
 */

const kindList = (lang: 'zh' | 'en') => KIND_KEYS.map((k) => ORGANISATION_KINDS[k][lang]);

const KIND_BY_LABEL = new Map<string, OrganisationKind>(
  KIND_KEYS.flatMap((k) => [
    [normaliseHeader(ORGANISATION_KINDS[k].zh), k],
    [normaliseHeader(ORGANISATION_KINDS[k].en), k],
    [k, k],
  ]),
);

const unknownKind = (text: string): RowProblem => ({
  column: 'kind',
  text: {
    zh: `类型「${text}」无效，请填写：${kindList('zh').join('、')}`,
    en: `"${text}" is not a kind; use one of: ${kindList('en').join(', ')}`,
  },
});

const sameCodeInFile = (rowNo: number): RowProblem => ({
  column: 'creditCode',
  text: {
    zh: `与第 ${rowNo} 行的统一社会信用代码重复`,
    en: `Same unified social credit code as row ${rowNo}`,
  },
});

const sameOrganisationInFile = (rowNo: number): RowProblem => ({
  column: 'name',
  text: {
    zh: `与第 ${rowNo} 行是同一地区的同名组织：请合并为一行，或为两者分别填写统一社会信用代码`,
    en: `The same name in the same region as row ${rowNo}: merge the rows, or give each its unified social credit code`,
  },
});

const severalRegistered = (name: string, n: number): RowProblem => ({
  column: 'creditCode',
  text: {
    zh: `本地区已登记 ${n} 个名为「${name}」的组织，无法判断是哪一个：请填写其统一社会信用代码`,
    en: `${n} organisations named "${name}" are registered in this region, so the row cannot tell which: give its unified social credit code`,
  },
});

const ambiguousParent = (ref: string): RowProblem => ({
  column: 'parentId',
  text: {
    zh: `有多个名为「${ref}」的组织，请改填上级组织的统一社会信用代码`,
    en: `Several organisations are named "${ref}"; give the parent's unified social credit code instead`,
  },
});

const parentCycle = (): RowProblem => ({
  column: 'parentId',
  text: {
    zh: '不能把组织放到它自己或它的下级组织之下，请选择其他上级组织',
    en: 'An organisation cannot be placed under itself or one of its own sub-organisations; choose another parent',
  },
});

const regionCodeOf = (cell: string) => /^(\d{2,12})\s+\S/.exec(cell)?.[1] ?? cell;
const looksLikeCreditCode = (ref: string) => /^[0-9A-Z]{18}$/i.test(ref);

const checkBody = schemaCheck(CreateOrganisationBody);

interface Candidate {
  kind: OrganisationKind;
  name: string;
  creditCode: string | null;
  address: string | null;
  regionCode: string;
  parentRef: string;
}

/** The organisation columns a staged row carries (besides `op`, and `seen` for an update). */
type Fields = Pick<
  OrganisationRow,
  'id' | 'parent_id' | 'kind' | 'name' | 'region_code' | 'credit_code' | 'address'
>;

const FIELD_KEYS = ['parent_id', 'kind', 'name', 'region_code', 'credit_code', 'address'] as const;

/** One import: the caller's scopes, regions seen, and what earlier rows registered or matched. */
export function organisationImporter(
  s: PlatformServices,
  scopes: { read: string[] | null; write: string[] | null },
): RowImporter {
  const regions = new Map<string, boolean>();
  /** Organisations of earlier rows (new or matched) by credit code, and by name. */
  const fileByCode = new Map<string, { id: string; rowNo: number }>();
  const fileByName = new Map<string, Set<string>>();
  /** Earlier rows by name within a region, for rows without a credit code. */
  const fileByRegionName = new Map<string, number>();
  /** Parents as this import leaves them: new rows, and matched rows that move. */
  const pendingParent = new Map<string, string | null>();

  function validate(row: ImportRow): { candidate?: Candidate; problems: RowProblem[] } {
    const v = row.values;
    const kindText = v.kind ?? '';
    const kind = KIND_BY_LABEL.get(normaliseHeader(kindText));
    const input = {
      name: v.name ?? '',
      kind: kind ?? 'other',
      regionCode: regionCodeOf(v.regionCode ?? ''),
      creditCode: v.creditCode ? v.creditCode : null,
      address: v.address ? v.address : null,
    };
    // The service's rules first (their messages are the more specific), then the request
    // schema's. Whether the kind needs a credit code is checked once the row is matched: a
    // registered enterprise already has one.
    const problems: RowProblem[] = kind ? [] : [unknownKind(kindText)];
    const org = validateNewOrganisation({ ...input, kind: 'other' });
    for (const e of org.problems)
      if (!problems.some((p) => p.column === e.field)) problems.push(problemOf(e));
    for (const p of checkBody(input)) if (!problems.some((q) => q.column === p.column)) problems.push(p);
    const flagged = new Set(problems.map((p) => p.column));
    if (!flagged.has('regionCode')) {
      if (!regions.get(input.regionCode)) problems.push(problemOf(regionMissing(input.regionCode)));
      else check(problems, () => ensureMayPlaceIn(scopes.write, input.regionCode), 'regionCode');
    }
    if (problems.length > 0 || !org.values || !kind) return { problems };
    const { name, creditCode, address } = org.values;
    return {
      candidate: {
        kind,
        name,
        creditCode,
        address,
        regionCode: input.regionCode,
        parentRef: v.parentId ?? '',
      },
      problems,
    };
  }

  /** The registered organisation a row stands for, if any, or why it cannot be told. */
  function matchOf(c: Candidate, registered: OrganisationRow[]): { org?: OrganisationRow } | RowProblem {
    if (c.creditCode) {
      const byCode = registered.find((o) => o.credit_code === c.creditCode);
      if (byCode)
        return canSee(scopes.write, byCode) ? { org: byCode } : problemOf(creditCodeTaken(c.creditCode));
    }
    const sameName = registered.filter(
      (o) =>
        o.name === c.name &&
        o.region_code === c.regionCode &&
        (c.creditCode === null || o.credit_code === null),
    );
    if (sameName.length > 1) return severalRegistered(c.name, sameName.length);
    return { org: sameName[0] };
  }

  /** The parent's id: a registered organisation the caller may see (and active), or an earlier row. */
  function parentOf(ref: string, registered: OrganisationRow[]): { id: string | null } | RowProblem {
    if (ref === '') return { id: null };
    const byCode = looksLikeCreditCode(ref);
    const key = ref.toUpperCase();
    const inDb = registered.filter((o) => (byCode ? o.credit_code === key : o.name === ref));
    const visible = inDb.filter((o) => canSee(scopes.read, o));
    const inFile = byCode ? [fileByCode.get(key)?.id] : [...(fileByName.get(ref) ?? [])];
    const ids = new Set([...visible.map((o) => o.id), ...inFile.filter((x): x is string => !!x)]);
    if (ids.size > 1) return ambiguousParent(ref);
    const fromFile = inFile.find((x) => x !== undefined);
    if (fromFile && !visible.some((o) => o.id === fromFile)) return { id: fromFile };
    try {
      checkParent(scopes.read, visible[0]);
    } catch (err) {
      return problemOf(err, 'parentId');
    }
    return { id: visible[0]?.id ?? null };
  }

  /** True if placing `id` under `parentId` would make it its own ancestor (as this import leaves the tree). */
  async function wouldCycle(id: string, parentId: string): Promise<boolean> {
    const seen = new Set<string>();
    let at: string | null = parentId;
    while (at !== null && !seen.has(at)) {
      if (at === id) return true;
      seen.add(at);
      if (!pendingParent.has(at)) pendingParent.set(at, (await parentsOf(s.db, [at])).get(at) ?? null);
      at = pendingParent.get(at) ?? null;
    }
    return at === id;
  }

  /** The staged payload of a valid row: new, an update of its match, or a skip. */
  async function payloadOf(
    rowNo: number,
    c: Candidate,
    registered: OrganisationRow[],
  ): Promise<Record<string, unknown> | RowProblem> {
    const regionName = `${c.regionCode}|${c.name}`;
    if (c.creditCode) {
      const earlier = fileByCode.get(c.creditCode);
      if (earlier) return sameCodeInFile(earlier.rowNo);
    } else {
      const earlier = fileByRegionName.get(regionName);
      if (earlier !== undefined) return sameOrganisationInFile(earlier);
    }
    const match = matchOf(c, registered);
    if ('text' in match) return match;
    const org = match.org;
    const creditCode = c.creditCode ?? org?.credit_code ?? null;
    try {
      requireCreditCodeFor(c.kind, creditCode);
    } catch (err) {
      return problemOf(err, 'creditCode');
    }
    // a matched row naming its current parent keeps it, even one closed since
    const current = org?.parent_id ? registered.find((o) => o.id === org.parent_id) : undefined;
    const keepsParent =
      org !== undefined &&
      (c.parentRef === '' ||
        (current !== undefined &&
          (c.parentRef === current.name || c.parentRef.toUpperCase() === current.credit_code)));
    let parentId = org?.parent_id ?? null;
    if (!keepsParent) {
      const parent = parentOf(c.parentRef, registered);
      if ('text' in parent) return parent;
      parentId = parent.id;
    }
    const id = org?.id ?? randomUUID();
    if (org && parentId !== null && parentId !== org.parent_id && (await wouldCycle(id, parentId))) {
      return parentCycle();
    }
    if (creditCode) fileByCode.set(creditCode, { id, rowNo });
    else fileByRegionName.set(regionName, rowNo);
    fileByName.set(c.name, new Set([...(fileByName.get(c.name) ?? []), id]));
    pendingParent.set(id, parentId);
    const fields: Fields = {
      id,
      parent_id: parentId,
      kind: c.kind,
      name: c.name,
      region_code: c.regionCode,
      credit_code: creditCode,
      address: c.address ?? org?.address ?? null,
    };
    if (!org) {
      const now = s.clock.now();
      return { op: 'insert', ...fields, created_at: now, updated_at: now };
    }
    const changed = FIELD_KEYS.some((k) => fields[k] !== org[k]);
    return changed ? { op: 'update', ...fields, seen: org.updated_at } : { op: 'skip', id };
  }

  return {
    async prepare(rows) {
      const codes = [...new Set(rows.map((r) => regionCodeOf(r.values.regionCode ?? '')))].filter(
        (c) => c !== '' && !regions.has(c),
      );
      for (const c of codes) regions.set(c, false);
      for (const r of await findRegions(s.db, codes)) regions.set(r.code, true);
      const checked = rows.map((row) => ({ row, ...validate(row) }));
      const refs = checked.flatMap((c) => (c.candidate?.parentRef ? [c.candidate.parentRef] : []));
      const own = checked.flatMap((c) => (c.candidate ? [c.candidate] : []));
      const registered = await findOrganisationsByCodeOrName(
        s.db,
        [
          ...refs.filter(looksLikeCreditCode).map((r) => r.toUpperCase()),
          ...own.flatMap((c) => (c.creditCode ? [c.creditCode] : [])),
        ],
        [...refs.filter((r) => !looksLikeCreditCode(r)), ...own.map((c) => c.name)],
      );
      const out: PreparedRow[] = [];
      for (const { row, candidate, problems } of checked) {
        if (!candidate) {
          out.push({ rowNo: row.rowNo, problems });
          continue;
        }
        const p = await payloadOf(row.rowNo, candidate, registered);
        out.push(
          'text' in p ? { rowNo: row.rowNo, problems: [p as RowProblem] } : { rowNo: row.rowNo, payload: p },
        );
      }
      return out;
    },
    commit: (tx, jobId) => commitOrganisations(s, tx, jobId),
  };
}

/** Inserts the new organisations, then applies the updates (a new parent exists by then). */
async function commitOrganisations(s: PlatformServices, tx: Db, jobId: string): Promise<Committed> {
  await lockOrganisationTree(tx);
  const imported = await insertOrganisationsFromStaging(tx, jobId);
  const updatedIds = await updateOrganisationsFromStaging(tx, jobId, s.clock.now());
  if (await anyInCycle(tx, updatedIds)) {
    // someone moved an organisation meanwhile so that a change of this file closes a loop:
    // an integrity violation (SQLSTATE 23514), reported as a conflict and rolled back
    throw Object.assign(new Error('an imported change would make an organisation its own ancestor'), {
      code: '23514',
    });
  }
  const skipped = await countStagedSkips(tx, jobId);
  return { imported, updated: updatedIds.length, skipped, audit: {} };
}
