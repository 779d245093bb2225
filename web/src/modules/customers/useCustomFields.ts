import { useQuery } from '@tanstack/react-query';
import { api } from '../../platform/api';
import { rowsOf } from '../../platform/listTypes';
import type { CustomerObject, CustomField } from './types';

export const customFieldsKey = (object: CustomerObject) => ['custom-fields', object] as const;

export function useCustomFields(object: CustomerObject) {
  return useQuery({
    queryKey: customFieldsKey(object),
    queryFn: async () => rowsOf(await api.get<CustomField[] | { data: CustomField[] }>('/custom-fields', { object })),
    staleTime: 5 * 60_000,
  });
}
