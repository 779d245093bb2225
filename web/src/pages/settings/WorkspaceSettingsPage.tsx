import { WorkspaceForm } from '../../modules/accounts/WorkspaceForm';

export default function WorkspaceSettingsPage() {
  return <WorkspaceForm />;
}
