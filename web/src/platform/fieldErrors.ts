import { ApiError } from './api';

export interface FormErrors {
  general: string | null;
  fields: Record<string, string>;
}

export const noErrors: FormErrors = { general: null, fields: {} };

/**
 * Maps a server error onto the form: `details.field` names the input to highlight.
 * Array paths such as `emails.0.value` or `emails[0]` point at the primary input (`email`).
 */
export function formErrorsOf(error: unknown): FormErrors {
  if (!(error instanceof ApiError)) return { general: error instanceof Error ? error.message : String(error), fields: {} };
  const raw = error.field;
  if (!raw) return { general: error.message, fields: {} };
  let field = raw.replace(/^body[./]/, '').replace(/^\//, '').replace(/\//g, '.');
  if (!field.startsWith('attributes.')) field = field.split(/[.[]/)[0] ?? field;
  if (field === 'emails') field = 'email';
  if (field === 'phones') field = 'phone';
  return { general: error.message, fields: { [field]: error.message } };
}
