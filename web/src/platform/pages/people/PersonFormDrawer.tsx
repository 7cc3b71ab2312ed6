import { useMutation } from '@tanstack/react-query';
import { App, Button, Drawer, Form, Input, Space } from 'antd';
import { useEffect } from 'react';
import { useServerError } from '../../forms.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useDefaultRegion } from '../../scope/scope.tsx';
import { ErrorAlert } from '../../widgets/ErrorAlert.tsx';
import { RegionSelect } from '../../widgets/RegionSelect.tsx';
import { createPerson, type Person, patchPerson } from './people.api.ts';

interface Values {
  name: string;
  citizenId?: string;
  mobile?: string;
  regionCode?: string | null;
}

const FIELDS = ['name', 'citizenId', 'mobile', 'regionCode'] as const;

/** Register a person, or edit one (the citizen ID cannot change). `person` undefined = closed, null = new. */
export function PersonFormDrawer({
  person,
  onClose,
  onSaved,
}: {
  person: Person | null | undefined;
  onClose: () => void;
  onSaved: (p: Person) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const defaultRegion = useDefaultRegion();
  const [form] = Form.useForm<Values>();
  const server = useServerError(form, FIELDS);
  const open = person !== undefined;

  useEffect(() => {
    if (!open) return;
    server.clear();
    form.resetFields();
    if (person) form.setFieldsValue({ name: person.name, regionCode: person.regionCode });
    else if (defaultRegion) form.setFieldsValue({ regionCode: defaultRegion });
  }, [open, person, form, defaultRegion, server.clear]);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const mobile = v.mobile?.trim();
      if (person) {
        return patchPerson(person.id, {
          name: v.name.trim(),
          regionCode: v.regionCode ?? null,
          ...(mobile ? { mobile } : {}),
        });
      }
      return createPerson({
        name: v.name.trim(),
        citizenId: (v.citizenId ?? '').trim(),
        mobile: mobile || null,
        regionCode: v.regionCode ?? null,
      });
    },
    onSuccess: (p) => {
      void message.success(t('common.saved'));
      onSaved(p);
    },
    onError: server.report,
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={person ? t('people.editTitle') : t('people.create')}
      size={480}
      destroyOnHidden
      footer={
        <Space>
          <Button type="primary" htmlType="submit" form="person-form" loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      }
    >
      <ErrorAlert error={server.error} />
      <Form<Values>
        form={form}
        id="person-form"
        name="person"
        layout="vertical"
        onFinish={(v) => {
          server.clear();
          save.mutate(v);
        }}
      >
        <Form.Item
          name="name"
          label={t('people.name')}
          rules={[
            { required: true, whitespace: true, message: t('common.required', { field: t('people.name') }) },
          ]}
        >
          <Input maxLength={50} autoComplete="off" />
        </Form.Item>
        {person ? (
          <Form.Item label={t('people.citizenId')} extra={t('people.citizenIdLocked')}>
            <Input value={person.citizenIdMasked} disabled className="gf-mono" />
          </Form.Item>
        ) : (
          <Form.Item
            name="citizenId"
            label={t('people.citizenId')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.required', { field: t('people.citizenId') }),
              },
            ]}
          >
            <Input maxLength={18} className="gf-mono" autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="mobile"
          label={t('people.mobile')}
          extra={
            person ? `${person.mobileMasked ?? t('common.none')} · ${t('people.mobileKeep')}` : undefined
          }
        >
          <Input maxLength={30} className="gf-mono" autoComplete="off" inputMode="tel" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('people.region')}>
          <RegionSelect />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
