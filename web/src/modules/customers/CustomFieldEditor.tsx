import { ActionIcon, Alert, Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { JobProgress } from '../../platform/jobs/JobProgress';
import { useJob } from '../../platform/jobs/useJob';
import { customFieldFormErrors, pendingDeleteFieldId } from './customFieldFormErrors';
import { useDeleteCustomField } from './useDeleteCustomField';
import type { CustomerObject, CustomField, CustomFieldType } from './types';
import { CUSTOM_FIELD_TYPES } from './types';
import { customFieldsKey } from './useCustomFields';

interface Props {
  object: CustomerObject;
  /** null: create a new field. */
  field: CustomField | null;
  opened: boolean;
  onClose: () => void;
}

type Option = { value: string; label: string };

export function CustomFieldEditor({ object, field, opened, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [key, setKey] = useState(field?.key ?? '');
  const [label, setLabel] = useState(field?.label ?? '');
  const [labelZh, setLabelZh] = useState(field?.label_zh ?? '');
  const [type, setType] = useState<CustomFieldType>(field?.type ?? 'text');
  const [options, setOptions] = useState<Option[]>(field?.options ?? []);
  const [required, setRequired] = useState(field?.required ?? false);
  const [unique, setUnique] = useState(field?.unique ?? false);
  const [sensitive, setSensitive] = useState(field?.sensitive ?? false);
  const hasOptions = type === 'select' || type === 'multi_select';

  const save = useMutation({
    mutationFn: () => {
      const body = {
        label: label.trim(),
        label_zh: labelZh.trim() || null,
        options: hasOptions ? options.filter((o) => o.value.trim()).map((o) => ({ value: o.value.trim(), label: o.label.trim() || o.value.trim() })) : [],
        required,
        unique,
        sensitive,
      };
      return field
        ? api.patch<CustomField>(`/custom-fields/${field.id}`, body)
        : api.post<CustomField>('/custom-fields', { ...body, object, key: key.trim(), type });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: customFieldsKey(object) });
      onClose();
    },
  });
  const errors = save.error ? customFieldFormErrors(save.error, t('customFields.deletePending')) : null;
  // the key is held by a deleted field whose job has not finished (or stopped): finish it from here
  const pendingFieldId = pendingDeleteFieldId(save.error);
  const finish = useDeleteCustomField(object);
  const [finishJobId, setFinishJobId] = useState<string | null>(null);
  const finishJob = useJob(finishJobId);

  return (
    <Modal opened={opened} onClose={onClose} title={field ? t('customFields.edit') : t('customFields.add')} size="lg">
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack gap="sm">
          {errors?.general && <Alert color="red" data-testid="cf-error">{errors.general}</Alert>}
          {pendingFieldId !== null && finishJobId === null && (
            <Group>
              <Button variant="light" color="red" loading={finish.isPending} data-testid="cf-finish-delete"
                onClick={() => finish.mutate(pendingFieldId, { onSuccess: (started) => setFinishJobId(started.job_id) })}>
                {t('customFields.finishDelete')}
              </Button>
            </Group>
          )}
          {finish.error && <Alert color="red">{finish.error.message}</Alert>}
          {finishJob.data && <JobProgress job={finishJob.data} />}
          {finishJob.data?.status === 'succeeded' && <Alert color="teal" data-testid="cf-finish-done">{t('customFields.finishDeleteDone')}</Alert>}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('customFields.key')}
              description={t('customFields.keyHelp')}
              value={key}
              onChange={(e) => setKey(e.currentTarget.value)}
              disabled={field !== null}
              required
              error={errors?.fields['key']}
              data-testid="cf-key"
            />
            <Select
              label={t('customFields.type')}
              data={CUSTOM_FIELD_TYPES.map((ty) => ({ value: ty, label: t(`customFields.types.${ty}`) }))}
              value={type}
              onChange={(v) => v && setType(v as CustomFieldType)}
              disabled={field !== null}
              allowDeselect={false}
              data-testid="cf-type"
            />
            <TextInput label={t('customFields.labelEn')} value={label} onChange={(e) => setLabel(e.currentTarget.value)} required error={errors?.fields['label']} data-testid="cf-label" />
            <TextInput label={t('customFields.labelZh')} value={labelZh} onChange={(e) => setLabelZh(e.currentTarget.value)} error={errors?.fields['label_zh']} data-testid="cf-label-zh" />
          </SimpleGrid>
          {hasOptions && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>{t('customFields.options')}</Text>
              {options.map((option, index) => (
                <Group key={index} gap="xs" wrap="nowrap">
                  <TextInput
                    aria-label={t('customFields.optionValue')}
                    placeholder={t('customFields.optionValue')}
                    value={option.value}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setOptions((os) => os.map((o, i) => (i === index ? { ...o, value: v } : o)));
                    }}
                    style={{ flex: 1 }}
                  />
                  <TextInput
                    aria-label={t('customFields.optionLabel')}
                    placeholder={t('customFields.optionLabel')}
                    value={option.label}
                    onChange={(e) => {
                      const v = e.currentTarget.value;
                      setOptions((os) => os.map((o, i) => (i === index ? { ...o, label: v } : o)));
                    }}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon variant="subtle" color="gray" aria-label={t('common.delete')} onClick={() => setOptions((os) => os.filter((_, i) => i !== index))}>
                    <IconX size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Button variant="subtle" size="xs" w="fit-content" leftSection={<IconPlus size={14} />} onClick={() => setOptions((os) => [...os, { value: '', label: '' }])}>
                {t('customFields.addOption')}
              </Button>
            </Stack>
          )}
          <Group gap="lg">
            <Checkbox label={t('customFields.required')} checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} />
            <Checkbox label={t('customFields.unique')} checked={unique} onChange={(e) => setUnique(e.currentTarget.checked)} />
            <Checkbox label={t('customFields.sensitive')} checked={sensitive} onChange={(e) => setSensitive(e.currentTarget.checked)} />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending} data-testid="cf-save">{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
