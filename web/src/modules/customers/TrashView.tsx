import { Button, Card, Center, Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRestore } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { formatDateTime } from '../../platform/format';
import type { ListPage } from '../../platform/listTypes';
import { recordName } from './recordName';
import type { CustomerObject } from './types';
import { customerListKey } from './useCustomerList';

interface TrashItem {
  object: string;
  id: string;
  title: string | null;
  owner_id: string | null;
  owner_name: string | null;
  deleted_at: string;
}

/** Deleted records stay restorable here (soft delete). */
export function TrashView() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [object, setObject] = useState<CustomerObject>('contacts');
  const key = ['trash', object] as const;
  const trash = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => api.get<ListPage<TrashItem>>('/trash', { object, limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const restore = useMutation({
    mutationFn: (id: string) => api.post(`/${object}/${id}/restore`),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('trash.restored') });
      await queryClient.invalidateQueries({ queryKey: key });
      await queryClient.invalidateQueries({ queryKey: customerListKey(object) });
    },
  });
  const rows = trash.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <Stack gap="md">
      <Title order={2}>{t('nav.trash')}</Title>
      <SegmentedControl
        w="fit-content"
        value={object}
        onChange={(v) => setObject(v === 'companies' ? 'companies' : 'contacts')}
        data={[
          { value: 'contacts', label: t('nav.contacts') },
          { value: 'companies', label: t('nav.companies') },
        ]}
      />
      <Card withBorder padding={0}>
        {trash.isPending ? (
          <Center p="md"><Loader size="sm" /></Center>
        ) : trash.isError ? (
          <Text c="red" p="md">{trash.error.message}</Text>
        ) : rows.length === 0 ? (
          <Text c="dimmed" p="md" size="sm">{t('trash.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={480} type="native">
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('trash.name')}</Table.Th>
                  <Table.Th>{t('contact.field.owner')}</Table.Th>
                  <Table.Th>{t('trash.deletedAt')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.id} data-testid="trash-row">
                    <Table.Td>{recordName(t, object, row.title)}</Table.Td>
                    <Table.Td>{row.owner_name ?? ''}</Table.Td>
                    <Table.Td>
                      {formatDateTime(row.deleted_at, i18n.language)}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button size="xs" variant="light" leftSection={<IconRestore size={14} />} loading={restore.isPending && restore.variables === row.id} onClick={() => restore.mutate(row.id)} data-testid="trash-restore">
                        {t('trash.restore')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
      {restore.error && <Text c="red" size="sm">{restore.error.message}</Text>}
      {trash.hasNextPage && (
        <Group justify="center">
          <Button variant="subtle" onClick={() => void trash.fetchNextPage()} loading={trash.isFetchingNextPage}>{t('list.loadMore')}</Button>
        </Group>
      )}
    </Stack>
  );
}
