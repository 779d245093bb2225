import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../platform/api';
import type { ListPage } from '../../platform/listTypes';
import { isImportActive } from './importStatus';
import type { ImportBatch } from './types';

export const importsKey = ['imports'] as const;

/** Import history, newest first; refreshed every 2 s while an import on the first page still runs. */
export function useImportBatches() {
  return useInfiniteQuery({
    queryKey: [...importsKey, 'list'] as const,
    queryFn: ({ pageParam, signal }) => api.get<ListPage<ImportBatch>>('/imports', { limit: 20, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchInterval: (query) => ((query.state.data?.pages[0]?.data ?? []).some(isImportActive) ? 2_000 : false),
  });
}
