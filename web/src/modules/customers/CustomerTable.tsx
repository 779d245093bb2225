import { Box, Checkbox, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { ColumnDef, RowSelectionState, SortingState } from '@tanstack/react-table';
import { useTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerTableFeatures } from './customerTableFeatures';
import { customerTableFeatures } from './customerTableFeatures';

interface Props<T extends { id: string }> {
  rows: T[];
  columns: Array<ColumnDef<CustomerTableFeatures, T>>;
  sort: string;
  onSortChange: (sort: string) => void;
  selection: RowSelectionState;
  onSelectionChange: (selection: RowSelectionState) => void;
  rowTestId: string;
  minWidth?: number;
}

/** `-field` is descending in the API's sort syntax. */
export function sortToState(sort: string): SortingState {
  if (!sort) return [];
  return [{ id: sort.replace(/^-/, ''), desc: sort.startsWith('-') }];
}

export function CustomerTable<T extends { id: string }>({
  rows,
  columns,
  sort,
  onSortChange,
  selection,
  onSelectionChange,
  rowTestId,
  minWidth = 900,
}: Props<T>) {
  const { t } = useTranslation();
  const sorting = useMemo(() => sortToState(sort), [sort]);
  const table = useTable({
    features: customerTableFeatures,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting, rowSelection: selection },
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      if (first) onSortChange(`${first.desc ? '-' : ''}${first.id}`);
    },
    onRowSelectionChange: (updater) => onSelectionChange(typeof updater === 'function' ? updater(selection) : updater),
  });

  return (
    <Table.ScrollContainer minWidth={minWidth} type="native">
      <Table striped highlightOnHover verticalSpacing="xs" data-testid={`${rowTestId}-table`}>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              <Table.Th w={36}>
                <Checkbox
                  aria-label={t('list.selectAllLoaded')}
                  checked={table.getIsAllRowsSelected()}
                  indeterminate={table.getIsSomeRowsSelected() && !table.getIsAllRowsSelected()}
                  onChange={table.getToggleAllRowsSelectedHandler()}
                  data-testid="select-all"
                />
              </Table.Th>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                const Icon = sorted === 'asc' ? IconArrowUp : sorted === 'desc' ? IconArrowDown : IconSelector;
                return (
                  <Table.Th key={header.id} style={{ whiteSpace: 'nowrap' }} aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                    {canSort ? (
                      <UnstyledButton
                        onClick={header.column.getToggleSortingHandler()}
                        style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 600, fontSize: 'inherit' }}
                        data-testid={`sort-${header.column.id}`}
                      >
                        <table.FlexRender header={header} />
                        <Icon size={14} opacity={sorted ? 1 : 0.4} />
                      </UnstyledButton>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((row) => (
            <Table.Tr key={row.id} data-testid={rowTestId} bg={row.getIsSelected() ? 'var(--mantine-color-teal-light)' : undefined}>
              <Table.Td>
                <Checkbox
                  aria-label={t('list.selectRow')}
                  checked={row.getIsSelected()}
                  onChange={row.getToggleSelectedHandler()}
                />
              </Table.Td>
              {row.getAllCells().map((cell) => (
                <Table.Td key={cell.id} style={{ whiteSpace: 'nowrap' }}>
                  <Box maw={260} style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
                    <table.FlexRender cell={cell} />
                  </Box>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
