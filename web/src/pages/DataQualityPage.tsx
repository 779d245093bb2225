import { Button, Card, Center, Grid, Group, Loader, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CompletenessBars } from '../modules/data/CompletenessBars';
import { InvalidValuesTable } from '../modules/data/InvalidValuesTable';
import { QualitySummaryCards } from '../modules/data/QualitySummaryCards';
import type { CustomerObject } from '../modules/data/types';
import { formatDateTime } from '../platform/format';
import { useDataQuality, useRefreshDataQuality } from '../modules/data/useDataQuality';

// ECharts is most of this page's weight: load it after the figures are on screen.
const QualityTrendChart = lazy(() => import('../modules/data/QualityTrendChart').then((m) => ({ default: m.QualityTrendChart })));

const STALE_MONTHS = [3, 6, 12, 24, 36] as const;

export default function DataQualityPage() {
  const { t, i18n } = useTranslation();
  const [object, setObject] = useState<CustomerObject>('contacts');
  const [months, setMonths] = useState<number>(12);
  const quality = useDataQuality(object, months);
  const refresh = useRefreshDataQuality(object, months);

  return (
    <Stack gap="md">
      <Title order={2} data-testid="quality-title">{t('data.quality.title')}</Title>
      <Text size="sm" c="dimmed">{t('data.quality.explain')}</Text>
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <SegmentedControl
          value={object}
          onChange={(value) => setObject(value === 'companies' ? 'companies' : 'contacts')}
          data={[
            { value: 'contacts', label: t('data.objects.contacts') },
            { value: 'companies', label: t('data.objects.companies') },
          ]}
          data-testid="quality-object"
        />
        <Select
          label={t('data.quality.staleAfter')}
          value={String(months)}
          onChange={(value) => setMonths(Number(value ?? 12))}
          data={STALE_MONTHS.map((m) => ({ value: String(m), label: t('data.quality.months', { months: m }) }))}
          allowDeselect={false}
          w={180}
          data-testid="quality-stale-months"
        />
      </Group>
      {quality.isPending ? (
        <Center p="xl"><Loader /></Center>
      ) : quality.isError ? (
        <Text c="red">{quality.error.message}</Text>
      ) : (
        <>
          <Group gap="xs" justify="flex-end" wrap="wrap">
            <Text size="xs" c="dimmed" data-testid="quality-measured-at">
              {t('data.quality.measuredAt', { time: formatDateTime(quality.data.measured_at, i18n.language) })}
            </Text>
            <Button size="xs" variant="subtle" leftSection={<IconRefresh size={14} />} loading={refresh.isPending} onClick={() => refresh.mutate()} data-testid="quality-refresh">
              {t('data.quality.refresh')}
            </Button>
          </Group>
          {refresh.error && <Text c="red" size="sm">{refresh.error.message}</Text>}
          <QualitySummaryCards quality={quality.data} />
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Card withBorder padding="md">
                <Title order={4} mb="sm">{t('data.quality.completeness')}</Title>
                <CompletenessBars completeness={quality.data.completeness} />
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="md">
                <Card withBorder padding="md">
                  <Title order={4} mb="sm">{t('data.quality.invalid')}</Title>
                  <InvalidValuesTable invalid={quality.data.invalid} />
                </Card>
                <Card withBorder padding="md">
                  <Title order={4} mb="sm">{t('data.quality.trend')}</Title>
                  {!quality.data.trend_available ? (
                    <Text size="sm" c="dimmed">{t('data.quality.trendUnavailable')}</Text>
                  ) : (
                    <Suspense fallback={<Center h={280}><Loader size="sm" /></Center>}>
                      <QualityTrendChart trend={quality.data.trend} />
                    </Suspense>
                  )}
                </Card>
              </Stack>
            </Grid.Col>
          </Grid>
        </>
      )}
    </Stack>
  );
}
