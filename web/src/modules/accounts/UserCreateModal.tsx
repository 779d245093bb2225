import { Alert, Button, Group, Modal, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { formErrorsOf } from '../../platform/fieldErrors';
import type { User } from './types';
import { useDepartments } from './useDepartments';
import { useRoles } from './useRoles';
import { userOptions, useUsers, usersKey } from './useUsers';

export function UserCreateModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const users = useUsers();
  const departments = useDepartments();
  const roles = useRoles();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [managerId, setManagerId] = useState<string | null>(null);
  const [roleId, setRoleId] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () =>
      api.post<User>('/users', {
        name: name.trim(),
        email: email.trim(),
        ...(password ? { password } : {}),
        department_id: departmentId,
        manager_id: managerId,
        ...(roleId ? { role_id: roleId } : {}),
      }),
    onSuccess: async (user) => {
      notifications.show({ color: 'teal', message: t('settings.users.created', { name: user.name }) });
      await queryClient.invalidateQueries({ queryKey: usersKey });
      setName('');
      setEmail('');
      setPassword('');
      onClose();
    },
  });
  const errors = create.error ? formErrorsOf(create.error) : null;

  return (
    <Modal opened={opened} onClose={onClose} title={t('settings.users.create')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack>
          {errors?.general && <Alert color="red">{errors.general}</Alert>}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('settings.users.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors?.fields['name']} data-testid="user-name" />
            <TextInput label={t('auth.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={errors?.fields['email']} data-testid="user-email" />
            <PasswordInput label={t('auth.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={errors?.fields['password']} data-testid="user-password" />
            <Select label={t('settings.users.department')} data={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} value={departmentId} onChange={setDepartmentId} clearable searchable />
            <Select label={t('settings.users.manager')} data={userOptions(users.data)} value={managerId} onChange={setManagerId} clearable searchable />
            <Select label={t('settings.users.role')} data={(roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))} value={roleId} onChange={setRoleId} required error={errors?.fields['role_id']} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending} data-testid="user-save">{t('common.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
