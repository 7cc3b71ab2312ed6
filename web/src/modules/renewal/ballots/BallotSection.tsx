import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ExportButton } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/auth.tsx';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert, errorText } from '../../../platform/widgets/ErrorAlert.tsx';
import { BALLOT_WRITE, type BallotRow, bk } from './api.ts';
import { BallotPanel } from './BallotPanel.tsx';
import { useBT } from './i18n/bt.ts';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });

/** The community's ballots; one selected shows its panel (tracker, votes, result). */
export function BallotSection({ communityId }: { communityId: string }) {
  const bt = useBT();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const ballots = useQuery({
    queryKey: bk.ballots(communityId),
    queryFn: () =>
      unwrap(api.GET('/api/renewal/communities/{id}/ballots', { params: { path: { id: communityId } } })),
  });
  const current = selected ?? ballots.data?.items.find((b) => b.status === 'open')?.id ?? null;
  return (
    <div className="rn-stack">
      <Space wrap>
        {can(BALLOT_WRITE) ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {bt('ballot.create')}
          </Button>
        ) : null}
        <ExportButton
          fileName={`${bt('tab.ballots')}.xlsx`}
          download={() =>
            api.GET('/api/renewal/communities/{id}/ballots/export.xlsx', {
              params: { path: { id: communityId } },
              parseAs: 'blob',
            })
          }
        />
      </Space>
      <ErrorAlert error={ballots.error} onRetry={() => void ballots.refetch()} />
      <BallotsTable
        items={ballots.data?.items}
        loading={ballots.isFetching}
        onOpen={setSelected}
        selected={current}
      />
      {current ? <BallotPanel key={current} ballotId={current} /> : null}
      <CreateBallotModal
        communityId={communityId}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => setSelected(id)}
      />
    </div>
  );
}

/** The columns of a list of ballots; `sortable` marks those the programme's list sorts on the server. */
export function useBallotColumns({
  onOpen,
  withCommunity = false,
  sortable = false,
}: {
  onOpen: (id: string) => void;
  withCommunity?: boolean;
  sortable?: boolean;
}): TableColumnsType<BallotRow> {
  const bt = useBT();
  return [
    ...(withCommunity
      ? [{ title: bt('ballot.community'), dataIndex: 'communityName', key: 'community', sorter: sortable }]
      : []),
    {
      title: bt('ballot.plan'),
      key: 'plan',
      render: (_, r) => `${bt('plan.version', { n: r.planVersion })} ${r.planTitle}`,
    },
    { title: bt('ballot.question'), dataIndex: 'question' },
    { title: bt('ballot.closesAt'), key: 'closesAt', sorter: sortable, render: (_, r) => when(r.closesAt) },
    { title: bt('ballot.status'), key: 'status', render: (_, r) => <Tag>{r.statusName}</Tag> },
    {
      title: bt('ballot.turnout'),
      key: 'turnout',
      // who took part against the quorum (for those who see the voters; the published figures for all)
      render: (_, r) =>
        r.turnout ? (
          <Space
            size={4}
            wrap
            title={bt('ballot.turnoutArea', {
              n: r.turnout.participatingArea,
              total: r.turnout.totalArea,
              need: r.turnout.quorumArea,
              needOwners: r.turnout.quorumOwners,
            })}
          >
            <span>
              {bt('ballot.turnoutOf', { n: r.turnout.participatingOwners, total: r.turnout.totalOwners })}
            </span>
            <Tag color={r.turnout.quorumMet ? 'success' : 'default'}>
              {r.turnout.quorumMet ? bt('ballot.quorumMet') : bt('ballot.quorumNotMet')}
            </Tag>
          </Space>
        ) : (
          ''
        ),
    },
    { title: bt('result.title'), key: 'outcome', render: (_, r) => r.outcomeName ?? '' },
    {
      title: '',
      key: 'open',
      render: (_, r) => (
        <Button size="small" onClick={() => onOpen(r.id)} aria-label={`${bt('ballot.select')} ${r.question}`}>
          {bt('ballot.select')}
        </Button>
      ),
    },
  ];
}

/** A community's ballots (a few: not paged); the selected one is marked. */
export function BallotsTable({
  items,
  loading,
  onOpen,
  selected,
}: {
  items: BallotRow[] | undefined;
  loading: boolean;
  onOpen: (id: string) => void;
  selected?: string | null;
}) {
  const bt = useBT();
  const columns = useBallotColumns({ onOpen });
  return (
    <Table<BallotRow>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={items}
      pagination={false}
      aria-label={bt('tab.ballots')}
      locale={{ emptyText: bt('ballot.none') }}
      rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
      columns={columns}
    />
  );
}

interface CreateForm {
  planId: string;
  matter: 'major' | 'ordinary';
  question: string;
  window: [Dayjs, Dayjs];
}

function CreateBallotModal({
  communityId,
  open,
  onClose,
  onCreated,
}: {
  communityId: string;
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const bt = useBT();
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateForm>();
  const plans = useQuery({
    queryKey: bk.plans(communityId),
    queryFn: () =>
      unwrap(api.GET('/api/renewal/communities/{id}/plans', { params: { path: { id: communityId } } })),
    enabled: open,
  });
  const candidates = (plans.data?.items ?? []).filter(
    (p) => p.status !== 'superseded' && p.status !== 'adopted',
  );
  const save = useMutation({
    mutationFn: (v: CreateForm) =>
      unwrap(
        api.POST('/api/renewal/communities/{id}/ballots', {
          params: { path: { id: communityId } },
          body: {
            planId: v.planId,
            matter: v.matter,
            question: v.question,
            opensAt: v.window[0].toISOString(),
            closesAt: v.window[1].toISOString(),
          },
        }),
      ),
    onSuccess: (b) => {
      void qc.invalidateQueries({ queryKey: bk.all });
      onCreated(b.id);
      onClose();
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={bt('ballot.create')}
      okText={bt('common.save')}
      cancelText={bt('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          planId: candidates[0]?.id,
          matter: 'major',
          question: bt('ballot.questionDefault'),
          window: [dayjs(), dayjs().add(14, 'day').hour(18).minute(0).second(0)],
        }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="planId" label={bt('ballot.plan')} rules={[{ required: true }]}>
          <Select
            options={candidates.map((p) => ({
              value: p.id,
              label: `${bt('plan.version', { n: p.version })} ${p.title}`,
            }))}
          />
        </Form.Item>
        <Form.Item
          name="question"
          label={bt('ballot.question')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="matter" label={bt('ballot.matter')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'major', label: bt('ballot.matterMajor') },
              { value: 'ordinary', label: bt('ballot.matterOrdinary') },
            ]}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          />
        </Form.Item>
        <Alert type="info" showIcon title={bt('ballot.matterHelp')} style={{ marginBottom: 16 }} />
        <Form.Item
          name="window"
          label={`${bt('ballot.opensAt')} – ${bt('ballot.closesAt')}`}
          rules={[{ required: true }]}
        >
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
