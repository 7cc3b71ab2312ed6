import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Spin,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useServerError } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { FileUpload, useUploadHint } from '../../../platform/files/FileUpload.tsx';
import type { StoredFile } from '../../../platform/files/types.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { PageHeader } from '../../../platform/widgets/PageHeader.tsx';
import { type Report, type ReportBody, rk, useMeta, useProject, useSchedule } from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { todayInChina } from '../shared/dates.ts';
import { DateInput, dateItem } from '../shared/widgets/fields.tsx';
import '../renewal.css';
import { AddRowButton, RemoveRowButton } from '../shared/widgets/row-buttons.tsx';

interface ProgressRow {
  taskId?: string;
  percent?: number | null;
  startedOn?: string;
  finishedOn?: string;
  remainingDays?: number | null;
}
interface Values {
  date: string;
  weather: ReportBody['weather'];
  workersOnSite: number;
  machinery: { type?: string; count?: number }[];
  progress: ProgressRow[];
  problems: { text?: string; severity?: 'minor' | 'major' | 'critical' }[];
  photos: { file?: StoredFile[]; description?: string }[];
  notes?: string;
  rainDay?: boolean;
}

/** Weathers on which the day may count as a rain day (雨天停工). */
const RAINY: readonly string[] = ['rain', 'heavy_rain'];

const FIELDS = [
  'date',
  'weather',
  'workersOnSite',
  'machinery',
  'progress',
  'problems',
  'photos',
  'notes',
  'rainDay',
] as const;

const fromReport = (r: Report): Values => ({
  date: r.date,
  weather: r.weather,
  workersOnSite: r.workersOnSite,
  machinery: r.machinery,
  progress: r.progress.map((p) => ({
    taskId: p.taskId,
    percent: p.percent,
    startedOn: p.startedOn ?? undefined,
    finishedOn: p.finishedOn ?? undefined,
    remainingDays: p.remainingDays,
  })),
  problems: r.problems.map((p) => ({ text: p.text, severity: p.severity })),
  photos: r.photos.flatMap((p) => (p.file ? [{ file: [p.file], description: p.description }] : [])),
  notes: r.notes ?? '',
  rainDay: r.rainDay,
});

