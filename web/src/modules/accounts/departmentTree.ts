import type { Department } from './types';

export interface DepartmentRow {
  department: Department;
  depth: number;
}

/** Depth-first order of the department tree, for an indented list. Orphans become roots. */
export function departmentRows(departments: Department[]): DepartmentRow[] {
  const ids = new Set(departments.map((d) => d.id));
  const children = new Map<string | null, Department[]>();
  for (const d of departments) {
    const parent = d.parent_id && ids.has(d.parent_id) ? d.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  const rows: DepartmentRow[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const d of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      if (seen.has(d.id)) continue; // a cycle in bad data must not hang the page
      seen.add(d.id);
      rows.push({ department: d, depth });
      walk(d.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

/** A department cannot move under itself or its own descendants. */
export function descendantIds(departments: Department[], id: string): Set<string> {
  const out = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments) {
      if (d.parent_id && out.has(d.parent_id) && !out.has(d.id)) {
        out.add(d.id);
        grew = true;
      }
    }
  }
  return out;
}
