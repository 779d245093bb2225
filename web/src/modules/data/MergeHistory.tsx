import { Alert, Badge, Button, Card, Center, Group, List, Loader, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { AnchorLink } from '../../platform/AnchorLink';
import { formatDateTime, formatNumber } from '../../platform/format';
import { recordName } from '../customers/recordName';
import { dataFieldLabel } from './dataFieldLabel';
import type { CustomerObject, MergeUndoResult } from './types';
import { duplicatesKey } from './useDuplicates';
import { mergesKey, useMerges } from './useMerges';

/** Merges of one object, newest first: what moved to the survivor, and undo (with the fields it could not restore). */
export function MergeHistory({ object }: { object: CustomerObject }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const merges = useMerges(object);
  const [undone, setUndone] = useState<Record<string, MergeUndoResult>>({});
  const undo = useMutation({
    mutationFn: (id: string) => api.post<MergeUndoResult>(`/merges/${id}/undo`),
    onSuccess: async (result, id) => {
      setUndone((current) => ({ ...current, [id]: result }));
      notifications.show({ color: 'teal', message: t('data.duplicates.undoDone') });
      await queryClient.invalidateQueries({ queryKey: mergesKey });
      await queryClient.invalidateQueries({ queryKey: duplicatesKey });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });

  if (merges.isPending) return <Center p="xl"><Loader /></Center>;
  if (merges.isError) return <Text c="red">{merges.error.message}</Text>;
  const rows = merges.data.pages.flatMap((page) => page.data);
  if (rows.length === 0) return <Text c="dimmed" ta="center" p="md" data-testid="merges-empty">{t('data.duplicates.historyEmpty')}</Text>;
  const conflicts = Object.entries(undone).filter(([, r]) => r.conflicts.length > 0);

  return (
    <Stack gap="sm">
      {conflicts.map(([id, result]) => (
        <Alert key={id} color="yellow" title={t('data.duplicates.undoConflicts')} data-testid="merge-undo-conflicts" withCloseButton
          onClose={() => setUndone(({ [id]: _, ...rest }) => rest)}>
          <List size="sm">
            {result.conflicts.map((c) => <List.Item key={c.field}>{dataFieldLabel(t, c.field)}: {c.reason}</List.Item>)}
          </List>
        </Alert>
      ))}
      <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={640} type="native">
          <Table verticalSpacing="xs" striped data-testid="merges-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('data.duplicates.mergedRecord')}</Table.Th>
                <Table.Th>{t('data.duplicates.survivingRecord')}</Table.Th>
                <Table.Th>{t('data.duplicates.moved')}</Table.Th>
                <Table.Th>{t('common.createdAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => {
                const moved = Object.entries(m.moved).filter(([, n]) => n > 0);
                return (
                  <Table.Tr key={m.id} data-testid="merge-row" data-merge-id={m.id}>
                    <Table.Td><Text size="sm" data-testid="merged-name">{recordName(t, object, m.merged_display_name)}</Text></Table.Td>
                    <Table.Td>
                      <AnchorLink size="sm" to={object === 'contacts' ? '/contacts/$id' : '/companies/$id'} params={{ id: m.survivor_id }}>
                        #{m.survivor_id}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {moved.length === 0 ? '—' : moved.map(([table, n]) => `${t(`data.duplicates.tables.${table}`, { defaultValue: table })} ${formatNumber(n, i18n.language)}`).join(' · ')}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm">{formatDateTime(m.created_at, i18n.language)}</Text>
                      {m.created_by_name && <Text size="xs" c="dimmed">{m.created_by_name}</Text>}
                    </Table.Td>
                    <Table.Td ta="right">
                      {m.undone_at ? (
                        <Badge color="gray" variant="light" data-testid="merge-undone">{t('data.duplicates.undone')}</Badge>
                      ) : (
                        <Button size="xs" variant="light" color="orange" leftSection={<IconArrowBackUp size={14} />}
                          loading={undo.isPending && undo.variables === m.id} onClick={() => undo.mutate(m.id)} data-testid="merge-undo">
                          {t('data.duplicates.undo')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {merges.hasNextPage && (
          <Group justify="center" p="xs">
            <Button variant="subtle" onClick={() => void merges.fetchNextPage()} loading={merges.isFetchingNextPage}>{t('list.loadMore')}</Button>
          </Group>
        )}
      </Card>
    </Stack>
  );
}
