import { Form, Input } from 'antd';
import { useMemo } from 'react';
import { FormDrawer } from '../../../kit/index.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useDefaultRegion } from '../../scope/scope.tsx';
import { RegionSelect } from '../../widgets/RegionSelect.tsx';
import { createPerson, type Person, patchPerson, personKeys } from './people.api.ts';

interface Values {
  name: string;
  citizenId?: string;
  mobile?: string;
  regionCode?: string | null;
}

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
  const defaultRegion = useDefaultRegion();
  const [form] = Form.useForm<Values>();
  const open = person !== undefined;
  const start = useMemo(
    () =>
      person
        ? { name: person.name, regionCode: person.regionCode }
        : defaultRegion
          ? { regionCode: defaultRegion }
          : undefined,
    [person, defaultRegion],
  );
  const submit = (v: Values) => {
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
  };

  return (
    <FormDrawer<Values, Person>
      open={open}
      onClose={onClose}
      onSaved={onSaved}
      title={person ? t('people.editTitle') : t('people.create')}
      size={480}
      form={form}
      name="person"
      initialValues={start}
      submit={submit}
      invalidate={[personKeys.all]}
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
        extra={person ? `${person.mobileMasked ?? t('common.none')} · ${t('people.mobileKeep')}` : undefined}
      >
        <Input maxLength={30} className="gf-mono" autoComplete="off" inputMode="tel" />
      </Form.Item>
      <Form.Item name="regionCode" label={t('people.region')}>
        <RegionSelect />
      </Form.Item>
    </FormDrawer>
  );
}
