import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../platform/format';
import type { UndoResult } from './types';

function asUndoResult(value: Record<string, unknown>): UndoResult {
  const number = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const conflicts = Array.isArray(value['conflicts'])
    ? value['conflicts'].flatMap((c: unknown) => {
        if (typeof c !== 'object' || c === null) return [];
        const entry = c as Record<string, unknown>;
        return [{ object: String(entry['object'] ?? ''), record_id: String(entry['record_id'] ?? ''), reason: String(entry['reason'] ?? '') }];
      })
    : [];
  return { removed: number(value['removed']), restored: number(value['restored']), fields_removed: number(value['fields_removed']), conflicts };
}

/**
 * What undoing an import did: records removed, records restored, custom fields removed, and what was left
 * alone because it changed or was used since (records, or a custom field that still holds values).
 */
export function ImportUndoResult({ result }: { result: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const undo = asUndoResult(result);
  const conflicts = undo.conflicts ?? [];
  return (
    <Alert color={conflicts.length > 0 ? 'yellow' : 'teal'} title={t('data.import.undone')} data-testid="import-undo-result">
      <Text size="sm">
        {t('data.import.undoCounts', { removed: formatNumber(undo.removed ?? 0, i18n.language), restored: formatNumber(undo.restored ?? 0, i18n.language) })}
      </Text>
      {(undo.fields_removed ?? 0) > 0 && (
        <Text size="sm">{t('data.import.undoFieldsRemoved', { formatted: formatNumber(undo.fields_removed ?? 0, i18n.language) })}</Text>
      )}
      {conflicts.length > 0 && (
        <>
          <Text size="sm" mt="xs">{t('data.import.undoConflicts', { count: conflicts.length })}</Text>
          <List size="sm" mt={4}>
            {conflicts.slice(0, 50).map((c) => (
              <List.Item key={`${c.object}:${c.record_id}`}>
                {c.object === 'field_definitions' ? t('data.import.undoFieldKept') : `#${c.record_id}`}: {c.reason}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
