import { ActionIcon, Badge, Card, Group, Stack, TagsInput, Text, Title, Tooltip } from '@mantine/core';
import { IconBuilding, IconTrash, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldAccessOf } from '../accounts/fieldAccess';
import { useCan, useSession } from '../accounts/useSession';
import type { CustomerObject } from './types';
import type { CustomerRecord } from './useCustomerRecord';
import { recordName } from './recordName';
import { recordTitle } from './useCustomerRecord';
import type { useUpdateRecord } from './useUpdateRecord';

interface Props {
  object: CustomerObject;
  record: CustomerRecord;
  update: ReturnType<typeof useUpdateRecord>;
  onDelete: () => void;
}

export function RecordHeader({ object, record, update, onDelete }: Props) {
  const { t } = useTranslation();
  const can = useCan();
  const { permissions } = useSession();
  // a hidden owner or tags come back null / [] (server field policy): say nothing rather than "none"
  const ownerAccess = fieldAccessOf(permissions, object, 'owner_id');
  const tagsAccess = fieldAccessOf(permissions, object, 'tags');
  const [tags, setTags] = useState<string[] | null>(null);
  const shownTags = tags ?? record.tags ?? [];
  const contact = 'display_name' in record ? record : null;

  const saveTags = (next: string[]) => {
    setTags(next);
    update.mutate({ tags: next }, { onSettled: () => setTags(null) });
  };

  return (
    <Card withBorder padding="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" wrap="nowrap">
            {object === 'contacts' ? <IconUser size={22} /> : <IconBuilding size={22} />}
            <Title order={2} style={{ wordBreak: 'break-word' }} data-testid="record-title">
              {recordName(t, object, recordTitle(record))}
            </Title>
          </Group>
          <Group gap="xs">
            {contact?.lifecycle_stage && (
              <Badge variant="light" data-testid="record-stage">
                {t('contact.field.lifecycle_stage')}: {t(`lifecycle.${contact.lifecycle_stage}`)}
              </Badge>
            )}
            {contact?.value_tier && (
              <Badge variant="outline" color={contact.value_tier === 'vip' ? 'orange' : 'gray'}>
                {t('contact.field.value_tier')}: {t(`tier.${contact.value_tier}`)}
              </Badge>
            )}
            {ownerAccess !== 'hidden' && (
              <Text size="sm" c="dimmed">
                {t('contact.field.owner')}: {record.owner_name ?? '—'}
              </Text>
            )}
            {contact?.company_name && (
              <Text size="sm" c="dimmed">
                · {contact.company_name}
              </Text>
            )}
          </Group>
          {tagsAccess !== 'hidden' && (
            <TagsInput
              aria-label={t('contact.field.tags')}
              placeholder={t('record.addTag')}
              value={shownTags}
              onChange={saveTags}
              disabled={update.isPending || !can(object, 'edit') || tagsAccess === 'readonly'}
              clearable={false}
              maw={520}
              data-testid="record-tags"
            />
          )}
        </Stack>
        {can(object, 'delete') && (
        <Tooltip label={t('record.delete')}>
          <ActionIcon variant="subtle" color="red" onClick={onDelete} aria-label={t('record.delete')} data-testid="record-delete">
            <IconTrash size={18} />
          </ActionIcon>
        </Tooltip>
        )}
      </Group>
    </Card>
  );
}
