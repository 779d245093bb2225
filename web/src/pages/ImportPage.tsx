import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportHistory } from '../modules/data/ImportHistory';
import { ImportWizard } from '../modules/data/ImportWizard';

export default function ImportPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('new');
  return (
    <Stack gap="md">
      <Title order={2} data-testid="import-title">{t('data.import.title')}</Title>
      <Text size="sm" c="dimmed">{t('data.import.explain')}</Text>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="new" data-testid="import-tab-new">{t('data.import.newImport')}</Tabs.Tab>
          <Tabs.Tab value="history" data-testid="import-tab-history">{t('data.import.history')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="new" pt="md"><ImportWizard /></Tabs.Panel>
        <Tabs.Panel value="history" pt="md"><ImportHistory /></Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
