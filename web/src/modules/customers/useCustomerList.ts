import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../platform/api';
import type { FilterNode, ListPage } from '../../platform/listTypes';
import { filterParam } from '../../platform/listTypes';
import type { CustomerObject } from './types';

export const PAGE_SIZE = 50;

export const customerListKey = (object: CustomerObject) => ['list', object] as const;

/** Keyset-paginated list: each page asks for the rows after the previous page's cursor. */
/** `q` is the server's quick text search (names, pinyin, email, phone digits), ANDed with the filter. */
export function useCustomerList<T>(object: CustomerObject, filter: FilterNode | undefined, sort: string, q: string) {
  return useInfiniteQuery({
    queryKey: [...customerListKey(object), filter ?? null, sort, q] as const,
    queryFn: ({ pageParam, signal }) =>
      api.get<ListPage<T>>(`/${object}`, { filter: filterParam(filter), sort, q: q.trim() || undefined, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
