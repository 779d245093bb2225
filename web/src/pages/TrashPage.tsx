import { TrashView } from '../modules/customers/TrashView';

export default function TrashPage() {
  return <TrashView />;
}
