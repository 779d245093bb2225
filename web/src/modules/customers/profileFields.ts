import type { CustomerObject } from './types';
import { GENDERS, LIFECYCLE_STAGES, VALUE_TIERS } from './types';

export type ProfileKind = 'text' | 'email' | 'phone' | 'date' | 'select' | 'boolean' | 'user' | 'company' | 'timestamp';

export interface ProfileField {
  key: string;
  labelKey: string;
  kind: ProfileKind;
  options?: readonly string[];
  /** i18n prefix of option labels, e.g. `lifecycle` → lifecycle.lead */
  optionPrefix?: string;
  /** Field shown for reading only (set by the system). */
  system?: boolean;
  /** Record property holding the display text for id fields (owner_name for owner_id). */
  displayKey?: string;
}

const ADDRESS = (prefix: string): ProfileField[] =>
  ['street', 'city', 'region', 'postcode', 'country'].map((key) => ({ key, labelKey: `${prefix}.field.${key}`, kind: 'text' }));

export const PROFILE_FIELDS: Record<CustomerObject, ProfileField[]> = {
  contacts: [
    { key: 'last_name', labelKey: 'contact.field.last_name', kind: 'text' },
    { key: 'first_name', labelKey: 'contact.field.first_name', kind: 'text' },
    { key: 'email', labelKey: 'contact.field.email', kind: 'email' },
    { key: 'phone', labelKey: 'contact.field.phone', kind: 'phone' },
    { key: 'company_id', labelKey: 'contact.field.company', kind: 'company', displayKey: 'company_name' },
    { key: 'owner_id', labelKey: 'contact.field.owner', kind: 'user', displayKey: 'owner_name' },
    { key: 'lifecycle_stage', labelKey: 'contact.field.lifecycle_stage', kind: 'select', options: LIFECYCLE_STAGES, optionPrefix: 'lifecycle' },
    { key: 'value_tier', labelKey: 'contact.field.value_tier', kind: 'select', options: VALUE_TIERS, optionPrefix: 'tier' },
    { key: 'gender', labelKey: 'contact.field.gender', kind: 'select', options: GENDERS, optionPrefix: 'gender' },
    { key: 'birthday', labelKey: 'contact.field.birthday', kind: 'date' },
    { key: 'source', labelKey: 'contact.field.source', kind: 'text' },
    ...ADDRESS('contact'),
    { key: 'consent_email', labelKey: 'contact.field.consent_email', kind: 'boolean' },
    { key: 'consent_sms', labelKey: 'contact.field.consent_sms', kind: 'boolean' },
    { key: 'external_id', labelKey: 'contact.field.external_id', kind: 'text', system: true },
    { key: 'created_at', labelKey: 'common.createdAt', kind: 'timestamp', system: true },
    { key: 'updated_at', labelKey: 'common.updatedAt', kind: 'timestamp', system: true },
  ],
  companies: [
    { key: 'name', labelKey: 'company.field.name', kind: 'text' },
    { key: 'domain', labelKey: 'company.field.domain', kind: 'text' },
    { key: 'industry', labelKey: 'company.field.industry', kind: 'text' },
    { key: 'email', labelKey: 'company.field.email', kind: 'email' },
    { key: 'phone', labelKey: 'company.field.phone', kind: 'phone' },
    { key: 'website', labelKey: 'company.field.website', kind: 'text' },
    { key: 'owner_id', labelKey: 'company.field.owner', kind: 'user', displayKey: 'owner_name' },
    ...ADDRESS('company'),
    { key: 'external_id', labelKey: 'company.field.external_id', kind: 'text', system: true },
    { key: 'created_at', labelKey: 'common.createdAt', kind: 'timestamp', system: true },
    { key: 'updated_at', labelKey: 'common.updatedAt', kind: 'timestamp', system: true },
  ],
};
