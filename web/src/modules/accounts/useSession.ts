import { useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, setCsrfToken } from '../../platform/api';
import type { Action, ObjectName, Session } from './types';

export const sessionQueryKey = ['auth', 'me'] as const;

export async function fetchSession(): Promise<Session> {
  const session = await apiRequest<Session>('/auth/me', { allowUnauthorized: true });
  setCsrfToken(session.csrf_token);
  return session;
}

export const sessionQueryOptions = {
  queryKey: sessionQueryKey,
  queryFn: fetchSession,
  staleTime: 5 * 60_000,
  retry: false,
} as const;

/** The signed-in user's session; only used below the authenticated layout, where it is loaded. */
export function useSession(): Session {
  const queryClient = useQueryClient();
  const { data } = useQuery(sessionQueryOptions);
  const session = data ?? queryClient.getQueryData<Session>(sessionQueryKey);
  if (!session) throw new Error('useSession used outside an authenticated route');
  return session;
}

/**
 * UI-side permission check, only to hide controls the server would refuse anyway.
 * An object missing from the map is not hidden: the server remains the authority.
 */
export function useCan(): (object: ObjectName, action: Action) => boolean {
  const { permissions } = useSession();
  return (object, action) => {
    const entry = permissions.objects[object];
    return entry ? entry.actions.includes(action) : true;
  };
}
