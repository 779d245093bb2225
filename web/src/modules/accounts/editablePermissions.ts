import type { Action, DataScope, FieldAccess, MaskMode, ObjectName, Permissions, Role } from './types';
import { ACTIONS, OBJECTS, SCOPES } from './types';

const isAction = (a: string): a is Action => (ACTIONS as readonly string[]).includes(a);
const isScope = (s: string): s is DataScope => (SCOPES as readonly string[]).includes(s);
const isObject = (o: string): o is ObjectName => (OBJECTS as readonly string[]).includes(o);
const isAccess = (a: string): a is FieldAccess => a === 'hidden' || a === 'readonly' || a === 'editable';
const isMask = (m: string): m is MaskMode => m === 'list' || m === 'everywhere';

function pick<V extends string>(rules: Record<string, Record<string, string>>, valid: (v: string) => v is V) {
  const out: Partial<Record<string, Record<string, V>>> = {};
  for (const [object, byField] of Object.entries(rules)) {
    if (!isObject(object)) continue;
    out[object] = Object.fromEntries(Object.entries(byField).filter((e): e is [string, V] => valid(e[1])));
  }
  return out;
}

/**
 * The server stores permissions loosely (later modules may add objects); the editor works on the
 * known objects, actions and scopes only. The server validates strictly what is written back.
 */
export function editablePermissions(stored: Role['permissions']): Permissions {
  const objects: Permissions['objects'] = {};
  for (const [object, grant] of Object.entries(stored.objects)) {
    if (!isObject(object)) continue;
    objects[object] = { actions: grant.actions.filter(isAction), scope: isScope(grant.scope) ? grant.scope : 'own' };
  }
  return { objects, fields: pick(stored.fields, isAccess), masks: pick(stored.masks, isMask) };
}
