import { Alert, Button, Card, Center, Group, Loader, Radio, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconGitMerge, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { formatDateTime } from '../../platform/format';
import { useCan } from '../accounts/useSession';
import { recordName } from '../customers/recordName';
import { dataFieldLabel } from './dataFieldLabel';
import { defaultChoices, FIXED_FIELDS, mergeFieldChoices, UNITED_FIELDS, valueText, type FieldChoice } from './mergeFields';
import { ReasonChips } from './ReasonChips';
import { ScoreBadge } from './ScoreBadge';
import type { CustomerObject, DuplicatePairDetail, Merge, Side } from './types';
import { duplicatesKey, useDuplicatePair } from './useDuplicates';
import { mergesKey } from './useMerges';

interface Props {
  object: CustomerObject;
  pairId: string;
  onDone: () => void;
}

/** Loads a pair, then shows the comparison keyed by it (so its choices start from the pair's suggestions). */
export function DuplicateComparison({ object, pairId, onDone }: Props) {
  const pair = useDuplicatePair(pairId);
  if (pair.isPending) return <Center p="xl"><Loader /></Center>;
  if (pair.isError) return <Alert color="red">{pair.error.message}</Alert>;
  return <Comparison key={pair.data.id} object={object} pair={pair.data} onDone={onDone} />;
}

function Comparison({ object, pair, onDone }: { object: CustomerObject; pair: DuplicatePairDetail; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [survivor, setSurvivor] = useState<Side>('a');
  const [choices, setChoices] = useState<Record<string, FieldChoice>>(() => defaultChoices(pair.fields));
  const record = (side: Side) => (side === 'a' ? pair.a : pair.b);
  // a hidden name reads "(name hidden)", with the id so that the two sides stay apart
  const title = (side: Side) => record(side).display_name ?? `${recordName(t, object, null)} #${record(side).id}`;

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: duplicatesKey });
    await queryClient.invalidateQueries({ queryKey: mergesKey });
  };
  const merge = useMutation({
    mutationFn: () => {
      const merged: Side = survivor === 'a' ? 'b' : 'a';
      return api.post<{ merge: Merge }>('/merges', {
        object, survivor_id: record(survivor).id, merged_id: record(merged).id, fields: mergeFieldChoices(choices, survivor), pair_id: pair.id,
      });
    },
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('data.duplicates.merged', { name: title(survivor) }) });
      await refresh();
      onDone();
    },
  });
  const dismiss = useMutation({
    mutationFn: () => api.post(`/duplicates/${pair.id}/dismiss`),
    onSuccess: async () => {
      notifications.show({ color: 'gray', message: t('data.duplicates.dismissed') });
      await refresh();
      onDone();
    },
  });
  const error = merge.error ?? dismiss.error;

  return (
    <Card withBorder padding="md" data-testid="duplicate-comparison">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <ReasonChips reasons={pair.reasons} object={pair.object} />
          <ScoreBadge score={pair.score} />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>{t('data.duplicates.survivor')}</Text>
          <SegmentedControl
            value={survivor}
            onChange={(value) => setSurvivor(value === 'b' ? 'b' : 'a')}
            // the two names are often the same: the id tells the records apart
            data={(['a', 'b'] as const).map((side) => ({ value: side, label: `${title(side)} · #${record(side).id}` }))}
            fullWidth
            data-testid="duplicate-survivor"
          />
          <Text size="xs" c="dimmed">{t('data.duplicates.survivorHelp')}</Text>
        </Stack>
        <Table.ScrollContainer minWidth={340} type="native">
          <Table verticalSpacing={6} fz="sm" data-testid="duplicate-fields">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="26%">{t('data.duplicates.field')}</Table.Th>
                {(['a', 'b'] as const).map((side) => (
                  <Table.Th key={side}>
                    <Text size="sm" fw={600} truncate>{title(side)}</Text>
                    <Text size="xs" c="dimmed">
                      {side === survivor ? t('data.duplicates.kept') : t('data.duplicates.mergedAway')} · {formatDateTime(record(side).updated_at, i18n.language)}
                    </Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {pair.fields.map((field) => {
                const same = valueText(field.a) === valueText(field.b);
                const fixed = FIXED_FIELDS.has(field.key);
                // the external id stays with each record, and a field the role may not change keeps the survivor's value
                const chosen = fixed || field.read_only ? survivor : choices[field.key];
                return (
                  <Table.Tr key={field.key} data-testid="duplicate-field" data-field={field.key}>
                    <Table.Td>
                      <Text size="sm" c={same ? 'dimmed' : undefined}>{dataFieldLabel(t, field.key, field.label)}</Text>
                      {UNITED_FIELDS.has(field.key) && !same && chosen === 'both' && <Text size="xs" c="dimmed">{t('data.duplicates.bothKept')}</Text>}
                      {field.read_only && !same && <Text size="xs" c="dimmed" data-testid="duplicate-read-only">{t('data.duplicates.readOnlyKept')}</Text>}
                    </Table.Td>
                    {(['a', 'b'] as const).map((side) => (
                      <Table.Td key={side}>
                        <Radio
                          size="xs"
                          name={`field-${field.key}`}
                          checked={chosen === side}
                          onChange={() => setChoices((current) => ({ ...current, [field.key]: side }))}
                          label={<Text size="sm" style={{ wordBreak: 'break-word' }}>{valueText(side === 'a' ? field.a : field.b)}</Text>}
                          disabled={same || fixed || field.read_only}
                          data-testid={`duplicate-choice-${side}`}
                        />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {error && <Alert color="red" data-testid="duplicate-error">{error.message}</Alert>}
        <Group justify="flex-end" gap="xs" wrap="wrap">
          <Button variant="default" leftSection={<IconX size={16} />} loading={dismiss.isPending} disabled={merge.isPending} onClick={() => dismiss.mutate()} data-testid="duplicate-dismiss">
            {t('data.duplicates.notDuplicate')}
          </Button>
          {can(object, 'edit') && (
            <Button leftSection={<IconGitMerge size={16} />} loading={merge.isPending} disabled={dismiss.isPending} onClick={() => merge.mutate()} data-testid="duplicate-merge">
              {t('data.duplicates.merge')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
