import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { customFieldLabel } from './customFieldLabel';
import type { CustomField } from './types';

/** Label of a field named in an audit entry: `email`, `owner_id` or a custom `attributes.<key>`. */
export function changedFieldLabel(key: string, t: TFunction, language: string, customFields: CustomField[] = []): string {
  if (key.startsWith('attributes.')) {
    const field = customFields.find((f) => f.key === key.slice('attributes.'.length));
    return field ? customFieldLabel(field, language) : key;
  }
  const base = key.replace(/_id$/, '').replace(/^(emails|phones)$/, (m) => m.slice(0, -1));
  const candidate = [`contact.field.${base}`, `contact.field.${key}`, `company.field.${base}`].find((k) => i18next.exists(k));
  if (candidate) return t(candidate);
  return key;
}
