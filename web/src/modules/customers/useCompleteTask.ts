import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';
import type { Task } from './types';

/** Ticks a task done (or re-opens it); refreshes every task list and the dashboard. */
export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, done }: { task: Task; done: boolean }) =>
      api.patch<Task>(`/tasks/${task.id}`, task.version === undefined ? { done } : { done, version: task.version }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: ['tasks'] });
      await queryClient.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}
