import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPlayerPlay } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { formatNumber } from '../../platform/format';
import { useCan } from '../accounts/useSession';
import { ImportMappingTable } from './ImportMappingTable';
import { ImportOptionsForm } from './ImportOptionsForm';
import { ImportPreviewTable } from './ImportPreviewTable';
import { DEFAULT_OPTIONS, type ImportOptions } from './importOptions';
import { choicesFrom, duplicateTargets, NEW_FIELD, requestMapping, SKIP, type MappingChoices } from './mappingChoice';
import { SavedMappingPicker } from './SavedMappingPicker';
import type { ImportObject, ImportUpload, StartImportBody } from './types';
import { importsKey } from './useImportBatches';
import { savedMappingsKey } from './useSavedMappings';

interface Props {
  object: ImportObject;
  upload: ImportUpload;
  onBack: () => void;
}

function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit] ?? 'B'}`;
}

/** Step two of an import: what the server read, the column mapping and the options; Start queues the job. */
export function ImportSetup({ object, upload, onBack }: Props) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const suggested = Object.fromEntries(upload.suggested_mapping.map((s) => [s.header, s.target]));
  const [choices, setChoices] = useState<MappingChoices>(() => choicesFrom(upload.headers, suggested, upload.targets));
  const [options, setOptions] = useState<ImportOptions>(DEFAULT_OPTIONS);
  const canCreateFields = (object === 'contacts' || object === 'companies') && can('settings', 'edit');
  const { mapping, createCustomFields } = requestMapping(choices);
  const mappedTargets = Object.values(mapping).filter((target): target is string => target !== null);
  // a match key whose column was unmapped since it was picked falls back to the automatic choice
  const match = options.match !== null && mappedTargets.includes(options.match) ? options.match : null;
  const twice = duplicateTargets(choices).size > 0;

  const start = useMutation({
    mutationFn: () => {
      const body: StartImportBody = {
        upload_id: upload.upload_id,
        object,
        mapping,
        mode: options.mode,
        match,
        ...(createCustomFields ? { create_custom_fields: true } : {}),
        ...(options.identifierFields.length > 0 ? { identifier_fields: options.identifierFields } : {}),
        all_or_nothing: options.allOrNothing,
        ...(object === 'orders' ? { create_missing_contacts: options.createMissingContacts } : {}),
        ...(options.saveMappingAs.trim() ? { save_mapping_as: options.saveMappingAs.trim() } : {}),
      };
      return api.post<{ job_id: string; batch_id: string }>('/imports', body);
    },
    onSuccess: async ({ batch_id }) => {
      await queryClient.invalidateQueries({ queryKey: importsKey });
      await queryClient.invalidateQueries({ queryKey: savedMappingsKey(object) });
      await navigate({ to: '/data/imports/$id', params: { id: batch_id } });
    },
  });

  const setCreateFields = (on: boolean) =>
    setChoices((current) => Object.fromEntries(Object.entries(current).map(([h, c]) => [h, on && c === SKIP ? NEW_FIELD : !on && c === NEW_FIELD ? SKIP : c])));

  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} truncate data-testid="import-file-name">{upload.file_name}</Text>
            <Group gap="xs" wrap="wrap">
              <Badge variant="light" data-testid="import-format">{upload.format.toUpperCase()}</Badge>
              {upload.encoding && <Badge variant="light" color="gray" data-testid="import-encoding">{upload.encoding}</Badge>}
              <Text size="xs" c="dimmed">{formatBytes(upload.size, i18n.language)}</Text>
              {upload.row_estimate !== null && (
                <Text size="xs" c="dimmed">{t('data.import.rowEstimate', { rows: formatNumber(upload.row_estimate, i18n.language) })}</Text>
              )}
            </Group>
          </Stack>
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>
            {t('data.import.otherFile')}
          </Button>
        </Group>
      </Card>

      <Card withBorder padding="md">
        <Title order={4} mb="xs">{t('data.import.preview')}</Title>
        <ImportPreviewTable headers={upload.headers} rows={upload.preview} />
      </Card>

      <Card withBorder padding="md">
        <Group justify="space-between" align="flex-end" mb="xs" wrap="wrap">
          <Title order={4}>{t('data.import.mapping')}</Title>
          <SavedMappingPicker object={object} onApply={(saved) => setChoices(choicesFrom(upload.headers, saved, upload.targets))} />
        </Group>
        <ImportMappingTable
          upload={upload}
          choices={choices}
          canCreateFields={canCreateFields}
          onChange={(header, choice) => setChoices((current) => ({ ...current, [header]: choice }))}
        />
      </Card>

      <Card withBorder padding="md">
        <Title order={4} mb="xs">{t('data.import.options')}</Title>
        <ImportOptionsForm
          object={object}
          options={{ ...options, match }}
          onChange={setOptions}
          mappedTargets={mappedTargets}
          targets={upload.targets}
          createFields={createCustomFields}
          onCreateFieldsChange={setCreateFields}
          canCreateFields={canCreateFields}
        />
      </Card>

      {start.error && <Alert color="red" data-testid="import-start-error">{start.error.message}</Alert>}
      <Group justify="flex-end">
        <Button
          leftSection={<IconPlayerPlay size={16} />}
          onClick={() => start.mutate()}
          loading={start.isPending}
          disabled={twice || (mappedTargets.length === 0 && !createCustomFields)}
          data-testid="import-start"
        >
          {t('data.import.start')}
        </Button>
      </Group>
    </Stack>
  );
}
