import { Button, Center, Group, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useImportErrors } from './useImportErrors';

/** The refused rows: row number in the file, column, code and the server's message. */
export function ImportErrorsTable({ batchId }: { batchId: string }) {
  const { t } = useTranslation();
  const errors = useImportErrors(batchId, true);
  if (errors.isPending) return <Center p="sm"><Loader size="sm" /></Center>;
  if (errors.isError) return <Text c="red" size="sm">{errors.error.message}</Text>;
  const rows = errors.data.pages.flatMap((page) => page.data);
  if (rows.length === 0) return <Text size="sm" c="dimmed">{t('data.import.noErrors')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={520} type="native" mah={400}>
        <Table verticalSpacing={4} fz="sm" striped data-testid="import-errors">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('data.import.row')}</Table.Th>
              <Table.Th>{t('data.import.column')}</Table.Th>
              <Table.Th>{t('data.import.errorCode')}</Table.Th>
              <Table.Th>{t('data.import.errorMessage')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((error, index) => (
              <Table.Tr key={`${error.row}-${index}`} data-testid="import-error-row">
                <Table.Td>{error.row}</Table.Td>
                <Table.Td>{error.column ?? ''}</Table.Td>
                <Table.Td><Text size="xs" ff="monospace">{error.code}</Text></Table.Td>
                <Table.Td>{error.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {errors.hasNextPage && (
        <Group justify="center" mt="xs">
          <Button variant="subtle" size="xs" onClick={() => void errors.fetchNextPage()} loading={errors.isFetchingNextPage}>
            {t('list.loadMore')}
          </Button>
        </Group>
      )}
    </>
  );
}
