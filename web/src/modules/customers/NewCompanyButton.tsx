import { Alert, Button, Divider, Group, Modal, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { userOptions, useUsers } from '../accounts/useUsers';
import { fieldAccessOf } from '../accounts/fieldAccess';
import { useCan, useSession } from '../accounts/useSession';
import { CustomFieldInput } from './CustomFieldInput';
import { DuplicateWarnings } from './DuplicateWarnings';
import type { FormErrors } from '../../platform/fieldErrors';
import { formErrorsOf, noErrors } from '../../platform/fieldErrors';
import type { AttributeValue, Company, CreateWarning } from './types';
import { customerListKey } from './useCustomerList';
import { useCustomFields } from './useCustomFields';

const TEXT_FIELDS = ['name', 'domain', 'industry', 'email', 'phone', 'website', 'city', 'region', 'country'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export function NewCompanyButton() {
  const { t } = useTranslation();
  const { user, permissions } = useSession();
  const can = useCan();
  const users = useUsers();
  const customFields = useCustomFields('companies');
  // the server refuses an owner or tags the role may not write, and makes the creator the owner itself
  const ownerWritable = fieldAccessOf(permissions, 'companies', 'owner_id') === 'editable';
  const tagsWritable = fieldAccessOf(permissions, 'companies', 'tags') === 'editable';
  const queryClient = useQueryClient();
  const fullScreen = useMediaQuery('(max-width: 36em)');
  const [opened, setOpened] = useState(false);
  const [text, setText] = useState<Partial<Record<TextField, string>>>({});
  const [ownerId, setOwnerId] = useState<string | null>(user.id);
  const [tags, setTags] = useState<string[]>([]);
  const [attributes, setAttributes] = useState<Record<string, AttributeValue>>({});
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [warnings, setWarnings] = useState<CreateWarning[] | null>(null);

  const close = () => {
    setOpened(false);
    setText({});
    setTags([]);
    setAttributes({});
    setErrors(noErrors);
    setWarnings(null);
    setOwnerId(user.id);
  };

  const create = useMutation({
    mutationFn: () => {
      const body: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(text)) if (value?.trim()) body[key] = value.trim();
      if (ownerId && ownerWritable) body['owner_id'] = ownerId;
      if (tags.length && tagsWritable) body['tags'] = tags;
      const attrs = Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== null && v !== ''));
      if (Object.keys(attrs).length) body['attributes'] = attrs;
      return api.post<Company & { warnings?: CreateWarning[] }>('/companies', body);
    },
    onSuccess: async (company) => {
      await queryClient.invalidateQueries({ queryKey: customerListKey('companies') });
      if (company.warnings?.length) {
        setWarnings(company.warnings);
        return;
      }
      notifications.show({ color: 'teal', message: t('company.created', { name: company.name }) });
      close();
    },
    onError: (error) => setErrors(formErrorsOf(error)),
  });

  if (!can('companies', 'create')) return null;

  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={() => setOpened(true)} data-testid="new-company">
        {t('company.new')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('company.new')} size="lg" fullScreen={fullScreen ?? false}>
        {warnings ? (
          <Stack>
            <DuplicateWarnings warnings={warnings} object="companies" />
            <Group justify="flex-end">
              <Button onClick={close}>{t('common.close')}</Button>
            </Group>
          </Stack>
        ) : (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setErrors(noErrors);
              create.mutate();
            }}
          >
            <Stack gap="sm">
              {errors.general && (
                <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="form-error">
                  {errors.general}
                </Alert>
              )}
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                {TEXT_FIELDS.map((field) => (
                  <TextInput
                    key={field}
                    label={t(`company.field.${field}`)}
                    required={field === 'name'}
                    value={text[field] ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setText((s) => ({ ...s, [field]: value }));
                    }}
                    error={errors.fields[field]}
                    data-testid={`company-${field}`}
                  />
                ))}
                {ownerWritable && <Select label={t('company.field.owner')} data={userOptions(users.data)} value={ownerId} onChange={setOwnerId} searchable />}
              </SimpleGrid>
              {tagsWritable && <TagsInput label={t('company.field.tags')} value={tags} onChange={setTags} />}
              {(customFields.data ?? []).length > 0 && (
                <>
                  <Divider label={t('customFields.title')} labelPosition="left" />
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                    {(customFields.data ?? []).map((field) => (
                      <CustomFieldInput
                        key={field.id}
                        field={field}
                        value={attributes[field.key]}
                        onChange={(v) => setAttributes((a) => ({ ...a, [field.key]: v }))}
                        error={errors.fields[`attributes.${field.key}`] ?? errors.fields[field.key]}
                      />
                    ))}
                  </SimpleGrid>
                </>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={create.isPending} data-testid="company-save">
                  {t('common.create')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}
