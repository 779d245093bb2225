import { CustomFieldsAdmin } from '../../modules/customers/CustomFieldsAdmin';

export default function CustomFieldsSettingsPage() {
  return <CustomFieldsAdmin />;
}
