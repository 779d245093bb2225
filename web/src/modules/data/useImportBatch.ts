import { useQuery } from '@tanstack/react-query';
import { api } from '../../platform/api';
import { isImportActive } from './importStatus';
import type { ImportBatch } from './types';
import { importsKey } from './useImportBatches';

/** One import, polled every second while it runs or is being undone. */
export function useImportBatch(id: string) {
  return useQuery({
    queryKey: [...importsKey, 'batch', id] as const,
    queryFn: ({ signal }) => api.get<ImportBatch>(`/imports/${id}`, undefined, signal),
    refetchInterval: (query) => (!query.state.data || isImportActive(query.state.data) ? 1_000 : false),
  });
}
