import { Card, SimpleGrid, Text } from '@mantine/core';
import { IconAddressBook, IconBuilding, IconChecklist, IconShoppingCart } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../platform/format';
import type { Dashboard } from './types';

const CARDS = [
  { key: 'contacts', icon: IconAddressBook },
  { key: 'companies', icon: IconBuilding },
  { key: 'orders', icon: IconShoppingCart },
  { key: 'open_tasks', icon: IconChecklist },
] as const;

export function CountCards({ counts, capped }: { counts: Dashboard['counts']; capped?: Dashboard['counts_capped'] }) {
  const { t, i18n } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      {CARDS.map(({ key, icon: Icon }) => (
        <Card key={key} withBorder padding="sm" data-testid={`count-${key}`}>
          <Icon size={20} color="var(--mantine-color-teal-7)" />
          <Text size="xl" fw={700} mt={4}>
            {formatNumber(counts[key] ?? 0, i18n.language)}
            {capped?.[key] ? '+' : ''}
          </Text>
          <Text size="sm" c="dimmed">
            {t(`dashboard.counts.${key}`)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
