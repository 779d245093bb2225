import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../platform/AnchorLink';
import { formatNumber } from '../../platform/format';
import type { DataQuality } from './types';

/** The page's headline figures: records, mean completeness, invalid values, stale records, open duplicates. */
export function QualitySummaryCards({ quality }: { quality: DataQuality }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const fields = quality.completeness;
  const average = fields.length === 0 ? 0 : fields.reduce((sum, f) => sum + f.ratio, 0) / fields.length;
  const invalid = quality.invalid.reduce((sum, row) => sum + row.count, 0);
  return (
    <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm" data-testid="quality-summary">
      <Card withBorder padding="sm" data-testid="quality-total">
        <Text size="xl" fw={700}>{n(quality.total)}</Text>
        <Text size="sm" c="dimmed">{t('data.quality.records')}</Text>
      </Card>
      <Card withBorder padding="sm" data-testid="quality-average">
        <Text size="xl" fw={700}>{percent.format(average)}</Text>
        <Text size="sm" c="dimmed">{t('data.quality.avgCompleteness')}</Text>
      </Card>
      <Card withBorder padding="sm" data-testid="quality-invalid">
        <Text size="xl" fw={700} c={invalid > 0 ? 'red' : undefined}>{n(invalid)}</Text>
        <Text size="sm" c="dimmed">{t('data.quality.invalidTotal')}</Text>
      </Card>
      <Card withBorder padding="sm" data-testid="quality-stale">
        <Text size="xl" fw={700}>{n(quality.stale.count)}</Text>
        <Text size="sm" c="dimmed">{t('data.quality.stale', { months: quality.stale.months })}</Text>
      </Card>
      <Card withBorder padding="sm" data-testid="quality-duplicates">
        <Text size="xl" fw={700}>{n(quality.open_duplicates)}</Text>
        <AnchorLink to="/data/duplicates" size="sm" data-testid="quality-duplicates-link">{t('data.quality.openDuplicates')}</AnchorLink>
      </Card>
    </SimpleGrid>
  );
}
