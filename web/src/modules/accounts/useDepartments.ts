import { useQuery } from '@tanstack/react-query';
import { api } from '../../platform/api';
import { rowsOf } from '../../platform/listTypes';
import type { Department } from './types';

export const departmentsKey = ['departments'] as const;

export function useDepartments() {
  return useQuery({
    queryKey: departmentsKey,
    queryFn: async () => rowsOf(await api.get<Department[] | { data: Department[] }>('/departments')),
  });
}
