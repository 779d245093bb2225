import { ApiError } from '../../platform/api';
import type { FormErrors } from '../../platform/fieldErrors';
import { formErrorsOf } from '../../platform/fieldErrors';

/**
 * The server's errors on the form. A deleted field keeps its key until its job has removed the values
 * (FIELD_DELETE_PENDING): that one is said in the user's language, on the key.
 */
export function customFieldFormErrors(error: unknown, deletePending: string): FormErrors {
  if (error instanceof ApiError && error.code === 'FIELD_DELETE_PENDING') return { general: deletePending, fields: { key: deletePending } };
  return formErrorsOf(error);
}

/**
 * The deleted field that still holds the key (FIELD_DELETE_PENDING): deleting it again resumes a job that
 * failed or was cancelled, or follows the one still running. Null for any other error.
 */
export function pendingDeleteFieldId(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'FIELD_DELETE_PENDING') return null;
  const id = error.details['field_id'];
  return typeof id === 'string' ? id : null;
}
