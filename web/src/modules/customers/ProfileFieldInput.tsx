import { Checkbox, Select, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { userOptions, useUsers } from '../accounts/useUsers';
import { CompanySelect } from './CompanySelect';
import type { ProfileField } from './profileFields';

export type ProfileValue = string | boolean | null;

interface Props {
  field: ProfileField;
  value: ProfileValue;
  displayName?: string | null;
  onChange: (value: ProfileValue) => void;
  error?: string | undefined;
}

export function ProfileFieldInput({ field, value, displayName, onChange, error }: Props) {
  const { t } = useTranslation();
  const users = useUsers();
  const label = t(field.labelKey);
  const testId = `profile-input-${field.key}`;
  switch (field.kind) {
    case 'boolean':
      return <Checkbox label={label} checked={value === true} onChange={(e) => onChange(e.currentTarget.checked)} data-testid={testId} />;
    case 'select':
      return (
        <Select
          label={label}
          clearable
          data={(field.options ?? []).map((o) => ({ value: o, label: t(`${field.optionPrefix}.${o}`) }))}
          value={typeof value === 'string' ? value : null}
          onChange={onChange}
          error={error}
          data-testid={testId}
        />
      );
    case 'user':
      return <Select label={label} searchable data={userOptions(users.data)} value={typeof value === 'string' ? value : null} onChange={onChange} error={error} data-testid={testId} />;
    case 'company':
      return <CompanySelect label={label} value={typeof value === 'string' ? value : null} initialName={displayName} onChange={onChange} error={error} />;
    case 'date':
      return <DateInput label={label} valueFormat="YYYY-MM-DD" clearable value={typeof value === 'string' ? value : null} onChange={onChange} error={error} data-testid={testId} />;
    default:
      return (
        <TextInput
          label={label}
          type={field.kind === 'email' ? 'email' : field.kind === 'phone' ? 'tel' : 'text'}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          error={error}
          data-testid={testId}
        />
      );
  }
}
