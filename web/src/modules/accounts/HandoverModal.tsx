import { Alert, Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import type { User } from './types';
import { userOptions, useUsers } from './useUsers';

/** 离职交接: moves every record of a leaving user to another user in one audited step. */
export function HandoverModal({ from, onClose }: { from: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const users = useUsers();
  const queryClient = useQueryClient();
  const [toUserId, setToUserId] = useState<string | null>(null);
  const handover = useMutation({
    mutationFn: () => api.post<{ moved: Record<string, number> }>(`/users/${from?.id}/handover`, { to_user_id: toUserId }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['list'] }),
  });
  const close = () => {
    handover.reset();
    setToUserId(null);
    onClose();
  };
  return (
    <Modal opened={from !== null} onClose={close} title={t('settings.users.handoverTitle', { name: from?.name ?? '' })}>
      <Stack>
        {handover.data ? (
          <>
            <Text size="sm">{t('settings.users.handoverDone')}</Text>
            <List size="sm">
              {Object.entries(handover.data.moved).map(([kind, count]) => (
                <List.Item key={kind}>{t(`settings.users.moved.${kind}`, { defaultValue: kind })}: {count}</List.Item>
              ))}
            </List>
            <Group justify="flex-end"><Button onClick={close}>{t('common.close')}</Button></Group>
          </>
        ) : (
          <>
            <Text size="sm">{t('settings.users.handoverExplain')}</Text>
            <Select
              label={t('settings.users.handoverTo')}
              data={userOptions(users.data).filter((o) => o.value !== from?.id)}
              value={toUserId}
              onChange={setToUserId}
              searchable
            />
            {handover.error && <Alert color="red">{handover.error.message}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
              <Button disabled={!toUserId} loading={handover.isPending} onClick={() => handover.mutate()}>{t('settings.users.handover')}</Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
