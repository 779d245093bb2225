import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconScan } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { JobProgress } from '../../platform/jobs/JobProgress';
import { isJobActive } from '../../platform/jobs/types';
import type { CustomerObject } from './types';
import { duplicatesKey } from './useDuplicates';
import { useWatchedJob } from './useWatchedJob';

/** "Scan now": a background job compares the object's records; the queue refreshes when it ends. */
export function ScanDuplicatesButton({ object }: { object: CustomerObject }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useWatchedJob(jobId, (finished) => {
    void queryClient.invalidateQueries({ queryKey: duplicatesKey });
    if (finished.status === 'succeeded') notifications.show({ color: 'teal', message: t('data.duplicates.scanDone') });
    else notifications.show({ color: 'red', message: finished.error?.message ?? t(`jobs.status.${finished.status}`) });
  });
  const scan = useMutation({
    mutationFn: () => api.post<{ job_id: string }>('/duplicates/scans', { object }),
    onSuccess: ({ job_id }) => setJobId(job_id),
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
  const running = job.data ? isJobActive(job.data) : jobId !== null;
  return (
    <Stack gap={4} miw={200}>
      <Button leftSection={<IconScan size={16} />} loading={scan.isPending || running} onClick={() => scan.mutate()} data-testid="duplicates-scan">
        {t('data.duplicates.scan')}
      </Button>
      {job.data && isJobActive(job.data) && (
        <>
          <Text size="xs" c="dimmed">{t('data.duplicates.scanning')}</Text>
          <JobProgress job={job.data} compact />
        </>
      )}
    </Stack>
  );
}
