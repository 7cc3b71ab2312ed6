import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Card, Descriptions, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { DetailShell, useServerError } from '../../../../kit/index.ts';
import { api, unwrap } from '../../../../platform/api/client.ts';
import { FileUpload, useUploadHint } from '../../../../platform/files/FileUpload.tsx';
import type { StoredFile } from '../../../../platform/files/types.ts';
import { useFormat } from '../../../../platform/i18n/format.ts';
import { useT } from '../../../../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../../../../platform/widgets/ErrorAlert.tsx';
import { type FindingCreate, rk, useInspectionOptions } from '../../api.ts';
import { useRT } from '../../i18n/rt.ts';
import { lines } from '../../shared/widgets/fields.tsx';
import { FindingsTable } from './FindingsTable.tsx';
import '../../renewal.css';

/** One inspection visit with its findings (deadlines set by the server from the severity). */
export default function InspectionDetailPage() {
  const rt = useRT();
  const fmt = useFormat();
  const { id = '' } = useParams();
  const [adding, setAdding] = useState(false);
  const visit = useQuery({
    queryKey: rk.inspection(id),
    queryFn: () => unwrap(api.GET('/api/renewal/inspections/{id}', { params: { path: { id } } })),
  });
  const v = visit.data;
  return (
    <DetailShell
      title={v ? rt('inspection.detailTitle', { date: v.inspectedOn }) : rt('inspection.pageTitle')}
      back={{ to: '/renewal/inspections' }}
      description={
        v ? <Link to={`/renewal/projects/${v.projectId}?tab=inspections`}>{v.projectName}</Link> : null
      }
      record={v}
      loading={visit.isPending}
      error={visit.error}
      onRetry={() => void visit.refetch()}
      actions={[
        {
          key: 'add-finding',
          label: rt('inspection.addFinding'),
          icon: <PlusOutlined aria-hidden />,
          can: 'update',
          permission: 'renewal.inspect',
          onClick: () => setAdding(true),
        },
      ]}
    >
      {v ? (
        <div className="rn-stack">
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'date', label: rt('inspection.inspectedOn'), children: v.inspectedOn },
                { key: 'org', label: rt('inspection.inspectorOrg'), children: v.inspectorOrganisation.name },
                { key: 'names', label: rt('inspection.inspectors'), children: v.inspectorNames.join('、') },
                {
                  key: 'by',
                  label: rt('inspection.recordedBy'),
                  children: `${v.createdBy?.name ?? '—'} · ${fmt.dateTime(v.createdAt)}`,
                },
                { key: 'summary', label: rt('inspection.summary'), span: 2, children: v.summary ?? '—' },
              ]}
            />
          </Card>
          <FindingsTable
            query={{ inspectionId: v.id }}
            showProject={false}
            label={rt('inspection.findingsOfVisit')}
          />
          <AddFindingModal inspectionId={v.id} open={adding} onClose={() => setAdding(false)} />
        </div>
      ) : null}
    </DetailShell>
  );
}

type FindingValues = Omit<FindingCreate, 'photos' | 'files'> & { photos?: string; files?: StoredFile[] };

function AddFindingModal({
  inspectionId,
  open,
  onClose,
}: {
  inspectionId: string;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const rt = useRT();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const options = useInspectionOptions();
  const [form] = Form.useForm<FindingValues>();
  const server = useServerError(form, ['category', 'severity', 'location', 'description', 'photos', 'files']);
  const photoHint = useUploadHint('photo');
  useEffect(() => {
    if (open) {
      server.clear();
      form.resetFields();
    }
  }, [open, form, server.clear]);
  const save = useMutation({
    mutationFn: (v: FindingValues) =>
      unwrap(
        api.POST('/api/renewal/inspections/{id}/findings', {
          params: { path: { id: inspectionId } },
          body: {
            ...v,
            location: v.location.trim(),
            description: v.description.trim(),
            photos: lines(v.photos),
            files: (v.files ?? []).map((f) => f.id),
          },
        }),
      ),
    onSuccess: (f) => {
      void message.success(rt('finding.added', { date: f.deadline }));
      void qc.invalidateQueries({ queryKey: rk.all });
      onClose();
    },
    onError: server.report,
  });
  const req = (label: string) => [
    { required: true, whitespace: true, message: t('common.required', { field: label }) },
  ];
  return (
    <Modal
      open={open}
      title={rt('inspection.addFinding')}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'renewal-finding-form', loading: save.isPending }}
      destroyOnHidden
    >
      <ErrorAlert error={server.error} />
      <Form<FindingValues>
        form={form}
        id="renewal-finding-form"
        layout="vertical"
        initialValues={{ severity: 'minor' }}
        onFinish={(v) => {
          server.clear();
          save.mutate(v);
        }}
      >
        <Form.Item
          name="category"
          label={rt('finding.category')}
          rules={[{ required: true, message: t('common.required', { field: rt('finding.category') }) }]}
        >
          <Select options={(options.data?.categories ?? []).map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        <Form.Item name="severity" label={rt('finding.severity')} rules={[{ required: true }]}>
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
        <Form.Item name="location" label={rt('finding.location')} rules={req(rt('finding.location'))}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="description"
          label={rt('finding.description')}
          rules={req(rt('finding.description'))}
        >
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="files" label={rt('finding.files')} extra={photoHint}>
          <FileUpload kind="photo" max={20} />
        </Form.Item>
        <Form.Item name="photos" label={rt('finding.photos')} extra={rt('finding.photosHint')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
