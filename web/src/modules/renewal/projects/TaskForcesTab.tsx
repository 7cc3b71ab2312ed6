import { EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useServerError } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useDebounced } from '../../../platform/hooks.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../platform/widgets/ErrorAlert.tsx';
import { type Project, type ProjectPatch, rk, useMeta, useProject } from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { AddRowButton, RemoveRowButton } from '../shared/widgets/row-buttons.tsx';

type Force = Project['taskForces'][number];
type Stage = Force['stage'];
interface MemberValues {
  personId?: string;
  userId?: string;
  /** Shown for an existing member (accounts cannot be searched here). */
  name?: string;
  role: 'leader' | 'member';
  duty?: string;
}
interface ForceValues {
  stage: Stage;
  name: string;
  members: MemberValues[];
}

const toValues = (forces: Force[]): ForceValues[] =>
  forces.map((f) => ({
    stage: f.stage,
    name: f.name,
    members: f.members.map((m) => ({
      ...(m.personId ? { personId: m.personId } : {}),
      ...(m.userId ? { userId: m.userId } : {}),
      name: m.name,
      role: m.role,
      duty: m.duty ?? undefined,
    })),
  }));

const toBody = (forces: ForceValues[]): NonNullable<ProjectPatch['taskForces']> =>
  forces.map((f) => ({
    stage: f.stage,
    name: f.name.trim(),
    members: (f.members ?? [])
      .filter((m) => m.personId || m.userId)
      .map((m) => ({
        ...(m.userId ? { userId: m.userId } : { personId: m.personId ?? '' }),
        role: m.role,
        ...(m.duty?.trim() ? { duty: m.duty.trim() } : {}),
      })),
  }));

/** 工作专班: the project's task forces per stage with their members; staff who maintain it edit them. */
export default function TaskForcesTab({ projectId }: { projectId: string }) {
  const rt = useRT();
  const project = useProject(projectId);
  const [editing, setEditing] = useState(false);
  const p = project.data;
  if (!p) return <ErrorAlert error={project.error} onRetry={() => void project.refetch()} />;
  if (editing) return <TaskForceEditor project={p} onDone={() => setEditing(false)} />;
  return (
    <div className="rn-stack">
      {p.can.update ? (
        <Space>
          <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
            {rt('taskForces.edit')}
          </Button>
        </Space>
      ) : null}
      {p.taskForces.length === 0 ? (
        <Empty description={rt('taskForces.empty')} />
      ) : (
        <TaskForceTable forces={p.taskForces} />
      )}
    </div>
  );
}

/** The task forces as a table: stage, name, members with role and duty. */
export function TaskForceTable({ forces }: { forces: Force[] }) {
  const rt = useRT();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      aria-label={rt('detail.tabTaskForces')}
      dataSource={forces}
      columns={[
        { title: rt('taskForces.stage'), dataIndex: 'stageName', width: 100 },
        { title: rt('taskForces.name'), dataIndex: 'name', width: 200 },
        {
          title: rt('taskForces.members'),
          key: 'members',
          render: (_, f: Force) =>
            f.members.length === 0
              ? rt('taskForces.noMembers')
              : f.members.map((m) => `${m.name}（${m.roleName}${m.duty ? `，${m.duty}` : ''}）`).join('、'),
        },
      ]}
    />
  );
}

