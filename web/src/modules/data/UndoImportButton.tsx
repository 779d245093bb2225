import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import type { ImportBatch } from './types';
import { importsKey } from './useImportBatches';

/**
 * Undo, after a confirmation: created records go to the trash, updated ones get their earlier values
 * back — except records someone changed since the import (reported as conflicts, left as they are).
 */
export function UndoImportButton({ batch, size = 'sm' }: { batch: ImportBatch; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const undo = useMutation({
    mutationFn: () => api.post<{ job_id: string }>(`/imports/${batch.id}/undo`),
    onSuccess: async () => {
      setOpened(false);
      notifications.show({ color: 'teal', message: t('data.import.undoStarted') });
      await queryClient.invalidateQueries({ queryKey: importsKey });
      // the import's own page follows the undo job to its result
      await navigate({ to: '/data/imports/$id', params: { id: batch.id } });
    },
  });
  return (
    <>
      <Button size={size} variant="light" color="orange" leftSection={<IconArrowBackUp size={16} />} onClick={() => setOpened(true)} data-testid="import-undo">
        {t('data.import.undo')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('data.import.undoTitle')} data-testid="import-undo-modal">
        <Stack>
          <Text size="sm">{t('data.import.undoExplain', { created: batch.rows_created, updated: batch.rows_updated })}</Text>
          {undo.error && <Text c="red" size="sm">{undo.error.message}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>{t('common.cancel')}</Button>
            <Button color="orange" loading={undo.isPending} onClick={() => undo.mutate()} data-testid="import-undo-confirm">
              {t('data.import.undoConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
