import { Alert, Button, Card, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { editablePermissions } from './editablePermissions';
import { RoleDeleteButton } from './RoleDeleteButton';
import { RolePermissionsForm } from './RolePermissionsForm';
import type { Permissions, Role } from './types';
import { rolesKey, useRoles } from './useRoles';

const EMPTY: Permissions = { objects: {}, fields: {}, masks: {} };

export function RolesAdmin() {
  const { t } = useTranslation();
  const roles = useRoles();
  const queryClient = useQueryClient();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<Permissions | null>(null);
  const [creating, setCreating] = useState(false);
  const [newName, setNewName] = useState('');
  const [newKey, setNewKey] = useState('');
  const selected = roles.data?.find((r) => r.id === selectedId) ?? roles.data?.[0];
  const permissions = draft ?? (selected ? editablePermissions(selected.permissions) : EMPTY);

  const save = useMutation({
    mutationFn: () => api.patch<Role>(`/roles/${selected?.id}`, { permissions, version: selected?.version }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('common.saved') });
      setDraft(null);
      await queryClient.invalidateQueries({ queryKey: rolesKey });
    },
  });
  const create = useMutation({
    mutationFn: () => api.post<Role>('/roles', { key: newKey.trim(), name: newName.trim(), permissions: EMPTY }),
    onSuccess: async (role) => {
      setCreating(false);
      setNewKey('');
      setNewName('');
      await queryClient.invalidateQueries({ queryKey: rolesKey });
      setSelectedId(role.id);
      setDraft(null);
    },
  });

  return (
    <Card withBorder>
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Select
            label={t('settings.roles.role')}
            data={(roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            value={selected?.id ?? null}
            onChange={(v) => {
              setSelectedId(v);
              setDraft(null);
            }}
            allowDeselect={false}
            w={260}
            maw="100%"
            data-testid="role-select"
          />
          <Group gap="xs">
            {selected && (
              <RoleDeleteButton
                role={selected}
                onDeleted={() => {
                  setSelectedId(null);
                  setDraft(null);
                }}
              />
            )}
            <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {t('settings.roles.create')}
            </Button>
          </Group>
        </Group>
        {selected && <RolePermissionsForm value={permissions} onChange={setDraft} />}
        {save.error && <Alert color="red">{save.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" disabled={!draft} onClick={() => setDraft(null)}>{t('common.reset')}</Button>
          <Button disabled={!draft || !selected} loading={save.isPending} onClick={() => save.mutate()} data-testid="role-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={creating} onClose={() => setCreating(false)} title={t('settings.roles.create')}>
        <form onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
          <Stack>
            <TextInput label={t('settings.roles.name')} value={newName} onChange={(e) => setNewName(e.currentTarget.value)} required />
            <TextInput label={t('settings.roles.key')} description={t('settings.roles.keyHelp')} value={newKey} onChange={(e) => setNewKey(e.currentTarget.value)} required />
            {create.error && <Alert color="red">{create.error.message}</Alert>}
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending} disabled={!newKey.trim() || !newName.trim()}>{t('common.create')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
