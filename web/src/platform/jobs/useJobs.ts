import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { isJobActive, type Job } from './types';

export const jobsKey = ['jobs'] as const;

/** The caller's jobs (an admin's: the workspace's), newest first, refreshed every 2 s while any is active. */
export function useJobs() {
  return useQuery({
    queryKey: jobsKey,
    queryFn: async () => (await api.get<{ data: Job[] }>('/jobs', { limit: 100 })).data,
    refetchInterval: (query) => ((query.state.data ?? []).some(isJobActive) ? 2_000 : false),
  });
}
