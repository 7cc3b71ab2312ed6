import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Popconfirm, Select, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { PagedTable, useListParams, usePagedQuery } from '../../../kit/index.ts';
import { api, unwrap } from '../../api/client.ts';
import { useCan } from '../../auth/auth.tsx';
import { ExcelButtons } from '../../excel/ExcelButtons.tsx';
import { ImportJobStatus } from '../../excel/ImportJobStatus.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { PageHeader } from '../../widgets/PageHeader.tsx';
import { RegionSelect } from '../../widgets/RegionSelect.tsx';
import { OrgFormDrawer } from './OrgFormDrawer.tsx';
import { type Org, type OrgQuery, patchOrg, useOrgKinds } from './orgs.api.ts';

const FILTERS = ['kind', 'regionCode', 'status', 'q'] as const;

/** Organisations: filter by kind, region, status and name; create, edit, close and reopen. */
export default function OrgsPage() {
  const t = useT();
  const fmt = useFormat();
  const can = useCan();
  const scope = useScope();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const list = useListParams({ filters: FILTERS });
  const kinds = useOrgKinds();
  const [editing, setEditing] = useState<Org | null | undefined>(undefined);

  const query: OrgQuery = useMemo(
    () => ({
      kind: list.filters.kind as OrgQuery['kind'],
      regionCode: list.filters.regionCode ?? scope.regionCode ?? undefined,
      status: list.filters.status as OrgQuery['status'],
      q: list.filters.q,
    }),
    [list.filters, scope.regionCode],
  );
  const orgs = usePagedQuery({
    list,
    query,
    queryKey: (q) => ['orgs', 'list', q],
    fetch: (q) => unwrap(api.GET('/api/orgs', { params: { query: q } })),
  });

  const setStatus = useMutation({
    mutationFn: (v: { org: Org; status: 'active' | 'closed' }) => patchOrg(v.org.id, { status: v.status }),
    onSuccess: (_, v) => {
      void message.success(v.status === 'closed' ? t('orgs.closed') : t('orgs.reopened'));
      void qc.invalidateQueries({ queryKey: ['orgs'] });
    },
    onError: (e) => void message.error(e.message),
  });

  const writable = can('org.write');
  return (
    <>
      <PageHeader
        title={t('orgs.title')}
        description={t('orgs.description')}
        extra={
          <Space wrap>
            <ExcelButtons target="organisations" query={query} canImport={writable} />
            {writable ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
                {t('orgs.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <ImportJobStatus target="organisations" />
      <PagedTable
        list={list}
        result={orgs}
        filters={
          <>
            <Form.Item name="q" label={t('common.keyword')}>
              <Input placeholder={t('orgs.searchPlaceholder')} allowClear />
            </Form.Item>
            <Form.Item name="kind" label={t('orgs.kind')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 160 }}
                options={(kinds.data ?? []).map((k) => ({ value: k.kind, label: k.name }))}
              />
            </Form.Item>
            <Form.Item name="regionCode" label={t('common.region')}>
              <RegionSelect placeholder={t('common.all')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="status" label={t('orgs.status')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 120 }}
                options={[
                  { value: 'active', label: t('orgs.statusActive') },
                  { value: 'closed', label: t('orgs.statusClosed') },
                ]}
              />
            </Form.Item>
          </>
        }
        size="middle"
        aria-label={t('orgs.table')}
        rowKey="id"
        scroll={{ x: 960 }}
        columns={[
          {
            title: t('orgs.name'),
            dataIndex: 'name',
            render: (name: string, o) => (
              <div>
                <div>{name}</div>
                {o.parentName ? <div className="gf-muted gf-small">{o.parentName}</div> : null}
              </div>
            ),
          },
          { title: t('orgs.kind'), dataIndex: 'kindName', width: 120 },
          { title: t('common.region'), dataIndex: 'regionName', width: 140 },
          {
            title: t('orgs.creditCode'),
            dataIndex: 'creditCode',
            width: 190,
            render: (c: string | null) => <span className="gf-mono">{c ?? t('common.none')}</span>,
          },
          {
            title: t('orgs.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: Org['status'], o) => (
              <Tag color={s === 'active' ? 'green' : 'default'}>{o.statusName}</Tag>
            ),
          },
          { title: t('common.updatedAt'), dataIndex: 'updatedAt', width: 170, render: fmt.dateTime },
          ...(writable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 150,
                  fixed: 'right' as const,
                  render: (_: unknown, o: Org) => (
                    <Space size={0}>
                      <Button
                        type="link"
                        onClick={() => setEditing(o)}
                        aria-label={`${t('common.edit')} ${o.name}`}
                      >
                        {t('common.edit')}
                      </Button>
                      {o.status === 'active' ? (
                        <Popconfirm
                          title={t('orgs.closeConfirm', { name: o.name })}
                          okText={t('orgs.close')}
                          cancelText={t('common.cancel')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() => setStatus.mutateAsync({ org: o, status: 'closed' })}
                        >
                          <Button type="link" danger aria-label={`${t('orgs.close')} ${o.name}`}>
                            {t('orgs.close')}
                          </Button>
                        </Popconfirm>
                      ) : (
                        <Button
                          type="link"
                          onClick={() => setStatus.mutate({ org: o, status: 'active' })}
                          aria-label={`${t('orgs.reopen')} ${o.name}`}
                        >
                          {t('orgs.reopen')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <OrgFormDrawer org={editing} onClose={() => setEditing(undefined)} />
    </>
  );
}
