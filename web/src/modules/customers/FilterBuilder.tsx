import { ActionIcon, Badge, Button, Group, Popover, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconFilter, IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilterOp } from '../../platform/listTypes';
import type { FilterField } from './filterFields';
import { OPS_BY_KIND } from './filterFields';
import type { FilterRow, FilterState } from './filterModel';
import { isComplete, newRowId } from './filterModel';
import { FilterValueInput } from './FilterValueInput';

interface Props {
  fields: FilterField[];
  value: FilterState;
  onChange: (value: FilterState) => void;
}

function defaultValueFor(field: FilterField | undefined, op: FilterOp): FilterRow['value'] {
  if (op === 'is_empty') return true;
  if (op === 'between') return ['', ''];
  if (op === 'in') return [];
  if (field?.kind === 'boolean') return true;
  return '';
}

export function FilterBuilder({ fields, value, onChange }: Props) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const fieldByKey = new Map(fields.map((f) => [f.key, f]));
  const active = value.rows.filter(isComplete).length;
  const fieldLabel = (f: FilterField) => (f.labelKey ? t(f.labelKey) : (f.label ?? f.key));

  const updateRow = (id: string, patch: Partial<FilterRow>) =>
    onChange({ ...value, rows: value.rows.map((row) => (row.id === id ? { ...row, ...patch } : row)) });

  const addRow = () => {
    const first = fields[0];
    if (!first) return;
    const op = OPS_BY_KIND[first.kind][0] ?? 'eq';
    onChange({ ...value, rows: [...value.rows, { id: newRowId(), field: first.key, op, value: defaultValueFor(first, op) }] });
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" width={620} shadow="md" withinPortal trapFocus={false}>
      <Popover.Target>
        <Button
          variant={active ? 'light' : 'default'}
          leftSection={<IconFilter size={16} />}
          rightSection={active ? <Badge size="sm" circle>{active}</Badge> : null}
          onClick={() => setOpened((o) => !o)}
          data-testid="filter-button"
        >
          {t('filter.title')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw="calc(100vw - 16px)" data-testid="filter-builder">
        <Stack gap="xs">
          <Group justify="space-between">
            <Group gap="xs">
              <Text size="sm">{t('filter.match')}</Text>
              <SegmentedControl
                size="xs"
                value={value.combinator}
                onChange={(v) => onChange({ ...value, combinator: v === 'or' ? 'or' : 'and' })}
                data={[
                  { value: 'and', label: t('filter.all') },
                  { value: 'or', label: t('filter.any') },
                ]}
              />
            </Group>
            {value.rows.length > 0 && (
              <Button size="compact-xs" variant="subtle" onClick={() => onChange({ ...value, rows: [] })}>
                {t('filter.clear')}
              </Button>
            )}
          </Group>
          {value.rows.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('filter.empty')}
            </Text>
          )}
          {value.rows.map((row) => {
            const field = fieldByKey.get(row.field);
            const ops = field ? OPS_BY_KIND[field.kind] : [];
            return (
              <Group key={row.id} gap={4} wrap="wrap" align="flex-start" data-testid="filter-row">
                <Select
          comboboxProps={{ withinPortal: false }}
                  aria-label={t('filter.field')}
                  w={{ base: '100%', xs: 170 }}
                  searchable
                  data={fields.map((f) => ({ value: f.key, label: fieldLabel(f) }))}
                  value={row.field}
                  onChange={(key) => {
                    const next = key ? fieldByKey.get(key) : undefined;
                    if (!next || !key) return;
                    const op = OPS_BY_KIND[next.kind][0] ?? 'eq';
                    updateRow(row.id, { field: key, op, value: defaultValueFor(next, op) });
                  }}
                  data-testid="filter-field"
                />
                <Select
          comboboxProps={{ withinPortal: false }}
                  aria-label={t('filter.operator')}
                  w={{ base: '40%', xs: 130 }}
                  data={ops.map((op) => ({ value: op, label: t(`filter.op.${op}`) }))}
                  value={row.op}
                  onChange={(op) => {
                    if (!op) return;
                    const typed = op as FilterOp;
                    updateRow(row.id, { op: typed, value: defaultValueFor(field, typed) });
                  }}
                  data-testid="filter-op"
                />
                <Group gap={4} wrap="nowrap" style={{ flex: 1, minWidth: 160 }}>
                  <FilterValueInput field={field} op={row.op} value={row.value} onChange={(v) => updateRow(row.id, { value: v })} />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('filter.removeCondition')}
                    onClick={() => onChange({ ...value, rows: value.rows.filter((r) => r.id !== row.id) })}
                  >
                    <IconX size={16} />
                  </ActionIcon>
                </Group>
              </Group>
            );
          })}
          <Group justify="space-between">
            <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={addRow} data-testid="filter-add">
              {t('filter.addCondition')}
            </Button>
            <Button size="xs" onClick={() => setOpened(false)}>
              {t('common.done')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
