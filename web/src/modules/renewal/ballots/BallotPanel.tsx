import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Input,
  Progress,
  Segmented,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ExportButton, PagedTable, useListParams, usePagedQuery } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert, errorText } from '../../../platform/widgets/ErrorAlert.tsx';
import { type Ballot, bk, type VoteLine } from './api.ts';
import { useBT } from './i18n/bt.ts';
import { LinkSheetModal } from './LinkSheetModal.tsx';
import { CorrectVoteModal, VoteEntryModal } from './VoteModals.tsx';
import './ballots.css';

const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) : '';
const STATUS_COLOUR: Record<string, string> = {
  draft: 'default',
  open: 'processing',
  closed: 'warning',
  published: 'success',
  void: 'error',
};
const OUTCOME_COLOUR: Record<string, string> = {
  passed: 'success',
  rejected: 'error',
  'no-quorum': 'warning',
};

/** One ballot: the live quorum tracker, the steps (open, links, paper/proxy, close, publish), the votes and the result. */
export function BallotPanel({ ballotId }: { ballotId: string }) {
  const bt = useBT();
  const t = useT();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const [links, setLinks] = useState(false);
  const [entering, setEntering] = useState(false);
  const ballot = useQuery({
    queryKey: bk.ballot(ballotId),
    queryFn: () => unwrap(api.GET('/api/renewal/ballots/{id}', { params: { path: { id: ballotId } } })),
    refetchInterval: (q) => (q.state.data?.status === 'open' ? 10_000 : false),
  });
  const step = useMutation({
    mutationFn: (s: 'open' | 'close' | 'publish') =>
      unwrap(api.POST(`/api/renewal/ballots/{id}/${s}`, { params: { path: { id: ballotId } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: bk.all }),
    onError: (e) => void message.error(errorText(e, t)),
  });
  const voidIt = useMutation({
    mutationFn: (reason: string) =>
      unwrap(
        api.POST('/api/renewal/ballots/{id}/void', { params: { path: { id: ballotId } }, body: { reason } }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: bk.all }),
    onError: (e) => void message.error(errorText(e, t)),
  });
  const b = ballot.data;
  if (!b) return <ErrorAlert error={ballot.error} onRetry={() => void ballot.refetch()} />;
  const staff = b.can.update;
  const confirm = (s: 'open' | 'close' | 'publish') =>
    modal.confirm({
      title: bt(`ballot.${s}`),
      content: bt(`ballot.${s}Confirm`),
      onOk: () => step.mutateAsync(s),
    });
  const askVoid = () => {
    let reason = '';
    modal.confirm({
      title: bt('ballot.void'),
      content: (
        <Input
          aria-label={bt('ballot.voidReason')}
          placeholder={bt('ballot.voidReason')}
          onChange={(e) => (reason = e.target.value)}
        />
      ),
      onOk: () => voidIt.mutateAsync(reason),
    });
  };
  return (
    <div className="rn-stack" data-testid="ballot-panel">
      <Card
        size="small"
        title={
          <Space wrap>
            <Tag color={STATUS_COLOUR[b.status]} data-testid="ballot-status">
              {b.statusName}
            </Tag>
            <span>{b.question}</span>
          </Space>
        }
        extra={
          staff ? (
            <Space wrap>
              {b.status === 'draft' ? (
                <Button type="primary" loading={step.isPending} onClick={() => confirm('open')}>
                  {bt('ballot.open')}
                </Button>
              ) : null}
              {b.status === 'open' ? (
                <>
                  <Button onClick={() => setLinks(true)}>{bt('ballot.links')}</Button>
                  <Button onClick={() => setEntering(true)}>{bt('vote.enter')}</Button>
                  <Button type="primary" onClick={() => confirm('close')}>
                    {bt('ballot.close')}
                  </Button>
                </>
              ) : null}
              {b.status === 'closed' ? (
                <Button type="primary" onClick={() => confirm('publish')}>
                  {bt('ballot.publish')}
                </Button>
              ) : null}
              {b.status === 'draft' || b.status === 'open' || b.status === 'closed' ? (
                <Button danger onClick={askVoid}>
                  {bt('ballot.void')}
                </Button>
              ) : null}
            </Space>
          ) : null
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'community', label: bt('ballot.community'), children: b.communityName },
            {
              key: 'plan',
              label: bt('ballot.plan'),
              children: `${bt('plan.version', { n: b.plan.version })} ${b.plan.title}`,
            },
            { key: 'matter', label: bt('ballot.matter'), children: b.matterName },
            { key: 'closes', label: bt('ballot.closesAt'), children: when(b.closesAt) },
            ...(b.voidReason
              ? [{ key: 'void', label: bt('ballot.voidReason'), children: b.voidReason }]
              : []),
          ]}
        />
      </Card>
      {b.tracker && b.status !== 'void' ? <Tracker b={b} /> : null}
      {b.result ? <ResultCard b={b} /> : null}
      {b.status !== 'draft' && b.can.voters ? <VotesTable b={b} staff={staff} /> : null}
      {links ? <LinkSheetModal ballotId={ballotId} open={links} onClose={() => setLinks(false)} /> : null}
      <VoteEntryModal ballotId={ballotId} open={entering} onClose={() => setEntering(false)} />
    </div>
  );
}

