import { Anchor, Button, Center, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { ColumnDef, RowSelectionState } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../platform/format';
import type { BulkTarget } from './BulkActionsBar';
import { BulkActionsBar } from './BulkActionsBar';
import { ColumnPicker } from './ColumnPicker';
import type { CustomerTableFeatures } from './customerTableFeatures';
import { CustomerTable } from './CustomerTable';
import { ExportMenu } from './ExportMenu';
import { filterFieldsFor } from './filterFields';
import { FilterBuilder } from './FilterBuilder';
import type { FilterState } from './filterModel';
import { emptyFilter, fromFilterNode, toFilterNode } from './filterModel';
import { columnIdOf, listColumnsOf } from './listColumns';
import { SavedViewsMenu } from './SavedViewsMenu';
import type { CustomerObject, CustomField } from './types';
import { useColumnVisibility } from './useColumnVisibility';
import { useCustomerList } from './useCustomerList';
import { useCustomFields } from './useCustomFields';
import { fieldAccessOf } from '../accounts/fieldAccess';
import type { Session } from '../accounts/types';
import { useCan, useSession } from '../accounts/useSession';

interface Props<T extends { id: string }> {
  object: CustomerObject;
  title: string;
  rowTestId: string;
  /** `permissions`: the reader's role, for columns whose sorting it refuses (a hidden name). */
  columns: (t: TFunction, language: string, customFields: CustomField[], permissions: Session['permissions']) => Array<ColumnDef<CustomerTableFeatures, T>>;
  /** The "New …" button with its form; told to refresh the list after a create. */
  createAction: ReactNode;
}

const DEFAULT_SORT = '-updated_at';
const CAP = 10_000;

export function CustomerListView<T extends { id: string }>({ object, title, rowTestId, columns, createAction }: Props<T>) {
  const { t, i18n } = useTranslation();
  const customFields = useCustomFields(object);
  const can = useCan();
  const { permissions } = useSession();
  const [quick, setQuick] = useState('');
  const [debouncedQuick] = useDebouncedValue(quick, 250);
  const [filterState, setFilterState] = useState<FilterState>(emptyFilter);
  const [pickedSort, setPickedSort] = useState(DEFAULT_SORT);
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [allMatching, setAllMatching] = useState(false);

  const allColumnDefs = useMemo(() => columns(t, i18n.language, customFields.data ?? [], permissions), [columns, t, i18n.language, customFields.data, permissions]);
  // a saved view may sort by a column this role may not sort by (saved before the role changed)
  const sort = allColumnDefs.some((def) => def.enableSorting === false && columnIdOf(def) === pickedSort.replace(/^-/, '')) ? DEFAULT_SORT : pickedSort;

  const builderFilter = toFilterNode(filterState);
  const filter = builderFilter;
  const list = useCustomerList<T>(object, filter, sort, debouncedQuick);
  const rows = useMemo(() => list.data?.pages.flatMap((p) => p.data) ?? [], [list.data]);
  const firstPage = list.data?.pages[0];
  const total = firstPage?.total;
  const capped = firstPage?.total_capped === true;

  // the server refuses a filter on a field the role hides (it would reveal the value): not offered
  const fields = useMemo(
    () => filterFieldsFor(object, customFields.data ?? [], i18n.language).filter((f) => fieldAccessOf(permissions, object, f.key) !== 'hidden'),
    [object, customFields.data, i18n.language, permissions],
  );
  const listColumns = useMemo(() => listColumnsOf(allColumnDefs), [allColumnDefs]);
  const visibility = useColumnVisibility(object, listColumns);
  const columnDefs = useMemo(
    () => allColumnDefs.filter((def) => visibility.visibleIds.includes(columnIdOf(def))),
    [allColumnDefs, visibility.visibleIds],
  );

  const clearSelection = () => {
    setSelection({});
    setAllMatching(false);
  };
  const selectedIds = Object.keys(selection);
  const allLoadedSelected = rows.length > 0 && selectedIds.length >= rows.length;
  const moreThanLoaded = list.hasNextPage || (total ?? 0) > rows.length;
  const totalText = total === undefined ? '' : capped ? `${formatNumber(CAP, i18n.language)}+` : formatNumber(total, i18n.language);

  const bulkTarget: BulkTarget = allMatching ? { filter: filter ?? { and: [] } } : { ids: selectedIds };
  const bulkCount = allMatching ? (total ?? rows.length) : selectedIds.length;

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" align="baseline">
          <Title order={2}>{title}</Title>
          {totalText && (
            <Text c="dimmed" size="sm" data-testid="list-total">
              {t('list.total', { total: totalText })}
            </Text>
          )}
        </Group>
        {createAction}
      </Group>
      <Group gap="xs" wrap="wrap">
        <TextInput
          style={{ flex: 1, minWidth: 180 }}
          leftSection={<IconSearch size={16} />}
          placeholder={t('list.quickSearch')}
          aria-label={t('list.quickSearch')}
          value={quick}
          onChange={(e) => {
            setQuick(e.currentTarget.value);
            clearSelection();
          }}
          data-testid="quick-search"
        />
        <FilterBuilder
          fields={fields}
          value={filterState}
          onChange={(next) => {
            setFilterState(next);
            clearSelection();
          }}
        />
        <SavedViewsMenu
          object={object}
          current={{ filter: builderFilter, sort, columns: visibility.visibleIds }}
          defaultSort={DEFAULT_SORT}
          onPick={(view) => {
            setFilterState(fromFilterNode(view.filter));
            setPickedSort(view.sort || DEFAULT_SORT);
            visibility.applyView(view.columns);
            clearSelection();
          }}
        />
        <ColumnPicker columns={listColumns} visibleIds={visibility.visibleIds} onToggle={visibility.setVisible} onReset={visibility.reset} />
        <ExportMenu object={object} filter={filter} sort={sort} q={debouncedQuick} />
      </Group>
      {can(object, 'bulk') && (selectedIds.length > 0 || allMatching) && (
        <Stack gap={4}>
          <BulkActionsBar
            object={object}
            target={bulkTarget}
            count={bulkCount}
            countLabel={allMatching ? t('bulk.allMatching', { total: totalText }) : t('bulk.selected', { count: selectedIds.length })}
            onDone={() => {
              clearSelection();
              void list.refetch();
            }}
          />
          {/* Bulk actions take a filter but not the quick-search text, so "all matching" needs an empty search box. */}
          {allLoadedSelected && moreThanLoaded && !allMatching && !debouncedQuick.trim() && (
            <Anchor size="sm" component="button" onClick={() => setAllMatching(true)} data-testid="select-all-matching">
              {t('bulk.selectAllMatching', { total: totalText })}
            </Anchor>
          )}
          {allMatching && (
            <Anchor size="sm" component="button" onClick={clearSelection}>
              {t('bulk.clearSelection')}
            </Anchor>
          )}
        </Stack>
      )}
      {list.isPending ? (
        <Center p="xl">
          <Loader />
        </Center>
      ) : list.isError ? (
        <Text c="red">{list.error.message}</Text>
      ) : (
        <>
          <CustomerTable
            rows={rows}
            columns={columnDefs}
            sort={sort}
            onSortChange={(next) => {
              setPickedSort(next);
              clearSelection();
            }}
            selection={selection}
            onSelectionChange={(next) => {
              setSelection(next);
              setAllMatching(false);
            }}
            rowTestId={rowTestId}
          />
          {rows.length === 0 && (
            <Text c="dimmed" ta="center" p="md">
              {t('list.empty')}
            </Text>
          )}
          <Group justify="center" gap="sm">
            <Text size="sm" c="dimmed">
              {t('list.showing', { shown: formatNumber(rows.length, i18n.language), total: totalText || '?' })}
            </Text>
            {list.hasNextPage && (
              <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="load-more">
                {t('list.loadMore')}
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}
