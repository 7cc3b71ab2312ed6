import { EyeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Space, Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useCan } from '../../auth/auth.tsx';
import { useFormat } from '../../i18n/format.ts';
import { useT } from '../../i18n/i18n.tsx';
import { ErrorAlert } from '../../widgets/ErrorAlert.tsx';
import { RegionName } from '../../widgets/RegionName.tsx';
import { fetchPerson, type Person, personKeys, type Unmasked } from './people.api.ts';
import { UnmaskModal } from './UnmaskModal.tsx';

/** One person, masked; with `person.unmask`, the full values after giving a reason (audited). */
export function PersonDrawer({
  personId,
  onClose,
  onEdit,
}: {
  personId: string | null;
  onClose: () => void;
  onEdit?: ((p: Person) => void) | undefined;
}) {
  const t = useT();
  const fmt = useFormat();
  const can = useCan();
  const [askReason, setAskReason] = useState(false);
  const [clear, setClear] = useState<Unmasked | null>(null);
  const note = useRef<HTMLDivElement>(null);
  const unmaskButton = useRef<HTMLButtonElement>(null);
  const person = useQuery({
    queryKey: personKeys.one(personId ?? ''),
    queryFn: () => fetchPerson(personId ?? ''),
    enabled: personId !== null,
  });
  // Full values live only while this person's drawer is open.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset whenever the person changes
  useEffect(() => {
    setClear(null);
    setAskReason(false);
  }, [personId]);

  const p = person.data;
  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      title={t('people.detailTitle')}
      size={560}
      destroyOnHidden
      extra={
        p ? (
          <Space>
            {can('person.unmask') && !clear ? (
              <Button
                ref={unmaskButton}
                icon={<EyeOutlined aria-hidden />}
                onClick={() => setAskReason(true)}
              >
                {t('people.unmask')}
              </Button>
            ) : null}
            {onEdit ? <Button onClick={() => onEdit(p)}>{t('common.edit')}</Button> : null}
          </Space>
        ) : null
      }
    >
      <ErrorAlert error={person.error} onRetry={() => void person.refetch()} />
      {person.isPending && personId ? <Spin /> : null}
      {p ? (
        <>
          {clear ? (
            <Alert
              type="warning"
              showIcon
              title={t('people.unmaskedNote')}
              className="gf-block"
              role="status"
            />
          ) : null}
          <Descriptions
            column={1}
            bordered
            size="small"
            items={[
              { key: 'name', label: t('people.name'), children: p.name },
              {
                key: 'citizenId',
                label: t('people.citizenId'),
                children: (
                  <span className="gf-mono" data-testid="person-citizen-id">
                    {clear ? clear.citizenId : p.citizenIdMasked}
                  </span>
                ),
              },
              {
                key: 'mobile',
                label: t('people.mobile'),
                children: (
                  <span className="gf-mono" data-testid="person-mobile">
                    {(clear ? clear.mobile : p.mobileMasked) ?? t('common.none')}
                  </span>
                ),
              },
              {
                key: 'gender',
                label: t('people.gender'),
                children: p.gender === 'male' ? t('people.male') : t('people.female'),
              },
              { key: 'birthYear', label: t('people.birthYear'), children: p.birthYear },
              { key: 'age', label: t('people.age'), children: p.age },
              {
                key: 'native',
                label: t('people.nativeRegion'),
                // the place, from its code (the first six digits of the citizen ID)
                children: <RegionName code={p.nativeRegionCode} path />,
              },
              { key: 'region', label: t('people.region'), children: p.regionName ?? t('common.none') },
              { key: 'createdAt', label: t('common.createdAt'), children: fmt.dateTime(p.createdAt) },
              { key: 'updatedAt', label: t('common.updatedAt'), children: fmt.dateTime(p.updatedAt) },
            ]}
          />
          <UnmaskModal
            personId={p.id}
            personName={p.name}
            open={askReason}
            onClose={() => setAskReason(false)}
            afterClose={() => (note.current ?? unmaskButton.current)?.focus()}
            onUnmasked={(v) => {
              setClear(v);
              setAskReason(false);
            }}
          />
        </>
      ) : null}
    </Drawer>
  );
}
