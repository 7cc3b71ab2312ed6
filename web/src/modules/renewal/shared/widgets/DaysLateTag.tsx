import { Tag } from 'antd';
import { useT } from '../../../../platform/i18n/i18n.tsx';
import { useRT } from '../../i18n/rt.ts';
import { type CalendarKind, dayUnits } from './day-units.ts';

/**
 * 延误 N 天 / N 个工作日 (red, in the project's days), 有风险 (orange) or 按期 (green); 未排期 for a
 * project without tasks; — before the first planning.
 */
export function DaysLateTag({
  daysLate,
  atRisk,
  scheduled = true,
  calendar,
}: {
  daysLate: number | null;
  atRisk?: boolean;
  scheduled?: boolean;
  calendar: CalendarKind;
}) {
  const t = useT();
  const rt = useRT();
  if (!scheduled) return <Tag>{rt('projects.unscheduled')}</Tag>;
  if (daysLate === null) return <span className="gf-muted">{t('common.none')}</span>;
  if (daysLate > 0)
    return <Tag color="red">{rt('projects.lateBy', { days: dayUnits(rt, calendar).count(daysLate) })}</Tag>;
  if (atRisk) return <Tag color="orange">{rt('projects.atRiskYes')}</Tag>;
  return <Tag color="green">{rt('projects.onTime')}</Tag>;
}
