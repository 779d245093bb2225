import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  headers: string[];
  rows: string[][];
}

/** The first rows as the server read them (its decoding and delimiter are what the import will use). */
export function ImportPreviewTable({ headers, rows }: Props) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text size="sm" c="dimmed">{t('data.import.noRows')}</Text>;
  return (
    <Table.ScrollContainer minWidth={Math.min(1200, Math.max(320, headers.length * 120))} type="native" mah={320}>
      <Table striped withTableBorder withColumnBorders verticalSpacing={4} fz="xs" data-testid="import-preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>#</Table.Th>
            {headers.map((header, index) => <Table.Th key={`${header}-${index}`} style={{ whiteSpace: 'nowrap' }}>{header}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, r) => (
            <Table.Tr key={r}>
              <Table.Td c="dimmed">{r + 1}</Table.Td>
              {headers.map((_, c) => <Table.Td key={c} style={{ whiteSpace: 'nowrap' }}>{row[c] ?? ''}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
