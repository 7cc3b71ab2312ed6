import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Card,
  Checkbox,
  Empty,
  Form,
  Input,
  Modal,
  Progress,
  Radio,
  Rate,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { type Community, ck, type Results, type Survey } from './api.ts';
import { useCT } from './i18n/ct.ts';
import { SurveyBuilder } from './SurveyBuilder.tsx';
import { LinkSheet } from './widgets/LinkSheet.tsx';
import { PublicUrlAlert, useResidentLinks } from './widgets/resident-links.tsx';

/** A question's text as a column heading: up to two lines, the whole text on hover. */
const QUESTION_HEAD: React.CSSProperties = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
  minWidth: 120,
  maxWidth: 240,
};

const NO_WRAP = () => ({ style: { whiteSpace: 'nowrap' as const } });

/** 问需/问效: the community's surveys, each with its actions, link sheet, paper entry and results. */
export function SurveysTab({ community }: { community: Community }) {
  const ct = useCT();
  const qc = useQueryClient();
  const surveys = useQuery({
    queryKey: ck.surveys(community.id),
    queryFn: () =>
      unwrap(api.GET('/api/renewal/communities/{id}/surveys', { params: { path: { id: community.id } } })),
  });
  const [selected, setSelected] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (phase: 'needs' | 'satisfaction') =>
      unwrap(
        api.POST('/api/renewal/communities/{id}/surveys', {
          params: { path: { id: community.id } },
          body: { phase },
        }),
      ),
    onSuccess: (s) => {
      void qc.invalidateQueries({ queryKey: ck.surveys(community.id) });
      setSelected(s.id);
    },
  });
  const current = selected ?? surveys.data?.[0]?.id ?? null;
  return (
    <div className="rn-stack">
      {community.can.update ? (
        <Space wrap>
          <Button onClick={() => create.mutate('needs')} loading={create.isPending}>
            {ct('survey.createNeeds')}
          </Button>
          <Button onClick={() => create.mutate('satisfaction')} loading={create.isPending}>
            {ct('survey.createSatisfaction')}
          </Button>
        </Space>
      ) : null}
      <ErrorAlert error={surveys.error ?? create.error} />
      {surveys.data?.length ? (
        <Select
          aria-label={ct('tab.surveys')}
          style={{ minWidth: 360 }}
          value={current}
          onChange={setSelected}
          options={surveys.data.map((s) => ({
            value: s.id,
            label: `${s.phaseName} · ${s.title} · ${s.statusName}`,
          }))}
        />
      ) : (
        <Empty description={ct('survey.none')} />
      )}
      {current ? <SurveyPanel key={current} id={current} /> : null}
    </div>
  );
}

