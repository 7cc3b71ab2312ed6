import type { OrganisationKind } from '../../../../platform/kit/index.ts';
import { HOUSING_SITE, LANDMARK_SITE, ROAD_SITE, type SiteProfile } from '../../reports/demo/demo-reports.ts';
import type {
  CalendarKindName,
  DeliveryMode,
  ProjectType,
  Severity,
  Stage,
} from '../../shared/renewal.tables.ts';
import type { TaskImportRow } from '../task-import.rules.ts';
import { financeBureauNetwork, landmarkNetwork, roadNetwork } from './demo-networks.ts';

/**
 * The demo projects (source: the Anji and Tiantai reports of March 2024). Figures the
 * source gives are kept (8 buildings, 360 days, 1# and 4# last; five landmark buildings in
 * main structure, the culture and art centre topped out; 104国道 in 天台福溪); budgets,
 * durations and site figures are realistic but fictitious. Dates are relative to the demo
 * clock's today: `offset` days from today.
 */

export interface DemoOrg {
  key: string;
  name: string;
  kind: OrganisationKind;
  regionCode: string;
  /** Parent, by name (an organisation of the platform demo data). */
  parent?: string;
  as: 'anji' | 'tiantai';
}

/** Organisations the platform demo data lacks: created by the county staff. */
export const DEMO_ORGS: DemoOrg[] = [
  {
    key: 'lsc',
    name: '安吉两山未来科技城管理委员会',
    kind: 'department',
    regionCode: '330523',
    parent: '安吉县人民政府',
    as: 'anji',
  },
  {
    key: 'anji-supervisor',
    name: '安吉恒正工程监理有限公司',
    kind: 'enterprise',
    regionCode: '330523',
    as: 'anji',
  },
  {
    key: 'lsc-contractor',
    name: '浙江两山建设集团有限公司',
    kind: 'contractor',
    regionCode: '330523',
    as: 'anji',
  },
  {
    key: 'tt-transport',
    name: '天台县交通运输局',
    kind: 'department',
    regionCode: '331023',
    parent: '天台县人民政府',
    as: 'tiantai',
  },
  {
    key: 'tt-contractor',
    name: '天台福溪路桥建设有限公司',
    kind: 'contractor',
    regionCode: '331023',
    as: 'tiantai',
  },
  {
    key: 'tt-supervisor',
    name: '台州正衡工程监理有限公司',
    kind: 'enterprise',
    regionCode: '331023',
    as: 'tiantai',
  },
];

/** Organisations of the platform demo data, by key. */
export const PLATFORM_ORGS = {
  'anji-zjj': '安吉县住房和城乡建设局',
  'anji-agent': '安吉城投建设管理有限公司',
  'anji-contractor': '湖州建工集团有限公司',
  'anji-inspector': '浙江安信工程安全咨询有限公司',
  'tiantai-fuxi': '福溪街道办事处',
} as const;

export interface DemoProblem {
  offset: number;
  text: string;
  severity: Severity;
  /** Track it as an issue due `dueIn` days after the report; with a resolution, resolved. */
  issue?: { dueIn: number; resolution?: string };
}

export interface DemoProject {
  key: string;
  as: 'anji' | 'tiantai';
  name: string;
  type: ProjectType;
  regionCode: string;
  owner: string;
  deliveryMode: DeliveryMode;
  agentBuilder: string | null;
  contractor: string;
  supervisor: string;
  inspector: string;
  budgetFen: number;
  calendar: CalendarKindName;
  network: () => TaskImportRow[];
  /** Place the planned finish of this task `offset` days from today. */
  anchor: { wbs: string; offset: number };
  /** The committed deadline: `days` calendar days from the start (inclusive), or `buffer` days after the planned finish. */
  deadline: { days: number } | { buffer: number };
  /** A task that runs late, shown from `fromOffset` on. */
  slip?: { wbs: string; extraDays: number; fromOffset: number };
  /** Project calendar exceptions (offsets from today). */
  exceptions?: Array<{ offset: number; working: boolean; reason: string }>;
  /** Report days missing (offsets from today; 0: today). */
  missing: number[];
  problems: DemoProblem[];
  site: SiteProfile;
  taskForces: Array<{ stage: Stage; name: string; leader: 'anji' | 'tiantai' }>;
}

const ANJI_FORCES: DemoProject['taskForces'] = [
  { stage: 'initiation', name: '前期攻坚专班', leader: 'anji' },
  { stage: 'construction', name: '主体施工专班', leader: 'anji' },
];

const landmark = (
  key: string,
  name: string,
  budgetYi: number,
  zones: string[],
  anchorOffset: number,
  extra: Partial<DemoProject> = {},
): DemoProject => ({
  key,
  as: 'anji',
  name,
  type: 'landmark',
  regionCode: '330523003',
  owner: 'lsc',
  deliveryMode: 'agency',
  agentBuilder: 'anji-agent',
  contractor: 'lsc-contractor',
  supervisor: 'anji-supervisor',
  inspector: 'anji-inspector',
  budgetFen: Math.round(budgetYi * 1e8 * 100),
  calendar: 'calendar-days',
  network: () => landmarkNetwork(zones, { lower: 70, upper: 60, roof: 35 }),
  anchor: { wbs: '6', offset: anchorOffset },
  deadline: { buffer: 30 },
  missing: [],
  problems: [],
  site: LANDMARK_SITE,
  taskForces: ANJI_FORCES,
  ...extra,
});