const pct = (part: string | number, whole: string | number) =>
  Number(whole) > 0 ? Math.round((Number(part) / Number(whole)) * 1000) / 10 : 0;

function Tracker({ b }: { b: Ballot }) {
  const bt = useBT();
  const k = b.tracker!;
  return (
    <Card size="small" title={bt('tracker.title')} data-testid="ballot-tracker">
      <p>{bt('tracker.owners', { n: k.participatingOwners, total: k.totalOwners, need: k.quorumOwners })}</p>
      <Progress
        percent={pct(k.participatingOwners, k.totalOwners)}
        success={{ percent: Math.min(pct(k.participatingOwners, k.totalOwners), 66.7) }}
        aria-label={bt('result.owners')}
      />
      <p>{bt('tracker.area', { n: k.participatingArea, total: k.totalArea, need: k.quorumArea })}</p>
      <Progress
        percent={pct(k.participatingArea, k.totalArea)}
        success={{ percent: Math.min(pct(k.participatingArea, k.totalArea), 66.7) }}
        aria-label={bt('result.area')}
      />
      <Space wrap>
        <Tag color={k.quorumMet ? 'success' : 'default'}>
          {k.quorumMet ? bt('tracker.quorumMet') : bt('tracker.quorumNotMet')}
        </Tag>
        <span>{bt('tracker.channels', { online: k.online, paper: k.paper, proxy: k.proxy })}</span>
        <span>{bt('tracker.links', { issued: k.linksIssued, used: k.linksUsed })}</span>
      </Space>
      {b.status === 'open' ? (
        <Typography.Paragraph type="secondary">{bt('tracker.hidden')}</Typography.Paragraph>
      ) : null}
    </Card>
  );
}

function ResultCard({ b }: { b: Ballot }) {
  const bt = useBT();
  const r = b.result!;
  const rows = [
    { key: 'total', label: bt('result.total'), owners: r.totalOwners, area: r.totalArea },
    {
      key: 'participating',
      label: bt('result.participating'),
      owners: r.participatingOwners,
      area: r.participatingArea,
    },
    { key: 'yes', label: bt('result.yes'), owners: r.yesOwners, area: r.yesArea },
    { key: 'no', label: bt('result.no'), owners: r.noOwners, area: r.noArea },
    { key: 'abstain', label: bt('result.abstain'), owners: r.abstainOwners, area: r.abstainArea },
    { key: 'needed', label: bt('result.needed'), owners: r.passOwners, area: r.passArea },
  ];
  return (
    <Card
      size="small"
      title={bt('result.title')}
      data-testid="ballot-result"
      extra={
        <Typography.Text type="secondary">
          {r.frozen ? bt('result.frozen') : bt('result.unpublished')}
        </Typography.Text>
      }
    >
      <Tag className="bl-outcome" color={OUTCOME_COLOUR[r.outcome]} data-testid="ballot-outcome">
        {r.outcomeName}
      </Tag>
      <Table
        className="bl-figures"
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        aria-label={bt('result.title')}
        columns={[
          { title: bt('result.figures'), dataIndex: 'label', align: 'left' },
          { title: bt('result.owners'), dataIndex: 'owners', align: 'right' },
          { title: bt('result.area'), dataIndex: 'area', align: 'right' },
        ]}
      />
    </Card>
  );
}

const VOTE_FILTERS = ['voted', 'q'] as const;
/** The orders the server offers besides the register's, each either way; others are dropped. */
const VOTE_SORTS = ['unit', '-unit', 'area', '-area', 'castAt', '-castAt'] as const;
const voteSortOf = (sort: string | undefined) => VOTE_SORTS.find((s) => s === sort);

