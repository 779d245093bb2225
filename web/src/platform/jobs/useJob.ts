import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { isJobActive, type Job } from './types';
import { jobsKey } from './useJobs';

/** One job, polled every second until it has finished (succeeded, failed or cancelled). */
export function useJob(id: string | null) {
  return useQuery({
    queryKey: [...jobsKey, id] as const,
    queryFn: () => api.get<Job>(`/jobs/${id ?? ''}`),
    enabled: id !== null,
    refetchInterval: (query) => (!query.state.data || isJobActive(query.state.data) ? 1_000 : false),
  });
}
