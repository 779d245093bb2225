import { useQuery } from '@tanstack/react-query';
import { api } from '../../platform/api';
import type { Dashboard } from './types';

export function useDashboard() {
  return useQuery({ queryKey: ['dashboard'], queryFn: ({ signal }) => api.get<Dashboard>('/dashboard', undefined, signal) });
}
