import { useQuery } from '@tanstack/react-query';
import { api } from '../../platform/api';
import { rowsOf } from '../../platform/listTypes';
import type { Role } from './types';

export const rolesKey = ['roles'] as const;

export function useRoles() {
  return useQuery({ queryKey: rolesKey, queryFn: async () => rowsOf(await api.get<Role[] | { data: Role[] }>('/roles')) });
}
