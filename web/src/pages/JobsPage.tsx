import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ExportJobResult } from '../modules/customers/ExportJobResult';
import { JobsList } from '../platform/jobs/JobsList';

export default function JobsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={2} data-testid="jobs-title">{t('jobs.title')}</Title>
      <Text size="sm" c="dimmed">{t('jobs.explain')}</Text>
      <JobsList renderResult={(job) => <ExportJobResult job={job} />} />
    </Stack>
  );
}
