import { Checkbox, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RoleFieldRules } from './RoleFieldRules';
import type { Action, DataScope, ObjectName, Permissions } from './types';
import { ACTIONS, OBJECTS, SCOPES } from './types';

interface Props {
  value: Permissions;
  onChange: (value: Permissions) => void;
}

export function RolePermissionsForm({ value, onChange }: Props) {
  const { t } = useTranslation();

  const setObject = (object: ObjectName, actions: Action[], scope: DataScope) =>
    onChange({ ...value, objects: { ...value.objects, [object]: { actions, scope } } });

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
        <Title order={5}>{t('settings.roles.fieldRules')}</Title>
        <Text size="sm" c="dimmed" mb="xs">{t('settings.roles.fieldPermissionsHelp')}</Text>
        <RoleFieldRules value={value} onChange={onChange} />
      </div>
    </Stack>
  );
}
