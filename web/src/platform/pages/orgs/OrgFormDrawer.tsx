import { Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { FormDrawer } from '../../../kit/index.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useDefaultRegion } from '../../scope/scope.tsx';
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

/** Create or edit an organisation. `org` undefined = closed, null = new. */
export function OrgFormDrawer({
  org,
  onClose,
  onSaved,
}: {
  org: Org | null | undefined;
  onClose: () => void;
  onSaved?: () => void;
}) {
  const t = useT();
  const defaultRegion = useDefaultRegion();
  const kinds = useOrgKinds();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const creditRequired = kinds.data?.find((k) => k.kind === kind)?.creditCodeRequired ?? false;
  const open = org !== undefined;
  const start = useMemo(
    () =>
      org
        ? {
            name: org.name,
            kind: org.kind,
            regionCode: org.regionCode,
            parentId: org.parentId,
            creditCode: org.creditCode ?? '',
            address: org.address ?? '',
          }
        : defaultRegion
          ? { regionCode: defaultRegion }
          : undefined,
    [org, defaultRegion],
  );
  const submit = (v: Values) => {
    const body = {
      name: v.name.trim(),
      kind: v.kind,
      regionCode: v.regionCode,
      parentId: v.parentId ?? null,
      creditCode: v.creditCode?.trim() || null,
      address: v.address?.trim() || null,
    };
    return org ? patchOrg(org.id, body) : createOrg(body);
  };

  return (
    <FormDrawer<Values, Org>
      open={open}
      onClose={onClose}
      onSaved={onSaved}
      title={org ? t('orgs.editTitle') : t('orgs.create')}
      size={520}
      form={form}
      name="org"
      initialValues={start}
      submit={submit}
      invalidate={[['orgs']]}
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
    </FormDrawer>
  );
}
