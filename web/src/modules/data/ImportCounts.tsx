import { SimpleGrid, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../platform/format';
import type { ImportBatch } from './types';

const COUNTS = [
  { key: 'rows_created', color: 'teal' },
  { key: 'rows_updated', color: 'blue' },
  { key: 'rows_unchanged', color: 'gray' },
  { key: 'rows_failed', color: 'red' },
] as const;

/** Created / updated / unchanged / failed rows of an import. */
export function ImportCounts({ batch }: { batch: ImportBatch }) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      {COUNTS.map(({ key, color }) => (
        <Paper key={key} withBorder p="sm" data-testid={`import-count-${key.replace('rows_', '')}`}>
          <Text size="xl" fw={700} c={batch[key] > 0 ? color : undefined} data-testid="import-count-value">
            {formatNumber(batch[key], i18n.language)}
          </Text>
          <Text size="sm" c="dimmed">{t(`data.import.counts.${key}`)}</Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
