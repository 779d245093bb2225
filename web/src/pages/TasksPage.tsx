import { TasksView } from '../modules/customers/TasksView';

export default function TasksPage() {
  return <TasksView />;
}
