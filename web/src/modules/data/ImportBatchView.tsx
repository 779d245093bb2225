import { Alert, Badge, Button, Card, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../platform/AnchorLink';
import { downloadFile } from '../../platform/downloadFile';
import { formatDateTime } from '../../platform/format';
import { JobProgress } from '../../platform/jobs/JobProgress';
import { isJobActive } from '../../platform/jobs/types';
import { useJob } from '../../platform/jobs/useJob';
import { ImportCounts } from './ImportCounts';
import { ImportErrorsTable } from './ImportErrorsTable';
import { canUndoImport, IMPORT_STATUS_COLORS, isImportActive } from './importStatus';
import { ImportUndoResult } from './ImportUndoResult';
import { UndoImportButton } from './UndoImportButton';
import { useImportBatch } from './useImportBatch';
import { importsKey } from './useImportBatches';
import { useWatchedJob } from './useWatchedJob';

/** One import: live progress while it runs (rows done / total, rows/s, ETA), then its result, errors and undo. */
export function ImportBatchView({ batchId }: { batchId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const batch = useImportBatch(batchId);
  const data = batch.data;
  const running = data ? isImportActive(data) && data.status !== 'undoing' : false;
  const job = useJob(running ? (data?.job_id ?? null) : null);
  // the batch stays "succeeded" until its undo job has finished: the job is what shows the undo running
  const undoJob = useWatchedJob(data && data.undo_job_id !== null && data.status !== 'undone' ? data.undo_job_id : null, () => {
    void queryClient.invalidateQueries({ queryKey: importsKey });
  });
  const undoing = undoJob.data ? isJobActive(undoJob.data) : data?.status === 'undoing';
  const [downloading, setDownloading] = useState(false);

  if (batch.isPending) return <Center p="xl"><Loader /></Center>;
  if (batch.isError) return <Alert color="red">{batch.error.message}</Alert>;
  const b = batch.data;

  const download = async () => {
    setDownloading(true);
    try {
      await downloadFile(`/imports/${b.id}/errors.csv`, undefined, `import-${b.id}-errors.csv`);
    } catch (error) {
      notifications.show({ color: 'red', message: error instanceof Error ? error.message : String(error) });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Stack gap="md" data-testid="import-batch" data-status={b.status}>
      <Card withBorder padding="md">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs" wrap="wrap">
              <Title order={4} style={{ wordBreak: 'break-all' }}>{b.file_name}</Title>
              <Badge color={IMPORT_STATUS_COLORS[b.status] ?? 'gray'} variant="light" data-testid="import-status">
                {t(`data.import.status.${b.status}`, { defaultValue: b.status })}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {t(`data.objects.${b.object}`, { defaultValue: b.object })} · {t(`data.import.modes.${b.mode}`, { defaultValue: b.mode })}
              {b.match ? ` · ${t('data.import.matchedBy', { key: b.match })}` : ''}
              {' · '}{formatDateTime(b.created_at, i18n.language)}{b.created_by_name ? ` · ${b.created_by_name}` : ''}
            </Text>
          </Stack>
          {canUndoImport(b) && !undoing && <UndoImportButton batch={b} />}
        </Group>
      </Card>

      {running && (
        <Card withBorder padding="md" data-testid="import-progress">
          <Text size="sm" mb="xs">{t(`data.import.phase.${b.status}`, { defaultValue: '' })}</Text>
          {job.data ? <JobProgress job={job.data} /> : <Loader size="sm" />}
        </Card>
      )}
      {undoing && (
        <Card withBorder padding="md" data-testid="import-undo-progress">
          <Text size="sm" mb="xs">{t('data.import.phase.undoing')}</Text>
          {undoJob.data ? <JobProgress job={undoJob.data} /> : <Loader size="sm" />}
        </Card>
      )}

      {b.error && <Alert color="red" data-testid="import-failure">{b.error.message}</Alert>}
      {b.status !== 'undone' && undoJob.data?.status === 'failed' && (
        <Alert color="red" title={t('data.import.undoFailed')} data-testid="import-undo-failure">{undoJob.data.error?.message}</Alert>
      )}
      {b.undo_result && <ImportUndoResult result={b.undo_result} />}

      {!running && (
        <>
          <ImportCounts batch={b} />
          {b.status === 'succeeded' && (b.object === 'contacts' || b.object === 'companies') && b.rows_created + b.rows_updated > 0 && (
            <AnchorLink to={b.object === 'contacts' ? '/contacts' : '/companies'} size="sm">{t(`data.import.open.${b.object}`)}</AnchorLink>
          )}
          <Card withBorder padding="md">
            <Group justify="space-between" mb="xs" wrap="wrap">
              <Title order={5}>{t('data.import.errors')}</Title>
              {b.rows_failed > 0 && (
                <Button size="xs" variant="light" leftSection={<IconDownload size={14} />} loading={downloading} onClick={() => void download()} data-testid="import-errors-download">
                  {t('data.import.downloadErrors')}
                </Button>
              )}
            </Group>
            <ImportErrorsTable batchId={b.id} />
          </Card>
        </>
      )}
    </Stack>
  );
}
