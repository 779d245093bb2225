import { ActionIcon, Group, Select, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportObject, SavedMapping } from './types';
import { useSavedMappings } from './useSavedMappings';

interface Props {
  object: ImportObject;
  onApply: (mapping: SavedMapping['mapping']) => void;
}

/** Applies a mapping saved by an earlier import of a file with the same columns. */
export function SavedMappingPicker({ object, onApply }: Props) {
  const { t } = useTranslation();
  const { mappings, remove } = useSavedMappings(object);
  const [selected, setSelected] = useState<string | null>(null);
  if (mappings.length === 0) return null;
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <Select
        label={t('data.import.savedMappings')}
        placeholder={t('data.import.pickSavedMapping')}
        data={mappings.map((m) => ({ value: m.id, label: m.name }))}
        value={selected}
        onChange={(id) => {
          setSelected(id);
          const mapping = mappings.find((m) => m.id === id);
          if (mapping) onApply(mapping.mapping);
        }}
        style={{ flex: 1 }}
        data-testid="import-saved-mapping"
      />
      {selected && (
        <Tooltip label={t('data.import.deleteMapping')}>
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={t('data.import.deleteMapping')}
            loading={remove.isPending}
            onClick={() => remove.mutate(selected, { onSuccess: () => setSelected(null) })}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}
