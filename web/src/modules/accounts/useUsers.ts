import { useQuery } from '@tanstack/react-query';
import { api } from '../../platform/api';
import { rowsOf } from '../../platform/listTypes';
import type { User } from './types';

export const usersKey = ['users'] as const;

export function useUsers() {
  return useQuery({
    queryKey: usersKey,
    queryFn: async () => rowsOf(await api.get<User[] | { data: User[] }>('/users', { limit: 200 })),
    staleTime: 60_000,
  });
}

/** Options for Mantine selects; inactive users are offered only when `includeInactive`. */
export function userOptions(users: User[] | undefined, includeInactive = false) {
  return (users ?? []).filter((u) => includeInactive || u.active).map((u) => ({ value: u.id, label: u.name }));
}
