import { UsersAdmin } from '../../modules/accounts/UsersAdmin';

export default function UsersSettingsPage() {
  return <UsersAdmin />;
}
