import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Radio, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useServerError } from '../../../../kit/index.ts';
import { api, unwrap } from '../../../../platform/api/client.ts';
import { FileGallery } from '../../../../platform/files/FileGallery.tsx';
import { FileUpload, useUploadHint } from '../../../../platform/files/FileUpload.tsx';
import type { StoredFile } from '../../../../platform/files/types.ts';
import { useT } from '../../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../../platform/widgets/ErrorAlert.tsx';
import { type FindingDetail, rk } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';
import { lines, SeverityTag, StatusTag } from '../../shared/widgets/fields.tsx';

type Action = 'reply' | 'reinspect' | 'close';

/** One finding: its details and history, and the next step its status allows (整改回复, 复查, 销号). */
export function FindingDrawer({ findingId, onClose }: { findingId: string | null; onClose: () => void }) {
  const t = useT();
  const rt = useRT();
  const [action, setAction] = useState<Action | null>(null);
  const detail = useQuery({
    queryKey: rk.finding(findingId ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/renewal/findings/{id}', { params: { path: { id: findingId ?? '' } } })),
    enabled: findingId !== null,
  });
  const d = detail.data;
  const f = d?.finding;
  const allowed = new Set(f?.allowedActions ?? []);
  // the status allows the step; the finding's `can` says whether this caller may take it
  const canReply = allowed.has('reply') && d?.can.reply === true;
  const canReinspect = (allowed.has('pass') || allowed.has('fail')) && d?.can.inspect === true;
  const canClose = allowed.has('close') && d?.can.inspect === true;
  return (
    <Drawer
      open={findingId !== null}
      onClose={() => {
        setAction(null);
        onClose();
      }}
      title={f ? rt('finding.detailTitle', { n: f.seq }) : rt('finding.table')}
      size={640}
      destroyOnHidden
    >
      <ErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />
      {detail.isPending && findingId ? <Spin /> : null}
      {d && f ? (
        <div className="rn-stack">
          {f.overdue ? (
            <Alert
              type="error"
              showIcon
              title={rt('finding.overdueAlert', { n: f.daysOverdue, date: f.deadline })}
            />
          ) : null}
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'project', label: rt('project.name'), children: f.projectName },
              {
                key: 'status',
                label: t('common.status'),
                children: <StatusTag code={f.status} name={f.statusName} />,
              },
              { key: 'category', label: rt('finding.category'), children: f.categoryName },
              {
                key: 'severity',
                label: rt('finding.severity'),
                children: (
                  <>
                    <SeverityTag code={f.severity} name={f.severityName} />
                    {f.stopWork ? <Tag color="magenta">{rt('finding.stopWork')}</Tag> : null}
                  </>
                ),
              },
              { key: 'location', label: rt('finding.location'), children: f.location },
              { key: 'desc', label: rt('finding.description'), children: f.description },
              {
                key: 'photos',
                label: rt('finding.photos'),
                children: f.photos.length ? f.photos.join('；') : '—',
              },
              {
                key: 'files',
                label: rt('finding.files'),
                span: 2,
                children: d.files.length ? (
                  <FileGallery label={rt('finding.files')} items={d.files.map((file) => ({ file }))} />
                ) : (
                  '—'
                ),
              },
              { key: 'found', label: rt('finding.foundOn'), children: f.foundOn },
              { key: 'deadline', label: rt('finding.deadline'), children: <strong>{f.deadline}</strong> },
              {
                key: 'inspector',
                label: rt('inspection.inspectorOrg'),
                children: f.inspectorOrganisation.name,
              },
              { key: 'contractor', label: rt('project.contractor'), children: f.contractor?.name ?? '—' },
              { key: 'rounds', label: rt('finding.rounds'), children: f.rounds },
              { key: 'closed', label: rt('finding.closedOn'), children: f.closedOn ?? '—' },
            ]}
          />
          <section aria-labelledby="rn-finding-history">
            <h3 id="rn-finding-history" className="gf-small-title">
              {rt('finding.history')}
            </h3>
            {d.history.length === 0 ? (
              <p className="gf-muted">{rt('finding.noHistory')}</p>
            ) : (
              <ol className="rn-history">
                {d.history.map((h) => (
                  <li key={h.id}>
                    <strong>{h.actionName}</strong> · {h.actedOn}
                    {h.organisation ? ` · ${h.organisation.name}` : ''}
                    {h.actor ? ` · ${h.actor.name}` : ''}
                    {h.note ? <div className="gf-prewrap">{h.note}</div> : null}
                    {h.photos.length ? (
                      <div className="gf-muted gf-small">
                        {rt('finding.evidence')}：{h.photos.join('；')}
                      </div>
                    ) : null}
                    {h.files.length ? (
                      <FileGallery label={rt('finding.evidence')} items={h.files.map((file) => ({ file }))} />
                    ) : null}
                    {h.newDeadline ? (
                      <div className="rn-bad">{rt('finding.newDeadline', { date: h.newDeadline })}</div>
                    ) : null}
                  </li>
                ))}
              </ol>
            )}
          </section>
          {action === null ? (
            <Space wrap>
              {canReply ? (
                <Button type="primary" onClick={() => setAction('reply')}>
                  {rt('finding.reply')}
                </Button>
              ) : null}
              {canReinspect ? (
                <Button type="primary" onClick={() => setAction('reinspect')}>
                  {rt('finding.reinspect')}
                </Button>
              ) : null}
              {canClose ? (
                <Button type="primary" onClick={() => setAction('close')}>
                  {rt('finding.close')}
                </Button>
              ) : null}
            </Space>
          ) : (
            <ActionForm detail={d} action={action} onDone={() => setAction(null)} />
          )}
        </div>
      ) : null}
    </Drawer>
  );
}

