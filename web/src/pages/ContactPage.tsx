import { useParams } from '@tanstack/react-router';
import { CustomerDetailView } from '../modules/customers/CustomerDetailView';

export default function ContactPage() {
  const { id } = useParams({ strict: false });
  return <CustomerDetailView key={id} object="contacts" id={id ?? ''} />;
}