function TaskForceEditor({ project, onDone }: { project: Project; onDone: () => void }) {
  const t = useT();
  const rt = useRT();
  const qc = useQueryClient();
  const meta = useMeta();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ taskForces: ForceValues[] }>();
  const server = useServerError(form, ['taskForces']);
  const save = useMutation({
    mutationFn: (v: { taskForces?: ForceValues[] }) =>
      unwrap(
        api.PATCH('/api/renewal/projects/{id}', {
          params: { path: { id: project.id } },
          body: { taskForces: toBody(v.taskForces ?? []) },
        }),
      ),
    onSuccess: () => {
      void message.success(rt('taskForces.saved'));
      void qc.invalidateQueries({ queryKey: rk.all });
      onDone();
    },
    onError: server.report,
  });
  const stages = (meta.data?.stages ?? []).map((s) => ({ value: s.code, label: s.name }));
  const roles = (meta.data?.memberRoles ?? []).map((s) => ({ value: s.code, label: s.name }));
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ taskForces: toValues(project.taskForces) }}
      onFinish={(v) => save.mutate(v)}
    >
      <ErrorAlert error={server.error} />
      <Form.List name="taskForces">
        {(forces, { add, remove }) => (
          <div className="rn-stack">
            {forces.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                title={<h3 className="gf-card-title">{rt('taskForces.forceLabel', { n: i + 1 })}</h3>}
                extra={
                  <Button type="text" danger onClick={() => remove(f.name)}>
                    {rt('taskForces.remove')}
                  </Button>
                }
              >
                <Space wrap align="start">
                  <Form.Item
                    name={[f.name, 'stage']}
                    label={rt('taskForces.stage')}
                    rules={[
                      { required: true, message: t('common.required', { field: rt('taskForces.stage') }) },
                    ]}
                  >
                    <Select options={stages} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'name']}
                    label={rt('taskForces.name')}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('common.required', { field: rt('taskForces.name') }),
                      },
                    ]}
                  >
                    <Input maxLength={60} style={{ width: 240 }} />
                  </Form.Item>
                </Space>
                <Form.List name={[f.name, 'members']}>
                  {(members, m) => (
                    <fieldset className="rn-rows rn-fieldset">
                      <legend className="gf-small-title">{rt('taskForces.members')}</legend>
                      {members.map((row) => (
                        <Space key={row.key} wrap align="start">
                          <Form.Item
                            noStyle
                            shouldUpdate={(a, b) =>
                              a.taskForces?.[f.name]?.members?.[row.name]?.userId !==
                              b.taskForces?.[f.name]?.members?.[row.name]?.userId
                            }
                          >
                            {() => {
                              const member = form.getFieldValue([
                                'taskForces',
                                f.name,
                                'members',
                                row.name,
                              ]) as MemberValues | undefined;
                              return member?.userId ? (
                                <Form.Item label={rt('taskForces.person')}>
                                  <Input value={member.name} disabled style={{ width: 200 }} />
                                </Form.Item>
                              ) : (
                                <Form.Item
                                  name={[row.name, 'personId']}
                                  label={rt('taskForces.person')}
                                  rules={[
                                    {
                                      required: true,
                                      message: t('common.required', { field: rt('taskForces.person') }),
                                    },
                                  ]}
                                >
                                  <PersonSelect initialName={member?.name} />
                                </Form.Item>
                              );
                            }}
                          </Form.Item>
                          <Form.Item name={[row.name, 'role']} label={rt('taskForces.role')}>
                            <Select options={roles} style={{ width: 100 }} />
                          </Form.Item>
                          <Form.Item name={[row.name, 'duty']} label={rt('taskForces.duty')}>
                            <Input maxLength={100} style={{ width: 220 }} />
                          </Form.Item>
                          <RemoveRowButton
                            label={rt('taskForces.removeMember')}
                            onClick={() => m.remove(row.name)}
                          />
                        </Space>
                      ))}
                      <AddRowButton onClick={() => m.add({ role: 'member' })}>
                        {rt('taskForces.addMember')}
                      </AddRowButton>
                    </fieldset>
                  )}
                </Form.List>
              </Card>
            ))}
            <AddRowButton onClick={() => add({ stage: project.stage, name: '', members: [] })}>
              {rt('taskForces.add')}
            </AddRowButton>
          </div>
        )}
      </Form.List>
      <Space className="rn-mt">
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  );
}

/** A person from the people register, searched by name (names as the register shows them to the caller). */
function PersonSelect({
  value,
  onChange,
  initialName,
  id,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  initialName?: string;
  id?: string;
}) {
  const rt = useRT();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const options = useQuery({
    queryKey: ['renewal', 'person-options', q],
    queryFn: () => unwrap(api.GET('/api/people', { params: { query: { q, pageSize: 20 } } })),
    enabled: q.length > 0,
    staleTime: 30_000,
  });
  const items = (options.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.name}${p.regionName ? `（${p.regionName}）` : ''}`,
  }));
  const all =
    value && initialName && !items.some((o) => o.value === value)
      ? [{ value, label: initialName }, ...items]
      : items;
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      placeholder={rt('taskForces.searchPerson')}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      loading={options.isFetching}
      options={all}
      style={{ width: 200 }}
      popupMatchSelectWidth={false}
    />
  );
}
