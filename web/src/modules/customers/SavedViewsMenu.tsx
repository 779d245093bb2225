import { Box, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconBookmark, IconCheck, IconDeviceFloppy, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { api, ApiError } from '../../platform/api';
import type { FilterNode } from '../../platform/listTypes';
import { rowsOf } from '../../platform/listTypes';
import { fromFilterNode, toFilterNode } from './filterModel';
import type { CustomerObject, SavedView } from './types';

interface Current {
  filter: FilterNode | undefined;
  sort: string;
  columns: string[];
}

interface Props {
  object: CustomerObject;
  current: Current;
  /** the list's sort when a view has none */
  defaultSort: string;
  onPick: (view: SavedView) => void;
}

/**
 * Whether the list shows something other than what picking the view would show. The view is put through
 * the same steps the list applies on pick (the builder's flat filter, the default sort), so a view just
 * picked is never "modified". A view without columns leaves the column choice alone, so columns never differ.
 */
function differs(view: SavedView, current: Current, defaultSort: string): boolean {
  const picked = toFilterNode(fromFilterNode(view.filter));
  if (JSON.stringify(picked ?? null) !== JSON.stringify(current.filter ?? null)) return true;
  if ((view.sort || defaultSort) !== current.sort) return true;
  if (!view.columns) return false;
  return [...view.columns].sort().join('\n') !== [...current.columns].sort().join('\n');
}

export function SavedViewsMenu({ object, current, defaultSort, onPick }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // the modal names a new view or renames the active one
  const [naming, setNaming] = useState<'create' | 'rename' | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const key = ['saved-views', object] as const;
  const views = useQuery({
    queryKey: key,
    queryFn: async () => rowsOf(await api.get<SavedView[] | { data: SavedView[] }>('/saved-views', { object })),
  });
  const active = (views.data ?? []).find((view) => view.id === activeId);
  const modified = active !== undefined && differs(active, current, defaultSort);

  const stored = async (view: SavedView, message: string) => {
    setActiveId(view.id);
    notifications.show({ message, color: 'teal' });
    // the answer is the stored view: show it at once, so the list does not look modified until the refetch
    queryClient.setQueryData<SavedView[]>(key, (old) => old && (old.some((v) => v.id === view.id) ? old.map((v) => (v.id === view.id ? view : v)) : [...old, view]));
    await queryClient.invalidateQueries({ queryKey: key });
  };
  const closeNaming = () => {
    setNaming(null);
    setName('');
    setError(null);
  };

  const nameView = useMutation({
    mutationFn: () =>
      naming === 'rename' && active
        ? api.patch<SavedView>(`/saved-views/${active.id}`, { name: name.trim() })
        : api.post<SavedView>('/saved-views', {
            object,
            name: name.trim(),
            filter: current.filter ?? null,
            sort: current.sort,
            columns: current.columns,
          }),
    onSuccess: async (view) => {
      const message = naming === 'rename' ? t('views.renamed') : t('views.saved');
      closeNaming();
      await stored(view, message);
    },
    onError: (err) => setError(err instanceof ApiError ? err.message : String(err)),
  });
  const saveChanges = useMutation({
    mutationFn: (view: SavedView) =>
      api.patch<SavedView>(`/saved-views/${view.id}`, {
        filter: current.filter ?? null,
        sort: current.sort,
        columns: current.columns,
      }),
    onSuccess: (view) => stored(view, t('views.changesSaved')),
    onError: (err) => notifications.show({ color: 'red', message: err instanceof Error ? err.message : String(err) }),
  });

  return (
    <>
      {/* long view names are cut with an ellipsis instead of widening the dropdown past a phone's screen */}
      <Menu position="bottom-start" withinPortal styles={{ itemLabel: { minWidth: 0 } }}>
        <Menu.Target>
          <Button
            variant="default"
            leftSection={<IconBookmark size={16} />}
            rightSection={modified ? <Box component="span" w={8} h={8} bg="blue.6" style={{ borderRadius: '50%' }} aria-label={t('views.modified')} data-testid="saved-view-modified" /> : undefined}
            title={modified ? t('views.modified') : undefined}
            styles={{ label: { overflow: 'hidden' } }}
            maw={220}
            data-testid="saved-views"
          >
            <Text span inherit truncate>
              {active ? active.name : t('views.title')}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown maw="calc(100vw - 16px)">
          {(views.data ?? []).length === 0 && <Menu.Label>{t('views.none')}</Menu.Label>}
          {(views.data ?? []).map((view) => (
            <Menu.Item
              key={view.id}
              leftSection={<IconCheck size={16} style={{ visibility: view.id === activeId ? 'visible' : 'hidden' }} />}
              onClick={() => {
                setActiveId(view.id);
                onPick(view);
              }}
            >
              <Text inherit truncate title={view.name}>
                {view.name}
              </Text>
            </Menu.Item>
          ))}
          <Menu.Divider />
          {active && modified && (
            <Menu.Item leftSection={<IconDeviceFloppy size={16} />} onClick={() => saveChanges.mutate(active)} data-testid="save-view-changes">
              {t('views.saveChanges')}
            </Menu.Item>
          )}
          {active && (
            <Menu.Item
              leftSection={<IconPencil size={16} />}
              onClick={() => {
                setName(active.name);
                setNaming('rename');
              }}
              data-testid="rename-view"
            >
              {t('views.rename')}
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconPlus size={16} />} onClick={() => setNaming('create')} data-testid="save-view">
            {t('views.saveCurrent')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={naming !== null} onClose={closeNaming} title={naming === 'rename' ? t('views.rename') : t('views.saveCurrent')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            if (name.trim()) nameView.mutate();
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
              <Button type="submit" loading={nameView.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