function SurveyPanel({ id }: { id: string }) {
  const ct = useCT();
  const qc = useQueryClient();
  const [sheet, setSheet] = useState(false);
  const [paper, setPaper] = useState(false);
  const [building, setBuilding] = useState<Survey | null>(null);
  const survey = useQuery({
    queryKey: ck.survey(id),
    queryFn: () => unwrap(api.GET('/api/renewal/surveys/{id}', { params: { path: { id } } })),
  });
  const results = useQuery({
    queryKey: [...ck.survey(id), 'results'],
    queryFn: () => unwrap(api.GET('/api/renewal/surveys/{id}/results', { params: { path: { id } } })),
  });
  const notHeard = useQuery({
    queryKey: [...ck.survey(id), 'not-heard'],
    queryFn: () => unwrap(api.GET('/api/renewal/surveys/{id}/not-heard', { params: { path: { id } } })),
  });
  const act = useMutation({
    mutationFn: (what: 'open' | 'close' | 'publish') =>
      what === 'open'
        ? unwrap(api.POST('/api/renewal/surveys/{id}/open', { params: { path: { id } }, body: {} }))
        : what === 'close'
          ? unwrap(api.POST('/api/renewal/surveys/{id}/close', { params: { path: { id } } }))
          : unwrap(api.POST('/api/renewal/surveys/{id}/publish', { params: { path: { id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ck.all }),
  });
  const s = survey.data;
  if (!s) return <ErrorAlert error={survey.error} />;
  const r = results.data;
  return (
    <div className="rn-stack">
      <Card
        size="small"
        title={`${s.title}（${s.statusName}）`}
        extra={
          s.can.update ? (
            <Space wrap>
              {s.status === 'draft' ? (
                <Button onClick={() => setBuilding(s)}>{ct('survey.editQuestions')}</Button>
              ) : null}
              {s.status === 'draft' ? (
                <Button type="primary" onClick={() => act.mutate('open')} loading={act.isPending}>
                  {ct('survey.open')}
                </Button>
              ) : null}
              {s.status === 'open' ? (
                <Button onClick={() => setSheet(true)}>{ct('survey.links')}</Button>
              ) : null}
              {s.status === 'open' || s.status === 'closed' ? (
                <Button onClick={() => setPaper(true)}>{ct('survey.paper')}</Button>
              ) : null}
              {s.status === 'open' ? (
                <Button onClick={() => act.mutate('close')} loading={act.isPending}>
                  {ct('survey.close')}
                </Button>
              ) : null}
              {s.status === 'closed' ? (
                <Button type="primary" onClick={() => act.mutate('publish')} loading={act.isPending}>
                  {ct('survey.publish')}
                </Button>
              ) : null}
            </Space>
          ) : null
        }
      >
        <ErrorAlert error={act.error} />
        <ol aria-label={ct('survey.questions')}>
          {s.questions.map((q) => (
            <li key={q.id}>
              {q.text} <Tag>{q.kindName}</Tag>
              {q.options.length ? (
                <span className="gf-muted">{q.options.map((o) => o.label).join('、')}</span>
              ) : null}
            </li>
          ))}
        </ol>
      </Card>
      {r ? <ResultsCard r={r} surveyId={id} /> : <ErrorAlert error={results.error} />}
      {notHeard.data ? (
        <Card size="small" title={ct('survey.notHeard', { n: notHeard.data.length })}>
          <Space wrap>
            {notHeard.data.map((u) => (
              <Tag key={u.unitId}>{u.label}</Tag>
            ))}
          </Space>
          <div style={{ marginTop: 8 }}>
            <ExportButton
              fileName={`${ct('survey.notHeard', { n: notHeard.data.length })}.xlsx`}
              download={() =>
                api.GET('/api/renewal/surveys/{id}/not-heard/export.xlsx', {
                  params: { path: { id } },
                  parseAs: 'blob',
                })
              }
            />
          </div>
        </Card>
      ) : null}
      {s.can.update && s.status === 'draft' ? (
        <SurveyBuilder editing={building} onClose={() => setBuilding(null)} />
      ) : null}
      {sheet ? <SheetModal survey={s} onClose={() => setSheet(false)} /> : null}
      {paper ? <PaperModal survey={s} units={notHeard.data ?? []} onClose={() => setPaper(false)} /> : null}
    </div>
  );
}

function ResultsCard({ r, surveyId }: { r: Results; surveyId: string }) {
  const ct = useCT();
  return (
    <Card
      size="small"
      title={`${ct('survey.results')}${r.frozen ? ` · ${ct('survey.frozen')}` : ''}`}
      extra={
        <ExportButton
          fileName={`${ct('survey.results')}.xlsx`}
          download={() =>
            api.GET('/api/renewal/surveys/{id}/results/export.xlsx', {
              params: { path: { id: surveyId } },
              parseAs: 'blob',
            })
          }
        />
      }
    >
      <p>{ct('survey.respondents', { n: r.respondents, m: r.units, o: r.online, p: r.paper })}</p>
      {r.satisfaction ? (
        <p>
          <strong>
            {r.satisfaction.rated > 0
              ? ct('survey.satisfaction', r.satisfaction)
              : ct('survey.satisfactionNone')}
          </strong>
        </p>
      ) : null}
      {r.questions.map((q) => (
        <section key={q.questionId} aria-label={q.text} className="rn-stack" style={{ marginBottom: 12 }}>
          <strong>
            {q.position}. {q.text}
          </strong>
          {q.options.map((o) => (
            <div key={o.id}>
              {o.label}：{o.count}（{o.percent}%）
              <Progress percent={o.percent} showInfo={false} size="small" />
            </div>
          ))}
          {q.kind === 'rating' ? (
            <div>
              {q.ratings.map((n, i) => `${i + 1}分 ${n}`).join(' · ')} ·{' '}
              {ct('survey.mean', { n: q.mean ?? '-' })}
            </div>
          ) : null}
          {q.kind === 'text' ? (
            <ul aria-label={ct('survey.texts')}>
              {r.texts
                .filter((t) => t.questionId === q.questionId)
                .map((t) => (
                  // each distinct comment once, with how many units wrote it
                  <li key={t.text}>
                    {t.text}
                    {t.count > 1 ? (
                      <span className="gf-muted">（{ct('survey.textCount', { n: t.count })}）</span>
                    ) : null}
                  </li>
                ))}
            </ul>
          ) : null}
        </section>
      ))}
      <Table
        aria-label={ct('survey.byBuilding')}
        size="small"
        rowKey="buildingId"
        pagination={false}
        dataSource={r.byBuilding}
        columns={[
          // the building's own name (1幢), kept on one line beside the questions' columns
          { title: ct('units.building'), dataIndex: 'name', width: 96, onCell: NO_WRAP },
          { title: ct('field.units'), dataIndex: 'units', align: 'right', width: 72, onCell: NO_WRAP },
          {
            title: ct('survey.results'),
            width: 120,
            onCell: NO_WRAP,
            render: (_, b) => `${b.respondents}（${b.responseRate}%）`,
          },
          ...r.questions
            .filter((q) => q.kind !== 'text')
            .map((q) => ({
              // the question, not only its number: "1. 您对改造的总体评价"
              title: (
                <span title={q.text} style={QUESTION_HEAD}>
                  {q.position}. {q.text}
                </span>
              ),
              key: q.questionId,
              render: (_: unknown, b: Results['byBuilding'][number]) => {
                const bq = b.questions.find((x) => x.questionId === q.questionId);
                if (!bq) return '';
                return bq.kind === 'rating'
                  ? (bq.mean ?? '-')
                  : bq.options
                      .filter((o) => o.count > 0)
                      .map((o) => `${o.label} ${o.count}`)
                      .join('；');
              },
            })),
        ]}
      />
    </Card>
  );
}

function SheetModal({ survey, onClose }: { survey: Survey; onClose: () => void }) {
  const ct = useCT();
  const links = useQuery({
    queryKey: [...ck.survey(survey.id), 'links'],
    queryFn: () =>
      unwrap(api.GET('/api/renewal/surveys/{id}/links', { params: { path: { id: survey.id } } })),
  });
  const residentLinks = useResidentLinks();
  return (
    <Modal
      open
      width={960}
      onCancel={onClose}
      title={ct('survey.links')}
      footer={<Button onClick={() => window.print()}>{ct('survey.print')}</Button>}
    >
      <ErrorAlert error={links.error} />
      <PublicUrlAlert links={residentLinks} />
      {links.data && residentLinks.ready ? (
        <LinkSheet
          title={ct('survey.sheetTitle', { community: links.data.communityName, title: links.data.title })}
          subtitle={ct('survey.sheetSubtitle', { date: links.data.expiresAt?.slice(0, 10) ?? '' })}
          rows={links.data.rows.map((l) => ({
            label: l.label,
            url: residentLinks.urlOf(l.path),
            ...(l.used ? { note: ct('survey.used') } : {}),
          }))}
        />
      ) : null}
    </Modal>
  );
}

type PaperAnswers = Record<string, string | string[] | number | undefined>;
interface PaperAnswer {
  questionId: string;
  optionIds?: string[];
  rating?: number;
  text?: string;
}

function PaperModal({
  survey,
  units,
  onClose,
}: {
  survey: Survey;
  units: Array<{ unitId: string; label: string }>;
  onClose: () => void;
}) {
  const ct = useCT();
  const qc = useQueryClient();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [form] = Form.useForm<PaperAnswers>();
  const save = useMutation({
    mutationFn: (v: PaperAnswers) =>
      unwrap(
        api.PUT('/api/renewal/surveys/{id}/units/{unitId}/response', {
          params: { path: { id: survey.id, unitId: unitId ?? '' } },
          body: {
            answers: survey.questions.flatMap((q): PaperAnswer[] => {
              const a = v[q.id];
              if (a === undefined || a === '' || (Array.isArray(a) && a.length === 0)) return [];
              if (q.kind === 'single') return [{ questionId: q.id, optionIds: [a as string] }];
              if (q.kind === 'multiple') return [{ questionId: q.id, optionIds: a as string[] }];
              if (q.kind === 'rating') return [{ questionId: q.id, rating: a as number }];
              return [{ questionId: q.id, text: String(a) }];
            }),
          },
        }),
      ),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ck.survey(survey.id) });
      form.resetFields();
      setUnitId(undefined);
    },
  });
  return (
    <Modal
      open
      onCancel={onClose}
      title={ct('survey.paper')}
      okText={ct('survey.submitPaper')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: !unitId }}
    >
      <ErrorAlert error={save.error} />
      <Select
        showSearch
        aria-label={ct('survey.unit')}
        placeholder={ct('survey.unit')}
        style={{ width: '100%', marginBottom: 12 }}
        value={unitId}
        onChange={setUnitId}
        optionFilterProp="label"
        options={units.map((u) => ({ value: u.unitId, label: u.label }))}
      />
      <Form<PaperAnswers> form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        {survey.questions.map((q) => (
          <Form.Item
            key={q.id}
            name={q.id}
            label={`${q.position}. ${q.text}`}
            rules={[{ required: q.required }]}
          >
            {q.kind === 'single' ? (
              <Radio.Group options={q.options.map((o) => ({ value: o.id, label: o.label }))} />
            ) : q.kind === 'multiple' ? (
              <Checkbox.Group options={q.options.map((o) => ({ value: o.id, label: o.label }))} />
            ) : q.kind === 'rating' ? (
              <Rate />
            ) : (
              <Input.TextArea maxLength={500} />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
