import { Checkbox, MultiSelect, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { fromMinor, minorUnitDigits, toMinor } from '../../platform/format';
import { useSession } from '../accounts/useSession';
import { customFieldLabel } from './customFieldLabel';
import type { AttributeValue, CustomField } from './types';

interface Props {
  field: CustomField;
  value: unknown;
  onChange: (value: AttributeValue) => void;
  error?: string | undefined;
}

/** One input per custom field type; money is edited in major units and stored in minor units. */
export function CustomFieldInput({ field, value, onChange, error }: Props) {
  const { i18n } = useTranslation();
  const { workspace } = useSession();
  const common = {
    label: customFieldLabel(field, i18n.language),
    required: field.required,
    error,
    'data-testid': `cf-${field.key}`,
  };
  const options = field.options.map((o) => ({ value: o.value, label: o.label }));

  switch (field.type) {
    case 'long_text':
      return <Textarea {...common} autosize minRows={2} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'number':
      return <NumberInput {...common} value={typeof value === 'number' ? value : ''} onChange={(v) => onChange(typeof v === 'number' ? v : null)} />;
    case 'money': {
      const currency = workspace.currency;
      return (
        <NumberInput
          {...common}
          leftSection={<span style={{ fontSize: 12 }}>{currency}</span>}
          decimalScale={minorUnitDigits(currency)}
          thousandSeparator=","
          value={typeof value === 'number' ? fromMinor(value, currency) : ''}
          onChange={(v) => onChange(typeof v === 'number' ? toMinor(v, currency) : null)}
        />
      );
    }
    case 'date':
      return (
        <DateInput
          {...common}
          valueFormat="YYYY-MM-DD"
          clearable
          value={typeof value === 'string' && value ? value : null}
          onChange={(v) => onChange(v)}
        />
      );
    case 'boolean':
      return (
        <Checkbox
          label={common.label}
          error={error}
          data-testid={common['data-testid']}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          mt="xs"
        />
      );
    case 'select':
      return <Select {...common} data={options} clearable searchable value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v)} />;
    case 'multi_select':
      return <MultiSelect {...common} data={options} clearable searchable value={Array.isArray(value) ? value.map(String) : []} onChange={(v) => onChange(v)} />;
    default:
      return <TextInput {...common} value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
