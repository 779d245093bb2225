import { Checkbox, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { customFieldLabel } from '../customers/customFieldLabel';
import { useCustomFields } from '../customers/useCustomFields';
import type { Action, DataScope, FieldAccess, MaskMode, ObjectName, Permissions } from './types';
import { ACTIONS, OBJECTS, SCOPES } from './types';

/** Contact fields whose visibility a role can restrict (sensitive personal data first). */
const CONTACT_FIELDS = ['phone', 'email', 'birthday', 'gender', 'street', 'city', 'region', 'postcode', 'country', 'source', 'external_id'] as const;

interface Props {
  value: Permissions;
  onChange: (value: Permissions) => void;
}

export function RolePermissionsForm({ value, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const customFields = useCustomFields('contacts');
  const fieldAccess = value.fields?.['contacts'] ?? {};
  const masks = value.masks?.['contacts'] ?? {};

  const setObject = (object: ObjectName, actions: Action[], scope: DataScope) =>
    onChange({ ...value, objects: { ...value.objects, [object]: { actions, scope } } });
  const setField = (field: string, access: FieldAccess) =>
    onChange({ ...value, fields: { ...value.fields, contacts: { ...fieldAccess, [field]: access } } });
  const setMask = (field: string, mode: MaskMode | null) => {
    const next: Record<string, MaskMode> = { ...masks };
    if (mode) next[field] = mode;
    else delete next[field];
    onChange({ ...value, masks: { ...value.masks, contacts: next } });
  };
  const fieldKeys = [...CONTACT_FIELDS.map((key) => ({ key, label: t(`contact.field.${key}`) })), ...(customFields.data ?? []).map((f) => ({ key: `attributes.${f.key}`, label: customFieldLabel(f, i18n.language) }))];

  return (
    <Stack gap="lg">
      <div>
        <Title order={5} mb="xs">{t('settings.roles.objectPermissions')}</Title>
        <Table.ScrollContainer minWidth={860} type="native">
          <Table verticalSpacing={6} data-testid="role-objects">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.roles.object')}</Table.Th>
                {ACTIONS.map((a) => <Table.Th key={a} ta="center">{t(`settings.roles.actions.${a}`)}</Table.Th>)}
                <Table.Th>{t('settings.roles.scope')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {OBJECTS.map((object) => {
                const entry = value.objects[object] ?? { actions: [], scope: 'own' as DataScope };
                return (
                  <Table.Tr key={object}>
                    <Table.Td>{t(`settings.roles.objects.${object}`)}</Table.Td>
                    {ACTIONS.map((action) => (
                      <Table.Td key={action} ta="center">
                        <Checkbox
                          display="inline-block"
                          aria-label={`${t(`settings.roles.objects.${object}`)} ${t(`settings.roles.actions.${action}`)}`}
                          checked={entry.actions.includes(action)}
                          onChange={(e) =>
                            setObject(
                              object,
                              e.currentTarget.checked ? [...entry.actions, action] : entry.actions.filter((x) => x !== action),
                              entry.scope,
                            )
                          }
                        />
                      </Table.Td>
                    ))}
                    <Table.Td miw={200}>
                      <Select
                        aria-label={t('settings.roles.scope')}
                        size="xs"
                        data={SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }))}
                        value={entry.scope}
                        onChange={(s) => s && setObject(object, entry.actions, s as DataScope)}
                        allowDeselect={false}
                        data-testid={`scope-${object}`}
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </div>
      <div>
        <Title order={5}>{t('settings.roles.fieldPermissions')}</Title>
        <Text size="sm" c="dimmed" mb="xs">{t('settings.roles.fieldPermissionsHelp')}</Text>
        <Table.ScrollContainer minWidth={520} type="native">
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.roles.field')}</Table.Th>
                <Table.Th>{t('settings.roles.access')}</Table.Th>
                <Table.Th>{t('settings.roles.masking')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {fieldKeys.map(({ key, label }) => (
                <Table.Tr key={key}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={t('settings.roles.access')}
                      data={(['editable', 'readonly', 'hidden'] as const).map((a) => ({ value: a, label: t(`settings.roles.fieldAccess.${a}`) }))}
                      value={fieldAccess[key] ?? 'editable'}
                      onChange={(a) => a && setField(key, a as FieldAccess)}
                      allowDeselect={false}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      size="xs"
                      aria-label={t('settings.roles.masking')}
                      data={[
                        { value: 'none', label: t('settings.roles.mask.none') },
                        { value: 'list', label: t('settings.roles.mask.list') },
                        { value: 'everywhere', label: t('settings.roles.mask.everywhere') },
                      ]}
                      value={masks[key] ?? 'none'}
                      onChange={(m) => setMask(key, m === 'list' || m === 'everywhere' ? m : null)}
                      allowDeselect={false}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </div>
    </Stack>
  );
}
