import { RolesAdmin } from '../../modules/accounts/RolesAdmin';

export default function RolesSettingsPage() {
  return <RolesAdmin />;
}
