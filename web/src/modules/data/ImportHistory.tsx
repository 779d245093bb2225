import { Badge, Button, Card, Center, Group, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../platform/AnchorLink';
import { formatDateTime, formatNumber } from '../../platform/format';
import { canUndoImport, IMPORT_STATUS_COLORS } from './importStatus';
import { UndoImportButton } from './UndoImportButton';
import { useImportBatches } from './useImportBatches';

/** Earlier imports (the caller's, or all of an object they see entirely), with status, counts and undo. */
export function ImportHistory() {
  const { t, i18n } = useTranslation();
  const batches = useImportBatches();
  if (batches.isPending) return <Center p="xl"><Loader /></Center>;
  if (batches.isError) return <Text c="red">{batches.error.message}</Text>;
  const rows = batches.data.pages.flatMap((page) => page.data);
  if (rows.length === 0) return <Text c="dimmed" p="md" ta="center" data-testid="imports-empty">{t('data.import.historyEmpty')}</Text>;
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <Card withBorder padding={0}>
      <Table.ScrollContainer minWidth={760} type="native">
        <Table verticalSpacing="xs" striped data-testid="imports-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('data.import.file')}</Table.Th>
              <Table.Th>{t('data.import.object')}</Table.Th>
              <Table.Th>{t('jobs.statusLabel')}</Table.Th>
              <Table.Th>{t('data.import.countsShort')}</Table.Th>
              <Table.Th>{t('common.createdAt')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((b) => (
              <Table.Tr key={b.id} data-testid="import-row" data-import-id={b.id} data-status={b.status}>
                <Table.Td>
                  <AnchorLink to="/data/imports/$id" params={{ id: b.id }} size="sm" data-testid="import-open">{b.file_name}</AnchorLink>
                  {b.created_by_name && <Text size="xs" c="dimmed">{b.created_by_name}</Text>}
                </Table.Td>
                <Table.Td>{t(`data.objects.${b.object}`, { defaultValue: b.object })}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={IMPORT_STATUS_COLORS[b.status] ?? 'gray'}>
                    {t(`data.import.status.${b.status}`, { defaultValue: b.status })}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {t('data.import.countsLine', { created: n(b.rows_created), updated: n(b.rows_updated), unchanged: n(b.rows_unchanged), failed: n(b.rows_failed) })}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}><Text size="sm">{formatDateTime(b.created_at, i18n.language)}</Text></Table.Td>
                <Table.Td ta="right">{canUndoImport(b) && <UndoImportButton batch={b} size="xs" />}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {batches.hasNextPage && (
        <Group justify="center" p="xs">
          <Button variant="subtle" onClick={() => void batches.fetchNextPage()} loading={batches.isFetchingNextPage}>{t('list.loadMore')}</Button>
        </Group>
      )}
    </Card>
  );
}
