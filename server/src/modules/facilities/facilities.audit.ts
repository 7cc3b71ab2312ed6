import { sql } from 'kysely';
import { type AuditDefs, type AuditEntityDef, namesIn } from '../../platform/kit/index.ts';

/**
 * What the audit log calls the facilities module's entries. The action codes and entity types
 * keep the `renewal.` / `renewal_` names they were written with when facilities were a part of
 * the renewal module: the log is append-only and hash-chained, so its entries keep their codes,
 * and the code goes on writing the same ones so old and new entries read alike. Exports are
 * labelled from the lists' titles by the core.
 */

const actions: AuditDefs['actions'] = {
  'renewal.facility.create': { zh: '登记污水处理设施', en: 'Register a sewage facility' },
  'renewal.facility.update': { zh: '修改污水处理设施', en: 'Update a sewage facility' },
  'renewal.sewage_village.create': { zh: '登记行政村污水治理情况', en: 'Record a village’s sewage coverage' },
  'renewal.sewage_village.update': { zh: '修改行政村污水治理情况', en: 'Update a village’s sewage coverage' },
  'renewal.water_test.create': { zh: '登记出水水质检测', en: 'Record a water test' },
  'renewal.district.create': { zh: '登记城乡风貌区', en: 'Register a landscape district' },
  'renewal.district.update': { zh: '修改城乡风貌区', en: 'Update a landscape district' },
  'renewal.district.accept': { zh: '风貌区通过验收', en: 'Accept a landscape district' },
};

/** Villages are named by their region code. */
const villageNames: AuditEntityDef['names'] = async (db, codes) => {
  const wanted = [...new Set(codes.filter((c) => /^[0-9]{6,12}$/.test(c)))];
  if (wanted.length === 0) return new Map();
  const { rows } = await sql<{ code: string; name: string }>`
    select code, name from regions where code in (${sql.join(wanted)})`.execute(db);
  return new Map(rows.map((r) => [r.code, r.name]));
};

const entities: AuditDefs['entities'] = {
  renewal_sewage_facility: {
    label: { zh: '污水处理设施', en: 'Sewage facility' },
    names: namesIn('renewal_sewage_facilities'),
  },
  renewal_sewage_village: {
    label: { zh: '行政村污水治理', en: 'Village sewage coverage' },
    names: villageNames,
  },
  renewal_sewage_summary: { label: { zh: '污水治理汇总', en: 'Sewage summary' } },
  renewal_water_test: {
    label: { zh: '出水水质检测', en: 'Water test' },
    names: namesIn(
      'renewal_water_tests',
      sql`(select f.name from renewal_sewage_facilities f where f.id = facility_id) || ' ' || sampled_on::text`,
    ),
  },
  renewal_landscape_district: {
    label: { zh: '城乡风貌区', en: 'Landscape district' },
    names: namesIn('renewal_landscape_districts'),
  },
};

export const facilitiesAudit: AuditDefs = { actions, entities };
