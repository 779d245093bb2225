import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../platform/api';
import type { ListPage } from '../../platform/listTypes';
import type { CustomerObject, DuplicatePair, DuplicatePairDetail } from './types';

export const duplicatesKey = ['duplicates'] as const;

/** Open duplicate pairs of one object, highest score first. */
export function useDuplicatePairs(object: CustomerObject) {
  return useInfiniteQuery({
    queryKey: [...duplicatesKey, 'list', object] as const,
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<DuplicatePair>>('/duplicates', { object, status: 'open', limit: 20, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** One pair with its side-by-side field comparison. */
export function useDuplicatePair(id: string | null) {
  return useQuery({
    queryKey: [...duplicatesKey, 'pair', id] as const,
    queryFn: ({ signal }) => api.get<DuplicatePairDetail>(`/duplicates/${id ?? ''}`, undefined, signal),
    enabled: id !== null,
  });
}
