import { Button, Card, Center, Group, Loader, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconArrowsLeftRight } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { recordName } from '../customers/recordName';
import { ReasonChips } from './ReasonChips';
import { ScoreBadge } from './ScoreBadge';
import type { CustomerObject, RecordSummary } from './types';
import { useDuplicatePairs } from './useDuplicates';

interface Props {
  object: CustomerObject;
  selected: string | null;
  onSelect: (id: string) => void;
}

/** The name, else what identifies the record; a hidden name with nothing else reads "(name hidden) #id". */
function name(t: TFunction, object: CustomerObject, record: RecordSummary): string {
  return record.display_name ?? record.email ?? record.phone ?? `${recordName(t, object, null)} #${record.id}`;
}

/** Open pairs, highest score first: the two names, the score and why they match. */
export function DuplicateQueue({ object, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const pairs = useDuplicatePairs(object);
  if (pairs.isPending) return <Center p="xl"><Loader /></Center>;
  if (pairs.isError) return <Text c="red">{pairs.error.message}</Text>;
  const rows = pairs.data.pages.flatMap((page) => page.data);
  if (rows.length === 0) return <Text c="dimmed" ta="center" p="md" data-testid="duplicates-empty">{t('data.duplicates.empty')}</Text>;
  return (
    <Stack gap="xs" data-testid="duplicate-queue">
      {rows.map((pair) => (
        <UnstyledButton key={pair.id} onClick={() => onSelect(pair.id)} data-testid="duplicate-pair" data-pair-id={pair.id} aria-pressed={selected === pair.id}>
          <Card withBorder padding="sm" style={selected === pair.id ? { borderColor: 'var(--mantine-color-teal-6)', background: 'var(--mantine-color-teal-0)' } : undefined}>
            <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" fw={600} truncate>{name(t, object, pair.a)}</Text>
                  <IconArrowsLeftRight size={14} />
                  <Text size="sm" fw={600} truncate>{name(t, object, pair.b)}</Text>
                </Group>
                <ReasonChips reasons={pair.reasons} object={pair.object} />
              </Stack>
              <ScoreBadge score={pair.score} />
            </Group>
          </Card>
        </UnstyledButton>
      ))}
      {pairs.hasNextPage && (
        <Group justify="center">
          <Button variant="subtle" onClick={() => void pairs.fetchNextPage()} loading={pairs.isFetchingNextPage}>{t('list.loadMore')}</Button>
        </Group>
      )}
    </Stack>
  );
}
