import { useState } from 'react';
import { Badge, Button, Drawer, Empty, List, Space, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api } from '../lib/api';
import { L, useLocale, useT } from '../lib/i18n';
import { useAuth } from './auth';
import { ErrorAlert } from '../components/ErrorAlert';

const POLL_MS = 60_000;

/**
 * The bell in the staff and business headers: the unread count (polled each minute), and a drawer
 * with the account's notifications, newest first — open one to go to its page (marking it read),
 * mark one or all read, load older ones.
 */
export function NotificationBell({ dark = false }: { dark?: boolean }) {
  const t = useT();
  const [locale] = useLocale();
  const { actor, can } = useAuth();
  const [open, setOpen] = useState(false);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const enabled = !!actor && can('platform.notification.read-own');
  const count = useQuery({
    queryKey: ['notifications', 'unread'],
    enabled,
    refetchInterval: POLL_MS,
    queryFn: ({ signal }) => api.get('/api/notifications/unread-count', { signal }),
  });
  const list = useInfiniteQuery({
    queryKey: ['notifications', 'list', locale],
    enabled: enabled && open,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api.get('/api/notifications', { query: { cursor: pageParam, limit: 20 }, signal }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (!enabled) return null;
  const unread = count.data?.unread ?? 0;
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const refresh = () => qc.invalidateQueries({ queryKey: ['notifications'] });

  async function markRead(id: string) {
    await api.post('/api/notifications/{id}/read', { path: { id } });
    await refresh();
  }
  async function openItem(n: (typeof items)[number]) {
    if (!n.readAt) await markRead(n.id);
    if (n.link) {
      setOpen(false);
      navigate(n.link);
    }
  }
  const label = t(L('通知（{n} 条未读）', '通知（{n} 則未讀）', 'Notifications ({n} unread)'), { n: unread });

  return (
    <>
      <Badge count={unread} size="small" offset={[-6, 6]} overflowCount={99}>
        <Button type="text" aria-label={label} title={label} icon={<BellOutlined />} onClick={() => setOpen(true)} style={dark ? { color: '#fff' } : undefined} data-testid="notification-bell" />
      </Badge>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t(L('通知', '通知', 'Notifications'))}
        size="default"
        styles={{ wrapper: { maxWidth: '100vw' } }}
        extra={
          <Button size="small" disabled={unread === 0} onClick={() => void api.post('/api/notifications/read-all').then(refresh)} data-testid="notifications-read-all">
            {t(L('全部标为已读', '全部標為已讀', 'Mark all read'))}
          </Button>
        }
        data-testid="notification-drawer"
      >
        <ErrorAlert error={list.error} />
        {items.length === 0 && !list.isLoading ? <Empty description={t(L('暂无通知', '暫無通知', 'No notifications'))} /> : null}
        <List
          loading={list.isLoading}
          dataSource={items}
          data-testid="notification-list"
          renderItem={(n) => (
            <List.Item
              data-testid="notification-item"
              style={{ background: n.readAt ? undefined : 'rgba(31,78,156,0.06)', paddingInline: 8 }}
              actions={n.readAt ? [] : [<Button key="r" size="small" type="link" onClick={() => void markRead(n.id)} data-testid="notification-mark-read">{t(L('标为已读', '標為已讀', 'Mark read'))}</Button>]}
            >
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    {n.readAt ? null : <Tag color="#1f4e9c">{t(L('未读', '未讀', 'Unread'))}</Tag>}
                    {n.link ? (
                      <a href={n.link} onClick={(e) => (e.preventDefault(), void openItem(n))} data-testid="notification-link">{n.title}</a>
                    ) : (
                      <span>{n.title}</span>
                    )}
                  </Space>
                }
                description={
                  <>
                    <div style={{ color: 'rgba(0,0,0,0.78)', overflowWrap: 'anywhere' }}>{n.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{new Date(n.createdAt).toLocaleString(locale)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
        {list.hasNextPage ? (
          <Button block onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </Drawer>
    </>
  );
}
