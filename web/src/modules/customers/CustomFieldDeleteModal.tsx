import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../platform/AnchorLink';
import { formatNumber } from '../../platform/format';
import { JobProgress } from '../../platform/jobs/JobProgress';
import { isJobActive } from '../../platform/jobs/types';
import { useJob } from '../../platform/jobs/useJob';
import { customFieldLabel } from './customFieldLabel';
import type { CustomerObject, CustomField } from './types';
import { useDeleteCustomField } from './useDeleteCustomField';

interface Props {
  object: CustomerObject;
  field: CustomField | null;
  onClose: () => void;
}

/**
 * Confirms the deletion, then follows the job that removes the field's values from the records. The field
 * has left the list by then; closing the window leaves the job running (it stays on the jobs page).
 */
export function CustomFieldDeleteModal({ object, field, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const remove = useDeleteCustomField(object);
  // kept here rather than read from the mutation, so a retry shows the old job until the new one is known
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const data = job.data;
  const stopped = data?.status === 'failed' || data?.status === 'cancelled';
  const stripped = data?.result?.['stripped'];
  const label = field ? customFieldLabel(field, i18n.language) : '';
  const close = () => {
    remove.reset();
    setJobId(null);
    onClose();
  };
  const start = () => {
    if (field) remove.mutate(field.id, { onSuccess: (started) => setJobId(started.job_id) });
  };

  return (
    <Modal opened={field !== null} onClose={close} title={t('customFields.delete')} data-testid="cf-delete-modal">
      {jobId === null ? (
        <Stack>
          <Text size="sm">{t('customFields.deleteConfirm', { name: label, key: field?.key ?? '' })}</Text>
          <Alert color="red" variant="light">{t('customFields.deleteInJob')}</Alert>
          {remove.error && <Alert color="red">{remove.error.message}</Alert>}
          <Group justify="flex-end" wrap="wrap">
            <Button variant="default" onClick={close}>{t('common.cancel')}</Button>
            <Button color="red" loading={remove.isPending} onClick={start} data-testid="cf-delete-confirm">
              {t('common.delete')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Stack data-testid="cf-delete-job">
          {(!data || isJobActive(data)) && <Text size="sm">{t('customFields.deleteRunning')}</Text>}
          {job.isError && <Alert color="red">{job.error.message}</Alert>}
          {data && <JobProgress job={data} />}
          {data?.status === 'succeeded' && (
            <Alert color="teal" title={t('customFields.deleted')} data-testid="cf-delete-done">
              {typeof stripped === 'number' && t('customFields.valuesRemoved', { records: formatNumber(stripped, i18n.language) })}
            </Alert>
          )}
          {stopped && (
            <Alert color="red" title={t('customFields.deleteStopped')} data-testid="cf-delete-stopped">
              {data.error?.message ?? t(`jobs.status.${data.status}`)}
            </Alert>
          )}
          {remove.error && <Alert color="red">{remove.error.message}</Alert>}
          <Group justify="space-between" wrap="wrap">
            <AnchorLink to="/jobs" size="sm" onClick={close}>
              {t('jobs.title')}
            </AnchorLink>
            <Group gap="xs" wrap="wrap">
              {stopped && (
                <Button color="red" variant="light" loading={remove.isPending} onClick={start} data-testid="cf-delete-retry">
                  {t('common.retry')}
                </Button>
              )}
              <Button variant="default" onClick={close} data-testid="cf-delete-close">
                {t('common.close')}
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
