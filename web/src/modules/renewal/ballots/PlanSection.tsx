import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { formatFen, yuanToFen } from '@gongfu/domain/cn/money';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Form, Input, Space, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { ExportButton, FormDrawer } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/auth.tsx';
import { FileUpload } from '../../../platform/files/FileUpload.tsx';
import type { StoredFile } from '../../../platform/files/types.ts';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { AddRowButton, RemoveRowButton } from '../shared/widgets/row-buttons.tsx';
import { BALLOT_WRITE, bk, type Plan } from './api.ts';
import { useBT } from './i18n/bt.ts';

const STATUS_COLOUR: Record<string, string> = {
  draft: 'default',
  reviewing: 'processing',
  voting: 'warning',
  adopted: 'success',
  superseded: 'default',
};

/** The community's plan versions, newest first; staff record a new version or edit one not yet voted on. */
export function PlanSection({ communityId }: { communityId: string }) {
  const bt = useBT();
  const can = useCan();
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const plans = useQuery({
    queryKey: bk.plans(communityId),
    queryFn: () =>
      unwrap(api.GET('/api/renewal/communities/{id}/plans', { params: { path: { id: communityId } } })),
  });
  return (
    <div className="rn-stack">
      <Space wrap>
        {can(BALLOT_WRITE) ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
            {bt('plan.create')}
          </Button>
        ) : null}
        <ExportButton
          fileName={`${bt('tab.plans')}.xlsx`}
          download={() =>
            api.GET('/api/renewal/communities/{id}/plans/export.xlsx', {
              params: { path: { id: communityId } },
              parseAs: 'blob',
            })
          }
        />
      </Space>
      <ErrorAlert error={plans.error} onRetry={() => void plans.refetch()} />
      {plans.data?.items.length === 0 ? <Empty description={bt('plan.none')} /> : null}
      {plans.data?.items.map((p) => (
        <Card
          key={p.id}
          size="small"
          title={
            <Space wrap>
              <span>{bt('plan.version', { n: p.version })}</span>
              <span>{p.title}</span>
              <Tag color={STATUS_COLOUR[p.status]}>{p.statusName}</Tag>
            </Space>
          }
          extra={
            p.can.update && (p.status === 'draft' || p.status === 'reviewing') ? (
              <Button size="small" icon={<EditOutlined aria-hidden />} onClick={() => setEditing(p)}>
                {bt('plan.edit')}
              </Button>
            ) : null
          }
        >
          {p.summary ? <p>{p.summary}</p> : null}
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={p.items}
            aria-label={bt('plan.items')}
            columns={[
              { title: bt('plan.itemName'), dataIndex: 'name' },
              { title: bt('plan.quantity'), dataIndex: 'quantity' },
              {
                title: bt('plan.cost'),
                dataIndex: 'costFen',
                align: 'right',
                render: (v: number) => formatFen(v),
              },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <strong>{bt('plan.total')}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <strong>{formatFen(p.totalCostFen)}</strong>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </Card>
      ))}
      <PlanDrawer communityId={communityId} editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}

interface PlanForm {
  title: string;
  summary?: string;
  items: Array<{ name: string; quantity?: string; cost: string }>;
  drawings?: StoredFile[];
}

function PlanDrawer({
  communityId,
  editing,
  onClose,
}: {
  communityId: string;
  editing: Plan | 'new' | null;
  onClose: () => void;
}) {
  const bt = useBT();
  const [form] = Form.useForm<PlanForm>();
  const plan = editing === 'new' ? null : editing;
  const start = useMemo(
    () => ({
      title: plan?.title ?? '',
      summary: plan?.summary ?? '',
      items: plan
        ? plan.items.map((i) => ({ name: i.name, quantity: i.quantity, cost: (i.costFen / 100).toFixed(2) }))
        : [{ name: '', quantity: '', cost: '' }],
      // the plan's drawings are kept unless new ones are uploaded (the view carries ids only)
      drawings: undefined,
    }),
    [plan],
  );
  const submit = (v: PlanForm) => {
    const body = {
      title: v.title,
      summary: v.summary ?? '',
      items: v.items.map((i, k) => {
        const fen = yuanToFen(i.cost);
        if (!fen.ok) throw new Error(`${bt('plan.cost')} #${k + 1}`);
        return { name: i.name, quantity: i.quantity ?? '', costFen: fen.value };
      }),
      drawingFileIds: v.drawings?.length ? v.drawings.map((f) => f.id) : (plan?.drawingFileIds ?? []),
    };
    return plan
      ? unwrap(api.PATCH('/api/renewal/plans/{id}', { params: { path: { id: plan.id } }, body }))
      : unwrap(
          api.POST('/api/renewal/communities/{id}/plans', { params: { path: { id: communityId } }, body }),
        );
  };
  return (
    <FormDrawer<PlanForm, unknown>
      open={editing !== null}
      onClose={onClose}
      title={plan ? `${bt('plan.edit')} · ${bt('plan.version', { n: plan.version })}` : bt('plan.create')}
      size={760}
      form={form}
      name="renewal-plan"
      initialValues={start}
      submit={async (v) => submit(v)}
      invalidate={[bk.all]}
      savedMessage={bt('common.saved')}
    >
      {plan ? null : (
        <Alert type="info" showIcon title={bt('plan.createHint')} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="title" label={bt('plan.title')} rules={[{ required: true, whitespace: true }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="summary" label={bt('plan.summary')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item
                  name={[f.name, 'name']}
                  label={`${bt('plan.itemName')} ${i + 1}`}
                  rules={[{ required: true, whitespace: true }]}
                >
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name={[f.name, 'quantity']} label={bt('plan.quantity')}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'cost']}
                  label={bt('plan.cost')}
                  rules={[
                    { required: true },
                    {
                      validator: async (_, v: string) =>
                        yuanToFen(v ?? '').ok ? undefined : Promise.reject(new Error(bt('plan.cost'))),
                    },
                  ]}
                >
                  <Input inputMode="decimal" />
                </Form.Item>
                {fields.length > 1 ? (
                  <RemoveRowButton label={bt('plan.removeItem')} onClick={() => remove(f.name)} />
                ) : null}
              </Space>
            ))}
            <AddRowButton onClick={() => add({ name: '', quantity: '', cost: '' })}>
              {bt('plan.addItem')}
            </AddRowButton>
          </>
        )}
      </Form.List>
      <Form.Item name="drawings" label={bt('plan.drawings')} style={{ marginTop: 16 }}>
        <FileUpload kind="document" />
      </Form.Item>
    </FormDrawer>
  );
}
