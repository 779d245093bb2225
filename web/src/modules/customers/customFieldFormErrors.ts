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
