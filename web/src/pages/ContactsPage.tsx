import { useTranslation } from 'react-i18next';
import { contactColumns } from '../modules/customers/contactColumns';
import { CustomerListView } from '../modules/customers/CustomerListView';
import { NewContactButton } from '../modules/customers/NewContactButton';

export default function ContactsPage() {
  const { t } = useTranslation();
  return (
    <CustomerListView
      object="contacts"
      title={t('nav.contacts')}
      rowTestId="contact-row"
      columns={contactColumns}
      createAction={<NewContactButton />}
    />
  );
}
