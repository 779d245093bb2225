import { Checkbox, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportOptions } from './importOptions';
import { targetLabel } from './targetLabel';
import { IMPORT_MODES, MATCH_KEYS, type ImportMode, type ImportObject, type ImportTarget } from './types';

const AUTO = '__auto__';

interface Props {
  object: ImportObject;
  options: ImportOptions;
  onChange: (options: ImportOptions) => void;
  /** target keys some column is mapped to */
  mappedTargets: readonly string[];
  targets: readonly ImportTarget[];
  createFields: boolean;
  onCreateFieldsChange: (on: boolean) => void;
  canCreateFields: boolean;
}

export function ImportOptionsForm({ object, options, onChange, mappedTargets, targets, createFields, onCreateFieldsChange, canCreateFields }: Props) {
  const { t, i18n } = useTranslation();
  const set = <K extends keyof ImportOptions>(key: K, value: ImportOptions[K]) => onChange({ ...options, [key]: value });
  const labelOf = (key: string) => {
    const target = targets.find((candidate) => candidate.key === key);
    return target ? targetLabel(target, i18n.language) : key;
  };
  const matchKeys = MATCH_KEYS[object].filter((key) => mappedTargets.includes(key));
  const customMapped = mappedTargets.filter((key) => key.startsWith('attributes.'));

  return (
    <Stack gap="sm" data-testid="import-options">
      <Stack gap={4}>
        <Text size="sm" fw={500}>{t('data.import.mode')}</Text>
        <SegmentedControl
          value={options.mode}
          onChange={(value) => set('mode', (IMPORT_MODES as readonly string[]).includes(value) ? (value as ImportMode) : 'upsert')}
          data={IMPORT_MODES.map((mode) => ({ value: mode, label: t(`data.import.modes.${mode}`) }))}
          data-testid="import-mode"
          fullWidth
        />
        <Text size="xs" c="dimmed">{t(`data.import.modeHelp.${options.mode}`)}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('data.import.matchBy')}
          description={t('data.import.matchHelp')}
          value={options.match ?? AUTO}
          onChange={(value) => set('match', value === null || value === AUTO ? null : value)}
          data={[{ value: AUTO, label: t('data.import.matchAuto') }, ...matchKeys.map((key) => ({ value: key, label: labelOf(key) }))]}
          allowDeselect={false}
          data-testid="import-match"
        />
        {customMapped.length > 0 && (
          <MultiSelect
            label={t('data.import.identifierFields')}
            description={t('data.import.identifierHelp')}
            value={options.identifierFields.map((key) => `attributes.${key}`)}
            onChange={(values) => set('identifierFields', values.map((value) => value.replace(/^attributes\./, '')))}
            data={customMapped.map((key) => ({ value: key, label: labelOf(key) }))}
          />
        )}
      </SimpleGrid>
      {canCreateFields && (
        <Checkbox
          label={t('data.import.createFields')}
          description={t('data.import.createFieldsHelp')}
          checked={createFields}
          onChange={(event) => onCreateFieldsChange(event.currentTarget.checked)}
          data-testid="import-create-fields"
        />
      )}
      <Checkbox
        label={t('data.import.allOrNothing')}
        description={t('data.import.allOrNothingHelp')}
        checked={options.allOrNothing}
        onChange={(event) => set('allOrNothing', event.currentTarget.checked)}
        data-testid="import-all-or-nothing"
      />
      {object === 'orders' && (
        <Checkbox
          label={t('data.import.createMissingContacts')}
          checked={options.createMissingContacts}
          onChange={(event) => set('createMissingContacts', event.currentTarget.checked)}
        />
      )}
      <TextInput
        label={t('data.import.saveMappingAs')}
        placeholder={t('data.import.saveMappingPlaceholder')}
        value={options.saveMappingAs}
        maxLength={100}
        onChange={(event) => set('saveMappingAs', event.currentTarget.value)}
        data-testid="import-save-mapping"
      />
    </Stack>
  );
}
