import { Button, Group, Menu, Modal, Paper, Select, Stack, TagsInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconTag, IconTagOff, IconTrash, IconUserShare } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../platform/api';
import type { FilterNode } from '../../platform/listTypes';
import { fieldAccessOf } from '../accounts/fieldAccess';
import { useSession } from '../accounts/useSession';
import { userOptions, useUsers } from '../accounts/useUsers';
import type { CustomerObject } from './types';

type BulkAction = 'tag' | 'untag' | 'change_owner' | 'delete';

export type BulkTarget = { ids: string[] } | { filter: FilterNode };

interface Props {
  object: CustomerObject;
  target: BulkTarget;
  count: number;
  countLabel: string;
  onDone: () => void;
}

export function BulkActionsBar({ object, target, count, countLabel, onDone }: Props) {
  const { t } = useTranslation();
  const users = useUsers();
  const { permissions } = useSession();
  // the server refuses tagging or a new owner when the role may not write tags / owner_id (hidden or read-only)
  const tagsWritable = fieldAccessOf(permissions, object, 'tags') === 'editable';
  const ownerWritable = fieldAccessOf(permissions, object, 'owner_id') === 'editable';
  const [action, setAction] = useState<BulkAction | null>(null);
  const [tag, setTag] = useState<string[]>([]);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<{ affected: number }>(`/${object}/bulk`, { ...target, ...body }),
    onSuccess: (result) => {
      notifications.show({ color: 'teal', message: t('bulk.done', { count: result.affected }) });
      setAction(null);
      setTag([]);
      setOwnerId(null);
      onDone();
    },
    onError: (err) => setError(err instanceof ApiError ? err.message : String(err)),
  });

  const open = (next: BulkAction) => {
    setError(null);
    setAction(next);
  };

  const submit = () => {
    if (!action) return;
    if (action === 'tag' || action === 'untag') run.mutate({ action, tag: tag[0] });
    else if (action === 'change_owner') run.mutate({ action, owner_id: ownerId });
    else run.mutate({ action });
  };
  const ready = action === 'delete' || ((action === 'tag' || action === 'untag') && tag.length > 0) || (action === 'change_owner' && ownerId);

  return (
    <Paper withBorder p="xs" bg="teal.0" data-testid="bulk-bar">
      <Group justify="space-between" gap="xs">
        <Text size="sm" fw={600}>
          {countLabel}
        </Text>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button size="xs" rightSection={<IconChevronDown size={14} />} data-testid="bulk-actions">
              {t('bulk.actions')}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {tagsWritable && (
              <Menu.Item leftSection={<IconTag size={16} />} onClick={() => open('tag')}>
                {t('bulk.tag')}
              </Menu.Item>
            )}
            {tagsWritable && (
              <Menu.Item leftSection={<IconTagOff size={16} />} onClick={() => open('untag')}>
                {t('bulk.untag')}
              </Menu.Item>
            )}
            {ownerWritable && (
              <Menu.Item leftSection={<IconUserShare size={16} />} onClick={() => open('change_owner')}>
                {t('bulk.changeOwner')}
              </Menu.Item>
            )}
            <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={() => open('delete')}>
              {t('bulk.delete')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Modal opened={action !== null} onClose={() => setAction(null)} title={action ? t(`bulk.title.${action}`) : ''}>
        <Stack>
          <Text size="sm">{t('bulk.affects', { count })}</Text>
          {(action === 'tag' || action === 'untag') && (
            <TagsInput label={t('bulk.tagName')} maxTags={1} value={tag} onChange={setTag} data-autofocus />
          )}
          {action === 'change_owner' && (
            <Select label={t('bulk.newOwner')} data={userOptions(users.data)} value={ownerId} onChange={setOwnerId} searchable />
          )}
          {action === 'delete' && <Text size="sm">{t('bulk.deleteExplain')}</Text>}
          {error && (
            <Text c="red" size="sm">
              {error}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAction(null)}>
              {t('common.cancel')}
            </Button>
            <Button color={action === 'delete' ? 'red' : undefined} disabled={!ready} loading={run.isPending} onClick={submit} data-testid="bulk-confirm">
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
