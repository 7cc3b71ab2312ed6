import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Space, Spin, Tabs, Tag } from 'antd';
import { type ReactNode, Suspense } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PermissionKey } from '../api/permissions.generated.ts';
import { useCan } from '../platform/auth/auth.tsx';
import { useT } from '../platform/i18n/i18n.tsx';
import { ErrorAlert } from '../platform/widgets/ErrorAlert.tsx';
import { PageHeader } from '../platform/widgets/PageHeader.tsx';
import { listUrl } from './list-memory.ts';

/** What the server says the caller may do with a record (`{ update: true, delete: false }`). */
export type CanFlags = Readonly<Record<string, boolean | undefined>>;

export interface DetailAction {
  key: string;
  label: ReactNode;
  onClick: () => void;
  icon?: ReactNode;
  primary?: boolean;
  danger?: boolean;
  /** The record's flag that allows it (`update`): shown only when the record says so. */
  can?: string;
  /** The permission that allows it, for records that carry no `can` flags (or actions they do not decide). */
  permission?: PermissionKey;
  /** Any other condition on the record (a stage, a status). */
  when?: boolean;
}

export interface DetailTab {
  key: string;
  label: ReactNode;
  children: ReactNode;
}

export interface DetailShellProps {
  /** The record's name; the page's one <h1>. */
  title: string;
  /** The list the record was opened from: the back link returns to it with its filters and page. */
  back: { to: string; label?: string };
  /** The record's status, as a tag beside the title's line. */
  status?: { label: ReactNode; color?: string };
  /** More of the title's line (type, region, owner). */
  description?: ReactNode;
  /** The record as the server sent it (nothing shows but the frame until it has come); its `can` flags decide which actions show. */
  record?: object | null;
  actions?: readonly DetailAction[];
  /** The record is loading, or failed to. */
  loading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** Tabs, the open one in the URL (`?tab=`, the first one without it). */
  tabs?: readonly DetailTab[];
  /** What shows below the tabs' place (or instead of tabs). */
  children?: ReactNode;
}

/** Whether an action shows: the record's `can` flag when it carries flags, else the permission. */
export function allowed(
  a: DetailAction,
  flags: CanFlags | undefined,
  can: (p: PermissionKey) => boolean,
): boolean {
  if (a.when === false) return false;
  if (a.can && flags) return flags[a.can] === true;
  return a.permission ? can(a.permission) : true;
}

/**
 * The frame of a detail page: back link to the list (as the user left it), title, status tag,
 * the actions the caller may take on this record, and tabs kept in the URL.
 */
export function DetailShell({
  title,
  back,
  status,
  description,
  record,
  actions = [],
  loading = false,
  error,
  onRetry,
  tabs,
  children,
}: DetailShellProps) {
  const t = useT();
  const can = useCan();
  const [sp, setSp] = useSearchParams();
  const first = tabs?.[0]?.key;
  const asked = sp.get('tab');
  const tab = tabs?.some((x) => x.key === asked) ? (asked as string) : first;
  const flags = record && 'can' in record ? (record.can as CanFlags | undefined) : undefined;
  const shown = actions.filter((a) => allowed(a, flags, can));
  return (
    <>
      <Link to={listUrl(back.to)} className="gf-back-link">
        <ArrowLeftOutlined aria-hidden /> {back.label ?? t('kit.backToList')}
      </Link>
      <PageHeader
        title={title}
        description={
          status || description ? (
            <Space wrap size={4}>
              {status ? (
                <Tag color={status.color} data-testid="detail-status">
                  {status.label}
                </Tag>
              ) : null}
              {description}
            </Space>
          ) : null
        }
        extra={
          record && shown.length > 0 ? (
            <Space wrap>
              {shown.map((a) => (
                <Button
                  key={a.key}
                  type={a.primary ? 'primary' : 'default'}
                  danger={a.danger}
                  icon={a.icon}
                  onClick={a.onClick}
                >
                  {a.label}
                </Button>
              ))}
            </Space>
          ) : null
        }
      />
      <ErrorAlert error={error} onRetry={onRetry} />
      {loading ? <Spin /> : null}
      {record && tabs && tab ? (
        <Tabs
          activeKey={tab}
          // another tab starts with its own lists afresh: only the tab stays in the URL
          onChange={(k) => setSp(k === first ? {} : { tab: k }, { replace: true })}
          destroyOnHidden
          items={tabs.map((x) => ({
            key: x.key,
            label: x.label,
            children: <Suspense fallback={<Spin />}>{x.children}</Suspense>,
          }))}
        />
      ) : null}
      {record ? children : null}
    </>
  );
}
