import { formatFen, yuanToFen } from '@gongfu/domain/cn/money';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { Col, Form, Input, Row, Select } from 'antd';
import { useMemo } from 'react';
import { FormDrawer, useRequired } from '../../../kit/index.ts';
import { api, unwrap } from '../../../platform/api/client.ts';
import { useT } from '../../../platform/i18n/i18n.tsx';
import { useDefaultRegion } from '../../../platform/scope/scope.tsx';
import { OrgSelect } from '../../../platform/widgets/OrgSelect.tsx';
import { RegionSelect } from '../../../platform/widgets/RegionSelect.tsx';
import {
  createProject,
  type Project,
  type ProjectCreate,
  patchProject,
  rk,
  useMeta,
  useProject,
} from '../api.ts';
import { useRT } from '../i18n/rt.ts';
import { todayInChina } from '../shared/dates.ts';
import { DateInput, dateItem, KindOrgSelect } from '../shared/widgets/fields.tsx';

interface Values {
  name: string;
  type: ProjectCreate['type'];
  regionCode: string;
  ownerOrganisationId: string;
  deliveryMode: ProjectCreate['deliveryMode'];
  agentBuilderId?: string | null;
  contractorId?: string | null;
  supervisorId?: string | null;
  inspectorId?: string | null;
  budgetYuan: string;
  startDate: string;
  deadline: string;
  stage: NonNullable<ProjectCreate['stage']>;
  calendar: NonNullable<ProjectCreate['calendar']>;
  description?: string;
}

const BUDGET_ALIAS = { budgetFen: 'budgetYuan' } as const;

