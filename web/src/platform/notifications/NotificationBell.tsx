import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Drawer, Empty, List, Pagination, Space, Switch, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import type { ApiItem } from '../api/types.ts';
import { useFormat } from '../i18n/format.ts';
import { useT } from '../i18n/i18n.tsx';
import { ErrorAlert } from '../widgets/ErrorAlert.tsx';

type Notification = ApiItem<'/api/notifications'>;

const keys = {
  all: ['notifications'] as const,
  count: ['notifications', 'unread-count'] as const,
  list: (unreadOnly: boolean, page: number) => ['notifications', 'list', unreadOnly, page] as const,
};
const PAGE_SIZE = 10;

/** The header's bell: my unread count, opening my notifications (mark read, open the linked page). */
export function NotificationBell() {
  const t = useT();
  const fmt = useFormat();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const count = useQuery({
    queryKey: keys.count,
    queryFn: () => unwrap(api.GET('/api/notifications/unread-count')),
    refetchInterval: 60_000,
  });
  const list = useQuery({
    queryKey: keys.list(unreadOnly, page),
    queryFn: () =>
      unwrap(api.GET('/api/notifications', { params: { query: { unreadOnly, page, pageSize: PAGE_SIZE } } })),
    enabled: open,
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: keys.all });
  const read = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: refresh,
  });
  const readAll = useMutation({
    mutationFn: () => unwrap(api.POST('/api/notifications/read-all')),
    onSuccess: refresh,
  });
  const n = count.data?.count ?? 0;
  const openItem = (item: Notification) => {
    if (!item.readAt) read.mutate(item.id);
    if (item.link) {
      setOpen(false);
      navigate(item.link);
    }
  };
  return (
    <>
      <Badge count={n} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined aria-hidden />}
          aria-label={n > 0 ? t('notify.bellUnread', { n }) : t('notify.bell')}
          onClick={() => setOpen(true)}
        />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('notify.title')}
        size={420}
        extra={
          <Button
            size="small"
            disabled={n === 0}
            loading={readAll.isPending}
            onClick={() => readAll.mutate()}
          >
            {t('notify.readAll')}
          </Button>
        }
      >
        <Space className="gf-block">
          <Switch
            size="small"
            checked={unreadOnly}
            onChange={(v) => {
              setUnreadOnly(v);
              setPage(1);
            }}
            aria-label={t('notify.unreadOnly')}
          />
          <span>{t('notify.unreadOnly')}</span>
        </Space>
        <ErrorAlert error={list.error ?? read.error ?? readAll.error} onRetry={() => void list.refetch()} />
        <List<Notification>
          loading={list.isPending && open}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('notify.empty')} /> }}
          renderItem={(item) => (
            <List.Item
              actions={[
                item.link ? (
                  <Button key="open" type="link" size="small" onClick={() => openItem(item)}>
                    {t('notify.open')}
                  </Button>
                ) : null,
                !item.readAt ? (
                  <Button key="read" type="link" size="small" onClick={() => read.mutate(item.id)}>
                    {t('notify.markRead')}
                  </Button>
                ) : null,
              ].filter(Boolean)}
            >
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    {!item.readAt ? <Tag color="red">{t('notify.unread')}</Tag> : null}
                    <span style={{ fontWeight: item.readAt ? 400 : 600 }}>{item.title}</span>
                  </Space>
                }
                description={
                  <>
                    <div>{item.body}</div>
                    <div className="gf-muted gf-small">{fmt.dateTime(item.createdAt)}</div>
                  </>
                }
              />
            </List.Item>
          )}
        />
        {(list.data?.total ?? 0) > PAGE_SIZE ? (
          <Pagination
            size="small"
            current={page}
            pageSize={PAGE_SIZE}
            total={list.data?.total ?? 0}
            onChange={setPage}
            showSizeChanger={false}
          />
        ) : null}
      </Drawer>
    </>
  );
}
