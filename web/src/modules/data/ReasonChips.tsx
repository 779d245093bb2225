import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { dataFieldLabel } from './dataFieldLabel';
import type { DuplicateReason } from './types';

const COLORS: Record<string, string> = { exact: 'teal', similar: 'yellow', different: 'gray' };

/** Why two records look alike: one chip per compared field (same / similar / different). */
export function ReasonChips({ reasons, object }: { reasons: DuplicateReason[]; object: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap" data-testid="duplicate-reasons">
      {reasons.map((reason, index) => (
        <Tooltip key={`${reason.field}-${index}`} label={reason.text} disabled={!reason.text} withinPortal multiline maw={280}>
          <Badge variant="light" color={COLORS[reason.kind] ?? 'gray'} size="sm" tt="none">
            {dataFieldLabel(t, object === 'contacts' && reason.field === 'name' ? 'display_name' : reason.field)} · {t(`data.duplicates.kind.${reason.kind}`, { defaultValue: reason.kind })}
            {reason.kind === 'similar' && reason.similarity !== null ? ` ${Math.round(reason.similarity * 100)}%` : ''}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
