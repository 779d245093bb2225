import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../platform/api';
import type { CustomerObject, DataQuality } from './types';

/** The data-quality figures of one object over the records the caller may see. */
export function useDataQuality(object: CustomerObject, staleMonths: number) {
  return useQuery({
    queryKey: ['data-quality', object, staleMonths] as const,
    queryFn: ({ signal }) => api.get<DataQuality>('/data-quality', { object, stale_months: staleMonths }, signal),
    placeholderData: keepPreviousData,
  });
}
