import { Badge, Button, Card, Group, Menu, ActionIcon, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { HandoverModal } from './HandoverModal';
import type { User } from './types';
import { UserCreateModal } from './UserCreateModal';
import { useDepartments } from './useDepartments';
import { useRoles } from './useRoles';
import { useUsers, usersKey } from './useUsers';

export function UsersAdmin() {
  const { t } = useTranslation();
  const users = useUsers();
  const departments = useDepartments();
  const roles = useRoles();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [handoverFrom, setHandoverFrom] = useState<User | null>(null);
  const deactivate = useMutation({
    mutationFn: (id: string) => api.post(`/users/${id}/deactivate`),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('settings.users.deactivated') });
      await queryClient.invalidateQueries({ queryKey: usersKey });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  const reactivate = useMutation({
    mutationFn: (id: string) => api.post(`/users/${id}/reactivate`),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('settings.users.reactivated') });
      await queryClient.invalidateQueries({ queryKey: usersKey });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  const nameOf = <T extends { id: string; name: string }>(list: T[] | undefined, id: string | null) => list?.find((x) => x.id === id)?.name ?? '';

  return (
    <Card withBorder padding={0}>
      <Group justify="flex-end" p="sm">
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="user-create">
          {t('settings.users.create')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={720} type="native">
        <Table verticalSpacing="xs" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.users.name')}</Table.Th>
              <Table.Th>{t('auth.email')}</Table.Th>
              <Table.Th>{t('settings.users.department')}</Table.Th>
              <Table.Th>{t('settings.users.manager')}</Table.Th>
              <Table.Th>{t('settings.users.role')}</Table.Th>
              <Table.Th>{t('settings.users.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(users.data ?? []).map((user) => (
              <Table.Tr key={user.id} data-testid="user-row">
                <Table.Td>{user.name}</Table.Td>
                <Table.Td>{user.email}</Table.Td>
                <Table.Td>{nameOf(departments.data, user.department_id)}</Table.Td>
                <Table.Td>{nameOf(users.data, user.manager_id)}</Table.Td>
                <Table.Td>{nameOf(roles.data, user.role_id)}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={user.active ? 'teal' : 'gray'}>
                    {user.active ? t('settings.users.active') : t('settings.users.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" aria-label={t('common.actions')} data-testid="user-actions"><IconDots size={16} /></ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => setHandoverFrom(user)}>{t('settings.users.handover')}</Menu.Item>
                      {user.active ? (
                        <Menu.Item color="red" onClick={() => deactivate.mutate(user.id)} data-testid="user-deactivate">
                          {t('settings.users.deactivate')}
                        </Menu.Item>
                      ) : (
                        <Menu.Item onClick={() => reactivate.mutate(user.id)} data-testid="user-reactivate">
                          {t('settings.users.reactivate')}
                        </Menu.Item>
                      )}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {users.isError && <Text c="red" p="sm">{users.error.message}</Text>}
      <UserCreateModal opened={creating} onClose={() => setCreating(false)} />
      <HandoverModal from={handoverFrom} onClose={() => setHandoverFrom(null)} />
    </Card>
  );
}
