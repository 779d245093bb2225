import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { customFieldLabel } from './customFieldLabel';
import type { CustomerObject, CustomField } from './types';
import { customFieldsKey } from './useCustomFields';

interface Props {
  object: CustomerObject;
  field: CustomField | null;
  onClose: () => void;
}

/** Deleting a field also removes its value from every record, in the same transaction: say so first. */
export function CustomFieldDeleteModal({ object, field, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/custom-fields/${id}`),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('customFields.deleted') });
      await queryClient.invalidateQueries({ queryKey: customFieldsKey(object) });
      onClose();
    },
  });
  const label = field ? customFieldLabel(field, i18n.language) : '';

  return (
    <Modal
      opened={field !== null}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      title={t('customFields.delete')}
    >
      <Stack>
        <Text size="sm">{t('customFields.deleteConfirm', { name: label, key: field?.key ?? '' })}</Text>
        <Alert color="red" variant="light">{t('customFields.deleteValues')}</Alert>
        {remove.error && <Alert color="red">{remove.error.message}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button color="red" loading={remove.isPending} onClick={() => field && remove.mutate(field.id)} data-testid="cf-delete-confirm">
            {t('common.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
