import { useQuery } from '@tanstack/react-query';
import { api } from '../../platform/api';
import type { Workspace } from './types';
import { WorkspaceFields } from './WorkspaceFields';

export function WorkspaceForm() {
  const workspace = useQuery({ queryKey: ['workspace'], queryFn: () => api.get<Workspace>('/workspace') });
  if (!workspace.data) return null;
  return <WorkspaceFields key={JSON.stringify(workspace.data)} initial={workspace.data} />;
}
