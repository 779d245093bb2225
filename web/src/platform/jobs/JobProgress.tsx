import { Group, Progress, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../format';
import { isJobActive, type Job } from './types';

/** "45 s", "3 min 20 s", "1 h 5 min": ETAs are estimates, so seconds are dropped past an hour. */
export function formatDuration(seconds: number, t: TFunction): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return t('jobs.duration.seconds', { s });
  if (s < 3600) return t('jobs.duration.minutes', { m: Math.floor(s / 60), s: s % 60 });
  return t('jobs.duration.hours', { h: Math.floor(s / 3600), m: Math.floor((s % 3600) / 60) });
}

const COLORS: Record<string, string> = { succeeded: 'teal', failed: 'red', cancelled: 'gray' };

interface Props {
  job: Job;
  compact?: boolean;
}

/** A progress bar with rows done / total, the rate and the time left, as the server computes them. */
export function JobProgress({ job, compact = false }: Props) {
  const { t, i18n } = useTranslation();
  const { done, total } = job.progress;
  const active = isJobActive(job);
  const percent = total ? Math.min(100, (done / total) * 100) : job.status === 'succeeded' ? 100 : 0;
  const counts = total === null
    ? t('jobs.rowsDone', { done: formatNumber(done, i18n.language) })
    : t('jobs.rowsOf', { done: formatNumber(done, i18n.language), total: formatNumber(total, i18n.language) });

  return (
    <Stack gap={4} miw={compact ? 160 : undefined} data-testid="job-progress">
      <Progress
        value={percent}
        color={COLORS[job.status] ?? 'blue'}
        striped={active}
        animated={job.status === 'running'}
        size={compact ? 'sm' : 'lg'}
        aria-label={t('jobs.progress')}
      />
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Text size="xs" c="dimmed">{counts}</Text>
        {active && (
          <Group gap="xs" wrap="wrap">
            {job.rows_per_second !== null && (
              <Text size="xs" c="dimmed" data-testid="job-rate">
                {t('jobs.rate', { rate: formatNumber(job.rows_per_second, i18n.language) })}
              </Text>
            )}
            {job.eta_seconds !== null && (
              <Text size="xs" c="dimmed" data-testid="job-eta">
                {t('jobs.eta', { eta: formatDuration(job.eta_seconds, t) })}
              </Text>
            )}
          </Group>
        )}
      </Group>
    </Stack>
  );
}
