import { Col, Form, Input, Row, Space } from 'antd';
import { useMemo } from 'react';
import { FormDrawer } from '../../../../kit/index.ts';
import { api, unwrap } from '../../../../platform/api/client.ts';
import { useT } from '../../../../platform/i18n/i18n.tsx';
import { type Meeting, rk } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';
import { todayInChina } from '../../shared/dates.ts';
import { DateInput, dateItem, ProjectsSelect } from '../../shared/widgets/fields.tsx';
import { AddRowButton, RemoveRowButton } from '../../shared/widgets/row-buttons.tsx';

interface Values {
  projectIds: string[];
  title: string;
  heldOn: string;
  location?: string;
  minutes?: string;
  attendees: { name?: string; organisationName?: string; jobTitle?: string }[];
}

/** 记录督查例会: date, projects, attendees and minutes (action items are added on the meeting page). */
export function MeetingFormDrawer({
  open,
  projectId,
  onClose,
  onSaved,
}: {
  open: boolean;
  projectId?: string;
  onClose: () => void;
  onSaved: (m: Meeting) => void;
}) {
  const t = useT();
  const rt = useRT();
  const [form] = Form.useForm<Values>();
  const start = useMemo(
    () => ({ projectIds: projectId ? [projectId] : [], heldOn: todayInChina(), attendees: [{}] }),
    [projectId],
  );
  const submit = (v: Values) =>
    unwrap(
      api.POST('/api/renewal/meetings', {
        body: {
          projectIds: v.projectIds,
          title: v.title.trim(),
          heldOn: v.heldOn,
          ...(v.location?.trim() ? { location: v.location.trim() } : {}),
          ...(v.minutes?.trim() ? { minutes: v.minutes.trim() } : {}),
          attendees: (v.attendees ?? [])
            .filter((a) => a.name?.trim())
            .map((a) => ({
              name: (a.name ?? '').trim(),
              ...(a.organisationName?.trim() ? { organisationName: a.organisationName.trim() } : {}),
              ...(a.jobTitle?.trim() ? { jobTitle: a.jobTitle.trim() } : {}),
            })),
        },
      }),
    );
  return (
    <FormDrawer<Values, Meeting>
      open={open}
      onClose={onClose}
      onSaved={onSaved}
      title={rt('meeting.create')}
      size={720}
      form={form}
      name="renewal-meeting"
      initialValues={start}
      submit={submit}
      invalidate={[rk.all]}
    >
      <Form.Item
        name="title"
        label={rt('meeting.title')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.required', { field: rt('meeting.title') }),
          },
        ]}
      >
        <Input maxLength={100} placeholder={rt('meeting.titlePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="projectIds"
        label={rt('meeting.projects')}
        rules={[
          {
            required: true,
            type: 'array',
            min: 1,
            message: t('common.required', { field: rt('meeting.projects') }),
          },
        ]}
      >
        <ProjectsSelect />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="heldOn" label={rt('meeting.heldOn')} rules={[{ required: true }]} {...dateItem}>
            <DateInput allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="location" label={rt('meeting.location')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <fieldset className="rn-fieldset">
        <legend className="gf-small-title">{rt('meeting.attendees')}</legend>
        <Form.List name="attendees">
          {(fields, { add, remove }) => (
            <div className="rn-rows">
              {fields.map((f, i) => (
                <Space
                  className="rn-line-row"
                  key={f.key}
                  align="start"
                  wrap
                  role="group"
                  aria-label={rt('meeting.attendeeRow', { n: i + 1 })}
                >
                  <Form.Item
                    name={[f.name, 'name']}
                    label={rt('meeting.attendeeName')}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('common.required', { field: rt('meeting.attendeeName') }),
                      },
                    ]}
                  >
                    <Input maxLength={40} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'organisationName']} label={rt('meeting.attendeeOrg')}>
                    <Input maxLength={100} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'jobTitle']} label={rt('meeting.attendeeJob')}>
                    <Input maxLength={40} style={{ width: 140 }} />
                  </Form.Item>
                  <RemoveRowButton
                    label={rt('meeting.removeAttendee', { n: i + 1 })}
                    onClick={() => remove(f.name)}
                  />
                </Space>
              ))}
              <AddRowButton onClick={() => add({})}>{rt('meeting.addAttendee')}</AddRowButton>
            </div>
          )}
        </Form.List>
      </fieldset>
      <Form.Item name="minutes" label={rt('meeting.minutes')} className="rn-mt">
        <Input.TextArea rows={6} maxLength={20000} />
      </Form.Item>
    </FormDrawer>
  );
}
