import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../platform/format';
import { dataFieldLabel } from './dataFieldLabel';
import { targetLabel } from './targetLabel';
import type { DataQuality } from './types';

function color(ratio: number): string {
  return ratio >= 0.8 ? 'teal' : ratio >= 0.5 ? 'yellow' : 'red';
}

/** One bar per field: the share of records with a value, emptiest first so the gaps come first. */
export function CompletenessBars({ completeness }: { completeness: DataQuality['completeness'] }) {
  const { t, i18n } = useTranslation();
  const sorted = [...completeness].sort((a, b) => a.ratio - b.ratio);
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <Stack gap="xs" data-testid="completeness">
      {sorted.map((f) => (
        <Stack key={f.field} gap={2} data-testid="completeness-row" data-field={f.field}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text size="sm" truncate>{f.custom ? targetLabel(f, i18n.language) : dataFieldLabel(t, f.field, f.label)}</Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="completeness-value">
              {percent.format(f.ratio)} · {formatNumber(f.filled, i18n.language)}
            </Text>
          </Group>
          <Progress value={f.ratio * 100} color={color(f.ratio)} size="sm" aria-label={f.field} />
        </Stack>
      ))}
    </Stack>
  );
}
