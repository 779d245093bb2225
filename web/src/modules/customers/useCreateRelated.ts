import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';
import type { CustomerObject } from './types';
import { timelineKey } from './TimelineList';

/** POST a note/task/activity/order attached to the record, then refresh its timeline. */
export function useCreateRelated<T>(path: '/notes' | '/tasks' | '/activities' | '/orders', object: CustomerObject, id: string) {
  const queryClient = useQueryClient();
  const link = object === 'contacts' ? { contact_id: id } : { company_id: id };
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<T>(path, { ...link, ...body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: timelineKey(object, id) });
      if (path === '/tasks') await queryClient.invalidateQueries({ queryKey: ['tasks'] });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
