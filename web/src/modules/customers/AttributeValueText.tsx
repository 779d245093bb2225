import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatMoney, formatNumber } from '../../platform/format';
import { useSession } from '../accounts/useSession';
import type { CustomField } from './types';

/** Renders a custom field value by its type (money in the workspace currency, options by label). */
export function AttributeValueText({ field, value }: { field: CustomField; value: unknown }) {
  const { t, i18n } = useTranslation();
  const { workspace } = useSession();
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return <Text c="dimmed" size="sm">—</Text>;
  }
  const optionLabel = (v: string) => field.options.find((o) => o.value === v)?.label ?? v;
  switch (field.type) {
    case 'boolean':
      return <Text size="sm">{value ? t('common.yes') : t('common.no')}</Text>;
    case 'money':
      return <Text size="sm">{typeof value === 'number' ? formatMoney(value, workspace.currency, i18n.language) : String(value)}</Text>;
    case 'number':
      return <Text size="sm">{typeof value === 'number' ? formatNumber(value, i18n.language) : String(value)}</Text>;
    case 'date':
      return <Text size="sm">{formatDate(String(value), i18n.language)}</Text>;
    case 'select':
      return <Text size="sm">{optionLabel(String(value))}</Text>;
    case 'multi_select':
      return (
        <Group gap={4}>
          {(Array.isArray(value) ? value.map(String) : [String(value)]).map((v) => (
            <Badge key={v} variant="light" size="sm">
              {optionLabel(v)}
            </Badge>
          ))}
        </Group>
      );
    default:
      return (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {String(value)}
        </Text>
      );
  }
}
