import type { TFunction } from 'i18next';

/** A record field's name: the UI's own translation for standard fields, else the server's label (custom fields). */
export function dataFieldLabel(t: TFunction, key: string, fallback?: string): string {
  if (key.startsWith('attributes.')) return fallback ?? key.slice('attributes.'.length);
  return t(`data.fields.${key}`, { defaultValue: fallback ?? key });
}
