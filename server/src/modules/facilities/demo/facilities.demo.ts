import { actAs, type DemoContext } from '../../../platform/kit/index.ts';
import { createDistrict } from '../district.service.ts';
import type { FacilityInput } from '../sewage.schemas.ts';
import { createFacility, putVillage, recordWaterTest } from '../sewage.service.ts';
import { findCountyVillages, findOrganisationNamed } from './facilities-demo.repo.ts';

/**
 * Demo records for Anji (安吉县 330523) that reproduce the source's 2023 figures from records
 * ("新建改建农村生活污水处理设施21座，投入资金5000万元，覆盖率91.72%，水质达标率93.18%"):
 *
 * - the village register: all 168 village committees of Anji in the region table (codes
 *   x200–x399). Villages of the urban streets 昌硕、灵峰、孝源 (15) and eight of 递铺街道 drain
 *   to the county's sewer network (纳管) and are outside the rural rate: 145 in scope;
 * - 133 of them are treated by a facility in operation (two neighbouring villages of a town
 *   often share one) → 133 / 145 = 91.72 %; of the 12 others, three wait for a facility still
 *   under construction (2024) and nine have none yet;
 * - 21 facilities built (13) or rebuilt (8) in 2023 whose investments add up to 5,000万元;
 * - 2023 outfall tests of 44 facilities by the county's monitoring station, three of which had
 *   a sample over the DB33/973-2021 limits (one passed a re-test later, which does not undo
 *   the failure for the year) → 41 / 44 = 93.18 %;
 * - the three landscape districts (风貌区) the source names, with their status. The source
 *   gives no acceptance date for 孝丰—递铺 nor areas; the date (2023-12-28) is assumed and the
 *   areas are illustrative (of the size such districts have: a county district spans a few
 *   towns, an urban one a few streets). Facility names, capacities, processes, households and
 *   test values are illustrative; the laboratory name is assumed.
 * Made through the module's services as the demo account `anji`, so policies and audit apply.
 */

const COUNTY = '330523';
const BUREAU = '安吉县住房和城乡建设局';
const LAB = '湖州市安吉生态环境监测站';
/** Streets whose villages drain to the county network (纳管). */
const NETWORK_TOWNS = ['330523002', '330523003', '330523004'];
const NETWORK_IN_DIPU = 8;
/** 2023 builds: investments in 万元, 13 built then 8 rebuilt (sum 5,000). */
const BUILT_2023 = [380, 360, 340, 320, 300, 300, 280, 260, 260, 240, 220, 200, 180];
const REBUILT_2023 = [220, 200, 180, 180, 160, 150, 140, 130];
const PROCESSES = [
  'A/O + 人工湿地',
  'A²/O 一体化设备',
  '厌氧 + 人工湿地',
  'MBR 一体化设备',
  '生物滤池 + 人工湿地',
];
const WAN = 1_000_000; // fen per 万元

const shortName = (name: string) => `${name.replace(/(村民委员会|村委会|委员会)$/, '').replace(/村$/, '')}村`;

