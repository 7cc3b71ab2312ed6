import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Select } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { KNOWN_PROGRAMMES, programmeLabel } from '../../labels.ts';
import { RegionSelect } from '../../widgets/RegionSelect.tsx';
import { useRoles } from './users.api.ts';

export interface GrantValues {
  role?: string;
  regionCode?: string | null;
  programmes?: string[];
}

/** The grants of an account: role × region (empty = everywhere) × programmes (empty = all). */
export function GrantsEditor() {
  const { t, lang } = useI18n();
  const roles = useRoles();
  const roleOptions = (roles.data ?? []).map((r) => ({
    value: r.role,
    label: lang === 'en' ? r.name.en : r.name.zh,
  }));
  return (
    <Form.List
      name="grants"
      rules={[
        {
          validator: (_, v: unknown[] | undefined) =>
            v && v.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('users.noGrants'))),
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div className="gf-grants">
          {fields.map((field, i) => (
            <fieldset key={field.key} className="gf-grant">
              <legend>{t('users.grantN', { n: i + 1 })}</legend>
              <Form.Item
                name={[field.name, 'role']}
                label={t('users.grantRole')}
                rules={[{ required: true, message: t('common.required', { field: t('users.grantRole') }) }]}
              >
                <Select options={roleOptions} loading={roles.isPending} />
              </Form.Item>
              <Form.Item name={[field.name, 'regionCode']} label={t('users.grantRegion')}>
                <RegionSelect roots="all" placeholder={t('users.grantRegionAll')} />
              </Form.Item>
              <Form.Item name={[field.name, 'programmes']} label={t('users.grantProgrammes')}>
                <Select
                  mode="tags"
                  placeholder={t('users.grantProgrammesAll')}
                  options={KNOWN_PROGRAMMES.map((p) => ({ value: p, label: programmeLabel(t, p) }))}
                />
              </Form.Item>
              <Button
                danger
                type="text"
                icon={<DeleteOutlined aria-hidden />}
                onClick={() => remove(field.name)}
                aria-label={`${t('users.removeGrant')} ${i + 1}`}
              >
                {t('users.removeGrant')}
              </Button>
            </fieldset>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => add({ programmes: [] })}
            block
          >
            {t('users.addGrant')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

/** Form values → the API's grant list. */
export const toGrants = (gs: GrantValues[] | undefined) =>
  (gs ?? []).map((g) => ({
    role: g.role ?? '',
    regionCode: g.regionCode ?? null,
    organisationId: null,
    programmes: g.programmes ?? [],
  }));
