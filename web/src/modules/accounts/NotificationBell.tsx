import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { formatDateTime } from '../../platform/format';
import { recordName } from '../customers/recordName';
import type { Notification } from './types';

interface NotificationList {
  data: Notification[];
  unread: number;
}

const notificationsKey = ['notifications'] as const;

type Translate = ReturnType<typeof useTranslation>['t'];

/**
 * The sentence of a notification in the reader's language, from the parts the server sends; the
 * server's English `title` is the fallback for a kind this client does not know yet.
 */
function sentence(item: Notification, t: Translate, locale: string): string {
  const p = item.payload;
  const actor = p.actor_name ?? t('notifications.someone');
  const task = p.task_title ?? '';
  switch (item.kind) {
    case 'assignment':
      return t('notifications.sentence.assignment', { actor, task });
    case 'mention':
      // a customer the reader may see but whose name their role hides comes with a type and no name
      if (p.record_type) {
        const record = recordName(t, p.record_type === 'contact' ? 'contacts' : 'companies', p.record_name);
        return t('notifications.sentence.mention', { actor, record });
      }
      return t('notifications.sentence.mention_no_record', { actor });
    case 'task_due':
    case 'task_overdue':
      return t(`notifications.sentence.${item.kind}`, { task, due: p.due_at ? formatDateTime(p.due_at, locale) : '' });
    default:
      return item.title;
  }
}

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const [opened, setOpened] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data } = useQuery({
    queryKey: notificationsKey,
    queryFn: () => api.get<NotificationList>('/notifications'),
    refetchInterval: 60_000,
  });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: notificationsKey });
  const markRead = useMutation({ mutationFn: (id: string) => api.post(`/notifications/${id}/read`), onSettled: invalidate });
  const markAll = useMutation({ mutationFn: () => api.post('/notifications/read-all'), onSettled: invalidate });
  const unread = data?.unread ?? 0;

  const open = (item: Notification) => {
    if (!item.read_at) markRead.mutate(item.id);
    setOpened(false);
    // Links are app paths such as /contacts/42; anything else is ignored rather than followed off-site.
    if (item.link?.startsWith('/')) void navigate({ to: item.link });
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={320} withinPortal shadow="md">
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} offset={4} color="red">
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={t('notifications.title')}
            onClick={() => setOpened((o) => !o)}
            data-testid="notification-bell"
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs" maw="calc(100vw - 16px)">
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t('notifications.title')}</Text>
          <Button size="compact-xs" variant="subtle" disabled={unread === 0} onClick={() => markAll.mutate()}>
            {t('notifications.markAllRead')}
          </Button>
        </Group>
        <ScrollArea.Autosize mah={360}>
          <Stack gap={4}>
            {(data?.data ?? []).length === 0 && (
              <Text size="sm" c="dimmed" p="xs">
                {t('notifications.empty')}
              </Text>
            )}
            {(data?.data ?? []).map((item) => (
              <UnstyledButton key={item.id} onClick={() => open(item)} p={6} style={{ borderRadius: 6 }}>
                <Text size="sm" fw={item.read_at ? 400 : 600} lineClamp={2}>
                  {sentence(item, t, i18n.language)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`notifications.kind.${item.kind}`)} · {formatDateTime(item.created_at, i18n.language)}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
