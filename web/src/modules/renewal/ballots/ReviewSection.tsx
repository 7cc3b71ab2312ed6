import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Form, Input, Select, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { ExportButton, FormDrawer } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useCan } from '../../../platform/auth/auth.tsx';
import { FileUpload } from '../../../platform/files/FileUpload.tsx';
import type { StoredFile } from '../../../platform/files/types.ts';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { todayInChina } from '../shared/dates.ts';
import { DateInput, dateItem } from '../shared/widgets/fields.tsx';
import { AddRowButton, RemoveRowButton } from '../shared/widgets/row-buttons.tsx';
import { BALLOT_WRITE, bk, type ReviewCreate } from './api.ts';
import { useBT } from './i18n/bt.ts';

const KINDS = ['resident_rep', 'expert', 'designer', 'builder', 'street', 'bureau'] as const;

/** 方案评审会: who reviewed which plan version, the minutes and the decision. */
export function ReviewSection({ communityId }: { communityId: string }) {
  const bt = useBT();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const reviews = useQuery({
    queryKey: bk.reviews(communityId),
    queryFn: () =>
      unwrap(
        api.GET('/api/renewal/communities/{id}/plan-reviews', { params: { path: { id: communityId } } }),
      ),
  });
  return (
    <div className="rn-stack">
      <Space wrap>
        {can(BALLOT_WRITE) ? (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            {bt('review.create')}
          </Button>
        ) : null}
        <ExportButton
          fileName={`${bt('tab.reviews')}.xlsx`}
          download={() =>
            api.GET('/api/renewal/communities/{id}/plan-reviews/export.xlsx', {
              params: { path: { id: communityId } },
              parseAs: 'blob',
            })
          }
        />
      </Space>
      <ErrorAlert error={reviews.error} onRetry={() => void reviews.refetch()} />
      {reviews.data?.items.length === 0 ? <Empty description={bt('review.none')} /> : null}
      {reviews.data?.items.map((r) => (
        <Card
          key={r.id}
          size="small"
          title={`${r.heldOn} · ${r.place} · ${bt('plan.version', { n: r.plan.version })}`}
          extra={<Tag color={r.decision === 'adopt' ? 'success' : 'warning'}>{r.decisionName}</Tag>}
        >
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'attendees',
                label: bt('review.attendees'),
                children: (
                  <Space wrap>
                    {r.attendees.map((a) => (
                      <Tag key={`${a.kind}-${a.name}`}>
                        {a.kindName}：{a.name}
                        {a.organisation ? `（${a.organisation}）` : ''}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              {
                key: 'minutes',
                label: bt('review.minutes'),
                children: <span className="rn-pre">{r.minutes}</span>,
              },
              ...(r.decisionNotes
                ? [{ key: 'notes', label: bt('review.decisionNotes'), children: r.decisionNotes }]
                : []),
            ]}
          />
        </Card>
      ))}
      <ReviewDrawer communityId={communityId} open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

type ReviewForm = Omit<ReviewCreate, 'minutesFileIds'> & { files?: StoredFile[] };

function ReviewDrawer({
  communityId,
  open,
  onClose,
}: {
  communityId: string;
  open: boolean;
  onClose: () => void;
}) {
  const bt = useBT();
  const [form] = Form.useForm<ReviewForm>();
  const plans = useQuery({
    queryKey: bk.plans(communityId),
    queryFn: () =>
      unwrap(api.GET('/api/renewal/communities/{id}/plans', { params: { path: { id: communityId } } })),
    enabled: open,
  });
  const start = useMemo(
    () => ({
      heldOn: todayInChina(),
      decision: 'adopt' as const,
      attendees: [{ name: '', kind: 'resident_rep' as const }],
    }),
    [],
  );
  return (
    <FormDrawer<ReviewForm, unknown>
      open={open}
      onClose={onClose}
      title={bt('review.create')}
      size={760}
      form={form}
      name="renewal-review"
      initialValues={start}
      submit={({ files, ...v }) =>
        unwrap(
          api.POST('/api/renewal/communities/{id}/plan-reviews', {
            params: { path: { id: communityId } },
            body: { ...v, minutesFileIds: (files ?? []).map((f) => f.id) },
          }),
        )
      }
      invalidate={[bk.all]}
      savedMessage={bt('common.saved')}
    >
      <Form.Item name="planId" label={bt('review.plan')} rules={[{ required: true }]}>
        <Select
          options={(plans.data?.items ?? [])
            .filter((p) => p.status !== 'superseded')
            .map((p) => ({ value: p.id, label: `${bt('plan.version', { n: p.version })} ${p.title}` }))}
        />
      </Form.Item>
      <Space wrap>
        <Form.Item name="heldOn" label={bt('review.heldOn')} rules={[{ required: true }]} {...dateItem}>
          <DateInput />
        </Form.Item>
        <Form.Item name="place" label={bt('review.place')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
      </Space>
      <Form.List name="attendees">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Space key={f.key} align="start" wrap>
                <Form.Item
                  name={[f.name, 'name']}
                  label={`${bt('review.attendeeName')} ${i + 1}`}
                  rules={[{ required: true, whitespace: true }]}
                >
                  <Input maxLength={40} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'kind']}
                  label={bt('review.attendeeKind')}
                  rules={[{ required: true }]}
                >
                  <Select
                    style={{ width: 140 }}
                    options={KINDS.map((k) => ({ value: k, label: bt(`kind.${k}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'organisation']} label={bt('review.attendeeOrg')}>
                  <Input maxLength={100} />
                </Form.Item>
                {fields.length > 1 ? (
                  <RemoveRowButton label={bt('review.removeAttendee')} onClick={() => remove(f.name)} />
                ) : null}
              </Space>
            ))}
            <AddRowButton onClick={() => add({ name: '', kind: 'resident_rep' })}>
              {bt('review.addAttendee')}
            </AddRowButton>
          </>
        )}
      </Form.List>
      <Form.Item name="minutes" label={bt('review.minutes')} style={{ marginTop: 16 }}>
        <Input.TextArea rows={5} maxLength={20_000} />
      </Form.Item>
      <Form.Item name="decision" label={bt('review.decision')} rules={[{ required: true }]}>
        <Select
          options={[
            { value: 'adopt', label: bt('decision.adopt') },
            { value: 'revise', label: bt('decision.revise') },
          ]}
        />
      </Form.Item>
      <Form.Item name="decisionNotes" label={bt('review.decisionNotes')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="files" label={bt('review.minutesFiles')}>
        <FileUpload kind="document" />
      </Form.Item>
    </FormDrawer>
  );
}
