import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MentionTextarea } from './MentionTextarea';
import type { CustomerObject } from './types';
import { useCreateRelated } from './useCreateRelated';

export function NoteComposer({ object, id }: { object: CustomerObject; id: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const create = useCreateRelated('/notes', object, id);
  return (
    <Stack gap="xs">
      <MentionTextarea label={t('note.body')} placeholder={t('note.placeholder')} value={body} onChange={setBody} data-testid="note-body" />
      {create.error && (
        <Text c="red" size="sm">
          {create.error.message}
        </Text>
      )}
      <Group justify="flex-end">
        <Button
          disabled={!body.trim()}
          loading={create.isPending}
          onClick={() => create.mutate({ body: body.trim() }, { onSuccess: () => setBody('') })}
          data-testid="note-save"
        >
          {t('note.add')}
        </Button>
      </Group>
    </Stack>
  );
}