function VotesTable({ b, staff }: { b: Ballot; staff: boolean }) {
  const bt = useBT();
  const t = useT();
  const qc = useQueryClient();
  const { message, modal } = App.useApp();
  const list = useListParams({ filters: VOTE_FILTERS, prefix: 'votes.' });
  const [correcting, setCorrecting] = useState<VoteLine | null>(null);
  const voted = (list.filters.voted ?? 'all') as 'all' | 'yes' | 'no';
  const query = { voted: voted === 'all' ? undefined : voted === 'yes', q: list.filters.q };
  const votes = usePagedQuery({
    list,
    query,
    queryKey: (q) => bk.votes(b.id, q),
    fetch: (q) =>
      unwrap(
        api.GET('/api/renewal/ballots/{id}/votes', {
          params: { path: { id: b.id }, query: { ...q, sort: voteSortOf(q.sort) } },
        }),
      ),
    sortable: true,
  });
  const voidVote = useMutation({
    mutationFn: ({ voteId, reason }: { voteId: string; reason: string }) =>
      unwrap(
        api.POST('/api/renewal/ballots/{id}/votes/{voteId}/void', {
          params: { path: { id: b.id, voteId } },
          body: { reason },
        }),
      ),
    onSuccess: () => void qc.invalidateQueries({ queryKey: bk.all }),
    onError: (e) => void message.error(errorText(e, t)),
  });
  const changeable = staff && (b.status === 'open' || b.status === 'closed');
  const askVoid = (line: VoteLine) => {
    let reason = '';
    modal.confirm({
      title: `${bt('vote.voidVote')} · ${line.units.join('；')}`,
      content: (
        <Input
          aria-label={bt('vote.reason')}
          placeholder={bt('vote.reason')}
          onChange={(e) => (reason = e.target.value)}
        />
      ),
      onOk: () => voidVote.mutateAsync({ voteId: line.voteId!, reason }),
    });
  };
  // what each owner chose (and their names in full) only for those who may see the choices
  const choices = b.can.choices;
  return (
    <Card size="small" title={bt('vote.title')}>
      {choices ? null : (
        <Typography.Paragraph type="secondary">{bt('vote.choicesHidden')}</Typography.Paragraph>
      )}
      <PagedTable
        list={list}
        result={votes}
        toolbar={
          <>
            <Segmented<'all' | 'yes' | 'no'>
              value={voted}
              onChange={(v) => list.setFilters({ ...list.filters, voted: v === 'all' ? undefined : v })}
              options={[
                { value: 'all', label: bt('vote.filterAll') },
                { value: 'yes', label: bt('vote.voted') },
                { value: 'no', label: bt('vote.notVoted') },
              ]}
            />
            <Input.Search
              allowClear
              placeholder={bt('vote.search')}
              aria-label={bt('vote.search')}
              key={list.filters.q ?? ''}
              defaultValue={list.filters.q}
              onSearch={(v) => list.setFilters({ ...list.filters, q: v })}
              style={{ width: 200 }}
            />
            <ExportButton
              fileName={`${bt('vote.title')}.xlsx`}
              download={() =>
                api.GET('/api/renewal/ballots/{id}/votes/export.xlsx', {
                  params: { path: { id: b.id }, query: { ...query, sort: voteSortOf(list.sort) } },
                  parseAs: 'blob',
                })
              }
            />
          </>
        }
        size="small"
        rowKey="ownerId"
        aria-label={bt('vote.title')}
        columns={[
          { title: bt('vote.units'), key: 'unit', sorter: true, render: (_, l) => l.units.join('；') },
          { title: bt('vote.owner'), dataIndex: 'ownerName' },
          { title: bt('vote.area'), dataIndex: 'area', key: 'area', sorter: true, align: 'right' },
          {
            title: bt('vote.channel'),
            key: 'channel',
            render: (_, l) =>
              l.voted ? <Tag color="blue">{l.channelName}</Tag> : <Tag>{bt('vote.notVoted')}</Tag>,
          },
          { title: bt('vote.castAt'), key: 'castAt', sorter: true, render: (_, l) => when(l.castAt) },
          ...(choices
            ? [
                {
                  title: bt('vote.choice'),
                  key: 'choice',
                  render: (_: unknown, l: VoteLine) => l.choiceName ?? '',
                },
              ]
            : []),
          ...(changeable
            ? [
                {
                  title: '',
                  key: 'actions',
                  render: (_: unknown, l: VoteLine) =>
                    l.voteId && l.channel !== 'online' ? (
                      <Space>
                        <Button size="small" onClick={() => setCorrecting(l)}>
                          {bt('vote.correct')}
                        </Button>
                        <Button size="small" danger onClick={() => askVoid(l)}>
                          {bt('vote.voidVote')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <CorrectVoteModal ballotId={b.id} line={correcting} onClose={() => setCorrecting(null)} />
    </Card>
  );
}
