import { AimOutlined, FlagFilled, WarningFilled } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { type CSSProperties, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Schedule, ScheduledTask } from '../../api.ts';
import { type RTranslate, useRT } from '../../i18n/rt.ts';
import { addDays, daysBetween, weekday } from '../../shared/dates.ts';
import type { DayUnits } from '../../shared/widgets/day-units.ts';
import {
  chartRange,
  type GanttRow,
  HEADER_H,
  LEFT_W,
  months,
  openingScroll,
  PX_PER_DAY,
  ROW_H,
  scrollLeftFor,
  visibleRange,
  type Zoom,
} from './layout.ts';

/** What the countdown column says for a task (in the project's days). */
export function countdown(
  rt: RTranslate,
  t: ScheduledTask,
  units: DayUnits,
): { text: string; tone: 'late' | 'soon' | 'ok' | 'muted' } {
  if (t.status === 'done') return { text: rt('gantt.done'), tone: 'muted' };
  if (t.status === 'in-progress')
    return { text: rt('gantt.inProgress', { n: t.percent }), tone: t.late ? 'late' : 'muted' };
  const d = t.daysToLateStart;
  if (d === null) return { text: '—', tone: 'muted' };
  if (d < 0 || t.lateStartPassed)
    return { text: rt('gantt.passedBy', { days: units.count(Math.abs(d)) }), tone: 'late' };
  if (d === 0) return { text: rt('gantt.startToday'), tone: 'late' };
  return {
    text: rt('gantt.startIn', { days: units.count(d) }),
    tone: t.late ? 'late' : d <= 7 ? 'soon' : 'ok',
  };
}

/**
 * The Gantt chart, drawn with plain elements: one scroll box, the task columns stuck to the left,
 * the time scale stuck to the top, and only the rows in view (plus a few) in the DOM, so a
 * 500-task project scrolls as smoothly as a 20-task one.
 */
