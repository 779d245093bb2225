/** Audit snapshot of a record: its columns plus one entry per custom field (`attributes.<key>`), so history can hide or mask each. */
export function auditSnapshot(values: { attributes: Record<string, unknown> }): Record<string, unknown> {
  const { attributes, ...rest } = values;
  const snapshot: Record<string, unknown> = { ...rest };
  for (const [key, value] of Object.entries(attributes)) snapshot[`attributes.${key}`] = value;
  return snapshot;
}

/** The audited field list for a before/after pair: the standard fields and every custom key either side has. */
export function auditedFields(standard: readonly string[], ...attributes: { [key: string]: unknown }[]): string[] {
  const keys = new Set<string>();
  for (const a of attributes) for (const k of Object.keys(a)) keys.add(`attributes.${k}`);
  return [...standard, ...keys];
}
