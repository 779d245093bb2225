import { Button, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { userOptions, useUsers } from '../accounts/useUsers';
import { useSession } from '../accounts/useSession';
import type { CustomerObject } from './types';
import { useCreateRelated } from './useCreateRelated';

export function TaskComposer({ object, id }: { object: CustomerObject; id: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const users = useUsers();
  const [title, setTitle] = useState('');
  const [due, setDue] = useState<string | null>(null);
  const [assignee, setAssignee] = useState<string | null>(user.id);
  const create = useCreateRelated('/tasks', object, id);
  const submit = () =>
    create.mutate(
      {
        title: title.trim(),
        ...(due ? { due_at: new Date(due.replace(' ', 'T')).toISOString() } : {}),
        ...(assignee ? { assignee_id: assignee } : {}),
      },
      { onSuccess: () => { setTitle(''); setDue(null); } },
    );
  return (
    <Stack gap="xs">
      <TextInput label={t('task.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="task-title" />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
        <DateTimePicker label={t('task.due')} value={due} onChange={setDue} clearable valueFormat="YYYY-MM-DD HH:mm" />
        <Select label={t('task.assignee')} data={userOptions(users.data)} value={assignee} onChange={setAssignee} searchable />
      </SimpleGrid>
      {create.error && <Text c="red" size="sm">{create.error.message}</Text>}
      <Group justify="flex-end">
        <Button disabled={!title.trim()} loading={create.isPending} onClick={submit} data-testid="task-save">
          {t('task.add')}
        </Button>
      </Group>
    </Stack>
  );
}
