import { ApiKeysAdmin } from '../../modules/accounts/ApiKeysAdmin';

export default function ApiKeysSettingsPage() {
  return <ApiKeysAdmin />;
}
