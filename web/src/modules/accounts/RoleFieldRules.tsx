import { SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customFieldLabel } from '../customers/customFieldLabel';
import { useCustomFields } from '../customers/useCustomFields';
import type { FieldRuleObject, RoleField } from './roleFields';
import { accessChoices, FIELD_RULE_OBJECTS, maskChoice, maskChoices, maskOffered, maskRuleOf, roleFields, type MaskChoice } from './roleFields';
import type { FieldAccess, MaskRule, Permissions } from './types';

interface Props {
  value: Permissions;
  onChange: (value: Permissions) => void;
}

/** Field access (editable / read-only / hidden) and masking per field, one object at a time. */
export function RoleFieldRules({ value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const [object, setObject] = useState<FieldRuleObject>('contacts');
  const customFields = useCustomFields(object);
  const access = value.fields?.[object] ?? {};
  const masks = value.masks?.[object] ?? {};

  // "editable" and "not masked" are what the server assumes for a field the role does not name
  const setAccess = (field: string, level: FieldAccess) => {
    const next: Record<string, FieldAccess> = { ...access };
    if (level === 'editable') delete next[field];
    else next[field] = level;
    onChange({ ...value, fields: { ...value.fields, [object]: next } });
  };
  const setMask = (field: string, mode: MaskRule | null) => {
    const next: Record<string, MaskRule> = { ...masks };
    if (mode) next[field] = mode;
    else delete next[field];
    onChange({ ...value, masks: { ...value.masks, [object]: next } });
  };
  const labelOf = (field: RoleField) => (field.custom ? customFieldLabel(field.custom, i18n.language) : t(field.labelKey ?? field.key));
  const fields = roleFields(object, customFields.data ?? []);

  return (
    <Stack gap="xs">
      <SegmentedControl
        value={object}
        onChange={(v) => setObject(v === 'companies' ? 'companies' : 'contacts')}
        data={FIELD_RULE_OBJECTS.map((o) => ({ value: o, label: <span data-testid={`role-fields-${o}`}>{t(`settings.roles.objects.${o}`)}</span> }))}
        w="fit-content"
        maw="100%"
        aria-label={t('settings.roles.object')}
      />
      <Table.ScrollContainer minWidth={480} type="native">
        <Table verticalSpacing={6} data-testid={`role-field-rules-${object}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.roles.field')}</Table.Th>
              <Table.Th>{t('settings.roles.access')}</Table.Th>
              <Table.Th>{t('settings.roles.masking')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field) => {
              const label = labelOf(field);
              const level = access[field.key];
              const mask = masks[field.key];
              return (
                <Table.Tr key={field.key} data-testid={`field-rule-${object}-${field.key}`}>
                  <Table.Td>
                    <Text size="sm">{label}</Text>
                    {field.hintKey && <Text size="xs" c="dimmed" maw={260}>{t(field.hintKey)}</Text>}
                  </Table.Td>
                  <Table.Td miw={140}>
                    <Select
                      size="xs"
                      aria-label={`${label} ${t('settings.roles.access')}`}
                      data={accessChoices(field, level).map((a) => ({ value: a, label: t(`settings.roles.fieldAccess.${a}`) }))}
                      value={level ?? 'editable'}
                      onChange={(a) => a && setAccess(field.key, a as FieldAccess)}
                      allowDeselect={false}
                      data-testid={`field-access-${object}-${field.key}`}
                    />
                  </Table.Td>
                  <Table.Td miw={160}>
                    {maskOffered(field, mask) ? (
                      <Select
                        size="xs"
                        aria-label={`${label} ${t('settings.roles.masking')}`}
                        data={maskChoices(field).map((m) => ({ value: m, label: t(`settings.roles.mask.${m}`) }))}
                        value={maskChoice(field, mask)}
                        onChange={(m) => m && setMask(field.key, maskRuleOf(field, m as MaskChoice))}
                        allowDeselect={false}
                        data-testid={`field-mask-${object}-${field.key}`}
                      />
                    ) : (
                      <Text size="sm" c="dimmed" aria-label={t('settings.roles.maskUnavailable')} title={t('settings.roles.maskUnavailable')}>—</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
