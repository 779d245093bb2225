import { Button, Checkbox, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconLayoutColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ListColumn } from './useColumnVisibility';

interface Props {
  columns: ListColumn[];
  visibleIds: string[];
  onToggle: (id: string, visible: boolean) => void;
  onReset: () => void;
}

/** Show or hide list columns; the name column stays, since it is the link to the record. */
export function ColumnPicker({ columns, visibleIds, onToggle, onReset }: Props) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" shadow="md" withinPortal>
      <Popover.Target>
        <Button variant="default" leftSection={<IconLayoutColumns size={16} />} data-testid="column-picker">
          {t('list.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="column-picker-dropdown">
        <Stack gap="xs" miw={200}>
          <Text size="xs" c="dimmed">{t('list.columnsHelp')}</Text>
          <ScrollArea.Autosize mah={320} type="auto">
            <Stack gap={8}>
              {columns.map((column) => (
                <Checkbox
                  key={column.id}
                  label={column.label}
                  checked={column.locked || visibleIds.includes(column.id)}
                  disabled={column.locked}
                  onChange={(e) => onToggle(column.id, e.currentTarget.checked)}
                  data-testid={`column-toggle-${column.id}`}
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
          <Button variant="subtle" size="xs" onClick={onReset} data-testid="column-reset">
            {t('list.columnsReset')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
