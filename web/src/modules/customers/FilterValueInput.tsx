import { Group, MultiSelect, NumberInput, Select, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FilterOp, FilterValue } from '../../platform/listTypes';
import { userOptions, useUsers } from '../accounts/useUsers';
import type { FilterField } from './filterFields';

interface Props {
  field: FilterField | undefined;
  op: FilterOp;
  value: FilterValue;
  onChange: (value: FilterValue) => void;
}

export function FilterValueInput({ field, op, value, onChange }: Props) {
  const { t } = useTranslation();
  const users = useUsers();
  const label = t('filter.value');
  if (!field) return <TextInput aria-label={label} disabled style={{ flex: 1 }} />;

  if (op === 'is_empty') {
    return (
      <Select
          comboboxProps={{ withinPortal: false }}
        aria-label={label}
        style={{ flex: 1 }}
        data={[
          { value: 'true', label: t('filter.isEmptyTrue') },
          { value: 'false', label: t('filter.isEmptyFalse') },
        ]}
        value={typeof value === 'boolean' ? String(value) : null}
        onChange={(v) => onChange(v === null ? null : v === 'true')}
      />
    );
  }

  const options =
    field.kind === 'user'
      ? userOptions(users.data, true)
      : (field.options ?? []).map((o) => ({ value: o.value, label: o.labelKey ? t(o.labelKey) : (o.label ?? o.value) }));

  if (field.kind === 'boolean') {
    return (
      <Select
          comboboxProps={{ withinPortal: false }}
        aria-label={label}
        style={{ flex: 1 }}
        data={[
          { value: 'true', label: t('common.yes') },
          { value: 'false', label: t('common.no') },
        ]}
        value={typeof value === 'boolean' ? String(value) : null}
        onChange={(v) => onChange(v === null ? null : v === 'true')}
      />
    );
  }

  if (field.kind === 'select' || field.kind === 'user' || field.kind === 'multi_select') {
    if (op === 'in') {
      return (
        <MultiSelect
          comboboxProps={{ withinPortal: false }}
          aria-label={label}
          style={{ flex: 1 }}
          data={options}
          searchable
          value={Array.isArray(value) ? value.map(String) : []}
          onChange={onChange}
        />
      );
    }
    return (
      <Select
          comboboxProps={{ withinPortal: false }}
        aria-label={label}
        style={{ flex: 1 }}
        data={options}
        searchable
        value={typeof value === 'string' ? value : null}
        onChange={(v) => onChange(v)}
      />
    );
  }

  if (op === 'between') {
    const pair = Array.isArray(value) ? value : ['', ''];
    const set = (index: 0 | 1, v: string | number) => {
      const next: Array<string | number> = [pair[0] ?? '', pair[1] ?? ''];
      next[index] = v;
      onChange(next);
    };
    const type = field.kind === 'date' ? 'date' : 'text';
    return (
      <Group gap={4} wrap="nowrap" style={{ flex: 1 }}>
        {field.kind === 'number' ? (
          <>
            <NumberInput aria-label={t('filter.from')} value={pair[0] ?? ''} onChange={(v) => set(0, v)} style={{ flex: 1 }} />
            <NumberInput aria-label={t('filter.to')} value={pair[1] ?? ''} onChange={(v) => set(1, v)} style={{ flex: 1 }} />
          </>
        ) : (
          <>
            <TextInput aria-label={t('filter.from')} type={type} value={String(pair[0] ?? '')} onChange={(e) => set(0, e.currentTarget.value)} style={{ flex: 1 }} />
            <TextInput aria-label={t('filter.to')} type={type} value={String(pair[1] ?? '')} onChange={(e) => set(1, e.currentTarget.value)} style={{ flex: 1 }} />
          </>
        )}
      </Group>
    );
  }

  if (field.kind === 'number') {
    return (
      <NumberInput
        aria-label={label}
        style={{ flex: 1 }}
        value={typeof value === 'number' ? value : ''}
        onChange={(v) => onChange(typeof v === 'number' ? v : null)}
      />
    );
  }

  if (field.kind === 'tag') {
    return (
      <TagsInput
          comboboxProps={{ withinPortal: false }}
        aria-label={label}
        style={{ flex: 1 }}
        maxTags={1}
        value={typeof value === 'string' && value ? [value] : []}
        onChange={(tags) => onChange(tags[0] ?? '')}
      />
    );
  }

  return (
    <TextInput
      aria-label={label}
      style={{ flex: 1 }}
      type={field.kind === 'date' ? 'date' : 'text'}
      value={typeof value === 'string' ? value : ''}
      onChange={(e) => onChange(e.currentTarget.value)}
      data-testid="filter-value"
    />
  );
}
