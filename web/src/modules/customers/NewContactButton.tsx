import { Alert, Button, Checkbox, Divider, Group, Modal, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../platform/api';
import { userOptions, useUsers } from '../accounts/useUsers';
import { fieldAccessOf } from '../accounts/fieldAccess';
import { useCan, useSession } from '../accounts/useSession';
import { CompanySelect } from './CompanySelect';
import { CustomFieldInput } from './CustomFieldInput';
import type { FormErrors } from '../../platform/fieldErrors';
import { formErrorsOf, noErrors } from '../../platform/fieldErrors';
import type { AttributeValue, Contact, CreateWarning } from './types';
import { GENDERS, LIFECYCLE_STAGES, VALUE_TIERS } from './types';
import { customerListKey } from './useCustomerList';
import { useCustomFields } from './useCustomFields';
import { DuplicateWarnings } from './DuplicateWarnings';
import { recordName } from './recordName';

interface Draft {
  first_name: string;
  last_name: string;
  email: string;
  phone: string;
  company_id: string | null;
  owner_id: string | null;
  lifecycle_stage: string | null;
  value_tier: string | null;
  gender: string | null;
  birthday: string | null;
  source: string;
  city: string;
  tags: string[];
  consent_email: boolean;
  attributes: Record<string, AttributeValue>;
}

const blank = (ownerId: string): Draft => ({
  first_name: '',
  last_name: '',
  email: '',
  phone: '',
  company_id: null,
  owner_id: ownerId,
  lifecycle_stage: null,
  value_tier: null,
  gender: null,
  birthday: null,
  source: '',
  city: '',
  tags: [],
  consent_email: false,
  attributes: {},
});

/**
 * The owner, company, tags and email consent: when the role may not write one (hidden or read-only), the
 * form leaves out its input and its value. The owner and the consent have defaults in the draft that would
 * otherwise be sent, and refused; the server makes the creator the owner itself.
 */
const GUARDED_FIELDS: readonly string[] = ['company_id', 'owner_id', 'tags', 'consent_email'];

/** Empty strings are sent as absent so optional fields stay null on the server. */
function toBody(draft: Draft, writable: (key: string) => boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft)) {
    if (key === 'attributes' || (GUARDED_FIELDS.includes(key) && !writable(key))) continue;
    if (value === '' || value === null) continue;
    body[key] = typeof value === 'string' ? value.trim() : value;
  }
  const attributes = Object.fromEntries(Object.entries(draft.attributes).filter(([, v]) => v !== null && v !== ''));
  if (Object.keys(attributes).length > 0) body['attributes'] = attributes;
  return body;
}

