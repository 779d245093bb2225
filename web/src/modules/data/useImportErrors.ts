import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../platform/api';
import type { ListPage } from '../../platform/listTypes';
import type { ImportError } from './types';
import { importsKey } from './useImportBatches';

/** The rows an import refused, 100 at a time (the CSV report has them all). */
export function useImportErrors(batchId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...importsKey, 'errors', batchId] as const,
    queryFn: ({ pageParam, signal }) => api.get<ListPage<ImportError>>(`/imports/${batchId}/errors`, { limit: 100, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    enabled,
  });
}
