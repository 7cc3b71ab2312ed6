import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { clean, PagedTable, useListParams, usePagedQuery } from '../../../kit/index.ts';
import { api, unwrap } from '../../api/client.ts';
import type { ApiItem, ApiQuery } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../widgets/ErrorAlert.tsx';
import { PageHeader } from '../../widgets/PageHeader.tsx';

type Entry = ApiItem<'/api/audit'>;
type AuditQuery = ApiQuery<'/api/audit'>;

const FILTERS = ['actor', 'action', 'entityType', 'entityId', 'outcome', 'from', 'to'] as const;
type Range = [Dayjs | null, Dayjs | null] | null | undefined;

const DAY = 'YYYY-MM-DD';
const OUTCOME_COLOR: Record<Entry['outcome'], string> = { ok: 'green', denied: 'orange', failed: 'red' };

/** The audit log (auditor): search, before/after of each entry, and the hash chain check. */
export default function AuditPage() {
  const t = useT();
  const fmt = useFormat();
  const list = useListParams({ filters: FILTERS });

  const query: AuditQuery = useMemo(
    () => ({ ...list.filters, outcome: list.filters.outcome as AuditQuery['outcome'] }),
    [list.filters],
  );
  const entries = usePagedQuery({
    list,
    query,
    queryKey: (q) => ['audit', 'list', q],
    fetch: (q) => unwrap(api.GET('/api/audit', { params: { query: q } })),
  });

  const outcomeLabel = (o: Entry['outcome']) =>
    o === 'ok' ? t('audit.outcomeOk') : o === 'denied' ? t('audit.outcomeDenied') : t('audit.outcomeFailed');

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <ChainCard />
      <PagedTable
        list={list}
        result={entries}
        toForm={({ from, to, ...rest }) => ({
          ...rest,
          range: from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : null,
        })}
        fromForm={(v) => {
          const range = v.range as Range;
          return {
            actor: clean(v.actor),
            action: clean(v.action),
            entityType: clean(v.entityType),
            entityId: clean(v.entityId),
            outcome: clean(v.outcome),
            from: range?.[0]?.format(DAY),
            to: range?.[1]?.format(DAY),
          };
        }}
        filters={
          <>
            <Form.Item name="actor" label={t('audit.actor')}>
              <Input allowClear style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="action" label={t('audit.action')}>
              <Input allowClear placeholder={t('audit.actionPlaceholder')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="entityType" label={t('audit.entityType')}>
              <Input allowClear style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="entityId" label={t('audit.entityId')}>
              <Input allowClear style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="outcome" label={t('audit.outcome')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 100 }}
                options={(['ok', 'denied', 'failed'] as const).map((o) => ({
                  value: o,
                  label: outcomeLabel(o),
                }))}
              />
            </Form.Item>
            <Form.Item name="range" label={t('audit.dateRange')}>
              <DatePicker.RangePicker
                allowEmpty={[true, true]}
                placeholder={[t('audit.dateFrom'), t('audit.dateTo')]}
                aria-label={t('audit.dateRange')}
              />
            </Form.Item>
          </>
        }
        aria-label={t('audit.table')}
        rowKey="id"
        size="small"
        scroll={{ x: 1000 }}
        expandable={{ expandedRowRender: (e) => <EntryDetail entry={e} /> }}
        columns={[
          { title: '#', dataIndex: 'id', width: 80 },
          { title: t('audit.at'), dataIndex: 'at', width: 170, render: fmt.dateTime },
          {
            title: t('audit.actor'),
            dataIndex: 'actorName',
            width: 130,
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            title: t('audit.action'),
            key: 'action',
            // the label; the code (what the action filter matches) on hover and in the details
            render: (_, e) => (
              <Tooltip title={<span className="gf-mono">{e.action}</span>}>
                <span data-action={e.action}>{e.actionName}</span>
              </Tooltip>
            ),
          },
          {
            title: t('audit.entity'),
            key: 'entity',
            render: (_, e) =>
              e.entityType ? (
                <Tooltip
                  title={
                    <span className="gf-mono">{[e.entityType, e.entityId].filter(Boolean).join(' ')}</span>
                  }
                >
                  <span>
                    <span className="gf-muted">{e.entityTypeName}</span>{' '}
                    {e.entityName ??
                      (e.entityId ? <span className="gf-small gf-mono">{e.entityId}</span> : null)}
                  </span>
                </Tooltip>
              ) : (
                t('common.none')
              ),
          },
          {
            title: t('audit.outcome'),
            dataIndex: 'outcome',
            width: 90,
            render: (o: Entry['outcome']) => <Tag color={OUTCOME_COLOR[o]}>{outcomeLabel(o)}</Tag>,
          },
          {
            title: t('audit.ip'),
            dataIndex: 'ip',
            width: 130,
            render: (v: string | null) => v ?? t('common.none'),
          },
        ]}
      />
    </>
  );
}

function Json({ value }: { value: unknown }) {
  const t = useT();
  if (value === null || value === undefined) return <span className="gf-muted">{t('common.none')}</span>;
  return <pre className="gf-json">{JSON.stringify(value, null, 2)}</pre>;
}

function EntryDetail({ entry }: { entry: Entry }) {
  const t = useT();
  return (
    <div className="gf-audit-detail">
      <div className="gf-audit-diff">
        <section aria-label={t('audit.before')}>
          <h3 className="gf-small-title">{t('audit.before')}</h3>
          <Json value={entry.before} />
        </section>
        <section aria-label={t('audit.after')}>
          <h3 className="gf-small-title">{t('audit.after')}</h3>
          <Json value={entry.after} />
        </section>
      </div>
      <p className="gf-muted gf-small">
        {t('audit.codes')}:{' '}
        <span className="gf-mono">
          {[entry.action, entry.entityType, entry.entityId].filter(Boolean).join(' · ')}
        </span>{' '}
        · {t('audit.requestId')}: <span className="gf-mono">{entry.requestId ?? t('common.none')}</span> ·{' '}
        {t('audit.hash')}: <span className="gf-mono gf-break">{entry.hash}</span>
      </p>
    </div>
  );
}

/** GET /api/audit/verify: whether the hash chain is intact, with a button to check again. */
function ChainCard() {
  const t = useT();
  const verify = useQuery({
    queryKey: ['audit', 'verify'],
    queryFn: () => unwrap(api.GET('/api/audit/verify')),
    staleTime: 0,
  });
  const v = verify.data;
  return (
    <Card
      size="small"
      className="gf-block"
      title={
        <h2 className="gf-card-title">
          <SafetyCertificateOutlined aria-hidden /> {t('audit.chain')}
        </h2>
      }
      extra={
        <Button
          icon={<ReloadOutlined aria-hidden />}
          loading={verify.isFetching}
          onClick={() => void verify.refetch()}
        >
          {t('audit.recheck')}
        </Button>
      }
    >
      <div aria-live="polite">
        {verify.isFetching && !v ? <span>{t('audit.checking')}</span> : null}
        <ErrorAlert error={verify.error} />
        {v ? (
          <Alert
            type={v.ok ? 'success' : 'error'}
            showIcon
            title={
              v.ok
                ? t('audit.chainOk', { n: v.entries })
                : t('audit.chainBroken', { id: v.brokenId ?? '?', reason: v.reason ?? '', n: v.entries })
            }
          />
        ) : null}
      </div>
    </Card>
  );
}