interface ActionValues {
  text?: string;
  note?: string;
  result?: 'pass' | 'fail';
  photos?: string;
  files?: StoredFile[];
}

function ActionForm({
  detail,
  action,
  onDone,
}: {
  detail: FindingDetail;
  action: Action;
  onDone: () => void;
}) {
  const t = useT();
  const rt = useRT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const server = useServerError(form, ['text', 'note', 'result', 'photos', 'files']);
  const fileHint = useUploadHint('document');
  const id = detail.finding.id;
  const save = useMutation({
    mutationFn: (v: ActionValues) => {
      const path = { params: { path: { id } } };
      const photos = lines(v.photos);
      const files = (v.files ?? []).map((f) => f.id);
      if (action === 'reply')
        return unwrap(
          api.POST('/api/renewal/findings/{id}/reply', {
            ...path,
            body: { text: (v.text ?? '').trim(), photos, files },
          }),
        );
      if (action === 'reinspect')
        return unwrap(
          api.POST('/api/renewal/findings/{id}/reinspect', {
            ...path,
            body: { result: v.result ?? 'pass', note: (v.note ?? '').trim(), photos, files },
          }),
        );
      return unwrap(
        api.POST('/api/renewal/findings/{id}/close', {
          ...path,
          body: v.note?.trim() ? { note: v.note.trim() } : {},
        }),
      );
    },
    onSuccess: (r) => {
      void message.success(
        action === 'reply'
          ? rt('finding.replied')
          : action === 'close'
            ? rt('finding.closed')
            : r.finding.status === 'failed'
              ? rt('finding.failed', { date: r.finding.deadline })
              : rt('finding.passed'),
      );
      qc.setQueryData(rk.finding(id), r);
      void qc.invalidateQueries({ queryKey: rk.all });
      onDone();
    },
    onError: server.report,
  });
  const title =
    action === 'reply'
      ? rt('finding.reply')
      : action === 'reinspect'
        ? rt('finding.reinspect')
        : rt('finding.close');
  return (
    <section aria-label={title} className="rn-row-card">
      <h3 className="gf-small-title">{title}</h3>
      <ErrorAlert error={server.error} />
      <Form<ActionValues>
        form={form}
        layout="vertical"
        name={`renewal-finding-${action}`}
        initialValues={{ result: 'pass' }}
        onFinish={(v) => {
          server.clear();
          save.mutate(v);
        }}
      >
        {action === 'reply' ? (
          <Form.Item
            name="text"
            label={rt('finding.replyText')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: rt('finding.replyText') }),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        ) : null}
        {action === 'reinspect' ? (
          <Form.Item name="result" label={rt('finding.result')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'pass', label: rt('finding.resultPass') },
                { value: 'fail', label: rt('finding.resultFail') },
              ]}
            />
          </Form.Item>
        ) : null}
        {action !== 'reply' ? (
          <Form.Item
            name="note"
            label={action === 'close' ? rt('finding.closeNote') : rt('finding.reinspectNote')}
            rules={
              action === 'reinspect'
                ? [
                    {
                      required: true,
                      whitespace: true,
                      message: t('common.required', { field: rt('finding.reinspectNote') }),
                    },
                  ]
                : []
            }
          >
            <Input.TextArea rows={3} maxLength={action === 'close' ? 1000 : 2000} />
          </Form.Item>
        ) : null}
        {action !== 'close' ? (
          <Form.Item name="files" label={rt('finding.evidenceFiles')} extra={fileHint}>
            <FileUpload kind="document" max={20} />
          </Form.Item>
        ) : null}
        {action !== 'close' ? (
          <Form.Item name="photos" label={rt('finding.evidencePhotos')} extra={rt('finding.photosHint')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        ) : null}
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {rt('finding.submit', { action: title })}
          </Button>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </section>
  );
}
