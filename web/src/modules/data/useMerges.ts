import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../platform/api';
import type { ListPage } from '../../platform/listTypes';
import type { CustomerObject, Merge } from './types';

export const mergesKey = ['merges'] as const;

/** Merge history of one object, newest first. */
export function useMerges(object: CustomerObject) {
  return useInfiniteQuery({
    queryKey: [...mergesKey, object] as const,
    queryFn: ({ pageParam, signal }) => api.get<ListPage<Merge>>('/merges', { object, limit: 20, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}
