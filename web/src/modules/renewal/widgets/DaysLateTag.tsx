import { Tag } from 'antd';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { useRT } from '../i18n/rt.ts';

/** 延误 N 天 (red), 有风险 (orange) or 按期 (green); — before the first planning. */
export function DaysLateTag({ daysLate, atRisk }: { daysLate: number | null; atRisk?: boolean }) {
  const t = useT();
  const rt = useRT();
  if (daysLate === null) return <span className="gf-muted">{t('common.none')}</span>;
  if (daysLate > 0) return <Tag color="red">{rt('projects.lateBy', { n: daysLate })}</Tag>;
  if (atRisk) return <Tag color="orange">{rt('projects.atRiskYes')}</Tag>;
  return <Tag color="green">{rt('projects.onTime')}</Tag>;
}
