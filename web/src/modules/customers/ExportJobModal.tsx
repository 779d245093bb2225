import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../platform/AnchorLink';
import { JobProgress } from '../../platform/jobs/JobProgress';
import { isJobActive } from '../../platform/jobs/types';
import { useCancelJob } from '../../platform/jobs/useCancelJob';
import { useJob } from '../../platform/jobs/useJob';
import { ExportDownloadButton } from './ExportDownloadButton';

interface Props {
  jobId: string | null;
  onClose: () => void;
}

/** Progress of a background export; closing it leaves the job running (it stays on the jobs page). */
export function ExportJobModal({ jobId, onClose }: Props) {
  const { t } = useTranslation();
  const job = useJob(jobId);
  const cancel = useCancelJob();
  const data = job.data;

  return (
    <Modal opened={jobId !== null} onClose={onClose} title={t('export.jobTitle')} data-testid="export-job-modal">
      <Stack>
        <Text size="sm">{t('export.jobExplain')}</Text>
        {job.isError && <Alert color="red">{job.error.message}</Alert>}
        {data && <JobProgress job={data} />}
        {data?.status === 'failed' && <Alert color="red" data-testid="export-job-error">{data.error?.message ?? t('jobs.status.failed')}</Alert>}
        {data?.status === 'cancelled' && <Alert color="gray">{t('jobs.status.cancelled')}</Alert>}
        <Group justify="space-between" wrap="wrap">
          <AnchorLink to="/jobs" size="sm" onClick={onClose} data-testid="export-job-jobs-link">
            {t('jobs.title')}
          </AnchorLink>
          <Group gap="xs">
            {data && isJobActive(data) && (
              <Button variant="default" loading={cancel.isPending} onClick={() => cancel.mutate(data.id)}>
                {t('jobs.cancel')}
              </Button>
            )}
            {data?.status === 'succeeded' && <ExportDownloadButton jobId={data.id} />}
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