/** Yuan as typed for a fen amount, exactly (no floating point): 182000000000 → "1820000000.00". */
const fenToYuanText = (fen: number) => `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

const toValues = (p: Project): Values => ({
  name: p.name,
  type: p.type,
  regionCode: p.regionCode,
  ownerOrganisationId: p.ownerOrganisation.id,
  deliveryMode: p.deliveryMode,
  agentBuilderId: p.agentBuilder?.id ?? null,
  contractorId: p.contractor?.id ?? null,
  supervisorId: p.supervisor?.id ?? null,
  inspectorId: p.inspector?.id ?? null,
  budgetYuan: fenToYuanText(p.budgetFen),
  startDate: p.startDate,
  deadline: p.deadline,
  stage: p.stage,
  calendar: p.calendar,
  description: p.description ?? '',
});

/**
 * Other projects in the caller's scope registered under the same name (whole, ignoring case and
 * surrounding spaces): a duplicate registration is likely, but the user may still save.
 */
async function sameNamed(qc: QueryClient, name: string, self: string | null | undefined) {
  const found = await qc.fetchQuery({
    queryKey: rk.projects({ name }),
    queryFn: () => unwrap(api.GET('/api/renewal/projects', { params: { query: { name, pageSize: 5 } } })),
    staleTime: 30_000,
  });
  return found.items.filter((p) => p.id !== self);
}

/** Register or edit a project. `projectId` undefined = closed, null = new. */
export function ProjectFormDrawer({
  projectId,
  onClose,
  onSaved,
}: {
  projectId: string | null | undefined;
  onClose: () => void;
  onSaved: (p: Project) => void;
}) {
  const t = useT();
  const rt = useRT();
  const qc = useQueryClient();
  const meta = useMeta();
  const defaultRegion = useDefaultRegion();
  const [form] = Form.useForm<Values>();
  const open = projectId !== undefined;
  const project = useProject(projectId ?? '');
  const loaded = projectId ? project.data : null;
  const budget = Form.useWatch('budgetYuan', form);
  const parsedBudget = budget ? yuanToFen(budget) : null;

  const start = useMemo(
    () =>
      loaded
        ? toValues(loaded)
        : projectId === null
          ? {
              regionCode: defaultRegion,
              deliveryMode: 'full_agency' as const,
              stage: 'construction' as const,
              calendar: 'calendar-days' as const,
              startDate: todayInChina(),
            }
          : undefined,
    [loaded, projectId, defaultRegion],
  );

  const submit = (v: Values) => {
    const fen = yuanToFen(v.budgetYuan);
    const body = {
      name: v.name.trim(),
      type: v.type,
      regionCode: v.regionCode,
      ownerOrganisationId: v.ownerOrganisationId,
      deliveryMode: v.deliveryMode,
      agentBuilderId: v.agentBuilderId ?? null,
      contractorId: v.contractorId ?? null,
      supervisorId: v.supervisorId ?? null,
      inspectorId: v.inspectorId ?? null,
      budgetFen: fen.ok ? fen.value : 0,
      startDate: v.startDate,
      deadline: v.deadline,
      stage: v.stage,
      calendar: v.calendar,
      description: v.description?.trim() || null,
    };
    return projectId ? patchProject(projectId, body) : createProject(body);
  };

  const required = useRequired();
  const options = (list: { code: string; name: string }[] | undefined) =>
    list?.map((o) => ({ value: o.code, label: o.name }));

  return (
    <FormDrawer<Values, Project>
      open={open}
      onClose={onClose}
      onSaved={onSaved}
      title={projectId ? rt('projects.editTitle') : rt('projects.create')}
      size={720}
      form={form}
      name="renewal-project"
      initialValues={start}
      loading={!!projectId && !loaded}
      submit={submit}
      invalidate={[rk.all]}
      // the budget is typed in yuan but sent (and checked) as budgetFen
      fieldAliases={BUDGET_ALIAS}
    >
      <Form.Item
        name="name"
        label={rt('project.name')}
        validateTrigger={['onChange', 'onBlur']}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.required', { field: rt('project.name') }),
          },
          {
            // a soft warning: the form still saves
            warningOnly: true,
            validateTrigger: 'onBlur',
            validator: async (_, v: string | undefined) => {
              const name = v?.trim() ?? '';
              if (name.length < 2 || name === loaded?.name) return;
              const others = await sameNamed(qc, name, projectId).catch(() => []);
              if (others.length > 0) {
                const names = others.map((p) => `${p.name} · ${p.regionName}`).join('; ');
                throw new Error(rt('project.duplicateName', { names }));
              }
            },
          },
        ]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="type" label={rt('project.type')} rules={required(rt('project.type'))}>
            <Select options={options(meta.data?.projectTypes)} loading={meta.isPending} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="regionCode" label={rt('project.region')} rules={required(rt('project.region'))}>
            <RegionSelect allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="ownerOrganisationId"
            label={rt('project.owner')}
            extra={rt('project.ownerHint')}
            rules={required(rt('project.owner'))}
          >
            <OrgSelect placeholder={rt('project.orgPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="deliveryMode"
            label={rt('project.deliveryMode')}
            rules={required(rt('project.deliveryMode'))}
          >
            <Select options={options(meta.data?.deliveryModes)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="agentBuilderId" label={rt('project.agentBuilder')}>
            <OrgSelect placeholder={rt('project.orgPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="contractorId" label={rt('project.contractor')}>
            <KindOrgSelect kind="contractor" placeholder={rt('project.orgPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="supervisorId" label={rt('project.supervisor')}>
            <OrgSelect placeholder={rt('project.orgPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="inspectorId" label={rt('project.inspector')}>
            <KindOrgSelect kind="inspector" placeholder={rt('project.orgPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="budgetYuan"
            label={rt('project.budgetYuan')}
            extra={parsedBudget?.ok ? formatFen(parsedBudget.value) : rt('project.budgetHint')}
            rules={[
              ...required(rt('project.budgetYuan')),
              {
                validator: async (_, v: string | undefined) => {
                  if (!v) return;
                  const r = yuanToFen(v);
                  if (!r.ok || r.value < 0) throw new Error(rt('project.budgetInvalid'));
                },
              },
            ]}
          >
            <Input inputMode="decimal" prefix="¥" className="gf-mono" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="stage" label={rt('project.stage')} rules={required(rt('project.stage'))}>
            <Select options={options(meta.data?.stages)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="startDate"
            label={rt('project.startDate')}
            rules={required(rt('project.startDate'))}
            {...dateItem}
          >
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="deadline"
            label={rt('project.deadline')}
            extra={rt('project.deadlineHint')}
            dependencies={['startDate']}
            rules={[
              ...required(rt('project.deadline')),
              ({ getFieldValue }) => ({
                validator: async (_, v: string | undefined) => {
                  const s = getFieldValue('startDate') as string | undefined;
                  if (v && s && v < s) throw new Error(rt('project.deadlineBeforeStart'));
                },
              }),
            ]}
            {...dateItem}
          >
            <DateInput />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="calendar" label={rt('project.calendar')} rules={required(rt('project.calendar'))}>
            <Select options={options(meta.data?.calendars)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="description" label={rt('project.description')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormDrawer>
  );
}
