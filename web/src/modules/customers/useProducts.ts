import { useQuery } from '@tanstack/react-query';
import { api } from '../../platform/api';
import { rowsOf } from '../../platform/listTypes';
import type { Product } from './types';

export function useProducts() {
  return useQuery({
    queryKey: ['products'],
    queryFn: async () => rowsOf(await api.get<Product[] | { data: Product[] }>('/products', { limit: 200 })),
    staleTime: 5 * 60_000,
  });
}
