import { useMutation } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useEffect } from 'react';
import { useServerError } from '../../forms.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useDefaultRegion } from '../../scope/scope.tsx';
import { ErrorAlert } from '../../widgets/ErrorAlert.tsx';
import { OrgSelect } from '../../widgets/OrgSelect.tsx';
import { RegionSelect } from '../../widgets/RegionSelect.tsx';
import { createOrg, type Org, type OrgCreate, patchOrg, useOrgKinds } from './orgs.api.ts';

interface Values {
  name: string;
  kind: OrgCreate['kind'];
  regionCode: string;
  parentId?: string | null;
  creditCode?: string;
  address?: string;
}

const FIELDS = ['name', 'kind', 'regionCode', 'parentId', 'creditCode', 'address'] as const;

/** Create or edit an organisation. `org` undefined = closed, null = new. */
export function OrgFormDrawer({
  org,
  onClose,
  onSaved,
}: {
  org: Org | null | undefined;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const defaultRegion = useDefaultRegion();
  const kinds = useOrgKinds();
  const [form] = Form.useForm<Values>();
  const server = useServerError(form, FIELDS);
  const kind = Form.useWatch('kind', form);
  const creditRequired = kinds.data?.find((k) => k.kind === kind)?.creditCodeRequired ?? false;
  const open = org !== undefined;

  useEffect(() => {
    if (!open) return;
    server.clear();
    form.resetFields();
    if (org) {
      form.setFieldsValue({
        name: org.name,
        kind: org.kind,
        regionCode: org.regionCode,
        parentId: org.parentId,
        creditCode: org.creditCode ?? '',
        address: org.address ?? '',
      });
    } else if (defaultRegion) {
      form.setFieldsValue({ regionCode: defaultRegion });
    }
  }, [open, org, form, defaultRegion, server.clear]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name.trim(),
        kind: v.kind,
        regionCode: v.regionCode,
        parentId: v.parentId ?? null,
        creditCode: v.creditCode?.trim() || null,
        address: v.address?.trim() || null,
      };
      return org ? patchOrg(org.id, body) : createOrg(body);
    },
    onSuccess: () => {
      void message.success(t('common.saved'));
      onSaved();
    },
    onError: server.report,
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={org ? t('orgs.editTitle') : t('orgs.create')}
      size={520}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" htmlType="submit" form="org-form" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      }
    >
      <ErrorAlert error={server.error} />
      <Form<Values>
        form={form}
        id="org-form"
        name="org"
        layout="vertical"
        onFinish={(v) => {
          server.clear();
          save.mutate(v);
        }}
      >
        <Form.Item
          name="name"
          label={t('orgs.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('orgs.name') }) },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('orgs.kind')}
          rules={[{ required: true, message: t('common.required', { field: t('orgs.kind') }) }]}
        >
          <Select
            loading={kinds.isPending}
            options={(kinds.data ?? []).map((k) => ({ value: k.kind, label: k.name }))}
          />
        </Form.Item>
        <Form.Item
          name="regionCode"
          label={t('orgs.region')}
          rules={[{ required: true, message: t('common.required', { field: t('orgs.region') }) }]}
        >
          <RegionSelect allowClear={false} />
        </Form.Item>
        <Form.Item name="parentId" label={t('orgs.parent')}>
          <OrgSelect placeholder={t('orgs.parentPlaceholder')} exclude={org?.id} />
        </Form.Item>
        <Form.Item
          name="creditCode"
          label={t('orgs.creditCode')}
          extra={t('orgs.creditCodeHint')}
          rules={[
            {
              required: creditRequired,
              whitespace: true,
              message: t('common.required', { field: t('orgs.creditCode') }),
            },
          ]}
        >
          <Input maxLength={18} className="gf-mono" />
        </Form.Item>
        <Form.Item name="address" label={t('orgs.address')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
