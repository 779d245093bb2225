import { ActionIcon, Alert, Button, Card, Group, Menu, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconDots, IconPlus, IconSitemap } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { departmentRows, descendantIds } from './departmentTree';
import type { Department } from './types';
import { departmentsKey, useDepartments } from './useDepartments';

type Dialog =
  | { kind: 'add'; parent: Department | null }
  | { kind: 'rename'; department: Department }
  | { kind: 'move'; department: Department }
  | { kind: 'delete'; department: Department };

export function DepartmentsTree() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState<string | null>(null);
  const all = departments.data ?? [];

  const run = useMutation({
    mutationFn: async (d: Dialog) => {
      if (d.kind === 'add') return api.post('/departments', { name: name.trim(), parent_id: d.parent?.id ?? null });
      if (d.kind === 'rename') return api.patch(`/departments/${d.department.id}`, { name: name.trim() });
      if (d.kind === 'move') return api.patch(`/departments/${d.department.id}`, { parent_id: parentId });
      return api.delete(`/departments/${d.department.id}`);
    },
    onSuccess: async () => {
      setDialog(null);
      await queryClient.invalidateQueries({ queryKey: departmentsKey });
    },
  });

  const open = (next: Dialog) => {
    run.reset();
    setName(next.kind === 'rename' ? next.department.name : '');
    setParentId(next.kind === 'move' ? next.department.parent_id : null);
    setDialog(next);
  };
  const moveTargets = dialog?.kind === 'move' ? all.filter((d) => !descendantIds(all, dialog.department.id).has(d.id)) : [];

  return (
    <Card withBorder>
      <Group justify="flex-end" mb="sm">
        <Button leftSection={<IconPlus size={16} />} onClick={() => open({ kind: 'add', parent: null })} data-testid="department-add-root">
          {t('settings.departments.addRoot')}
        </Button>
      </Group>
      <Stack gap={2} data-testid="departments-tree">
        {all.length === 0 && <Text c="dimmed" size="sm">{t('settings.departments.empty')}</Text>}
        {departmentRows(all).map(({ department, depth }) => (
          <Group key={department.id} justify="space-between" wrap="nowrap" pl={depth * 20} py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <IconSitemap size={14} color="var(--mantine-color-gray-6)" />
              <Text size="sm" truncate>{department.name}</Text>
            </Group>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" aria-label={t('common.actions')}><IconDots size={16} /></ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => open({ kind: 'add', parent: department })}>{t('settings.departments.addChild')}</Menu.Item>
                <Menu.Item onClick={() => open({ kind: 'rename', department })}>{t('settings.departments.rename')}</Menu.Item>
                <Menu.Item onClick={() => open({ kind: 'move', department })}>{t('settings.departments.move')}</Menu.Item>
                <Menu.Item color="red" onClick={() => open({ kind: 'delete', department })}>{t('common.delete')}</Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        ))}
      </Stack>
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog ? t(`settings.departments.dialog.${dialog.kind}`) : ''}>
        {dialog && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              run.mutate(dialog);
            }}
          >
            <Stack>
              {dialog.kind === 'add' && dialog.parent && <Text size="sm">{t('settings.departments.under', { name: dialog.parent.name })}</Text>}
              {(dialog.kind === 'add' || dialog.kind === 'rename') && (
                <TextInput label={t('settings.departments.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus data-testid="department-name" />
              )}
              {dialog.kind === 'move' && (
                <Select
                  label={t('settings.departments.parent')}
                  placeholder={t('settings.departments.noParent')}
                  data={moveTargets.map((d) => ({ value: d.id, label: d.name }))}
                  value={parentId}
                  onChange={setParentId}
                  clearable
                  searchable
                />
              )}
              {dialog.kind === 'delete' && <Text size="sm">{t('settings.departments.deleteConfirm', { name: dialog.department.name })}</Text>}
              {run.error && <Alert color="red">{run.error.message}</Alert>}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setDialog(null)}>{t('common.cancel')}</Button>
                <Button type="submit" color={dialog.kind === 'delete' ? 'red' : undefined} loading={run.isPending} disabled={(dialog.kind === 'add' || dialog.kind === 'rename') && !name.trim()} data-testid="department-submit">
                  {dialog.kind === 'delete' ? t('common.delete') : t('common.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </Card>
  );
}