/** 填报工程日报: one per project per day; today's can be amended on the day. */
export default function DailyReportPage() {
  const t = useT();
  const rt = useRT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const project = useProject(id);
  const schedule = useSchedule(id);
  const meta = useMeta();
  const [form] = Form.useForm<Values>();
  const weather = Form.useWatch('weather', form);
  const server = useServerError(form, FIELDS);
  const photoHint = useUploadHint('photo');
  const today = todayInChina();
  const [date, setDate] = useState(today);
  const existing = useQuery({
    queryKey: rk.reports(id, { from: date, to: date }),
    queryFn: () =>
      unwrap(
        api.GET('/api/renewal/projects/{id}/reports', {
          params: { path: { id }, query: { from: date, to: date } },
        }),
      ),
  });
  const existingId = existing.data?.items[0]?.id;
  const full = useQuery({
    queryKey: rk.report(existingId ?? ''),
    queryFn: () =>
      unwrap(api.GET('/api/renewal/reports/{id}', { params: { path: { id: existingId ?? '' } } })),
    enabled: Boolean(existingId),
  });
  const amending = full.data;
  const readOnly = Boolean(amending && !amending.amendable);

  const taskOptions = useMemo(
    () =>
      (schedule.data?.tasks ?? [])
        .filter((x) => !x.summary)
        .map((x) => ({
          value: x.id,
          label: `${x.wbsCode ? `${x.wbsCode} ` : ''}${x.name}${x.status === 'done' ? `（${rt('gantt.done')}）` : ''}`,
        })),
    [schedule.data, rt],
  );

  // Start from today's report when there is one; else from the tasks under way.
  const ready = schedule.data && existing.data && (!existingId || full.data);
  // biome-ignore lint/correctness/useExhaustiveDependencies: fill once per loaded report / date
  useEffect(() => {
    if (!ready) return;
    if (amending) {
      form.setFieldsValue(fromReport(amending));
      return;
    }
    const underWay = (schedule.data?.tasks ?? []).filter((x) => !x.summary && x.status === 'in-progress');
    form.setFieldsValue({
      date,
      weather: form.getFieldValue('weather') ?? 'sunny',
      workersOnSite: form.getFieldValue('workersOnSite') ?? 0,
      machinery: form.getFieldValue('machinery') ?? [],
      progress: underWay.map((x) => ({ taskId: x.id, percent: Math.round(x.percent) })),
      problems: form.getFieldValue('problems') ?? [],
      photos: form.getFieldValue('photos') ?? [],
    });
  }, [ready, amending?.id, date]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        weather: v.weather,
        workersOnSite: v.workersOnSite,
        machinery: (v.machinery ?? [])
          .filter((m) => m.type?.trim())
          .map((m) => ({ type: (m.type ?? '').trim(), count: m.count ?? 1 })),
        progress: (v.progress ?? [])
          .filter((p) => p.taskId)
          .map((p) => ({
            taskId: p.taskId ?? '',
            ...(p.percent !== null && p.percent !== undefined ? { percent: p.percent } : {}),
            ...(p.startedOn ? { startedOn: p.startedOn } : {}),
            ...(p.finishedOn ? { finishedOn: p.finishedOn } : {}),
            ...(p.remainingDays !== null && p.remainingDays !== undefined
              ? { remainingDays: p.remainingDays }
              : {}),
          })),
        problems: (v.problems ?? [])
          .filter((p) => p.text?.trim())
          .map((p) => ({ text: (p.text ?? '').trim(), severity: p.severity ?? 'minor' })),
        photos: (v.photos ?? []).flatMap((p) =>
          p.file?.[0] ? [{ fileId: p.file[0].id, description: (p.description ?? '').trim() }] : [],
        ),
        notes: v.notes?.trim() || null,
        ...(v.rainDay && RAINY.includes(v.weather) ? { rainDay: true } : {}),
      };
      return amending
        ? unwrap(api.PUT('/api/renewal/reports/{id}', { params: { path: { id: amending.id } }, body }))
        : unwrap(
            api.POST('/api/renewal/projects/{id}/reports', {
              params: { path: { id } },
              body: { ...body, date: v.date },
            }),
          );
    },
    onSuccess: () => {
      void message.success(amending ? rt('report.amended') : rt('report.filed'));
      void qc.invalidateQueries({ queryKey: rk.all });
      navigate(`/renewal/projects/${id}?tab=reports`);
    },
    onError: server.report,
  });

  const p = project.data;
  const title = amending ? rt('report.amendTitle', { date }) : rt('report.newTitle');
  return (
    <>
      <PageHeader
        title={title}
        description={p ? <Link to={`/renewal/projects/${id}`}>{p.name}</Link> : null}
      />
      <ErrorAlert error={project.error ?? schedule.error ?? existing.error} />
      {readOnly ? (
        <Alert type="info" showIcon className="gf-block" title={rt('report.notAmendable')} />
      ) : null}
      {amending && !readOnly ? (
        <Alert type="info" showIcon className="gf-block" title={rt('report.amendingNote')} />
      ) : null}
      <ErrorAlert error={server.error} />
      {!ready ? <Spin /> : null}
      <Form<Values>
        form={form}
        name="renewal-report"
        layout="vertical"
        disabled={readOnly}
        onFinish={(v) => {
          server.clear();
          save.mutate(v);
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.date) setDate(changed.date);
        }}
      >
        <Card
          size="small"
          title={<h2 className="gf-card-title">{rt('report.siteSection')}</h2>}
          className="gf-block"
        >
          <Row gutter={16}>
            <Col xs={24} sm={12} md={6}>
              <Form.Item
                name="date"
                label={rt('report.date')}
                rules={[{ required: true, message: t('common.required', { field: rt('report.date') }) }]}
                {...dateItem}
              >
                <DateInput
                  allowClear={false}
                  disabled={Boolean(amending)}
                  disabledDate={(d) => d.format('YYYY-MM-DD') > today}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item
                name="weather"
                label={rt('report.weather')}
                rules={[{ required: true, message: t('common.required', { field: rt('report.weather') }) }]}
              >
                <Select
                  options={(meta.data?.weathers ?? []).map((w) => ({ value: w.code, label: w.name }))}
                />
              </Form.Item>
            </Col>
            {RAINY.includes(weather ?? '') ? (
              <Col xs={24} sm={12} md={6}>
                <Form.Item name="rainDay" valuePropName="checked" label=" " colon={false}>
                  <Checkbox>{rt('report.rainDay')}</Checkbox>
                </Form.Item>
              </Col>
            ) : null}
            <Col xs={24} sm={12} md={6}>
              <Form.Item
                name="workersOnSite"
                label={rt('report.workers')}
                rules={[{ required: true, message: t('common.required', { field: rt('report.workers') }) }]}
              >
                <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <fieldset className="rn-rows rn-fieldset">
            <legend className="gf-small-title">{rt('report.machinery')}</legend>
            <Form.List name="machinery">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Space
                      key={f.key}
                      align="start"
                      wrap
                      className="rn-line-row"
                      role="group"
                      aria-label={rt('report.machineryRow', { n: i + 1 })}
                    >
                      <Form.Item
                        name={[f.name, 'type']}
                        label={rt('report.machineryType')}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            message: t('common.required', { field: rt('report.machineryType') }),
                          },
                        ]}
                      >
                        <Input maxLength={30} placeholder={rt('report.machineryPlaceholder')} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'count']}
                        label={rt('report.machineryCount')}
                        rules={[
                          {
                            required: true,
                            message: t('common.required', { field: rt('report.machineryCount') }),
                          },
                        ]}
                      >
                        <InputNumber min={1} max={1000} precision={0} />
                      </Form.Item>
                      <RemoveRowButton
                        label={rt('report.removeRow', { n: i + 1 })}
                        onClick={() => remove(f.name)}
                      />
                    </Space>
                  ))}
                  <AddRowButton onClick={() => add({ count: 1 })}>{rt('report.addMachinery')}</AddRowButton>
                </>
              )}
            </Form.List>
          </fieldset>
        </Card>

        <Card
          size="small"
          title={<h2 className="gf-card-title">{rt('report.progressSection')}</h2>}
          className="gf-block"
        >
          <p className="gf-muted gf-small">{rt('report.progressHint')}</p>
          <Form.List name="progress">
            {(fields, { add, remove }) => (
              <div className="rn-rows">
                {fields.map((f, i) => (
                  <fieldset
                    key={f.key}
                    className="rn-row-card"
                    aria-label={rt('report.progressRow', { n: i + 1 })}
                  >
                    <Row gutter={12}>
                      <Col xs={24} md={8}>
                        <Form.Item
                          name={[f.name, 'taskId']}
                          label={rt('report.task')}
                          rules={[
                            { required: true, message: t('common.required', { field: rt('report.task') }) },
                          ]}
                        >
                          <Select showSearch={{ optionFilterProp: 'label' }} options={taskOptions} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[f.name, 'percent']} label={rt('report.percent')}>
                          <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item name={[f.name, 'startedOn']} label={rt('report.startedOn')} {...dateItem}>
                          <DateInput />
                        </Form.Item>
                      </Col>
                      <Col xs={12} md={4}>
                        <Form.Item
                          name={[f.name, 'finishedOn']}
                          label={rt('report.finishedOn')}
                          {...dateItem}
                        >
                          <DateInput />
                        </Form.Item>
                      </Col>
                      <Col xs={8} md={3}>
                        <Form.Item name={[f.name, 'remainingDays']} label={rt('report.remainingDays')}>
                          <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={4} md={1}>
                        <RemoveRowButton
                          label={rt('report.removeRow', { n: i + 1 })}
                          onClick={() => remove(f.name)}
                        />
                      </Col>
                    </Row>
                  </fieldset>
                ))}
                <AddRowButton onClick={() => add({})}>{rt('report.addProgress')}</AddRowButton>
              </div>
            )}
          </Form.List>
        </Card>

        <Card
          size="small"
          title={<h2 className="gf-card-title">{rt('report.problemsSection')}</h2>}
          className="gf-block"
        >
          <Form.List name="problems">
            {(fields, { add, remove }) => (
              <div className="rn-rows">
                {fields.map((f, i) => (
                  <Row
                    key={f.key}
                    gutter={12}
                    role="group"
                    aria-label={rt('report.problemRow', { n: i + 1 })}
                  >
                    <Col xs={24} md={16}>
                      <Form.Item
                        name={[f.name, 'text']}
                        label={rt('report.problemText')}
                        rules={[
                          {
                            required: true,
                            whitespace: true,
                            message: t('common.required', { field: rt('report.problemText') }),
                          },
                        ]}
                      >
                        <Input maxLength={500} />
                      </Form.Item>
                    </Col>
                    <Col xs={20} md={6}>
                      <Form.Item
                        name={[f.name, 'severity']}
                        label={rt('report.severity')}
                        rules={[{ required: true }]}
                      >
                        <Select
                          options={(meta.data?.severities ?? []).map((s) => ({
                            value: s.code,
                            label: s.name,
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={4} md={2}>
                      <RemoveRowButton
                        label={rt('report.removeProblem', { n: i + 1 })}
                        onClick={() => remove(f.name)}
                      />
                    </Col>
                  </Row>
                ))}
                <AddRowButton onClick={() => add({ severity: 'minor' })}>
                  {rt('report.addProblem')}
                </AddRowButton>
              </div>
            )}
          </Form.List>
        </Card>

        <Card
          size="small"
          title={<h2 className="gf-card-title">{rt('report.photosSection')}</h2>}
          className="gf-block"
        >
          <Form.List name="photos">
            {(fields, { add, remove }) => (
              <div className="rn-rows">
                {fields.map((f, i) => (
                  <Space
                    key={f.key}
                    align="start"
                    className="rn-line-row"
                    role="group"
                    aria-label={rt('report.photoRow', { n: i + 1 })}
                  >
                    <Form.Item
                      name={[f.name, 'file']}
                      label={rt('report.photo')}
                      extra={photoHint}
                      rules={[
                        {
                          required: true,
                          type: 'array',
                          min: 1,
                          message: t('common.required', { field: rt('report.photo') }),
                        },
                      ]}
                    >
                      <FileUpload kind="photo" max={1} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'description']} label={rt('report.photoDescription')}>
                      <Input maxLength={200} style={{ width: 360 }} />
                    </Form.Item>
                    <RemoveRowButton
                      label={rt('report.removePhoto', { n: i + 1 })}
                      onClick={() => remove(f.name)}
                    />
                  </Space>
                ))}
                <AddRowButton onClick={() => add({})}>{rt('report.addPhoto')}</AddRowButton>
              </div>
            )}
          </Form.List>
          <Form.Item name="notes" label={rt('report.notes')} className="rn-mt">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Card>
        {!readOnly ? (
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!ready}>
              {amending ? rt('report.submitAmend') : rt('report.submit')}
            </Button>
            <Button onClick={() => navigate(`/renewal/projects/${id}?tab=reports`)}>
              {t('common.cancel')}
            </Button>
          </Space>
        ) : null}
      </Form>
    </>
  );
}
