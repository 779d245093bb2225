import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';
import type { CustomerObject, DataQuality } from './types';

const key = (object: CustomerObject, staleMonths: number) => ['data-quality', object, staleMonths] as const;

/** The data-quality figures of one object over the records the caller may see. */
export function useDataQuality(object: CustomerObject, staleMonths: number) {
  return useQuery({
    queryKey: key(object, staleMonths),
    queryFn: ({ signal }) => api.get<DataQuality>('/data-quality', { object, stale_months: staleMonths }, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * Measures anew (the server otherwise serves a workspace-wide measurement for a few minutes) and puts
 * the answer in place of the cached one; other stale windows are refetched when next shown.
 */
export function useRefreshDataQuality(object: CustomerObject, staleMonths: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.get<DataQuality>('/data-quality', { object, stale_months: staleMonths, refresh: true }),
    onSuccess: async (fresh) => {
      await queryClient.invalidateQueries({ queryKey: ['data-quality', object] });
      queryClient.setQueryData(key(object, staleMonths), fresh);
    },
  });
}
