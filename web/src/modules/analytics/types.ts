import type { Task, TimelineItem } from '../customers/types';

export interface Dashboard {
  counts: { contacts: number; companies: number; orders: number; open_tasks: number };
  /** true where the count stopped at the 10,000 cap */
  counts_capped?: Partial<Record<'contacts' | 'companies' | 'orders' | 'open_tasks', boolean>>;
  revenue_by_month: Array<{ month: string; total_minor: number }>;
  currency: string;
  recent_activity: TimelineItem[];
  my_tasks: Task[];
}
