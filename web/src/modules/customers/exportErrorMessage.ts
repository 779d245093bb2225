import type { TFunction } from 'i18next';
import { ApiError } from '../../platform/api';

/** Known export failures in the user's language; anything else as the server worded it. */
export function exportErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.code === 'PERMISSION_DENIED') return t('export.denied');
    if (error.code === 'EXPORT_TOO_LARGE') return t('export.tooLarge');
    if (error.code === 'EXPORT_NOT_READY') return t('export.notReady');
    if (error.status === 404) return t('export.expired');
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
