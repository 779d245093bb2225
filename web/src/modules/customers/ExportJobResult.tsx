import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../platform/format';
import type { Job } from '../../platform/jobs/types';
import { useSession } from '../accounts/useSession';
import { ExportDownloadButton } from './ExportDownloadButton';

/** The jobs page's view of a finished export: its size and, for the user who started it, the download. */
export function ExportJobResult({ job }: { job: Job }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  if (job.kind !== 'export' || job.status !== 'succeeded') return null;
  const rows = typeof job.result?.['rows'] === 'number' ? job.result['rows'] : null;
  const format = typeof job.result?.['format'] === 'string' ? job.result['format'].toUpperCase() : '';
  return (
    <Group gap="xs" wrap="wrap">
      {rows !== null && (
        <Text size="sm">{t('export.rowsIn', { rows: formatNumber(rows, i18n.language), format })}</Text>
      )}
      {job.created_by === user.id && <ExportDownloadButton jobId={job.id} size="xs" />}
    </Group>
  );
}
