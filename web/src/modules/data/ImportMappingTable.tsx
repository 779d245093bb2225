import { Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { duplicateTargets, NEW_FIELD, SKIP, type MappingChoices } from './mappingChoice';
import { targetLabel } from './targetLabel';
import type { ImportTarget, ImportUpload } from './types';

interface Props {
  upload: ImportUpload;
  choices: MappingChoices;
  onChange: (header: string, choice: string) => void;
  /** custom fields can be created only for contacts and companies, and only by administrators */
  canCreateFields: boolean;
}

/** One row per column of the file: its header, a sample value and the field it goes into. */
export function ImportMappingTable({ upload, choices, onChange, canCreateFields }: Props) {
  const { t, i18n } = useTranslation();
  const twice = duplicateTargets(choices);
  const standard = upload.targets.filter((target) => !target.key.startsWith('attributes.'));
  const custom = upload.targets.filter((target) => target.key.startsWith('attributes.'));
  // a read-only field is listed, disabled, so that the user sees why its column cannot go there
  const item = (target: ImportTarget) => {
    const label = targetLabel(target, i18n.language);
    return target.writable ? { value: target.key, label } : { value: target.key, label: t('data.import.targetReadOnly', { label }), disabled: true };
  };
  const data = [
    { group: t('data.import.standardFields'), items: standard.map(item) },
    ...(custom.length > 0 ? [{ group: t('data.import.customFields'), items: custom.map(item) }] : []),
    {
      group: t('data.import.otherChoices'),
      items: [
        ...(canCreateFields ? [{ value: NEW_FIELD, label: t('data.import.newField') }] : []),
        { value: SKIP, label: t('data.import.skip') },
      ],
    },
  ];
  const sample = (index: number) => upload.preview.map((row) => row[index] ?? '').find((cell) => cell.trim() !== '') ?? '';

  return (
    <Table.ScrollContainer minWidth={300} type="native">
      <Table verticalSpacing="xs" data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('data.import.column')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('data.import.sample')}</Table.Th>
            <Table.Th w="55%">{t('data.import.target')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {upload.headers.map((header, index) => {
            const choice = choices[header] ?? SKIP;
            return (
              <Table.Tr key={`${header}-${index}`} data-testid="import-mapping-row" data-header={header}>
                <Table.Td><Text size="sm" fw={500}>{header}</Text></Table.Td>
                <Table.Td visibleFrom="sm"><Text size="sm" c="dimmed" lineClamp={1} maw={220}>{sample(index)}</Text></Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    data={data}
                    value={choice}
                    searchable
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: true }}
                    onChange={(value) => onChange(header, value ?? SKIP)}
                    error={twice.has(choice) ? t('data.import.targetTwice') : undefined}
                    aria-label={t('data.import.targetFor', { header })}
                    data-testid="import-mapping-select"
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
