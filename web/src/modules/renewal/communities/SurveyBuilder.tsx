import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Input, Radio, Space } from 'antd';
import { useMemo } from 'react';
import { FormDrawer } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { AddRowButton, RemoveRowButton } from '../shared/widgets/row-buttons.tsx';
import { ck, type Survey } from './api.ts';
import { useCT } from './i18n/ct.ts';

type Kind = 'single' | 'multiple' | 'rating' | 'text';
const KINDS: Kind[] = ['single', 'multiple', 'rating', 'text'];
const isChoice = (k: Kind | undefined) => k === 'single' || k === 'multiple';

interface QuestionForm {
  kind: Kind;
  text: string;
  required: boolean;
  options?: string[];
}
interface BuilderForm {
  title: string;
  intro?: string;
  questions: QuestionForm[];
}

const blankQuestion = (): QuestionForm => ({ kind: 'single', text: '', required: true, options: ['', ''] });

const fromSurvey = (s: Survey): BuilderForm => ({
  title: s.title,
  intro: s.intro,
  questions: s.questions.map((q) => ({
    kind: q.kind as Kind,
    text: q.text,
    required: q.required,
    options: q.options.map((o) => o.label),
  })),
});

/**
 * The questionnaire builder of a draft survey (问需/问效): title, intro and the questions —
 * single or multiple choice (2 options or more), rating 1–5, free text — added, removed and
 * reordered; saving replaces the survey's questions (PATCH, drafts only). A survey made from
 * the template opens with its standard questions (要不要改、哪些要改、改成什么样) to adapt.
 */
export function SurveyBuilder({ editing, onClose }: { editing: Survey | null; onClose: () => void }) {
  const ct = useCT();
  const [form] = Form.useForm<BuilderForm>();
  const start = useMemo(() => (editing ? fromSurvey(editing) : undefined), [editing]);
  return (
    <FormDrawer<BuilderForm, unknown>
      open={editing !== null}
      onClose={onClose}
      title={ct('survey.editQuestions')}
      size={760}
      form={form}
      name="renewal-survey"
      initialValues={start}
      submit={(v) =>
        unwrap(
          api.PATCH('/api/renewal/surveys/{id}', {
            params: { path: { id: editing?.id ?? '' } },
            body: {
              title: v.title,
              intro: v.intro ?? '',
              questions: v.questions.map((q) => ({
                kind: q.kind,
                text: q.text,
                required: q.required,
                ...(isChoice(q.kind) ? { options: q.options ?? [] } : {}),
              })),
            },
          }),
        )
      }
      invalidate={[ck.all]}
      savedMessage={ct('builder.saved')}
    >
      <Alert type="info" showIcon title={ct('builder.hint')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="title"
        label={ct('builder.surveyTitle')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="intro" label={ct('builder.intro')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Form.List
        name="questions"
        rules={[
          {
            validator: async (_, v: QuestionForm[] | undefined) =>
              v?.length ? undefined : Promise.reject(new Error(ct('builder.minQuestions'))),
          },
        ]}
      >
        {(fields, { add, remove, move }, { errors }) => (
          <div className="rn-stack">
            {fields.map((f, i) => (
              <QuestionCard
                key={f.key}
                name={f.name}
                n={i + 1}
                first={i === 0}
                last={i === fields.length - 1}
                onMove={(d) => move(i, i + d)}
                onRemove={() => remove(f.name)}
              />
            ))}
            <Form.ErrorList errors={errors} />
            <div>
              <AddRowButton onClick={() => add(blankQuestion())}>{ct('builder.addQuestion')}</AddRowButton>
            </div>
          </div>
        )}
      </Form.List>
    </FormDrawer>
  );
}

/** One question of the builder: its text, kind, required flag and (for a choice) its options. */
function QuestionCard({
  name,
  n,
  first,
  last,
  onMove,
  onRemove,
}: {
  name: number;
  n: number;
  first: boolean;
  last: boolean;
  onMove: (by: 1 | -1) => void;
  onRemove: () => void;
}) {
  const ct = useCT();
  const form = Form.useFormInstance<BuilderForm>();
  const kind = Form.useWatch<Kind | undefined>(['questions', name, 'kind'], form);
  const label = ct('builder.question', { n });
  return (
    <Card
      size="small"
      role="group"
      aria-label={label}
      title={label}
      extra={
        <Space size={0}>
          <Button
            type="text"
            icon={<ArrowUpOutlined aria-hidden />}
            aria-label={ct('builder.up', { n })}
            disabled={first}
            onClick={() => onMove(-1)}
          />
          <Button
            type="text"
            icon={<ArrowDownOutlined aria-hidden />}
            aria-label={ct('builder.down', { n })}
            disabled={last}
            onClick={() => onMove(1)}
          />
          <Button
            type="text"
            danger
            icon={<DeleteOutlined aria-hidden />}
            aria-label={ct('builder.removeQuestion', { n })}
            onClick={onRemove}
          />
        </Space>
      }
    >
      <Form.Item
        name={[name, 'text']}
        label={ct('builder.text')}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Space wrap align="start" size="large">
        <Form.Item name={[name, 'kind']} label={ct('builder.kind')} rules={[{ required: true }]}>
          <Radio.Group
            options={KINDS.map((k) => ({ value: k, label: ct(`builder.kind.${k}`) }))}
            onChange={(e) => {
              const next = e.target.value as Kind;
              const options = form.getFieldValue(['questions', name, 'options']) as string[] | undefined;
              if (isChoice(next) && (options?.length ?? 0) < 2)
                form.setFieldValue(['questions', name, 'options'], [...(options ?? []), '', ''].slice(0, 2));
              if (next === 'text') form.setFieldValue(['questions', name, 'required'], false);
            }}
          />
        </Form.Item>
        <Form.Item
          name={[name, 'required']}
          valuePropName="checked"
          label={<span aria-hidden>{'\u00a0'}</span>}
        >
          <Checkbox>{ct('builder.required')}</Checkbox>
        </Form.Item>
      </Space>
      {isChoice(kind) ? (
        <Form.List
          name={[name, 'options']}
          rules={[
            {
              validator: async (_, v: string[] | undefined) =>
                (v?.length ?? 0) >= 2 ? undefined : Promise.reject(new Error(ct('builder.minOptions'))),
            },
          ]}
        >
          {(options, { add, remove }, { errors }) => (
            <>
              {options.map((o, k) => (
                <Space key={o.key} align="start" style={{ display: 'flex' }}>
                  <Form.Item
                    name={o.name}
                    label={ct('builder.option', { n: k + 1 })}
                    rules={[{ required: true, whitespace: true }]}
                  >
                    <Input maxLength={100} style={{ width: 320 }} />
                  </Form.Item>
                  {options.length > 2 ? (
                    <RemoveRowButton
                      label={ct('builder.removeOption', { n: k + 1 })}
                      onClick={() => remove(o.name)}
                    />
                  ) : null}
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <AddRowButton onClick={() => add('')}>{ct('builder.addOption')}</AddRowButton>
            </>
          )}
        </Form.List>
      ) : null}
    </Card>
  );
}
