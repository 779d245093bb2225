import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api';
import type { ApiResponse } from '../../platform/apiTypes';
import type { CustomerObject, CustomField } from './types';
import { customFieldsKey } from './useCustomFields';

export type FieldDeleteStarted = ApiResponse<'/api/v1/custom-fields/{id}', 'delete', 202>;

/**
 * Deletes a custom field: the server retires it at once and removes its values in a background job
 * (202 `{ job_id }`). The field leaves the cached list straight away, as it has left every list on the server.
 * Deleting the same field again resumes a job that failed or was cancelled.
 */
export function useDeleteCustomField(object: CustomerObject) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<FieldDeleteStarted>(`/custom-fields/${id}`),
    onSuccess: async (_started, id) => {
      queryClient.setQueryData<CustomField[]>(customFieldsKey(object), (fields) => fields?.filter((f) => f.id !== id));
      await queryClient.invalidateQueries({ queryKey: customFieldsKey(object) });
    },
  });
}
