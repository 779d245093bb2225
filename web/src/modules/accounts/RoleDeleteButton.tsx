import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../platform/api';
import type { Role } from './types';
import { rolesKey } from './useRoles';

interface Props {
  role: Role;
  onDeleted: () => void;
}

/** The administrator role is fixed, and a role still held by users cannot go (RECORD_IN_USE). */
export function RoleDeleteButton({ role, onDeleted }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.delete(`/roles/${role.id}`),
    onSuccess: async () => {
      setConfirming(false);
      notifications.show({ color: 'teal', message: t('settings.roles.deleted', { name: role.name }) });
      await queryClient.invalidateQueries({ queryKey: rolesKey });
      onDeleted();
    },
  });
  const error = remove.error;
  const message =
    error instanceof ApiError && error.code === 'RECORD_IN_USE'
      ? t('settings.roles.inUse', { users: Number(error.details['users'] ?? 1) })
      : error?.message;

  return (
    <>
      <Button
        variant="subtle"
        color="red"
        leftSection={<IconTrash size={16} />}
        disabled={role.key === 'admin'}
        onClick={() => {
          remove.reset();
          setConfirming(true);
        }}
        data-testid="role-delete"
      >
        {t('settings.roles.delete')}
      </Button>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('settings.roles.delete')}>
        <Stack>
          <Text size="sm">{t('settings.roles.deleteConfirm', { name: role.name })}</Text>
          {message && <Alert color="red" data-testid="role-delete-error">{message}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()} data-testid="role-delete-confirm">
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
