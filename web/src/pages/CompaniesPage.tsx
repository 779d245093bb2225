import { useTranslation } from 'react-i18next';
import { companyColumns } from '../modules/customers/companyColumns';
import { CustomerListView } from '../modules/customers/CustomerListView';
import { NewCompanyButton } from '../modules/customers/NewCompanyButton';

export default function CompaniesPage() {
  const { t } = useTranslation();
  return (
    <CustomerListView
      object="companies"
      title={t('nav.companies')}
      rowTestId="company-row"
      columns={companyColumns}
      createAction={<NewCompanyButton />}
    />
  );
}
