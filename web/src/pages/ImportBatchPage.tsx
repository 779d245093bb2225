import { Stack, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../platform/AnchorLink';
import { ImportBatchView } from '../modules/data/ImportBatchView';

export default function ImportBatchPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams({ strict: false });
  return (
    <Stack gap="md">
      <AnchorLink to="/data/import" size="sm">← {t('data.import.title')}</AnchorLink>
      <Title order={2}>{t('data.import.batchTitle', { id })}</Title>
      <ImportBatchView key={id} batchId={id} />
    </Stack>
  );
}
