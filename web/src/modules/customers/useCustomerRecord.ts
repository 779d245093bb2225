import { useQuery } from '@tanstack/react-query';
import { api } from '../../platform/api';
import type { Company, Contact, CustomerObject } from './types';

export type CustomerRecord = Contact | Company;

export const recordKey = (object: CustomerObject, id: string) => ['record', object, id] as const;

export function useCustomerRecord(object: CustomerObject, id: string) {
  return useQuery({
    queryKey: recordKey(object, id),
    queryFn: ({ signal }) => api.get<CustomerRecord>(`/${object}/${id}`, undefined, signal),
  });
}

/** The record's name as the server sent it: null when the reader's role hides it (see recordName). */
export function recordTitle(record: CustomerRecord): string | null {
  return 'display_name' in record ? record.display_name : record.name;
}