export function NewContactButton() {
  const { t } = useTranslation();
  const { user, permissions } = useSession();
  const can = useCan();
  const users = useUsers();
  const customFields = useCustomFields('contacts');
  const writable = (key: string) => fieldAccessOf(permissions, 'contacts', key) === 'editable';
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const fullScreen = useMediaQuery('(max-width: 36em)');
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => blank(user.id));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [created, setCreated] = useState<{ contact: Contact; warnings: CreateWarning[] } | null>(null);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const close = () => {
    setOpened(false);
    setCreated(null);
    setErrors(noErrors);
    setDraft(blank(user.id));
  };

  const create = useMutation({
    mutationFn: () => api.post<Contact & { warnings?: CreateWarning[] }>('/contacts', toBody(draft, writable)),
    onSuccess: async (contact) => {
      await queryClient.invalidateQueries({ queryKey: customerListKey('contacts') });
      const warnings = contact.warnings ?? [];
      if (warnings.length > 0) {
        setCreated({ contact, warnings });
        return;
      }
      notifications.show({ color: 'teal', message: t('contact.created', { name: recordName(t, 'contacts', contact.display_name) }) });
      close();
    },
    onError: (error) => setErrors(formErrorsOf(error)),
  });

  const enumData = (values: readonly string[], prefix: string) => values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));
  const fe = errors.fields;

  if (!can('contacts', 'create')) return null;

  return (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={() => setOpened(true)} data-testid="new-contact">
        {t('contact.new')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('contact.new')} size="lg" fullScreen={fullScreen ?? false}>
        {created ? (
          <Stack>
            <DuplicateWarnings warnings={created.warnings} />
            <Text size="sm">{t('contact.createdWithWarnings', { name: recordName(t, 'contacts', created.contact.display_name) })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.close')}
              </Button>
              <Button
                onClick={() => {
                  const id = created.contact.id;
                  close();
                  void navigate({ to: '/contacts/$id', params: { id } });
                }}
              >
                {t('contact.open')}
              </Button>
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
                <TextInput label={t('contact.field.last_name')} value={draft.last_name} onChange={(e) => set('last_name', e.currentTarget.value)} error={fe['last_name']} data-testid="contact-last-name" />
                <TextInput label={t('contact.field.first_name')} value={draft.first_name} onChange={(e) => set('first_name', e.currentTarget.value)} error={fe['first_name']} data-testid="contact-first-name" />
                <TextInput label={t('contact.field.email')} type="email" value={draft.email} onChange={(e) => set('email', e.currentTarget.value)} error={fe['email']} data-testid="contact-email" />
                <TextInput label={t('contact.field.phone')} type="tel" value={draft.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={fe['phone']} data-testid="contact-phone" />
                {writable('company_id') && (
                  <CompanySelect label={t('contact.field.company')} value={draft.company_id} onChange={(v) => set('company_id', v)} error={fe['company_id']} />
                )}
                {writable('owner_id') && (
                  <Select label={t('contact.field.owner')} data={userOptions(users.data)} value={draft.owner_id} onChange={(v) => set('owner_id', v)} searchable error={fe['owner_id']} />
                )}
                <Select label={t('contact.field.lifecycle_stage')} data={enumData(LIFECYCLE_STAGES, 'lifecycle')} value={draft.lifecycle_stage} onChange={(v) => set('lifecycle_stage', v)} clearable error={fe['lifecycle_stage']} />
                <Select label={t('contact.field.value_tier')} data={enumData(VALUE_TIERS, 'tier')} value={draft.value_tier} onChange={(v) => set('value_tier', v)} clearable error={fe['value_tier']} />
                <Select label={t('contact.field.gender')} data={enumData(GENDERS, 'gender')} value={draft.gender} onChange={(v) => set('gender', v)} clearable error={fe['gender']} />
                <DateInput label={t('contact.field.birthday')} valueFormat="YYYY-MM-DD" value={draft.birthday} onChange={(v) => set('birthday', v)} clearable error={fe['birthday']} />
                <TextInput label={t('contact.field.source')} value={draft.source} onChange={(e) => set('source', e.currentTarget.value)} error={fe['source']} />
                <TextInput label={t('contact.field.city')} value={draft.city} onChange={(e) => set('city', e.currentTarget.value)} error={fe['city']} />
              </SimpleGrid>
              {writable('tags') && <TagsInput label={t('contact.field.tags')} value={draft.tags} onChange={(v) => set('tags', v)} error={fe['tags']} />}
              {writable('consent_email') && (
                <Checkbox label={t('contact.field.consent_email')} checked={draft.consent_email} onChange={(e) => set('consent_email', e.currentTarget.checked)} />
              )}
              {(customFields.data ?? []).length > 0 && (
                <>
                  <Divider label={t('customFields.title')} labelPosition="left" />
                  <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                    {(customFields.data ?? []).map((field) => (
                      <CustomFieldInput
                        key={field.id}
                        field={field}
                        value={draft.attributes[field.key]}
                        onChange={(v) => setDraft((d) => ({ ...d, attributes: { ...d.attributes, [field.key]: v } }))}
                        error={fe[`attributes.${field.key}`] ?? fe[field.key]}
                      />
                    ))}
                  </SimpleGrid>
                </>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={create.isPending} data-testid="contact-save">
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
