import { Button, Card, Center, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import type { FilterNode, ListPage } from '../../platform/listTypes';
import { andFilter, filterParam } from '../../platform/listTypes';
import { useSession } from '../accounts/useSession';
import { TaskRow } from './TaskRow';
import type { Task } from './types';

type Scope = 'mine' | 'all';
type Status = 'open' | 'overdue' | 'done';

function statusFilter(status: Status): FilterNode {
  if (status === 'done') return { field: 'done', op: 'eq', value: true };
  if (status === 'overdue') {
    return { and: [{ field: 'done', op: 'eq', value: false }, { field: 'due_at', op: 'lt', value: new Date().toISOString() }] };
  }
  return { field: 'done', op: 'eq', value: false };
}

export function TasksView() {
  const { t } = useTranslation();
  const { user } = useSession();
  const [scope, setScope] = useState<Scope>('mine');
  const [status, setStatus] = useState<Status>('open');
  const filter = andFilter(scope === 'mine' ? { field: 'assignee_id', op: 'eq', value: user.id } : undefined, statusFilter(status));
  const sort = status === 'done' ? '-due_at' : 'due_at';
  const tasks = useInfiniteQuery({
    queryKey: ['tasks', scope, status, user.id],
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<Task>>('/tasks', { filter: filterParam(filter), sort, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = tasks.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Stack gap="md">
      <Title order={2}>{t('nav.tasks')}</Title>
      <Group gap="sm" wrap="wrap">
        <SegmentedControl
          value={scope}
          onChange={(v) => setScope(v === 'all' ? 'all' : 'mine')}
          data={[
            { value: 'mine', label: t('task.scope.mine') },
            { value: 'all', label: t('task.scope.all') },
          ]}
          data-testid="task-scope"
        />
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as Status)}
          data={[
            { value: 'open', label: t('task.status.open') },
            { value: 'overdue', label: t('task.status.overdue') },
            { value: 'done', label: t('task.status.done') },
          ]}
          data-testid="task-status"
        />
      </Group>
      <Card withBorder padding="md">
        {tasks.isPending ? (
          <Center p="md"><Loader size="sm" /></Center>
        ) : tasks.isError ? (
          <Text c="red">{tasks.error.message}</Text>
        ) : (
          <Stack gap="sm">
            {rows.length === 0 && <Text c="dimmed" size="sm">{t('task.none')}</Text>}
            {rows.map((task) => <TaskRow key={task.id} task={task} showAssignee={scope === 'all'} />)}
            {tasks.hasNextPage && (
              <Button variant="subtle" onClick={() => void tasks.fetchNextPage()} loading={tasks.isFetchingNextPage}>
                {t('list.loadMore')}
              </Button>
            )}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}
