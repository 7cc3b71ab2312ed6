import { SearchOutlined } from '@ant-design/icons';
import { Button, Form, type FormInstance, Space } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useT } from '../platform/i18n/i18n.tsx';

/**
 * The filter bar above a list: labelled fields, 查询 (submit, also on Enter) and 重置.
 * `values` are the filters now in force (from the URL); the form follows them.
 */
export function FilterForm<V extends object>({
  form,
  values,
  onSearch,
  children,
  extra,
}: {
  form: FormInstance<V>;
  values: V;
  onSearch: (values: V | null) => void;
  children: ReactNode;
  /** More buttons after 查询 and 重置 (the list's export). */
  extra?: ReactNode;
}) {
  const t = useT();
  // Follow the filters in force when they change (URL, reset, back button), not on every render.
  const key = JSON.stringify(values);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `values`
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(values as Parameters<typeof form.setFieldsValue>[0]);
  }, [form, key]);
  return (
    <Form<V>
      form={form}
      layout="inline"
      className="gf-filters"
      role="search"
      aria-label={t('common.filters')}
      onFinish={(v) => onSearch(v)}
    >
      {children}
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onSearch(null);
            }}
          >
            {t('common.reset')}
          </Button>
          {extra}
        </Space>
      </Form.Item>
    </Form>
  );
}
