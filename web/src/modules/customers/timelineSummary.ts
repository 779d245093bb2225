import type { TFunction } from 'i18next';
import { changedFieldLabel } from './changedFieldLabel';
import type { TimelineItem } from './types';

function str(payload: Record<string, unknown>, key: string): string | null {
  const value = payload[key];
  return typeof value === 'string' && value ? value : null;
}

/**
 * The server's `summary` is English shorthand ("update: region"); where the payload says what
 * happened, the UI words it in the user's language instead.
 */
export function timelineSummary(item: TimelineItem, t: TFunction, language: string): string {
  const p = item.payload;
  if (item.kind === 'audit') {
    const action = str(p, 'action');
    const changes = p['changes'];
    const fields = changes && typeof changes === 'object' ? Object.keys(changes) : [];
    if (!action) return item.summary;
    const verb = t(`history.action.${action}`, { defaultValue: action });
    return fields.length ? `${verb}: ${fields.map((f) => changedFieldLabel(f, t, language)).join(', ')}` : verb;
  }
  if (item.kind === 'activity') {
    const type = str(p, 'type');
    const subject = str(p, 'subject');
    const outcome = str(p, 'outcome');
    if (!type || !subject) return item.summary;
    return `${t(`activity.types.${type}`, { defaultValue: type })}: ${subject}${outcome ? ` — ${outcome}` : ''}`;
  }
  if (item.kind === 'order') {
    const number = str(p, 'number');
    const status = str(p, 'status');
    if (!number) return item.summary;
    return status ? `${number} · ${t(`order.statuses.${status}`, { defaultValue: status })}` : number;
  }
  return item.summary;
}
