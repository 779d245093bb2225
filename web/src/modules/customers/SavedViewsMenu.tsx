import { Button, Menu, Modal, Stack, TextInput, Group } from '@mantine/core';
import { IconBookmark, IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { api, ApiError } from '../../platform/api';
import type { FilterNode } from '../../platform/listTypes';
import { rowsOf } from '../../platform/listTypes';
import type { CustomerObject, SavedView } from './types';

interface Props {
  object: CustomerObject;
  current: { filter: FilterNode | undefined; sort: string; columns: string[] };
  onPick: (view: SavedView) => void;
}

export function SavedViewsMenu({ object, current, onPick }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const key = ['saved-views', object] as const;
  const views = useQuery({
    queryKey: key,
    queryFn: async () => rowsOf(await api.get<SavedView[] | { data: SavedView[] }>('/saved-views', { object })),
  });
  const save = useMutation({
    mutationFn: () =>
      api.post<SavedView>('/saved-views', {
        object,
        name: name.trim(),
        filter: current.filter ?? null,
        sort: current.sort,
        columns: current.columns,
      }),
    onSuccess: async () => {
      setSaving(false);
      setName('');
      notifications.show({ message: t('views.saved'), color: 'teal' });
      await queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (err) => setError(err instanceof ApiError ? err.message : String(err)),
  });

  return (
    <>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} />} data-testid="saved-views">
            {t('views.title')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(views.data ?? []).length === 0 && <Menu.Label>{t('views.none')}</Menu.Label>}
          {(views.data ?? []).map((view) => (
            <Menu.Item key={view.id} onClick={() => onPick(view)}>
              {view.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconDeviceFloppy size={16} />} onClick={() => setSaving(true)} data-testid="save-view">
            {t('views.saveCurrent')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={saving} onClose={() => setSaving(false)} title={t('views.saveCurrent')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            if (name.trim()) save.mutate();
          }}
        >
          <Stack>
            <TextInput
              label={t('views.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={error}
              data-autofocus
              required
            />
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
