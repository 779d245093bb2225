import { Grid, Group, SegmentedControl, Stack, Tabs, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../modules/accounts/useSession';
import { BulkMergePanel } from '../modules/data/BulkMergePanel';
import { DuplicateComparison } from '../modules/data/DuplicateComparison';
import { DuplicateQueue } from '../modules/data/DuplicateQueue';
import { MergeHistory } from '../modules/data/MergeHistory';
import { ScanDuplicatesButton } from '../modules/data/ScanDuplicatesButton';
import type { CustomerObject } from '../modules/data/types';

export default function DuplicatesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [object, setObject] = useState<CustomerObject>('contacts');
  const [tab, setTab] = useState<string | null>('queue');
  const [selected, setSelected] = useState<string | null>(null);
  const comparison = useRef<HTMLDivElement>(null);
  const stacked = useMediaQuery('(max-width: 62em)');
  // on a phone the comparison sits below the queue: bring it into view when a pair is picked
  useEffect(() => {
    if (selected && stacked) comparison.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [selected, stacked]);

  return (
    <Stack gap="md">
      <Title order={2} data-testid="duplicates-title">{t('data.duplicates.title')}</Title>
      <Text size="sm" c="dimmed">{t('data.duplicates.explain')}</Text>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <SegmentedControl
          value={object}
          onChange={(value) => {
            setObject(value === 'companies' ? 'companies' : 'contacts');
            setSelected(null);
          }}
          data={[
            { value: 'contacts', label: t('data.objects.contacts') },
            { value: 'companies', label: t('data.objects.companies') },
          ]}
          data-testid="duplicates-object"
        />
        {can(object, 'edit') && <ScanDuplicatesButton object={object} />}
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="queue" data-testid="duplicates-tab-queue">{t('data.duplicates.queue')}</Tabs.Tab>
          <Tabs.Tab value="history" data-testid="duplicates-tab-history">{t('data.duplicates.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="queue" pt="md">
          <Stack gap="md">
            {can(object, 'bulk') && <BulkMergePanel object={object} />}
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 5 }}>
                <DuplicateQueue object={object} selected={selected} onSelect={setSelected} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 7 }} ref={comparison}>
                {selected ? (
                  <DuplicateComparison key={selected} object={object} pairId={selected} onDone={() => setSelected(null)} />
                ) : (
                  <Text c="dimmed" size="sm" ta="center" p="md">{t('data.duplicates.pickPair')}</Text>
                )}
              </Grid.Col>
            </Grid>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <MergeHistory object={object} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