export const DEMO_PROJECTS: DemoProject[] = [
  {
    key: 'finance-bureau',
    as: 'anji',
    name: '安吉县城市有机更新新财政局地块住有宜居项目',
    type: 'housing',
    regionCode: '330523001',
    owner: 'anji-zjj',
    deliveryMode: 'full_agency',
    agentBuilder: 'anji-agent',
    contractor: 'anji-contractor',
    supervisor: 'anji-supervisor',
    inspector: 'anji-inspector',
    budgetFen: 36_200_000_000,
    calendar: 'calendar-days',
    network: financeBureauNetwork,
    // all eight topped out (milestone 9) three days from today, 360 days after the start
    anchor: { wbs: '9', offset: 3 },
    deadline: { days: 360 },
    missing: [],
    problems: [
      { offset: -11, text: '4#楼 23层 钢筋进场延迟半天，已协调供应商加派车辆', severity: 'minor' },
      {
        offset: -9,
        text: '夜间混凝土浇筑噪声，周边居民投诉',
        severity: 'major',
        issue: { dueIn: 2, resolution: '召开夜间施工协调会，上门解释并调整浇筑时段，居民表示理解' },
      },
      {
        offset: -2,
        text: '1#楼 塔吊限位器报警，需停机检修',
        severity: 'major',
        issue: { dueIn: 3 },
      },
    ],
    site: HOUSING_SITE,
    taskForces: [
      { stage: 'initiation', name: '前期攻坚专班', leader: 'anji' },
      { stage: 'construction', name: '主体施工专班', leader: 'anji' },
      { stage: 'acceptance', name: '竣工验收专班', leader: 'anji' },
    ],
  },
  landmark('wealth', '“两山”未来科技城财富中心项目', 15.6, ['A', 'B', 'C'], 45, {
    problems: [{ offset: -5, text: '屋盖钢构件深化设计待确认', severity: 'minor', issue: { dueIn: 7 } }],
  }),
  landmark('culture', '“两山”未来科技城文化艺术中心项目', 9.8, ['A', 'B'], -10, {
    missing: [0],
    problems: [{ offset: -9, text: '封顶后外脚手架分段拆除，需加强临边防护', severity: 'minor' }],
  }),
  landmark('expo', '“两山”未来科技城国际会展中心项目', 18.2, ['A', 'B', 'C'], 60, {
    slip: { wbs: '5.B.2', extraDays: 40, fromOffset: -8 },
    deadline: { buffer: 20 },
    exceptions: [
      { offset: -20, working: false, reason: '台风停工' },
      { offset: -19, working: false, reason: '台风停工' },
    ],
    missing: [0, -4],
    problems: [
      {
        offset: -8,
        text: 'B区 钢构件供货延迟，主体上部施工受阻',
        severity: 'critical',
        issue: { dueIn: 5 },
      },
      {
        offset: -3,
        text: '基坑东侧围挡破损',
        severity: 'minor',
        issue: { dueIn: 1, resolution: '当日修复并加固' },
      },
    ],
  }),
  landmark('talent', '“两山”未来科技城科技人才中心项目', 7.5, ['A', 'B'], 25),
  landmark('digital', '“两山”未来科技城数智产业中心项目', 8.9, ['A', 'B', 'C'], 75, {
    regionCode: '330523002',
    problems: [{ offset: -6, text: '高支模专项方案专家论证待组织', severity: 'major', issue: { dueIn: 3 } }],
  }),
  {
    key: 'road-104',
    as: 'tiantai',
    name: '104国道天台福溪段改建工程',
    type: 'road',
    regionCode: '331023003',
    owner: 'tt-transport',
    deliveryMode: 'epc',
    agentBuilder: null,
    contractor: 'tt-contractor',
    supervisor: 'tt-supervisor',
    inspector: 'anji-inspector',
    budgetFen: 23_600_000_000,
    calendar: 'workdays',
    network: roadNetwork,
    anchor: { wbs: '3.2.3', offset: 4 },
    deadline: { buffer: 20 },
    missing: [-1],
    problems: [
      {
        offset: -7,
        text: 'K2+300 处燃气管线与设计不符，需联系燃气公司现场确认',
        severity: 'major',
        issue: { dueIn: 5, resolution: '燃气公司现场确认后调整管位，已完成迁改' },
      },
      { offset: -1, text: '交通导改路段早高峰拥堵', severity: 'minor', issue: { dueIn: 7 } },
    ],
    site: ROAD_SITE,
    taskForces: [{ stage: 'construction', name: '104国道改建项目专班', leader: 'tiantai' }],
  },
];
