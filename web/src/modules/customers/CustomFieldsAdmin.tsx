import { ActionIcon, Badge, Button, Card, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomFieldDeleteModal } from './CustomFieldDeleteModal';
import { CustomFieldEditor } from './CustomFieldEditor';
import type { CustomerObject, CustomField } from './types';
import { useCustomFields } from './useCustomFields';

export function CustomFieldsAdmin() {
  const { t } = useTranslation();
  const [object, setObject] = useState<CustomerObject>('contacts');
  const fields = useCustomFields(object);
  // `undefined`: editor closed; `null`: creating; a field: editing it.
  const [editing, setEditing] = useState<CustomField | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<CustomField | null>(null);

  return (
    <Card withBorder padding={0}>
      <Group justify="space-between" p="sm" wrap="wrap">
        <SegmentedControl
          value={object}
          onChange={(v) => setObject(v === 'companies' ? 'companies' : 'contacts')}
          data={[
            { value: 'contacts', label: t('nav.contacts') },
            { value: 'companies', label: t('nav.companies') },
          ]}
          data-testid="cf-object"
        />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)} data-testid="cf-add">
          {t('customFields.add')}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customFields.key')}</Table.Th>
              <Table.Th>{t('customFields.labelEn')}</Table.Th>
              <Table.Th>{t('customFields.labelZh')}</Table.Th>
              <Table.Th>{t('customFields.type')}</Table.Th>
              <Table.Th />
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(fields.data ?? []).map((field) => (
              <Table.Tr key={field.id} data-testid="cf-row" style={{ cursor: 'pointer' }} onClick={() => setEditing(field)}>
                <Table.Td><Text size="sm" ff="monospace">{field.key}</Text></Table.Td>
                <Table.Td>{field.label}</Table.Td>
                <Table.Td>{field.label_zh}</Table.Td>
                <Table.Td>{t(`customFields.types.${field.type}`)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {field.required && <Badge size="xs" variant="light">{t('customFields.required')}</Badge>}
                    {field.unique && <Badge size="xs" variant="light" color="grape">{t('customFields.unique')}</Badge>}
                    {field.sensitive && <Badge size="xs" variant="light" color="red">{t('customFields.sensitive')}</Badge>}
                  </Group>
                </Table.Td>
                <Table.Td w={48}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('customFields.delete')}
                    onClick={(e) => {
                      // the row opens the editor; this button only deletes
                      e.stopPropagation();
                      setDeleting(field);
                    }}
                    data-testid="cf-delete"
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {(fields.data ?? []).length === 0 && !fields.isPending && <Text c="dimmed" size="sm" p="sm">{t('customFields.empty')}</Text>}
      {editing !== undefined && (
        <CustomFieldEditor key={editing?.id ?? 'new'} object={object} field={editing} opened onClose={() => setEditing(undefined)} />
      )}
      <CustomFieldDeleteModal object={object} field={deleting} onClose={() => setDeleting(null)} />
    </Card>
  );
}
