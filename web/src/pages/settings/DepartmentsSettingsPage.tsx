import { DepartmentsTree } from '../../modules/accounts/DepartmentsTree';

export default function DepartmentsSettingsPage() {
  return <DepartmentsTree />;
}