export async function seedFacilitiesDemo({ services: s, log }: DemoContext): Promise<void> {
  const villages = await findCountyVillages(s.db, COUNTY);
  if (villages.length === 0) {
    log('no villages of 安吉县 in the region table; facilities demo skipped');
    return;
  }
  const ctx = await actAs(s, 'anji', 'demo:facilities');
  const bureau = await findOrganisationNamed(s.db, BUREAU);

  // ---------------------------------------------------------------- which village is what
  const dipu = villages.filter((v) => v.parent_code === '330523001').slice(0, NETWORK_IN_DIPU);
  const onNetwork = new Set([
    ...villages.filter((v) => NETWORK_TOWNS.includes(v.parent_code ?? '')).map((v) => v.code),
    ...dipu.map((v) => v.code),
  ]);
  const rural = villages.filter((v) => !onNetwork.has(v.code));
  // every twelfth rural village is not covered yet; the first three of those await a facility
  const uncovered = rural.filter((_, i) => i % 12 === 11);
  const covered = rural.filter((_, i) => i % 12 !== 11);

  // ---------------------------------------------------------------- facilities
  // one facility per covered village, shared with the next covered village of the same town
  const served = new Map<string, string>(); // village → facility
  const facilities: Array<{ id: string; grade: 1 | 2 }> = [];
  const builds2023 = [
    ...BUILT_2023.map((wan) => ({ kind: 'built' as const, wan })),
    ...REBUILT_2023.map((wan) => ({ kind: 'rebuilt' as const, wan })),
  ];
  let j = 0;
  for (let i = 0; i < covered.length; i++) {
    const v = covered[i]!;
    const prev = covered[i - 1];
    if (
      prev &&
      prev.parent_code === v.parent_code &&
      !served.has(v.code) &&
      i % 2 === 1 &&
      served.has(prev.code)
    ) {
      served.set(v.code, served.get(prev.code)!);
      continue;
    }
    const in2023 = j % 3 === 0 ? builds2023.shift() : undefined;
    const capacityTenths = in2023 ? 300 + (in2023.wan % 7) * 100 : 150 + (j % 6) * 50;
    const grade: 1 | 2 = capacityTenths >= 300 ? 1 : 2;
    const input: FacilityInput = {
      name: `${shortName(v.name)}污水处理终端`,
      villageCode: v.code,
      capacityTenths,
      kind: in2023?.kind ?? 'built',
      year: in2023 ? 2023 : 2016 + (j % 7),
      investmentFen: in2023 ? in2023.wan * WAN : (60 + (j % 9) * 15) * WAN,
      operatorOrganisationId: null,
      process: PROCESSES[j % PROCESSES.length]!,
      dischargeGrade: grade,
      status: 'operating',
    };
    const f = await createFacility(s, ctx, input);
    facilities.push({ id: f.id, grade });
    served.set(v.code, f.id);
    j++;
  }
  if (builds2023.length > 0) throw new Error('facilities demo: not every 2023 build was placed');
  for (const v of uncovered.slice(0, 3)) {
    const f = await createFacility(s, ctx, {
      name: `${shortName(v.name)}污水处理终端`,
      villageCode: v.code,
      capacityTenths: 200,
      kind: 'built',
      year: 2024,
      investmentFen: 120 * WAN,
      operatorOrganisationId: null,
      process: PROCESSES[0]!,
      dischargeGrade: 2,
      status: 'under_construction',
    });
    served.set(v.code, f.id);
  }

  // ---------------------------------------------------------------- the village register
  for (const [i, v] of villages.entries()) {
    const households = 180 + ((i * 37) % 520);
    const network = onNetwork.has(v.code);
    const facilityId = network ? null : (served.get(v.code) ?? null);
    const isCovered = covered.includes(v);
    await putVillage(s, ctx, v.code, {
      households,
      connectedHouseholds: network ? households : isCovered ? households - ((i * 7) % 25) : 0,
      onNetwork: network,
      facilityId,
      note: network
        ? '已纳入县城污水管网'
        : isCovered
          ? null
          : facilityId
            ? '处理终端在建'
            : '列入下一批治理计划',
    });
  }

  // ---------------------------------------------------------------- 2023 outfall tests
  const good = (k: number, grade: 1 | 2) => ({
    ph: 690 + (k % 8) * 10,
    cod: (grade === 1 ? 2800 : 4200) + (k % 10) * 150,
    nh3n: (grade === 1 ? 300 : 900) + (k % 9) * 40,
    tp: (grade === 1 ? 40 : 120) + (k % 5) * 8,
    ss: (grade === 1 ? 900 : 1500) + (k % 6) * 100,
    waterTempTenths: 160 + (k % 10) * 10,
  });
  const tested = facilities.slice(0, 44);
  let tests = 0;
  for (const [k, f] of tested.entries()) {
    const month = String(3 + (k % 9)).padStart(2, '0');
    const day = String(5 + (k % 20)).padStart(2, '0');
    const failing = k === 6 || k === 19 || k === 33;
    const base = { facilityId: f.id, sampledOn: `2023-${month}-${day}`, lab: LAB, ...good(k, f.grade) };
    if (failing) {
      // ammonia over the limit in a warm month (grade 1: 8, grade 2: 25 mg/L)
      await recordWaterTest(s, ctx, {
        ...base,
        nh3n: f.grade === 1 ? 1260 : 2730,
        note: '氨氮超标，已通知运维单位整改',
      });
      tests++;
      if (k === 6) {
        await recordWaterTest(s, ctx, { ...base, sampledOn: '2023-12-12', note: '整改后复测' });
        tests++;
      }
    } else {
      await recordWaterTest(s, ctx, base);
      tests++;
      if (k % 4 === 0) {
        await recordWaterTest(s, ctx, {
          ...good(k + 3, f.grade),
          facilityId: f.id,
          lab: LAB,
          sampledOn: `2023-11-${day}`,
        });
        tests++;
      }
    }
  }

  // ---------------------------------------------------------------- landscape districts
  const lead = bureau?.id ?? null;
  /** Areas are kept in hundredths of m²: 1 ha = 10,000 m² = 1,000,000. */
  const hectares = (ha: number) => Math.round(ha * 1_000_000);
  await createDistrict(s, ctx, {
    name: '孝丰—递铺“山水古韵·共同富裕”县域风貌区',
    regionCode: COUNTY,
    kind: 'county',
    areaHundredths: hectares(2_860),
    leadOrganisationId: lead,
    status: 'accepted',
    acceptedOn: '2023-12-28',
    description: '2023 年全面实施城乡风貌整治提升行动，通过省级验收',
  });
  await createDistrict(s, ctx, {
    name: '“白茶飘香·一叶共富”县域风貌区',
    regionCode: COUNTY,
    kind: 'county',
    areaHundredths: hectares(1_950),
    leadOrganisationId: lead,
    pilotYear: 2024,
    status: 'under_construction',
    description: '列入 2024 年度城乡风貌样板区试点建设名单',
  });
  await createDistrict(s, ctx, {
    name: '“七彩灵峰—乐活浒溪”城市风貌区',
    regionCode: '330523003',
    kind: 'urban',
    areaHundredths: hectares(386.5),
    leadOrganisationId: lead,
    pilotYear: 2024,
    status: 'under_construction',
    description: '列入 2024 年度城乡风貌样板区试点建设名单',
  });

  log(
    `${facilities.length + 3} sewage facilities (21 built or rebuilt in 2023), ${villages.length} villages, ${tests} water tests, 3 landscape districts`,
  );
}
