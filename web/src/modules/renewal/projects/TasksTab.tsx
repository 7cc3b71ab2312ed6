import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, InputNumber, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ExportButton, useServerError } from '../../../kit/index.ts';
import { api } from '../../../platform/api/client.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { ErrorAlert, errorText } from '../../../platform/widgets/ErrorAlert.tsx';
import { OrgSelect } from '../../../platform/widgets/OrgSelect.tsx';
import {
  createLink,
  createTask,
  deleteLink,
  deleteTask,
  type Link,
  type LinkCreate,
  patchLink,
  patchTask,
  rk,
  type Task,
  useLinks,
  useMeta,
  useProject,
  useTasks,
} from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { useDayUnits } from '../shared/widgets/day-units.ts';
import { TaskImportButton, TaskImportStatus } from './TaskImport.tsx';

/** 任务: the work breakdown and the links between tasks, editable with renewal.write. */
export default function TasksTab({ projectId }: { projectId: string }) {
  const t = useT();
  const rt = useRT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const tasks = useTasks(projectId);
  const links = useLinks(projectId);
  const units = useDayUnits(projectId);
  const [editingTask, setEditingTask] = useState<Task | null | undefined>(undefined);
  const [editingLink, setEditingLink] = useState<Link | null | undefined>(undefined);
  // the project's `can` decides (it is in the cache: the detail page has loaded it)
  const writable = useProject(projectId).data?.can.update === true;
  const names = useMemo(() => new Map((tasks.data ?? []).map((x) => [x.id, x])), [tasks.data]);
  const label = (id: string) => {
    const x = names.get(id);
    return x ? `${x.wbsCode ? `${x.wbsCode} ` : ''}${x.name}` : id;
  };
  const refresh = () => void qc.invalidateQueries({ queryKey: rk.project(projectId) });

  const removeTask = useMutation({
    mutationFn: (x: Task) => deleteTask(projectId, x.id),
    onSuccess: () => {
      void message.success(rt('task.deleted'));
      refresh();
    },
    onError: (e) => void message.error(errorText(e, t)),
  });
  const removeLink = useMutation({
    mutationFn: (l: Link) => deleteLink(projectId, l.id),
    onSuccess: () => {
      void message.success(rt('link.deleted'));
      refresh();
    },
    onError: (e) => void message.error(errorText(e, t)),
  });

  return (
    <div className="rn-stack">
      <section aria-labelledby="rn-tasks-title">
        <div className="gf-page-header">
          <h2 id="rn-tasks-title" className="gf-section-title">
            {rt('task.listTitle')}
          </h2>
          <Space wrap>
            <ExportButton
              fileName={`${rt('task.table')}.xlsx`}
              download={() =>
                api.GET('/api/renewal/projects/{id}/tasks/export.xlsx', {
                  params: { path: { id: projectId } },
                  parseAs: 'blob',
                })
              }
            />
            {writable ? <TaskImportButton projectId={projectId} /> : null}
            {writable ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditingTask(null)}>
                {rt('task.add')}
              </Button>
            ) : null}
          </Space>
        </div>
        {writable ? <TaskImportStatus projectId={projectId} /> : null}
        <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />
        <Table<Task>
          size="small"
          rowKey="id"
          aria-label={rt('task.table')}
          loading={tasks.isFetching}
          dataSource={tasks.data}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            {
              title: rt('task.wbs'),
              dataIndex: 'wbsCode',
              width: 80,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: rt('task.name'),
              dataIndex: 'name',
              render: (v: string, x) => (
                <span>
                  {v} {x.summary ? <Tag>{rt('task.summary')}</Tag> : null}
                </span>
              ),
            },
            {
              title: rt('task.durationDays', { unit: units.unit }),
              dataIndex: 'duration',
              width: 100,
              align: 'right',
              render: (v: number, x) => (x.summary ? '—' : v),
            },
            {
              title: rt('task.parent'),
              dataIndex: 'parentId',
              width: 180,
              render: (v: string | null) => (v ? label(v) : '—'),
            },
            {
              title: rt('task.responsible'),
              key: 'org',
              width: 200,
              render: (_, x) => x.responsibleOrganisation?.name ?? '—',
            },
            ...(writable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 140,
                    render: (_: unknown, x: Task) => (
                      <Space size={0}>
                        {x.can.update ? (
                          <Button
                            type="link"
                            onClick={() => setEditingTask(x)}
                            aria-label={`${t('common.edit')} ${x.name}`}
                          >
                            {t('common.edit')}
                          </Button>
                        ) : null}
                        {x.can.delete ? (
                          <Popconfirm
                            title={rt('task.deleteConfirm', { name: x.name })}
                            okText={rt('common.delete')}
                            cancelText={t('common.cancel')}
                            okButtonProps={{ danger: true }}
                            onConfirm={() => removeTask.mutateAsync(x)}
                          >
                            <Button type="link" danger aria-label={`${rt('common.delete')} ${x.name}`}>
                              {rt('common.delete')}
                            </Button>
                          </Popconfirm>
                        ) : null}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </section>
      <section aria-labelledby="rn-links-title">
        <div className="gf-page-header">
          <h2 id="rn-links-title" className="gf-section-title">
            {rt('link.listTitle')}
          </h2>
          {writable ? (
            <Button
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setEditingLink(null)}
              disabled={(tasks.data?.length ?? 0) < 2}
            >
              {rt('link.add')}
            </Button>
          ) : null}
        </div>
        <ErrorAlert error={links.error} onRetry={() => void links.refetch()} />
        <Table<Link>
          size="small"
          rowKey="id"
          aria-label={rt('link.table')}
          loading={links.isFetching}
          dataSource={links.data}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          columns={[
            { title: rt('link.from'), dataIndex: 'from', render: (v: string) => label(v) },
            { title: rt('link.to'), dataIndex: 'to', render: (v: string) => label(v) },
            {
              title: rt('link.type'),
              dataIndex: 'type',
              width: 160,
              render: (v: string, l) => `${v} · ${l.typeName}`,
            },
            {
              title: rt('link.lag', { unit: units.unit }),
              dataIndex: 'lag',
              width: 120,
              align: 'right',
            },
            ...(writable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 140,
                    render: (_: unknown, l: Link) => (
                      <Space size={0}>
                        <Button
                          type="link"
                          onClick={() => setEditingLink(l)}
                          aria-label={`${t('common.edit')} ${label(l.from)} → ${label(l.to)}`}
                        >
                          {t('common.edit')}
                        </Button>
                        <Popconfirm
                          title={rt('link.deleteConfirm')}
                          okText={rt('common.delete')}
                          cancelText={t('common.cancel')}
                          okButtonProps={{ danger: true }}
                          onConfirm={() => removeLink.mutateAsync(l)}
                        >
                          <Button
                            type="link"
                            danger
                            aria-label={`${rt('common.delete')} ${label(l.from)} → ${label(l.to)}`}
                          >
                            {rt('common.delete')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </section>
      <TaskModal
        projectId={projectId}
        task={editingTask}
        tasks={tasks.data ?? []}
        onClose={() => setEditingTask(undefined)}
        onSaved={() => {
          setEditingTask(undefined);
          refresh();
        }}
      />
      <LinkModal
        projectId={projectId}
        link={editingLink}
        tasks={tasks.data ?? []}
        onClose={() => setEditingLink(undefined)}
        onSaved={() => {
          setEditingLink(undefined);
          refresh();
        }}
      />
    </div>
  );
}

interface TaskValues {
  name: string;
  duration: number;
  wbsCode?: string;
  parentId?: string | null;
  responsibleOrganisationId?: string | null;
}

function TaskModal({
  projectId,
  task,
  tasks,
  onClose,
  onSaved,
}: {
  projectId: string;
  task: Task | null | undefined;
  tasks: Task[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const rt = useRT();
  const units = useDayUnits(projectId);
  const { message } = App.useApp();
  const [form] = Form.useForm<TaskValues>();
  const server = useServerError(form, [
    'name',
    'duration',
    'wbsCode',
    'parentId',
    'responsibleOrganisationId',
  ]);
  const open = task !== undefined;
  useEffect(() => {
    if (!open) return;
    server.clear();
    form.resetFields();
    if (task)
      form.setFieldsValue({
        name: task.name,
        duration: task.duration,
        wbsCode: task.wbsCode ?? '',
        parentId: task.parentId,
        responsibleOrganisationId: task.responsibleOrganisation?.id ?? null,
      });
  }, [open, task, form, server.clear]);
  const save = useMutation({
    mutationFn: (v: TaskValues) => {
      const body = {
        name: v.name.trim(),
        duration: v.duration,
        wbsCode: v.wbsCode?.trim() || null,
        parentId: v.parentId ?? null,
        responsibleOrganisationId: v.responsibleOrganisationId ?? null,
      };
      return task ? patchTask(projectId, task.id, body) : createTask(projectId, body);
    },
    onSuccess: () => {
      void message.success(t('common.saved'));
      onSaved();
    },
    onError: server.report,
  });
  return (
    <Modal
      open={open}
      title={task ? rt('task.editTitle') : rt('task.add')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'renewal-task-form', loading: save.isPending }}
      destroyOnHidden
    >
      <ErrorAlert error={server.error} />
      <Form<TaskValues>
        form={form}
        id="renewal-task-form"
        name="renewal-task"
        layout="vertical"
        initialValues={{ duration: 10 }}
        onFinish={(v) => {
          server.clear();
          save.mutate(v);
        }}
      >
        <Form.Item
          name="name"
          label={rt('task.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: rt('task.name') }) },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="duration"
            label={rt('task.durationDays', { unit: units.unit })}
            rules={[{ required: true, message: t('common.required', { field: rt('task.duration') }) }]}
          >
            <InputNumber min={1} max={3650} precision={0} />
          </Form.Item>
          <Form.Item name="wbsCode" label={rt('task.wbs')}>
            <Input maxLength={30} style={{ width: 120 }} />
          </Form.Item>
        </Space>
        <Form.Item name="parentId" label={rt('task.parent')} extra={rt('task.parentHint')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={tasks
              .filter((x) => x.id !== task?.id)
              .map((x) => ({ value: x.id, label: `${x.wbsCode ?? ''} ${x.name}`.trim() }))}
          />
        </Form.Item>
        <Form.Item name="responsibleOrganisationId" label={rt('task.responsible')}>
          <OrgSelect />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface LinkValues {
  from: string;
  to: string;
  type: NonNullable<LinkCreate['type']>;
  lag: number;
}

function LinkModal({
  projectId,
  link,
  tasks,
  onClose,
  onSaved,
}: {
  projectId: string;
  link: Link | null | undefined;
  tasks: Task[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const rt = useRT();
  const units = useDayUnits(projectId);
  const meta = useMeta();
  const { message } = App.useApp();
  const [form] = Form.useForm<LinkValues>();
  const server = useServerError(form, ['from', 'to', 'type', 'lag']);
  const open = link !== undefined;
  useEffect(() => {
    if (!open) return;
    server.clear();
    form.resetFields();
    if (link) form.setFieldsValue({ from: link.from, to: link.to, type: link.type, lag: link.lag });
  }, [open, link, form, server.clear]);
  const save = useMutation({
    mutationFn: (v: LinkValues) =>
      link
        ? patchLink(projectId, link.id, { type: v.type, lag: v.lag })
        : createLink(projectId, { from: v.from, to: v.to, type: v.type, lag: v.lag }),
    onSuccess: () => {
      void message.success(t('common.saved'));
      onSaved();
    },
    onError: server.report,
  });
  const options = tasks
    .filter((x) => !x.summary)
    .map((x) => ({ value: x.id, label: `${x.wbsCode ?? ''} ${x.name}`.trim() }));
  return (
    <Modal
      open={open}
      title={link ? rt('link.editTitle') : rt('link.add')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'renewal-link-form', loading: save.isPending }}
      destroyOnHidden
    >
      <ErrorAlert error={server.error} title={rt('link.saveFailed')} />
      <Form<LinkValues>
        form={form}
        id="renewal-link-form"
        name="renewal-link"
        layout="vertical"
        initialValues={{ type: 'FS', lag: 0 }}
        onFinish={(v) => {
          server.clear();
          save.mutate(v);
        }}
      >
        <Form.Item
          name="from"
          label={rt('link.from')}
          rules={[{ required: true, message: t('common.required', { field: rt('link.from') }) }]}
        >
          <Select disabled={Boolean(link)} showSearch={{ optionFilterProp: 'label' }} options={options} />
        </Form.Item>
        <Form.Item
          name="to"
          label={rt('link.to')}
          dependencies={['from']}
          rules={[
            { required: true, message: t('common.required', { field: rt('link.to') }) },
            ({ getFieldValue }) => ({
              validator: async (_, v: string | undefined) => {
                if (v && v === getFieldValue('from')) throw new Error(rt('link.sameTask'));
              },
            }),
          ]}
        >
          <Select disabled={Boolean(link)} showSearch={{ optionFilterProp: 'label' }} options={options} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="type" label={rt('link.type')} rules={[{ required: true }]}>
            <Select
              style={{ width: 200 }}
              options={(meta.data?.linkTypes ?? []).map((o) => ({
                value: o.code,
                label: `${o.code} · ${o.name}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="lag" label={rt('link.lagDays', { unit: units.unit })} extra={rt('link.lagHint')}>
            <InputNumber min={-3650} max={3650} precision={0} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
