import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Space } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../platform/api/client.ts';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { rk, useProject } from '../api.ts';
import { addDays, monthRange, shiftMonth, todayInChina, weekday } from '../dates.ts';
import { useRT } from '../i18n/rt.ts';

/** 日历: a month of the project, with approved night work and the deadline on their days. */
export default function CalendarTab({ projectId }: { projectId: string }) {
  const rt = useRT();
  const today = todayInChina();
  const [month, setMonth] = useState(() => shiftMonth(today, 0));
  const { from, to } = monthRange(month);
  const project = useProject(projectId);
  const cal = useQuery({
    queryKey: rk.calendar(projectId, from),
    queryFn: () =>
      unwrap(
        api.GET('/api/renewal/projects/{id}/calendar', {
          params: { path: { id: projectId }, query: { from, to } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const events = new Map((cal.data?.days ?? []).map((d) => [d.date, d.events]));
  // weeks start on Monday, as Chinese calendars do
  const lead = (weekday(from) + 6) % 7;
  const gridStart = addDays(from, -lead);
  const cells: string[] = [];
  for (let d = gridStart; d <= to || cells.length % 7 !== 0; d = addDays(d, 1)) cells.push(d);
  const weeks: string[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const title = rt('calendar.month', { y: month.slice(0, 4), m: Number(month.slice(5, 7)) });
  const deadline = project.data?.deadline;
  const wd = [
    'calendar.mon',
    'calendar.tue',
    'calendar.wed',
    'calendar.thu',
    'calendar.fri',
    'calendar.sat',
    'calendar.sun',
  ] as const;
  return (
    <div className="rn-stack">
      <Space>
        <Button
          icon={<LeftOutlined aria-hidden />}
          onClick={() => setMonth(shiftMonth(month, -1))}
          aria-label={rt('calendar.prev')}
        />
        <h2
          className="gf-section-title"
          aria-live="polite"
          style={{ margin: 0, minWidth: 120, textAlign: 'center' }}
        >
          {title}
        </h2>
        <Button
          icon={<RightOutlined aria-hidden />}
          onClick={() => setMonth(shiftMonth(month, 1))}
          aria-label={rt('calendar.next')}
        />
        <Button onClick={() => setMonth(shiftMonth(today, 0))}>{rt('calendar.thisMonth')}</Button>
      </Space>
      <ErrorAlert error={cal.error} onRetry={() => void cal.refetch()} />
      <table className="rn-calendar" aria-label={rt('calendar.label', { month: title })}>
        <thead>
          <tr>
            {wd.map((k) => (
              <th key={k} scope="col">
                {rt(k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((w) => (
            <tr key={w[0]}>
              {w.map((d) => {
                const ev = events.get(d) ?? [];
                const inMonth = d >= from && d <= to;
                return (
                  <td
                    key={d}
                    className={`${inMonth ? '' : 'rn-other'}${d === today ? ' rn-today' : ''}`}
                    aria-current={d === today ? 'date' : undefined}
                  >
                    <div className="rn-day-no">{Number(d.slice(8))}</div>
                    {d === deadline ? (
                      <span className="rn-event rn-event-deadline">{rt('gantt.deadline')}</span>
                    ) : null}
                    {inMonth
                      ? ev.map((e) => (
                          <span key={e.id} className="rn-event" title={e.title}>
                            {rt('calendar.nightWork', { from: e.startTime, to: e.endTime })}
                          </span>
                        ))
                      : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
