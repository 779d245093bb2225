import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../platform/format';
import { dataFieldLabel } from './dataFieldLabel';
import type { DataQuality } from './types';

/** Values that break a rule (email syntax, E.164 phones, plausible birthdays, domains), per field and rule. */
export function InvalidValuesTable({ invalid }: { invalid: DataQuality['invalid'] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table verticalSpacing={6} fz="sm" data-testid="invalid-values">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('data.quality.field')}</Table.Th>
          <Table.Th>{t('data.quality.rule')}</Table.Th>
          <Table.Th ta="right">{t('data.quality.count')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {invalid.map((row) => (
          <Table.Tr key={row.code} data-testid="invalid-row" data-code={row.code}>
            <Table.Td>{dataFieldLabel(t, row.field)}</Table.Td>
            <Table.Td><Text size="sm">{t(`data.quality.rules.${row.code}`, { defaultValue: row.code })}</Text></Table.Td>
            <Table.Td ta="right">
              <Badge color={row.count > 0 ? 'red' : 'gray'} variant="light">{formatNumber(row.count, i18n.language)}</Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
