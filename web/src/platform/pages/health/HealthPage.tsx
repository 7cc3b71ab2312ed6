import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Tag } from 'antd';
import { api, unwrap } from '../../api/client.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../widgets/ErrorAlert.tsx';
import { PageHeader } from '../../widgets/PageHeader.tsx';

function uptime(seconds: number): string {
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${d > 0 ? `${d}d ` : ''}${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** GET /api/system/health: overall status, database, uptime, version. */
export default function HealthPage() {
  const t = useT();
  const health = useQuery({
    queryKey: ['system', 'health'],
    queryFn: () => unwrap(api.GET('/api/system/health')),
    staleTime: 0,
  });
  const h = health.data;
  return (
    <>
      <PageHeader
        title={t('health.title')}
        description={t('health.description')}
        extra={
          <Button
            icon={<ReloadOutlined aria-hidden />}
            loading={health.isFetching}
            onClick={() => void health.refetch()}
          >
            {t('common.refresh')}
          </Button>
        }
      />
      <ErrorAlert error={health.error} onRetry={() => void health.refetch()} />
      {h ? (
        <Card>
          <Descriptions
            bordered
            column={1}
            size="small"
            items={[
              {
                key: 'status',
                label: t('health.status'),
                children: (
                  <Tag color={h.status === 'ok' ? 'green' : 'orange'}>
                    {h.status === 'ok' ? t('health.ok') : t('health.degraded')}
                  </Tag>
                ),
              },
              { key: 'kind', label: t('health.dbKind'), children: h.database.kind },
              {
                key: 'db',
                label: t('health.dbOk'),
                children: (
                  <Tag color={h.database.ok ? 'green' : 'red'}>
                    {h.database.ok ? t('health.ok') : t('health.degraded')}
                  </Tag>
                ),
              },
              {
                key: 'latency',
                label: t('health.latency'),
                children: t('health.latencyMs', { ms: h.database.latencyMs.toFixed(1) }),
              },
              { key: 'uptime', label: t('health.uptime'), children: uptime(h.uptimeSeconds) },
              { key: 'version', label: t('health.version'), children: h.version },
              { key: 'demo', label: t('health.demo'), children: h.demo ? t('common.yes') : t('common.no') },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
