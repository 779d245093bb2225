import { ACTIONS, type Action, type DataScope, type Permissions } from '../../../platform/http/access.ts';

/** The record types a role grants access to. Later modules (tickets, opportunities, …) add theirs here. */
export const OBJECTS = ['contacts', 'companies', 'orders', 'products', 'tasks', 'notes', 'activities', 'settings'] as const;
export type ObjectName = (typeof OBJECTS)[number];

const ALL: Action[] = [...ACTIONS];
const EDITOR: Action[] = ['view', 'create', 'edit', 'delete', 'export', 'bulk'];
const READ: Action[] = ['view'];

function grant(actions: Action[], scope: DataScope, objects: readonly ObjectName[] = OBJECTS): Permissions['objects'] {
  return Object.fromEntries(objects.map((o) => [o, { actions: o === 'settings' ? [] : actions, scope }]));
}

export type RoleTemplate = { key: string; name: string; permissions: Permissions };

/** The roles a new workspace starts with; all editable afterwards. */
export const DEFAULT_ROLES: RoleTemplate[] = [
  {
    key: 'admin',
    name: 'Administrator',
    permissions: { objects: { ...grant(ALL, 'all'), settings: { actions: ALL, scope: 'all' } }, fields: {}, masks: {} },
  },
  { key: 'manager', name: 'Sales manager', permissions: { objects: grant([...EDITOR, 'import'], 'department_tree'), fields: {}, masks: {} } },
  {
    key: 'sales',
    name: 'Sales rep',
    permissions: { objects: grant(['view', 'create', 'edit', 'delete'], 'own'), fields: {}, masks: { contacts: { phone: 'list', email: 'list' } } },
  },
  { key: 'marketing', name: 'Marketing', permissions: { objects: grant(['view', 'create', 'edit', 'import', 'export', 'bulk'], 'all'), fields: {}, masks: {} } },
  { key: 'service', name: 'Service agent', permissions: { objects: grant(['view', 'create', 'edit'], 'department'), fields: {}, masks: {} } },
  {
    key: 'analyst',
    name: 'Analyst',
    permissions: { objects: grant(['view', 'export'], 'all'), fields: {}, masks: { contacts: { phone: 'everywhere', email: 'everywhere' } } },
  },
  { key: 'viewer', name: 'Viewer', permissions: { objects: grant(READ, 'own'), fields: {}, masks: {} } },
];
