import type { ColumnDef } from '@tanstack/react-table';
import type { CustomerTableFeatures } from './customerTableFeatures';
import type { ListColumn } from './useColumnVisibility';

/** Custom-field columns shown until the user picks otherwise; the rest are one click away in the picker. */
const DEFAULT_CUSTOM_COLUMNS = 3;

/** TanStack derives a column's id from `accessorKey` when no `id` is given. */
export function columnIdOf<T extends { id: string }>(def: ColumnDef<CustomerTableFeatures, T>): string {
  if (def.id) return def.id;
  return 'accessorKey' in def && def.accessorKey !== undefined ? String(def.accessorKey) : '';
}

/** The picker's view of the column definitions: the first column (the record's name) is locked. */
export function listColumnsOf<T extends { id: string }>(defs: Array<ColumnDef<CustomerTableFeatures, T>>): ListColumn[] {
  let customSeen = 0;
  return defs.map((def, index) => {
    const id = columnIdOf(def);
    const custom = id.startsWith('attributes.');
    if (custom) customSeen += 1;
    return {
      id,
      label: typeof def.header === 'string' ? def.header : id,
      defaultVisible: !custom || customSeen <= DEFAULT_CUSTOM_COLUMNS,
      locked: index === 0,
    };
  });
}
