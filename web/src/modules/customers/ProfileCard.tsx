import { Alert, Button, Card, Divider, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../platform/api';
import { formatDate, formatDateTime } from '../../platform/format';
import { useCan, useSession } from '../accounts/useSession';
import { AttributeValueText } from './AttributeValueText';
import { CustomFieldInput } from './CustomFieldInput';
import { customFieldLabel } from './customFieldLabel';
import { formErrorsOf } from '../../platform/fieldErrors';
import type { ProfileField } from './profileFields';
import { PROFILE_FIELDS } from './profileFields';
import type { ProfileValue } from './ProfileFieldInput';
import { ProfileFieldInput } from './ProfileFieldInput';
import type { CustomerObject, CustomField } from './types';
import type { CustomerRecord } from './useCustomerRecord';
import type { useUpdateRecord } from './useUpdateRecord';

interface Props {
  object: CustomerObject;
  record: CustomerRecord;
  customFields: CustomField[];
  update: ReturnType<typeof useUpdateRecord>;
}

type Values = Record<string, ProfileValue>;

function read(record: CustomerRecord, key: string): ProfileValue {
  const value = (record as unknown as Record<string, unknown>)[key];
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return null;
}

export function ProfileCard({ object, record, customFields, update }: Props) {
  const { t, i18n } = useTranslation();
  const { permissions } = useSession();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState<Values>({});
  const [attributes, setAttributes] = useState<Record<string, unknown>>({});
  const access = permissions.fields?.[object] ?? {};
  const fields = PROFILE_FIELDS[object].filter((f) => access[f.key] !== 'hidden');
  const editable = (f: ProfileField) => !f.system && access[f.key] !== 'readonly';
  const errors = update.error && !update.conflict ? formErrorsOf(update.error) : null;

  // After "reload" on a version conflict the draft is based on stale data: leave edit mode.
  useEffect(() => {
    if (update.reloads > 0) setEditing(false);
  }, [update.reloads]);

  const startEdit = () => {
    setValues(Object.fromEntries(fields.filter(editable).map((f) => [f.key, read(record, f.key)])));
    setAttributes({ ...record.attributes });
    update.reset();
    setEditing(true);
  };

  const save = () => {
    const changes: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
      const before = read(record, key);
      const normalized = typeof value === 'string' && value.trim() === '' ? null : value;
      if (normalized !== before) changes[key] = typeof normalized === 'string' ? normalized.trim() : normalized;
    }
    const attrsChanged = customFields.some((f) => JSON.stringify(attributes[f.key] ?? null) !== JSON.stringify(record.attributes?.[f.key] ?? null));
    if (attrsChanged) changes['attributes'] = attributes;
    if (Object.keys(changes).length === 0) {
      setEditing(false);
      return;
    }
    update.mutate(changes, { onSuccess: () => setEditing(false) });
  };

  const display = (f: ProfileField) => {
    const raw = f.displayKey ? read(record, f.displayKey) : read(record, f.key);
    if (raw === null || raw === '') return <Text c="dimmed" size="sm">—</Text>;
    if (typeof raw === 'boolean') return <Text size="sm">{raw ? t('common.yes') : t('common.no')}</Text>;
    if (f.kind === 'select') return <Text size="sm">{t(`${f.optionPrefix}.${raw}`)}</Text>;
    if (f.kind === 'date') return <Text size="sm">{formatDate(raw, i18n.language)}</Text>;
    if (f.kind === 'timestamp') return <Text size="sm">{formatDateTime(raw, i18n.language)}</Text>;
    return <Text size="sm" style={{ wordBreak: 'break-word' }}>{raw}</Text>;
  };

  return (
    <Card withBorder padding="md" data-testid="profile-card">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('record.profile')}</Title>
        {!editing && can(object, 'edit') && (
          <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={startEdit} data-testid="profile-edit">
            {t('common.edit')}
          </Button>
        )}
      </Group>
      {errors?.general && (
        <Alert color="red" mb="sm" data-testid="form-error">
          {errors.general}
        </Alert>
      )}
      {editing ? (
        <Stack gap="sm">
          {fields.filter(editable).map((f) => (
            <ProfileFieldInput
              key={f.key}
              field={f}
              value={values[f.key] ?? null}
              displayName={f.displayKey ? (read(record, f.displayKey) as string | null) : null}
              onChange={(v) => setValues((s) => ({ ...s, [f.key]: v }))}
              error={errors?.fields[f.key]}
            />
          ))}
          {customFields.length > 0 && <Divider label={t('customFields.title')} labelPosition="left" />}
          {customFields.map((field) => (
            <CustomFieldInput
              key={field.id}
              field={field}
              value={attributes[field.key]}
              onChange={(v) => setAttributes((a) => ({ ...a, [field.key]: v }))}
              error={errors?.fields[`attributes.${field.key}`] ?? errors?.fields[field.key]}
            />
          ))}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEditing(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={save} loading={update.isPending} data-testid="profile-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 1, xl: 2 }} spacing="xs" verticalSpacing="xs">
          {fields.map((f) => (
            <div key={f.key} style={{ minWidth: 0 }}>
              <Text size="xs" c="dimmed">
                {t(f.labelKey)}
              </Text>
              {display(f)}
            </div>
          ))}
          {customFields.map((field) => (
            <div key={field.id} style={{ minWidth: 0 }} data-testid={`profile-cf-${field.key}`}>
              <Text size="xs" c="dimmed">
                {customFieldLabel(field, i18n.language)}
              </Text>
              <AttributeValueText field={field} value={record.attributes?.[field.key]} />
            </div>
          ))}
        </SimpleGrid>
      )}
      {update.error && !update.conflict && !(update.error instanceof ApiError) && <Text c="red">{update.error.message}</Text>}
    </Card>
  );
}
