import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useServerError } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert, errorText } from '../../../platform/widgets/ErrorAlert.tsx';
import { type ProjectCalendar, rk, useProject } from '../api.ts';
import { type RenewalKey, useRT } from '../i18n/rt.ts';
import { addDays, monthRange, shiftMonth, todayInChina, weekday } from '../shared/dates.ts';

type EventKind = ProjectCalendar['days'][number]['events'][number]['kind'];
type ExceptionKind = 'rain' | 'stoppage' | 'extra_workday';

const KINDS: EventKind[] = [
  'start',
  'deadline',
  'rain',
  'stoppage',
  'extra_workday',
  'holiday',
  'adjusted_workday',
  'night_work',
];
const EXCEPTION_KINDS: readonly EventKind[] = ['rain', 'stoppage', 'extra_workday'];
const kindKey = (k: EventKind) => `calendar.kind.${k}` as RenewalKey;

/**
 * 日历: a month of the project — its start and deadline, rain days and other exceptions,
 * official holidays and 调休 workdays, approved night work — with a legend; staff who maintain
 * the project add and remove exceptions day by day (the project is re-planned each time).
 */
export default function CalendarTab({ projectId }: { projectId: string }) {
  const rt = useRT();
  const today = todayInChina();
  const [month, setMonth] = useState(() => shiftMonth(today, 0));
  const [editing, setEditing] = useState<string | null>(null);
  const { from, to } = monthRange(month);
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
  const nonWorking = new Set(cal.data?.nonWorkingDays ?? []);
  // the project's `can` decides (it is in the cache: the detail page has loaded it)
  const writable = useProject(projectId).data?.can.update === true;
  // weeks start on Monday, as Chinese calendars do
  const lead = (weekday(from) + 6) % 7;
  const gridStart = addDays(from, -lead);
  const cells: string[] = [];
  for (let d = gridStart; d <= to || cells.length % 7 !== 0; d = addDays(d, 1)) cells.push(d);
  const weeks: string[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  const title = rt('calendar.month', { y: month.slice(0, 4), m: Number(month.slice(5, 7)) });
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
      <Space wrap>
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
      {cal.data ? (
        <Alert
          type="info"
          showIcon
          title={rt(cal.data.officialHolidaysApply ? 'calendar.officialApplies' : 'calendar.officialInfo')}
        />
      ) : null}
      <section aria-label={rt('calendar.legend')} className="rn-legend">
        <span className="gf-muted">{rt('calendar.legend')}：</span>
        {KINDS.map((k) => (
          <span key={k} className={`rn-event rn-ev-${k}`}>
            {rt(kindKey(k))}
          </span>
        ))}
        <span className="rn-event rn-legend-off">{rt('calendar.nonWorking')}</span>
      </section>
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
                const inMonth = d >= from && d <= to;
                const ev = inMonth ? (events.get(d) ?? []) : [];
                const classes = [
                  inMonth ? '' : 'rn-other',
                  d === today ? 'rn-today' : '',
                  inMonth && nonWorking.has(d) ? 'rn-off' : '',
                ];
                return (
                  <td
                    key={d}
                    className={classes.filter(Boolean).join(' ')}
                    aria-current={d === today ? 'date' : undefined}
                  >
                    <div className="rn-day-head">
                      <span className="rn-day-no">{Number(d.slice(8))}</span>
                      {inMonth && nonWorking.has(d) ? (
                        <span className="rn-sr-only">{rt('calendar.nonWorking')}</span>
                      ) : null}
                      {inMonth && writable ? (
                        <Button
                          size="small"
                          type="text"
                          className="rn-day-edit"
                          aria-label={rt('calendar.manageDay', { date: d })}
                          onClick={() => setEditing(d)}
                        >
                          ⋯
                        </Button>
                      ) : null}
                    </div>
                    {ev.map((e, i) => (
                      <span
                        key={`${e.kind}-${e.id ?? i}`}
                        className={`rn-event rn-ev-${e.kind}`}
                        title={e.title}
                      >
                        {e.kind === 'night_work'
                          ? rt('calendar.nightWork', { from: e.startTime ?? '', to: e.endTime ?? '' })
                          : EXCEPTION_KINDS.includes(e.kind) && e.title !== rt(kindKey(e.kind))
                            ? `${rt(kindKey(e.kind))}：${e.title}`
                            : rt(kindKey(e.kind))}
                      </span>
                    ))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ExceptionModal
        projectId={projectId}
        date={editing}
        workdays={cal.data?.calendar === 'workdays'}
        existing={(editing ? (events.get(editing) ?? []) : []).find((e) => EXCEPTION_KINDS.includes(e.kind))}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}

/** One day's exception: shows and removes the one there is, or adds one. */
function ExceptionModal({
  projectId,
  date,
  workdays,
  existing,
  onClose,
}: {
  projectId: string;
  date: string | null;
  workdays: boolean;
  existing: { kind: EventKind; title: string } | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const rt = useRT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: ExceptionKind; reason?: string }>();
  const server = useServerError(form, ['kind', 'reason']);
  const done = (key: 'calendar.added' | 'calendar.removed') => (r: { plannedFinish: string }) => {
    void message.success(rt(key, { date: r.plannedFinish }));
    void qc.invalidateQueries({ queryKey: rk.all });
    onClose();
  };
  const add = useMutation({
    mutationFn: (v: { kind: ExceptionKind; reason?: string }) =>
      unwrap(
        api.POST('/api/renewal/projects/{id}/exceptions', {
          params: { path: { id: projectId } },
          body: { date: date ?? '', kind: v.kind, ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) },
        }),
      ),
    onSuccess: done('calendar.added'),
    onError: server.report,
  });
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/renewal/projects/{id}/exceptions/{date}', {
          params: { path: { id: projectId, date: date ?? '' } },
        }),
      ),
    onSuccess: done('calendar.removed'),
    onError: (e) => void message.error(errorText(e, t)),
  });
  const kinds: ExceptionKind[] = workdays ? ['rain', 'stoppage', 'extra_workday'] : ['rain', 'stoppage'];
  return (
    <Modal
      open={date !== null}
      title={rt('calendar.dayTitle', { date: date ?? '' })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        existing
          ? [
              <Button key="cancel" onClick={onClose}>
                {t('common.cancel')}
              </Button>,
              <Button key="remove" danger loading={remove.isPending} onClick={() => remove.mutate()}>
                {rt('calendar.removeException')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={onClose}>
                {t('common.cancel')}
              </Button>,
              <Button
                key="add"
                type="primary"
                htmlType="submit"
                form="renewal-exception-form"
                loading={add.isPending}
              >
                {rt('calendar.addException')}
              </Button>,
            ]
      }
    >
      {existing ? (
        <p>{rt('calendar.existing', { kind: rt(kindKey(existing.kind)), reason: existing.title })}</p>
      ) : (
        <>
          <p className="gf-muted">{rt('calendar.noException')}</p>
          <ErrorAlert error={server.error} />
          <Form
            form={form}
            id="renewal-exception-form"
            layout="vertical"
            initialValues={{ kind: 'rain' }}
            onFinish={(v) => add.mutate(v)}
          >
            <Form.Item name="kind" label={rt('calendar.exceptionKind')} rules={[{ required: true }]}>
              <Select options={kinds.map((k) => ({ value: k, label: rt(kindKey(k)) }))} />
            </Form.Item>
            <Form.Item name="reason" label={rt('calendar.exceptionReason')}>
              <Input maxLength={100} placeholder={rt('calendar.reasonPlaceholder')} />
            </Form.Item>
          </Form>
        </>
      )}
    </Modal>
  );
}