export function Gantt({
  schedule,
  rows,
  zoom,
  label,
  units,
}: {
  schedule: Schedule;
  rows: GanttRow[];
  zoom: Zoom;
  label: string;
  units: DayUnits;
}) {
  const rt = useRT();
  const box = useRef<HTMLElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const px = PX_PER_DAY[zoom];
  const { first, days } = useMemo(() => chartRange(schedule), [schedule]);
  const width = days * px;
  const x = (date: string) => LEFT_W + daysBetween(first, date) * px;
  const today = schedule.statusDate;

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setView((v) => ({ ...v, height: el.clientHeight })));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Open on today (a quarter in from the left) and, when both fit, the deadline too; again when
  // the zoom changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on zoom or range change
  useEffect(() => {
    const el = box.current;
    if (el)
      el.scrollLeft = openingScroll(
        x(today) - LEFT_W,
        x(schedule.deadline) + px - LEFT_W,
        el.clientWidth - LEFT_W,
      );
  }, [zoom, first]);
  const jump = (date: string, at: 'quarter' | 'threeQuarters') => {
    const el = box.current;
    if (!el) return;
    el.scrollLeft = scrollLeftFor(x(date) - LEFT_W, el.clientWidth - LEFT_W, at);
    el.focus({ preventScroll: true });
  };

  const frame = useRef(0);
  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const el = box.current;
      if (el) setView({ top: el.scrollTop, height: el.clientHeight });
    });
  };

  const [start, end] = visibleRange(view.top, view.height, rows.length);
  const bodyH = rows.length * ROW_H;
  const monthList = useMemo(() => months(first, days), [first, days]);
  // week lines on Mondays, month lines come from the header
  const firstMonday = (8 - weekday(first)) % 7;
  const gridStyle: CSSProperties = {
    left: LEFT_W,
    width,
    top: HEADER_H,
    height: bodyH,
    backgroundImage: `repeating-linear-gradient(to right, var(--rn-grid) 0 1px, transparent 1px ${px * 7}px)`,
    backgroundPositionX: firstMonday * px,
  };

  return (
    <>
      <Space size={4} className="rn-gantt-jump" role="group" aria-label={rt('gantt.jump')}>
        <Button size="small" icon={<AimOutlined aria-hidden />} onClick={() => jump(today, 'quarter')}>
          {rt('gantt.jumpToday')}
        </Button>
        <Button size="small" danger onClick={() => jump(schedule.deadline, 'threeQuarters')}>
          {rt('gantt.jumpDeadline')}
        </Button>
      </Space>
      <figure
        ref={box}
        className="rn-gantt"
        aria-label={label}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scroll box takes arrow keys to scroll
        tabIndex={0}
        onScroll={onScroll}
        style={{ height: Math.min(620, HEADER_H + bodyH + 18) }}
      >
        <div className="rn-gantt-inner" style={{ width: LEFT_W + width, height: HEADER_H + bodyH }}>
          {/* time scale */}
          <div className="rn-gantt-header" style={{ width: LEFT_W + width, height: HEADER_H }}>
            <div className="rn-gantt-corner" style={{ width: LEFT_W }}>
              <span className="rn-col-wbs">{rt('task.wbs')}</span>
              <span className="rn-col-name">{rt('task.name')}</span>
              <span className="rn-col-count">{rt('gantt.countdown')}</span>
            </div>
            {monthList.map((m) => (
              <div
                key={m.label}
                className="rn-gantt-month"
                style={{ left: LEFT_W + m.offset * px, width: m.length * px }}
              >
                {m.length * px > 50 ? m.label : ''}
              </div>
            ))}
            {zoom === 'day'
              ? Array.from({ length: days }, (_, d) => {
                  const date = addDays(first, d);
                  const wd = weekday(date);
                  return (
                    <div
                      key={date}
                      className={`rn-gantt-day${wd === 0 || wd === 6 ? ' rn-weekend' : ''}`}
                      style={{ left: LEFT_W + d * px, width: px }}
                    >
                      {Number(date.slice(8))}
                    </div>
                  );
                })
              : Array.from({ length: Math.ceil((days - firstMonday) / 7) }, (_, w) => {
                  const d = firstMonday + w * 7;
                  const date = addDays(first, d);
                  return (
                    <div key={date} className="rn-gantt-day" style={{ left: LEFT_W + d * px, width: 7 * px }}>
                      {date.slice(5)}
                    </div>
                  );
                })}
            <div className="rn-marker-label rn-today-label" style={{ left: x(today) + px / 2 }}>
              {rt('gantt.today')}
            </div>
            <div className="rn-marker-label rn-deadline-label" style={{ left: x(schedule.deadline) + px }}>
              {rt('gantt.deadline')}
            </div>
          </div>
          <div className="rn-gantt-grid" style={gridStyle} aria-hidden />
          {rows.slice(start, end).map(({ task: t, depth }, i) => {
            const index = start + i;
            const cd = countdown(rt, t, units);
            const planLeft = x(t.earlyStart);
            const planW = (daysBetween(t.earlyStart, t.earlyFinish) + 1) * px;
            const actualEnd = t.actualFinish ?? (t.actualStart ? today : null);
            const flagged = t.late || t.lateStartPassed;
            // the backward schedule of an open work task: its latest window, and the float after its plan
            const backward = !t.summary && t.status !== 'done';
            const lateLeft = x(t.lateStart);
            const lateW = (daysBetween(t.lateStart, t.lateFinish) + 1) * px;
            const floatW = daysBetween(t.earlyFinish, t.lateFinish) * px;
            const title = rt('gantt.barTitle', {
              name: t.name,
              es: t.earlyStart,
              ef: t.earlyFinish,
              ls: t.lateStart,
              lf: t.lateFinish,
              float: units.count(t.totalFloat),
            });
            return (
              <div
                key={t.id}
                className={`rn-gantt-row${index % 2 ? ' rn-odd' : ''}`}
                style={{ top: HEADER_H + index * ROW_H, width: LEFT_W + width }}
                data-task={t.name}
              >
                <div className="rn-gantt-cells" style={{ width: LEFT_W }}>
                  <span className="rn-col-wbs gf-mono">{t.wbsCode ?? ''}</span>
                  <span
                    className={`rn-col-name${t.summary ? ' rn-summary-name' : ''}`}
                    style={{ paddingLeft: depth * 14 }}
                    title={t.name}
                  >
                    {flagged ? (
                      <FlagFilled
                        className="rn-flag"
                        aria-label={t.lateStartPassed ? rt('gantt.lateStartPassed') : rt('gantt.late')}
                      />
                    ) : t.atRisk ? (
                      <WarningFilled className="rn-risk" aria-label={rt('gantt.atRisk')} />
                    ) : null}
                    {t.name}
                  </span>
                  <span className={`rn-col-count rn-tone-${cd.tone}`}>{cd.text}</span>
                </div>
                {backward && floatW > 0 ? (
                  <div className="rn-float" style={{ left: planLeft + planW, width: floatW }} aria-hidden />
                ) : null}
                <div
                  className={`rn-bar${t.summary ? ' rn-bar-summary' : t.critical ? ' rn-bar-critical' : ' rn-bar-plan'}`}
                  style={{ left: planLeft, width: Math.max(planW, 2) }}
                  title={title}
                >
                  {t.percent > 0 && !t.summary ? (
                    <span className="rn-bar-progress" style={{ width: `${Math.min(100, t.percent)}%` }} />
                  ) : null}
                </div>
                {backward ? (
                  <div
                    className="rn-bar rn-bar-late"
                    style={{ left: lateLeft, width: Math.max(lateW, 2) }}
                    title={title}
                    aria-hidden
                  />
                ) : null}
                {t.actualStart && actualEnd ? (
                  <div
                    className="rn-bar rn-bar-actual"
                    style={{
                      left: x(t.actualStart),
                      width: Math.max((daysBetween(t.actualStart, actualEnd) + 1) * px, 2),
                    }}
                    title={rt('gantt.actualTitle', {
                      from: t.actualStart,
                      to: t.actualFinish ?? rt('gantt.ongoing'),
                    })}
                  />
                ) : null}
              </div>
            );
          })}
          <div
            className="rn-line rn-line-today"
            style={{ left: x(today) + px / 2, top: 0, height: HEADER_H + bodyH }}
            aria-hidden
          />
          <div
            className="rn-line rn-line-deadline"
            style={{ left: x(schedule.deadline) + px, top: 0, height: HEADER_H + bodyH }}
            aria-hidden
          />
        </div>
      </figure>
    </>
  );
}
