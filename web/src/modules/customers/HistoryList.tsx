import { Button, Center, Loader, Stack, Table, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { formatDateTime } from '../../platform/format';
import { changedFieldLabel } from './changedFieldLabel';
import type { AuditEntry, CustomerObject } from './types';
import { useCustomFields } from './useCustomFields';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** 操作日志: who changed what, field by field, newest first. */
export function HistoryList({ object, id }: { object: CustomerObject; id: string }) {
  const { t, i18n } = useTranslation();
  const customFields = useCustomFields(object);
  const history = useInfiniteQuery({
    queryKey: ['history', object, id],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ data: AuditEntry[]; next_cursor: string | null }>(`/${object}/${id}/history`, { limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  if (history.isPending) return <Center p="md"><Loader size="sm" /></Center>;
  if (history.isError) return <Text c="red">{history.error.message}</Text>;
  const entries = history.data.pages.flatMap((p) => p.data);
  if (entries.length === 0) return <Text c="dimmed" size="sm">{t('history.empty')}</Text>;
  return (
    <Stack gap="md" data-testid="history">
      {entries.map((entry) => (
        <div key={entry.id}>
          <Text size="sm" fw={600}>
            {t(`history.action.${entry.action}`, { defaultValue: entry.action })}
          </Text>
          <Text size="xs" c="dimmed">
            {formatDateTime(entry.at, i18n.language)} · {entry.actor_name ?? t('history.system')}
          </Text>
          {Object.keys(entry.changes).length > 0 && (
            <Table.ScrollContainer minWidth={320} type="native">
              <Table fz="xs" withRowBorders={false} verticalSpacing={2}>
                <Table.Tbody>
                  {Object.entries(entry.changes).map(([field, pair]) => (
                    <Table.Tr key={field}>
                      <Table.Td c="dimmed" w={140}>{changedFieldLabel(field, t, i18n.language, customFields.data)}</Table.Td>
                      <Table.Td td="line-through" c="dimmed">{show(Array.isArray(pair) ? pair[0] : null)}</Table.Td>
                      <Table.Td>{show(Array.isArray(pair) ? pair[1] : pair)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </div>
      ))}
      {history.hasNextPage && (
        <Button variant="subtle" size="xs" w="fit-content" loading={history.isFetchingNextPage} onClick={() => void history.fetchNextPage()}>
          {t('list.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
