import { describe, expect, it } from 'vitest';
import { ApiError } from '../../platform/api';
import { customFieldFormErrors, pendingDeleteFieldId } from './customFieldFormErrors';

describe('custom field form errors', () => {
  it('says FIELD_DELETE_PENDING in the given (translated) words, on the key', () => {
    const error = new ApiError(409, 'FIELD_DELETE_PENDING', 'The custom field "vip" is still being deleted', { field: 'key', job_id: '7' });
    expect(customFieldFormErrors(error, '仍在删除中')).toEqual({ general: '仍在删除中', fields: { key: '仍在删除中' } });
  });

  it('leaves any other error as the server worded it', () => {
    const error = new ApiError(409, 'UNIQUE_VIOLATION', 'A custom field "vip" already exists', { field: 'key' });
    expect(customFieldFormErrors(error, '仍在删除中')).toEqual({ general: 'A custom field "vip" already exists', fields: { key: 'A custom field "vip" already exists' } });
  });

  it('names the deleted field that holds the key, so its deletion can be finished', () => {
    expect(pendingDeleteFieldId(new ApiError(409, 'FIELD_DELETE_PENDING', 'pending', { field: 'key', field_id: '42', job_id: '7' }))).toBe('42');
    expect(pendingDeleteFieldId(new ApiError(409, 'UNIQUE_VIOLATION', 'taken', { field: 'key' }))).toBeNull();
    expect(pendingDeleteFieldId(new Error('network'))).toBeNull();
  });
});
