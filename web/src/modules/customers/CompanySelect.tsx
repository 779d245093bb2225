import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../platform/api';
import type { ListPage } from '../../platform/listTypes';
import { filterParam } from '../../platform/listTypes';
import type { Company } from './types';

interface Props {
  label: string;
  value: string | null;
  /** Shown before the search has loaded, e.g. the record's current company name. */
  initialName?: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
}

/** Searchable company picker backed by the companies list endpoint. */
export function CompanySelect({ label, value, initialName, onChange, error }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const { data } = useQuery({
    queryKey: ['company-options', debounced],
    queryFn: ({ signal }) =>
      api.get<ListPage<Company>>(
        '/companies',
        { limit: 20, sort: 'name', filter: filterParam(debounced ? { field: 'name', op: 'contains', value: debounced } : undefined) },
        signal,
      ),
    placeholderData: keepPreviousData,
  });
  const options = (data?.data ?? []).map((c) => ({ value: c.id, label: c.name ?? c.id }));
  if (value && initialName && !options.some((o) => o.value === value)) options.unshift({ value, label: initialName });

  return (
    <Select
      label={label}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      error={error}
      data-testid="company-select"
    />
  );
}
