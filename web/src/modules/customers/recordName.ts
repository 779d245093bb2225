import type { TFunction } from 'i18next';
import type { CustomerObject } from './types';

/**
 * A contact's or company's name as it is shown. The server sends null when the reader's role hides the
 * name (both name parts of a contact, or the name field itself — ADR 3): that reads "(name hidden)",
 * not an empty cell. An empty name (never stored, but possible in old data) reads "(no name)".
 */
export function recordName(t: TFunction, object: CustomerObject, name: string | null | undefined): string {
  if (name === null || name === undefined) return t(object === 'contacts' ? 'contact.nameHidden' : 'company.nameHidden');
  return name || t('contact.unnamed');
}
