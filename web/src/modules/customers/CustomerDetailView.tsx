import { Center, Grid, Loader, Modal, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { CollaboratorsPanel } from './CollaboratorsPanel';
import { HistoryList } from './HistoryList';
import { ProfileCard } from './ProfileCard';
import { RecordComposer } from './RecordComposer';
import { RecordHeader } from './RecordHeader';
import { TimelineList } from './TimelineList';
import type { CustomerObject } from './types';
import { customerListKey } from './useCustomerList';
import { useCustomerRecord } from './useCustomerRecord';
import { useCustomFields } from './useCustomFields';
import { useUpdateRecord } from './useUpdateRecord';
import { ConflictAlert } from './ConflictAlert';

/** Customer 360: header, profile and everything that happened with this customer. */
export function CustomerDetailView({ object, id }: { object: CustomerObject; id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const record = useCustomerRecord(object, id);
  const customFields = useCustomFields(object);
  const update = useUpdateRecord(object, record.data);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useMutation({
    mutationFn: () => api.delete(`/${object}/${id}`),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('record.deleted') });
      await queryClient.invalidateQueries({ queryKey: customerListKey(object) });
      await navigate({ to: object === 'contacts' ? '/contacts' : '/companies' });
    },
  });

  if (record.isPending) return <Center p="xl"><Loader /></Center>;
  if (record.isError) return <Text c="red" p="md">{record.error.message}</Text>;

  return (
    <Stack gap="md">
      <RecordHeader object={object} record={record.data} update={update} onDelete={() => setConfirmDelete(true)} />
      {update.conflict && <ConflictAlert onReload={() => void update.reload()} />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <ProfileCard object={object} record={record.data} customFields={customFields.data ?? []} update={update} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Tabs defaultValue="timeline" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="timeline" data-testid="tab-timeline">{t('record.tabs.timeline')}</Tabs.Tab>
              <Tabs.Tab value="history" data-testid="tab-history">{t('record.tabs.history')}</Tabs.Tab>
              <Tabs.Tab value="collaborators" data-testid="tab-collaborators">{t('record.tabs.collaborators')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="timeline" pt="sm">
              <Stack gap="md">
                <RecordComposer object={object} id={id} />
                <TimelineList object={object} id={id} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="sm">
              <HistoryList object={object} id={id} />
            </Tabs.Panel>
            <Tabs.Panel value="collaborators" pt="sm">
              <CollaboratorsPanel object={object} id={id} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
      </Grid>
      <Modal opened={confirmDelete} onClose={() => setConfirmDelete(false)} title={t('record.delete')}>
        <Stack>
          <Text size="sm">{t('record.deleteExplain')}</Text>
          {remove.error && <Text c="red" size="sm">{remove.error.message}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDelete(false)}>{t('common.cancel')}</Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()} data-testid="record-delete-confirm">
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
