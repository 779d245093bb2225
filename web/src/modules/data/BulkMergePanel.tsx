import { Button, Card, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconGitMerge } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { formatNumber } from '../../platform/format';
import { JobProgress } from '../../platform/jobs/JobProgress';
import type { CustomerObject } from './types';
import { duplicatesKey } from './useDuplicates';
import { mergesKey } from './useMerges';
import { useWatchedJob } from './useWatchedJob';

/** Merges every open pair at or above a score, each with the suggested values, as one background job. */
export function BulkMergePanel({ object }: { object: CustomerObject }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [percent, setPercent] = useState<number>(95);
  const [confirming, setConfirming] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useWatchedJob(jobId, (finished) => {
    void queryClient.invalidateQueries({ queryKey: duplicatesKey });
    void queryClient.invalidateQueries({ queryKey: mergesKey });
    if (finished.status === 'succeeded') {
      const merged = typeof finished.result?.['merged'] === 'number' ? finished.result['merged'] : finished.progress.done;
      notifications.show({ color: 'teal', message: t('data.duplicates.bulkDone', { count: merged, merged: formatNumber(merged, i18n.language) }) });
    } else {
      notifications.show({ color: 'red', message: finished.error?.message ?? t(`jobs.status.${finished.status}`) });
    }
  });
  const start = useMutation({
    mutationFn: () => api.post<{ job_id: string }>('/merges/bulk', { object, min_score: percent / 100 }),
    onSuccess: ({ job_id }) => {
      setConfirming(false);
      setJobId(job_id);
    },
  });

  return (
    <Card withBorder padding="sm" data-testid="bulk-merge">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NumberInput
          label={t('data.duplicates.bulkMinScore')}
          value={percent}
          onChange={(value) => setPercent(typeof value === 'number' ? value : Number(value) || 95)}
          min={50}
          max={100}
          step={1}
          suffix="%"
          w={160}
          data-testid="bulk-merge-score"
        />
        <Button variant="light" leftSection={<IconGitMerge size={16} />} onClick={() => setConfirming(true)} data-testid="bulk-merge-start">
          {t('data.duplicates.bulkMerge')}
        </Button>
      </Group>
      {job.data && (
        <Stack gap={4} mt="sm">
          <Text size="xs" c="dimmed">{t('data.duplicates.bulkRunning')}</Text>
          <JobProgress job={job.data} />
        </Stack>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('data.duplicates.bulkMerge')}>
        <Stack>
          <Text size="sm">{t('data.duplicates.bulkExplain', { score: percent })}</Text>
          {start.error && <Text c="red" size="sm">{start.error.message}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
            <Button loading={start.isPending} onClick={() => start.mutate()} data-testid="bulk-merge-confirm">{t('common.confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
