import { ActionIcon, Badge, Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { formatDate } from '../../platform/format';
import { rowsOf } from '../../platform/listTypes';
import { userOptions, useUsers } from '../accounts/useUsers';
import type { Collaborator, CustomerObject } from './types';

/** 协作人: users a record is shared with, read or read-write, optionally until a date. */
export function CollaboratorsPanel({ object, id }: { object: CustomerObject; id: string }) {
  const { t, i18n } = useTranslation();
  const users = useUsers();
  const queryClient = useQueryClient();
  const key = ['collaborators', object, id] as const;
  const [userId, setUserId] = useState<string | null>(null);
  const [access, setAccess] = useState<'read' | 'write'>('read');
  const [expires, setExpires] = useState<string | null>(null);
  const list = useQuery({
    queryKey: key,
    queryFn: async () => rowsOf(await api.get<Collaborator[] | { data: Collaborator[] }>(`/${object}/${id}/collaborators`)),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });
  const add = useMutation({
    mutationFn: () =>
      api.post(`/${object}/${id}/collaborators`, {
        user_id: userId,
        access,
        // "no expiry" is sent by leaving the field out (the server refuses an explicit null)
        ...(expires ? { expires_at: new Date(`${expires}T23:59:59`).toISOString() } : {}),
      }),
    onSuccess: async () => {
      setUserId(null);
      setExpires(null);
      await refresh();
    },
  });
  const remove = useMutation({ mutationFn: (uid: string) => api.delete(`/${object}/${id}/collaborators/${uid}`), onSuccess: refresh });
  const nameOf = (c: Collaborator) => c.user_name || (users.data?.find((u) => u.id === c.user_id)?.name ?? c.user_id);

  return (
    <Stack gap="sm" data-testid="collaborators">
      {(list.data ?? []).length === 0 && !list.isPending && <Text c="dimmed" size="sm">{t('collaborators.empty')}</Text>}
      {(list.data ?? []).map((c) => (
        <Group key={c.user_id} justify="space-between" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Text size="sm" truncate>{nameOf(c)}</Text>
            <Group gap={4}>
              <Badge size="xs" variant="light">{t(`collaborators.access.${c.access}`)}</Badge>
              {c.expires_at && <Text size="xs" c="dimmed">{t('collaborators.until', { date: formatDate(c.expires_at, i18n.language) })}</Text>}
            </Group>
          </div>
          <ActionIcon variant="subtle" color="red" aria-label={t('collaborators.remove')} onClick={() => remove.mutate(c.user_id)}>
            <IconX size={16} />
          </ActionIcon>
        </Group>
      ))}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <Select label={t('collaborators.user')} data={userOptions(users.data)} value={userId} onChange={setUserId} searchable data-testid="collaborator-user" />
        <Select
          label={t('collaborators.accessLabel')}
          data={[
            { value: 'read', label: t('collaborators.access.read') },
            { value: 'write', label: t('collaborators.access.write') },
          ]}
          value={access}
          onChange={(v) => setAccess(v === 'write' ? 'write' : 'read')}
          allowDeselect={false}
        />
        <DateInput label={t('collaborators.expires')} valueFormat="YYYY-MM-DD" clearable value={expires} onChange={setExpires} minDate={new Date()} />
      </SimpleGrid>
      {(add.error ?? remove.error) && <Text c="red" size="sm">{(add.error ?? remove.error)?.message}</Text>}
      <Group justify="flex-end">
        <Button disabled={!userId} loading={add.isPending} onClick={() => add.mutate()} data-testid="collaborator-add">
          {t('collaborators.add')}
        </Button>
      </Group>
    </Stack>
  );
}
