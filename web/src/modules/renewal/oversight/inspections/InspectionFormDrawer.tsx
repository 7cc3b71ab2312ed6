import { MinusCircleOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import { FormDrawer } from '../../../../kit/index.ts';
import { api, unwrap } from '../../../../platform/api/client.ts';
import { useT } from '../../../../platform/i18n/i18n.tsx';
import { type Inspection, type InspectionCreate, rk, useInspectionOptions } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';
import { todayInChina } from '../../shared/dates.ts';
import {
  DateInput,
  dateItem,
  KindOrgSelect,
  lines,
  names,
  ProjectSelect,
} from '../../shared/widgets/fields.tsx';
import { AddRowButton } from '../../shared/widgets/row-buttons.tsx';

type FindingInput = Omit<NonNullable<InspectionCreate['findings']>[number], 'photos'> & { photos?: string };
interface Values {
  projectId: string;
  inspectorOrganisationId?: string | null;
  inspectedOn: string;
  inspectorNames: string;
  summary?: string;
  findings: Partial<FindingInput>[];
}

/** 记录安全巡查: a visit and its findings; each finding's deadline follows from its severity. */
export function InspectionFormDrawer({
  open,
  projectId,
  onClose,
  onSaved,
}: {
  open: boolean;
  projectId?: string;
  onClose: () => void;
  onSaved: (i: Inspection) => void;
}) {
  const t = useT();
  const rt = useRT();
  const options = useInspectionOptions();
  const [form] = Form.useForm<Values>();
  const start = useMemo(
    () => ({ projectId, inspectedOn: todayInChina(), findings: [{ severity: 'minor' as const }] }),
    [projectId],
  );
  const submit = (v: Values) =>
    unwrap(
      api.POST('/api/renewal/inspections', {
        body: {
          projectId: v.projectId,
          ...(v.inspectorOrganisationId ? { inspectorOrganisationId: v.inspectorOrganisationId } : {}),
          inspectedOn: v.inspectedOn,
          inspectorNames: names(v.inspectorNames),
          ...(v.summary?.trim() ? { summary: v.summary.trim() } : {}),
          findings: (v.findings ?? []).map((f) => ({
            category: f.category ?? 'other',
            severity: f.severity ?? 'minor',
            location: (f.location ?? '').trim(),
            description: (f.description ?? '').trim(),
            photos: lines(f.photos),
          })),
        },
      }),
    );
  const req = (label: string) => [
    { required: true, whitespace: true, message: t('common.required', { field: label }) },
  ];
  return (
    <FormDrawer<Values, Inspection>
      open={open}
      onClose={onClose}
      onSaved={onSaved}
      title={rt('inspection.create')}
      size={760}
      form={form}
      name="renewal-inspection"
      initialValues={start}
      submit={submit}
      invalidate={[rk.all]}
      savedMessage={null}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="projectId"
            label={rt('project.name')}
            rules={[{ required: true, message: t('common.required', { field: rt('project.name') }) }]}
          >
            <ProjectSelect style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="inspectedOn"
            label={rt('inspection.inspectedOn')}
            rules={[
              { required: true, message: t('common.required', { field: rt('inspection.inspectedOn') }) },
            ]}
            {...dateItem}
          >
            <DateInput allowClear={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="inspectorOrganisationId"
            label={rt('inspection.inspectorOrg')}
            extra={rt('inspection.inspectorOrgHint')}
          >
            <KindOrgSelect kind="inspector" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="inspectorNames"
            label={rt('inspection.inspectors')}
            extra={rt('inspection.inspectorsHint')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: rt('inspection.inspectors') }),
              },
            ]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="summary" label={rt('inspection.summary')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <fieldset className="rn-fieldset">
        <legend className="gf-small-title">{rt('inspection.findings')}</legend>
        <Form.List name="findings">
          {(fields, { add, remove }) => (
            <div className="rn-rows">
              {fields.map((f, i) => (
                <fieldset
                  key={f.key}
                  className="rn-row-card"
                  aria-label={rt('inspection.findingRow', { n: i + 1 })}
                >
                  <Row gutter={12}>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[f.name, 'category']}
                        label={rt('finding.category')}
                        rules={[
                          {
                            required: true,
                            message: t('common.required', { field: rt('finding.category') }),
                          },
                        ]}
                      >
                        <Select
                          options={(options.data?.categories ?? []).map((c) => ({
                            value: c.code,
                            label: c.name,
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[f.name, 'severity']}
                        label={rt('finding.severity')}
                        rules={[{ required: true }]}
                      >
                        <Select
                          options={(options.data?.severities ?? []).map((s) => ({
                            value: s.code,
                            label: rt(s.stopWork ? 'finding.severityOptionStop' : 'finding.severityOption', {
                              name: s.name,
                              n: s.days,
                            }),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item
                        name={[f.name, 'location']}
                        label={rt('finding.location')}
                        rules={req(rt('finding.location'))}
                      >
                        <Input maxLength={100} />
                      </Form.Item>
                    </Col>
                    <Col xs={24}>
                      <Form.Item
                        name={[f.name, 'description']}
                        label={rt('finding.description')}
                        rules={req(rt('finding.description'))}
                      >
                        <Input.TextArea rows={2} maxLength={1000} />
                      </Form.Item>
                    </Col>
                    <Col xs={24}>
                      <Form.Item
                        name={[f.name, 'photos']}
                        label={rt('finding.photos')}
                        extra={rt('finding.photosHint')}
                      >
                        <Input.TextArea rows={2} maxLength={2000} />
                      </Form.Item>
                    </Col>
                  </Row>
                  <Button
                    type="link"
                    danger
                    icon={<MinusCircleOutlined aria-hidden />}
                    onClick={() => remove(f.name)}
                    className="rn-remove"
                  >
                    {rt('inspection.removeFinding', { n: i + 1 })}
                  </Button>
                </fieldset>
              ))}
              <AddRowButton onClick={() => add({ severity: 'minor' })}>
                {rt('inspection.addFinding')}
              </AddRowButton>
            </div>
          )}
        </Form.List>
      </fieldset>
    </FormDrawer>
  );
}
