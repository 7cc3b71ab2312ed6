import { IdcardOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { PagedTable, useListParams, usePagedQuery } from '../../../kit/index.ts';
import { api, unwrap } from '../../api/client.ts';
import { useCan } from '../../auth/auth.tsx';
import { ExcelButtons } from '../../excel/ExcelButtons.tsx';
import { ImportJobStatus } from '../../excel/ImportJobStatus.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useT } from '../../i18n/i18n.tsx';
import { useScope } from '../../scope/scope.tsx';
import { PageHeader } from '../../widgets/PageHeader.tsx';
import { RegionSelect } from '../../widgets/RegionSelect.tsx';
import { LookupModal } from './LookupModal.tsx';
import { PersonDrawer } from './PersonDrawer.tsx';
import { PersonFormDrawer } from './PersonFormDrawer.tsx';
import { type Person, type PersonQuery, personKeys } from './people.api.ts';

const FILTERS = ['q', 'regionCode', 'gender', 'ageMin', 'ageMax'] as const;

const toInt = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : undefined);

/** People, masked: filter, view, register, edit, look up by citizen ID, unmask with a reason. */
export default function PeoplePage() {
  const t = useT();
  const fmt = useFormat();
  const can = useCan();
  const scope = useScope();
  const _qc = useQueryClient();
  const list = useListParams({ filters: FILTERS });
  const [viewing, setViewing] = useState<string | null>(null);
  const [editing, setEditing] = useState<Person | null | undefined>(undefined);
  const [lookupOpen, setLookupOpen] = useState(false);

  const query: PersonQuery = useMemo(
    () => ({
      q: list.filters.q,
      regionCode: list.filters.regionCode ?? scope.regionCode ?? undefined,
      gender: list.filters.gender as PersonQuery['gender'],
      ageMin: toInt(list.filters.ageMin),
      ageMax: toInt(list.filters.ageMax),
    }),
    [list.filters, scope.regionCode],
  );
  const people = usePagedQuery({
    list,
    query,
    queryKey: (q) => [...personKeys.all, 'list', q],
    fetch: (q) => unwrap(api.GET('/api/people', { params: { query: q } })),
  });

  const writable = can('person.write');
  return (
    <>
      <PageHeader
        title={t('people.title')}
        description={t('people.description')}
        extra={
          <Space wrap>
            <Button icon={<IdcardOutlined aria-hidden />} onClick={() => setLookupOpen(true)}>
              {t('people.lookup')}
            </Button>
            <ExcelButtons target="people" query={query} canImport={writable} />
            {writable ? (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
                {t('people.create')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <ImportJobStatus target="people" />
      <PagedTable
        list={list}
        result={people}
        toForm={(f) => ({ ...f, ageMin: toInt(f.ageMin), ageMax: toInt(f.ageMax) })}
        filters={
          <>
            <Form.Item name="q" label={t('people.name')}>
              <Input placeholder={t('people.searchPlaceholder')} allowClear style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="regionCode" label={t('people.region')}>
              <RegionSelect placeholder={t('common.all')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="gender" label={t('people.gender')}>
              <Select
                allowClear
                placeholder={t('common.all')}
                style={{ width: 100 }}
                options={[
                  { value: 'male', label: t('people.male') },
                  { value: 'female', label: t('people.female') },
                ]}
              />
            </Form.Item>
            <Form.Item name="ageMin" label={t('people.ageMin')}>
              <InputNumber min={0} max={150} precision={0} controls={false} style={{ width: 80 }} />
            </Form.Item>
            <Form.Item name="ageMax" label={t('people.ageMax')}>
              <InputNumber min={0} max={150} precision={0} controls={false} style={{ width: 80 }} />
            </Form.Item>
          </>
        }
        aria-label={t('people.table')}
        rowKey="id"
        scroll={{ x: 960 }}
        columns={[
          {
            title: t('people.name'),
            dataIndex: 'name',
            render: (name: string, p) => (
              <Button type="link" className="gf-link-cell" onClick={() => setViewing(p.id)}>
                {name}
              </Button>
            ),
          },
          {
            title: t('people.citizenId'),
            dataIndex: 'citizenIdMasked',
            width: 200,
            render: (v: string) => <span className="gf-mono">{v}</span>,
          },
          {
            title: t('people.mobile'),
            dataIndex: 'mobileMasked',
            width: 140,
            render: (v: string | null) => <span className="gf-mono">{v ?? t('common.none')}</span>,
          },
          {
            title: t('people.gender'),
            dataIndex: 'gender',
            width: 90,
            render: (g: Person['gender']) => (g === 'male' ? t('people.male') : t('people.female')),
          },
          { title: t('people.age'), dataIndex: 'age', width: 70 },
          {
            title: t('people.region'),
            dataIndex: 'regionName',
            width: 160,
            render: (v: string | null) => v ?? t('common.none'),
          },
          { title: t('common.updatedAt'), dataIndex: 'updatedAt', width: 170, render: fmt.dateTime },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 160,
            fixed: 'right',
            render: (_, p) => (
              <Space size={0}>
                <Button
                  type="link"
                  onClick={() => setViewing(p.id)}
                  aria-label={`${t('common.details')} ${p.name}`}
                >
                  {t('common.details')}
                </Button>
                {writable ? (
                  <Button
                    type="link"
                    onClick={() => setEditing(p)}
                    aria-label={`${t('common.edit')} ${p.name}`}
                  >
                    {t('common.edit')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <PersonDrawer
        personId={viewing}
        onClose={() => setViewing(null)}
        onEdit={
          writable
            ? (p) => {
                setViewing(null);
                setEditing(p);
              }
            : undefined
        }
      />
      <PersonFormDrawer
        person={editing}
        onClose={() => setEditing(undefined)}
        onSaved={(p) => setViewing(p.id)}
      />
      <LookupModal
        open={lookupOpen}
        onClose={() => setLookupOpen(false)}
        onFound={(p) => {
          setLookupOpen(false);
          setViewing(p.id);
        }}
      />
    </>
  );
}
