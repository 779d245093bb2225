import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';
import type { ImportObject, SavedMapping } from './types';

export const savedMappingsKey = (object: ImportObject) => ['import-mappings', object] as const;

/** The workspace's saved column mappings for one object, and deleting one. */
export function useSavedMappings(object: ImportObject) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: savedMappingsKey(object),
    queryFn: async ({ signal }) => (await api.get<{ data: SavedMapping[] }>('/import-mappings', { object }, signal)).data,
  });
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/import-mappings/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savedMappingsKey(object) }),
  });
  return { mappings: query.data ?? [], remove };
}
