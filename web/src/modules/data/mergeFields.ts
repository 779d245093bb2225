import type { ComparedField, Side } from './types';

/** Per field, the side whose value survives: the server's suggestion until the user picks. */
export function defaultChoices(fields: readonly ComparedField[]): Record<string, Side> {
  return Object.fromEntries(fields.map((f) => [f.key, f.suggested]));
}

/** The merge request's `fields`: each choice said relative to the surviving record. */
export function mergeFieldChoices(choices: Record<string, Side>, survivor: Side): Record<string, 'survivor' | 'merged'> {
  return Object.fromEntries(Object.entries(choices).map(([key, side]) => [key, side === survivor ? 'survivor' : 'merged']));
}

/** A compared value as text: lists joined, labelled values ({ value, label }) by their value. */
export function valueText(value: unknown, yes: string, no: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => valueText(v, yes, no)).join(', ');
  if (typeof value === 'object') {
    const entry = value as Record<string, unknown>;
    if ('value' in entry) return valueText(entry['value'], yes, no);
    return JSON.stringify(value);
  }
  return String(value);
}
