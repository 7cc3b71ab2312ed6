import type { TaskImportRow } from '../task-import.rules.ts';

/**
 * Task networks of the demo projects, as task lists a clerk would import (WBS code, name,
 * duration, parent, predecessors). Durations are realistic but fictitious; the shape follows
 * the source: 8 residential buildings topped out, 1# and 4# last; five landmark buildings in
 * main structure; the 104 national road rebuilt section by section.
 */

const row = (
  wbsCode: string,
  name: string,
  duration: number,
  predecessors?: string,
  parentWbsCode?: string,
): TaskImportRow => ({
  wbsCode,
  name,
  duration,
  predecessors: predecessors ?? null,
  parentWbsCode: parentWbsCode ?? null,
});

interface Building {
  no: number;
  floors: number;
  /** Days after the piles finish that the building's foundation starts. */
  stagger: number;
  foundation: number;
  /** Days for the floors above the 10th and the roof. */
  upper: number;
}

/** 新财政局地块住有宜居: 8 buildings; 1# and 4# (26 floors) are poured last, together. */
export const FINANCE_BUREAU_BUILDINGS: Building[] = [
  { no: 1, floors: 26, stagger: 0, foundation: 50, upper: 144 },
  { no: 2, floors: 18, stagger: 5, foundation: 40, upper: 70 },
  { no: 3, floors: 18, stagger: 10, foundation: 40, upper: 70 },
  { no: 4, floors: 26, stagger: 0, foundation: 50, upper: 144 },
  { no: 5, floors: 17, stagger: 15, foundation: 40, upper: 62 },
  { no: 6, floors: 17, stagger: 20, foundation: 40, upper: 62 },
  { no: 7, floors: 16, stagger: 25, foundation: 40, upper: 54 },
  { no: 8, floors: 16, stagger: 30, foundation: 40, upper: 54 },
];

/** The topping-out task of building `no`. */
export const toppingOutWbs = (no: number) => `B${no}.4`;

export function financeBureauNetwork(): TaskImportRow[] {
  const rows: TaskImportRow[] = [
    row('1', '施工准备及临时设施', 20),
    row('2', '桩基工程', 60, '1'),
    row('3', '塔吊安装（8台）', 10, '2SS+40'),
  ];
  for (const b of FINANCE_BUREAU_BUILDINGS) {
    const p = `B${b.no}`;
    rows.push(
      row(p, `${b.no}#楼`, 1),
      row(`${p}.1`, `${b.no}#楼 基础及地下室`, b.foundation, `2+${b.stagger}, 3`, p),
      row(`${p}.2`, `${b.no}#楼 主体结构 1–10层`, 80, `${p}.1`, p),
      row(`${p}.3`, `${b.no}#楼 主体结构 11–${b.floors}层及屋面`, b.upper, `${p}.2`, p),
      row(toppingOutWbs(b.no), `${b.no}#楼 主体结构封顶（最后一方混凝土浇筑）`, 1, `${p}.3`, p),
    );
    if (b.no !== 1 && b.no !== 4) rows.push(row(`${p}.5`, `${b.no}#楼 二次结构砌筑`, 65, `${p}.3+5`, p));
  }
  rows.push(
    row(
      '9',
      '主体结构全面封顶（8栋）',
      1,
      FINANCE_BUREAU_BUILDINGS.map((b) => toppingOutWbs(b.no)).join(', '),
    ),
  );
  return rows;
}

/** A landmark building of the 两山 future tech city, in zones (A/B/C): structure, façade, services, fit-out. */
export function landmarkNetwork(
  zones: string[],
  structure: { lower: number; upper: number; roof: number },
): TaskImportRow[] {
  const rows: TaskImportRow[] = [
    row('1', '施工准备', 15),
    row('2', '桩基及基坑围护', 75, '1'),
    row('3', '基坑土方开挖', 40, '2SS+30'),
    row('4', '地下室结构', 60, '3'),
    row('5', '主体结构', 1),
  ];
  zones.forEach((z, i) => {
    const prev = zones[i - 1];
    rows.push(
      row(`5.${z}.1`, `主体结构 ${z}区 地上下部`, structure.lower, prev ? `5.${prev}.1SS+15` : '4', '5'),
      row(`5.${z}.2`, `主体结构 ${z}区 地上上部`, structure.upper, `5.${z}.1`, '5'),
      row(`5.${z}.3`, `钢结构屋盖 ${z}区`, structure.roof, `5.${z}.2`, '5'),
    );
  });
  const first = zones[0]!;
  rows.push(
    row('6', '主体结构封顶', 1, zones.map((z) => `5.${z}.3`).join(', ')),
    row('7', '幕墙工程', 120, `5.${first}.2`),
    row('8', '机电安装', 150, `5.${first}.1+20`),
    row('9', '装饰装修', 120, '6, 7SS+60'),
    row('10', '室外工程及景观', 90, '6+30'),
    row('11', '联合调试', 30, '8, 9FF'),
    row('12', '竣工验收', 20, '11, 10'),
  );
  return rows;
}

export const ROAD_SECTIONS = ['K0+000–K1+800', 'K1+800–K3+600', 'K3+600–K5+200'];

/** 104国道天台福溪段改建: three sections, a bridge widening, then facilities and handover (working days). */
export function roadNetwork(): TaskImportRow[] {
  const rows: TaskImportRow[] = [
    row('1', '施工准备及交通导改', 15),
    row('2', '管线迁改（电力、通信、燃气）', 40, '1'),
    row('3', '道路工程', 1),
  ];
  ROAD_SECTIONS.forEach((section, i) => {
    const k = i + 1;
    rows.push(
      row(`3.${k}.1`, `${section} 路基拓宽及软基处理`, 35, k === 1 ? '2SS+10' : `3.${k - 1}.1SS+15`, '3'),
      row(`3.${k}.2`, `${section} 雨污水管网`, 30, `3.${k}.1SS+10`, '3'),
      row(`3.${k}.3`, `${section} 水稳基层`, 20, `3.${k}.1, 3.${k}.2`, '3'),
      row(`3.${k}.4`, `${section} 沥青面层`, 8, `3.${k}.3+3`, '3'),
    );
  });
  rows.push(
    row('4', '福溪大桥拓宽', 120, '1'),
    row('5', '交通安全设施', 25, '3.3.4, 4'),
    row('6', '绿化及路灯亮化', 30, '3.2.4'),
    row('7', '交工验收', 10, '5, 6'),
  );
  return rows;
}
