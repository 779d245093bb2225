import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import type { Job } from './types';
import { jobsKey } from './useJobs';

/** Asks the server to cancel a job: a queued one stops at once, a running one at its next batch. */
export function useCancelJob() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Job>(`/jobs/${id}/cancel`),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('jobs.cancelRequested') });
      await queryClient.invalidateQueries({ queryKey: jobsKey });
    },
    onError: (error) => notifications.show({ color: 'red', message: error.message }),
  });
}
