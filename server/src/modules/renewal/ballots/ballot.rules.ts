import { invalid, requiredText } from '../../../platform/kit/index.ts';

/** Small input rules of the ballots part; errors name the field, Chinese first. */

export interface PlanItemInput {
  name: string;
  quantity?: string | undefined;
  costFen: number;
}

export interface PlanItemValues {
  name: string;
  quantity: string;
  costFen: number;
}

/** A plan's items checked: each named, with a cost in whole fen ≥ 0; names unique within the plan. */
export function checkPlanItems(items: PlanItemInput[]): PlanItemValues[] {
  const seen = new Set<string>();
  return items.map((it, i) => {
    const name = requiredText(`items.${i}.name`, it.name);
    if (seen.has(name)) {
      throw invalid(`items.${i}.name`, {
        zh: `改造内容「${name}」重复，请合并为一项`,
        en: `Item "${name}" appears twice; merge the two`,
      });
    }
    seen.add(name);
    if (!Number.isSafeInteger(it.costFen) || it.costFen < 0) {
      throw invalid(`items.${i}.costFen`, {
        zh: '造价应为不小于 0 的整数（单位：分）',
        en: 'The cost must be a whole number of fen, 0 or more',
      });
    }
    return { name, quantity: it.quantity?.trim() ?? '', costFen: it.costFen };
  });
}

/** The plan's total cost in fen: the sum of its items. */
export const totalCostFen = (items: ReadonlyArray<{ costFen: number }>): number =>
  items.reduce((sum, it) => sum + it.costFen, 0);
