import { Badge, Button, Card, Center, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';
import { JobProgress } from './JobProgress';
import { isJobActive, type Job } from './types';
import { useCancelJob } from './useCancelJob';
import { useJobs } from './useJobs';

const STATUS_COLORS: Record<string, string> = { queued: 'gray', running: 'blue', succeeded: 'teal', failed: 'red', cancelled: 'gray' };

interface Props {
  /**
   * What a finished job produced (for an export: its rows and a download button). The jobs
   * platform knows no job kinds; the page passes the renderers of the modules that own them.
   */
  renderResult?: (job: Job) => ReactNode;
}

/** Background jobs, newest first, with progress, rate, ETA and cancel; refreshes itself while any is active. */
export function JobsList({ renderResult }: Props) {
  const { t, i18n } = useTranslation();
  const jobs = useJobs();
  const cancel = useCancelJob();

  if (jobs.isPending) {
    return (
      <Center p="xl">
        <Loader />
      </Center>
    );
  }
  if (jobs.isError) return <Text c="red">{jobs.error.message}</Text>;
  if (jobs.data.length === 0) {
    return (
      <Text c="dimmed" ta="center" p="md" data-testid="jobs-empty">
        {t('jobs.empty')}
      </Text>
    );
  }

  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={760} type="native">
        <Table verticalSpacing="sm" striped data-testid="jobs-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('jobs.kindLabel')}</Table.Th>
              <Table.Th>{t('jobs.statusLabel')}</Table.Th>
              <Table.Th w="30%">{t('jobs.progress')}</Table.Th>
              <Table.Th>{t('common.createdAt')}</Table.Th>
              <Table.Th>{t('jobs.result')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {jobs.data.map((job) => (
              <Table.Tr key={job.id} data-testid="job-row" data-job-id={job.id} data-status={job.status}>
                <Table.Td>
                  <Text size="sm" fw={500}>{t(`jobs.kind.${job.kind}`, { defaultValue: job.kind })}</Text>
                  <Text size="xs" c="dimmed">#{job.id}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Badge variant="light" color={STATUS_COLORS[job.status] ?? 'gray'} data-testid="job-status">
                    {t(`jobs.status.${job.status}`, { defaultValue: job.status })}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <JobProgress job={job} compact />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatDateTime(job.created_at, i18n.language)}</Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {job.error && <Text size="sm" c="red">{job.error.message}</Text>}
                    {!job.error && job.message && <Text size="sm" c="dimmed">{job.message}</Text>}
                    {job.status === 'succeeded' && renderResult?.(job)}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end" wrap="nowrap">
                    {isJobActive(job) && (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        leftSection={<IconPlayerStop size={14} />}
                        loading={cancel.isPending && cancel.variables === job.id}
                        onClick={() => cancel.mutate(job.id)}
                        data-testid="job-cancel"
                      >
                        {t('jobs.cancel')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
