import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../platform/api';
import type { CustomerObject } from './types';
import type { CustomerRecord } from './useCustomerRecord';
import { recordKey } from './useCustomerRecord';
import { customerListKey } from './useCustomerList';

/**
 * PATCH with optimistic concurrency: the body carries the version we read, and a
 * 409 VERSION_CONFLICT means someone saved in between — we never overwrite silently.
 */
export function useUpdateRecord(object: CustomerObject, record: CustomerRecord | undefined) {
  const queryClient = useQueryClient();
  const [conflict, setConflict] = useState(false);
  // bumped on every reload, so open editors know their draft is stale
  const [reloads, setReloads] = useState(0);
  const mutation = useMutation({
    mutationFn: (changes: Record<string, unknown>) => {
      if (!record) throw new Error('record not loaded');
      return api.patch<CustomerRecord>(`/${object}/${record.id}`, { ...changes, version: record.version });
    },
    onSuccess: (updated) => {
      setConflict(false);
      if (record) queryClient.setQueryData(recordKey(object, record.id), updated);
      void queryClient.invalidateQueries({ queryKey: customerListKey(object) });
      if (record) void queryClient.invalidateQueries({ queryKey: ['timeline', object, record.id] });
      if (record) void queryClient.invalidateQueries({ queryKey: ['history', object, record.id] });
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.code === 'VERSION_CONFLICT' || error.status === 409)) setConflict(true);
    },
  });
  const reload = async () => {
    setConflict(false);
    setReloads((n) => n + 1);
    mutation.reset();
    if (record) await queryClient.invalidateQueries({ queryKey: recordKey(object, record.id) });
  };
  return { ...mutation, conflict, reload, reloads };
}
