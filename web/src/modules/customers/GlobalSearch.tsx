import { Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAddressBook, IconBuilding, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { recordName } from './recordName';
import type { SearchHit } from './types';

export function GlobalSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 150);
  const combobox = useCombobox({
    onDropdownClose: () => combobox.resetSelectedOption(),
  });

  const { data, isFetching } = useQuery({
    queryKey: ['search', debounced],
    queryFn: ({ signal }) => api.get<{ data: SearchHit[] }>('/search', { q: debounced, limit: 10 }, signal),
    enabled: debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  const hits = debounced ? (data?.data ?? []) : [];

  const go = (value: string) => {
    const hit = hits.find((h) => `${h.type}:${h.id}` === value);
    if (!hit) return;
    combobox.closeDropdown();
    setQuery('');
    if (hit.type === 'contact') void navigate({ to: '/contacts/$id', params: { id: hit.id } });
    else void navigate({ to: '/companies/$id', params: { id: hit.id } });
  };

  return (
    <Combobox store={combobox} onOptionSubmit={go} withinPortal position="bottom-start">
      <Combobox.Target>
        <TextInput
          w="100%"
          maw={480}
          miw={0}
          placeholder={t('search.placeholder')}
          aria-label={t('search.placeholder')}
          leftSection={<IconSearch size={16} />}
          rightSection={isFetching ? <Loader size={14} /> : null}
          value={query}
          data-testid="global-search"
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            // Enter with nothing highlighted opens the best match, as users expect from a search box.
            if (event.key === 'Enter' && combobox.getSelectedOptionIndex() < 0 && hits[0]) {
              event.preventDefault();
              go(`${hits[0].type}:${hits[0].id}`);
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!debounced} miw={280} data-testid="global-search-results">
        <Combobox.Options>
          {hits.length === 0 && !isFetching && <Combobox.Empty>{t('search.noResults')}</Combobox.Empty>}
          {hits.map((hit) => (
            <Combobox.Option value={`${hit.type}:${hit.id}`} key={`${hit.type}:${hit.id}`} data-testid="search-hit">
              <Group gap="xs" wrap="nowrap">
                {hit.type === 'contact' ? <IconAddressBook size={16} /> : <IconBuilding size={16} />}
                <div style={{ minWidth: 0 }}>
                  <Text size="sm" truncate>
                    {recordName(t, hit.type === 'contact' ? 'contacts' : 'companies', hit.title)}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {[t(`search.type.${hit.type}`), hit.subtitle].filter(Boolean).join(' · ')}
                  </Text>
                </div>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
