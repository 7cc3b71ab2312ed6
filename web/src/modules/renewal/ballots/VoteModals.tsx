import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../../platform/api/client.ts';
import { FileUpload } from '../../../platform/files/FileUpload.tsx';
import type { StoredFile } from '../../../platform/files/types.ts';
import { useDebounced } from '../../../platform/hooks.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { errorText } from '../../../platform/widgets/ErrorAlert.tsx';
import { bk, type Choice, type VoteLine } from './api.ts';
import { useBT } from './i18n/bt.ts';

const CHOICES: Choice[] = ['yes', 'no', 'abstain'];

interface EntryForm {
  ownerId: string;
  channel: 'paper' | 'proxy';
  choice: Choice;
  scan?: StoredFile[];
  proxyHolder?: string;
  proxyFile?: StoredFile[];
  note?: string;
}

/** Staff enter a signed paper ballot (with its scan) or a written proxy (with the proxy document). */
export function VoteEntryModal({
  ballotId,
  open,
  onClose,
}: {
  ballotId: string;
  open: boolean;
  onClose: () => void;
}) {
  const bt = useBT();
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryForm>();
  const channel = Form.useWatch('channel', form) ?? 'paper';
  const [search, setSearch] = useState('');
  const q = useDebounced(search, 300);
  const owners = useQuery({
    queryKey: bk.votes(ballotId, { voted: false, q, pick: true }),
    queryFn: () =>
      unwrap(
        api.GET('/api/renewal/ballots/{id}/votes', {
          params: { path: { id: ballotId }, query: { voted: false, q: q || undefined, pageSize: 50 } },
        }),
      ),
    enabled: open,
  });
  const save = useMutation({
    mutationFn: (v: EntryForm) =>
      unwrap(
        api.POST('/api/renewal/ballots/{id}/votes', {
          params: { path: { id: ballotId } },
          body: {
            ownerId: v.ownerId,
            channel: v.channel,
            choice: v.choice,
            ...(v.channel === 'paper'
              ? { scanFileId: v.scan?.[0]?.id }
              : { proxyHolder: v.proxyHolder, proxyFileId: v.proxyFile?.[0]?.id }),
            ...(v.note ? { note: v.note } : {}),
          },
        }),
      ),
    onSuccess: () => {
      void message.success(bt('common.saved'));
      void qc.invalidateQueries({ queryKey: bk.all });
      form.resetFields();
      onClose();
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={bt('vote.enter')}
      okText={bt('common.save')}
      cancelText={bt('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ channel: 'paper' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="ownerId" label={bt('vote.owner')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={owners.isFetching}
            options={(owners.data?.items ?? []).map((o) => ({
              value: o.ownerId,
              label: `${o.units.join('；')} ${o.ownerName}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="channel" label={bt('vote.channel')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'paper', label: bt('vote.paper') },
              { value: 'proxy', label: bt('vote.proxy') },
            ]}
          />
        </Form.Item>
        <Form.Item name="choice" label={bt('vote.choice')} rules={[{ required: true }]}>
          <Radio.Group options={CHOICES.map((c) => ({ value: c, label: bt(`choice.${c}`) }))} />
        </Form.Item>
        {channel === 'paper' ? (
          <Form.Item name="scan" label={bt('vote.scan')} rules={[{ required: true }]}>
            <FileUpload kind="document" max={1} />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name="proxyHolder"
              label={bt('vote.proxyHolder')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="proxyFile" label={bt('vote.proxyFile')} rules={[{ required: true }]}>
              <FileUpload kind="document" max={1} />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={bt('vote.note')}>
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Staff correct a paper or proxy record (the reason is required and audited). */
export function CorrectVoteModal({
  ballotId,
  line,
  onClose,
}: {
  ballotId: string;
  line: VoteLine | null;
  onClose: () => void;
}) {
  const bt = useBT();
  const t = useT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ choice: Choice; reason: string }>();
  const save = useMutation({
    mutationFn: (v: { choice: Choice; reason: string }) =>
      unwrap(
        api.PATCH('/api/renewal/ballots/{id}/votes/{voteId}', {
          params: { path: { id: ballotId, voteId: line!.voteId! } },
          body: v,
        }),
      ),
    onSuccess: () => {
      void message.success(bt('common.saved'));
      void qc.invalidateQueries({ queryKey: bk.all });
      onClose();
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  return (
    <Modal
      open={line !== null}
      onCancel={onClose}
      title={`${bt('vote.correct')} · ${line?.units.join('；') ?? ''}`}
      okText={bt('common.save')}
      cancelText={bt('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ choice: line?.choice ?? 'yes' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="choice" label={bt('vote.choice')} rules={[{ required: true }]}>
          <Radio.Group options={CHOICES.map((c) => ({ value: c, label: bt(`choice.${c}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={bt('vote.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
