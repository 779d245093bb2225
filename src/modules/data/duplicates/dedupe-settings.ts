import { sql } from 'kysely';
import type { Db, Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/http/errors.ts';
import { loadFieldDefinitions } from '../../customers/index.ts';
import { PRIOR_BITS, type ComparatorKind, type FieldRule, type ScoringModel } from './score-pair.ts';

export const DEDUPE_OBJECTS = ['contacts', 'companies'] as const;
export type DedupeObject = (typeof DEDUPE_OBJECTS)[number];

/** duplicate_pairs.object_type / dedupe_settings.object_type */
export function objectType(object: DedupeObject): 'contact' | 'company' {
  return object === 'contacts' ? 'contact' : 'company';
}

/** Pairs scoring at or above this are proposed, unless a workspace sets its own threshold. */
export const DEFAULT_THRESHOLD = 0.9;
export const MAX_WEIGHT = 30;

type Default = Omit<FieldRule, 'field'> & { field: string };

/**
 * Default evidence per field, in bits (see FieldRule). Agreement on a value few people share (email,
 * phone, an identifier, a birthday) is strong; disagreement on a value people change (email, phone,
 * street) is weak, on one they do not (birthday, identifier) strong. Checked against FEBRL
 * (bench/febrl.ts) and the scenarios in test/api/duplicates.test.ts.
 */
const CONTACT_RULES: readonly Default[] = [
  { field: 'name', label: 'name', kind: 'person_name', agree: 8, disagree: 7, floor: 0.7 },
  { field: 'email', label: 'email', kind: 'email', agree: 12, disagree: 1, floor: 0 },
  { field: 'phone', label: 'phone', kind: 'phone', agree: 11, disagree: 1.5, floor: 0 },
  { field: 'birthday', label: 'birthday', kind: 'date', agree: 8, disagree: 5, floor: 0 },
  { field: 'street', label: 'street', kind: 'text', agree: 6, disagree: 1.5, floor: 0.6 },
  { field: 'postcode', label: 'postcode', kind: 'code', agree: 3, disagree: 1.5, floor: 0 },
  { field: 'city', label: 'city', kind: 'text', agree: 2, disagree: 1, floor: 0.7 },
  { field: 'region', label: 'region', kind: 'text', agree: 0.5, disagree: 1, floor: 0.5 },
  { field: 'country', label: 'country', kind: 'text', agree: 0.3, disagree: 2, floor: 0.8 },
];

const COMPANY_RULES: readonly Default[] = [
  { field: 'name', label: 'name', kind: 'company_name', agree: 8, disagree: 5, floor: 0.8 },
  { field: 'domain', label: 'domain', kind: 'domain', agree: 10, disagree: 2, floor: 0 },
  { field: 'email', label: 'email', kind: 'email', agree: 10, disagree: 1, floor: 0 },
  { field: 'phone', label: 'phone', kind: 'phone', agree: 9, disagree: 1, floor: 0 },
  { field: 'street', label: 'street', kind: 'text', agree: 4, disagree: 1, floor: 0.6 },
  { field: 'postcode', label: 'postcode', kind: 'code', agree: 2, disagree: 1, floor: 0 },
  { field: 'city', label: 'city', kind: 'text', agree: 2, disagree: 1, floor: 0.7 },
  { field: 'region', label: 'region', kind: 'text', agree: 0.5, disagree: 1, floor: 0.5 },
  { field: 'country', label: 'country', kind: 'text', agree: 0.3, disagree: 2, floor: 0.8 },
];

/** A custom field flagged as identifier (ID card, member number …): as telling as an email, and telling when it differs. */
const IDENTIFIER_RULE = { kind: 'identifier', agree: 12, disagree: 4, floor: 0 } as const;
/** An extra text field a workspace names in its weights: address-like evidence, weakly against when it differs. */
const EXTRA_DISAGREE_SHARE = 0.3;

export type DedupeSettings = { object: DedupeObject; threshold: number; weights: Record<string, number> };
/** What a scan and the settings page need beyond the stored numbers: the custom fields that take part. */
export type CustomComparison = { key: string; label: string; identifier: boolean; type: string };

export function defaultWeights(object: DedupeObject, custom: readonly CustomComparison[]): Record<string, number> {
  const rules = object === 'contacts' ? CONTACT_RULES : COMPANY_RULES;
  const weights: Record<string, number> = Object.fromEntries(rules.map((r) => [r.field, r.agree]));
  for (const c of custom) if (c.identifier) weights[`attributes.${c.key}`] = IDENTIFIER_RULE.agree;
  return weights;
}

/**
 * The scoring model of a workspace: the default rules with the workspace's weights. A weight replaces
 * a field's agreement evidence and scales its disagreement evidence alike; 0 leaves the field out.
 * Identifier custom fields always take part; other text custom fields only when a weight names them.
 */
export function scoringModel(settings: DedupeSettings, custom: readonly CustomComparison[]): ScoringModel {
  const base = settings.object === 'contacts' ? CONTACT_RULES : COMPANY_RULES;
  const rules: FieldRule[] = [];
  const scaled = (rule: Default): FieldRule => {
    const weight = settings.weights[rule.field];
    if (weight === undefined || rule.agree === 0) return { ...rule };
    return { ...rule, agree: weight, disagree: rule.disagree * (weight / rule.agree) };
  };
  for (const rule of base) rules.push(scaled(rule));
  for (const c of custom) {
    const field = `attributes.${c.key}`;
    if (c.identifier) rules.push(scaled({ field, label: c.label, ...IDENTIFIER_RULE }));
    else if (settings.weights[field] !== undefined) {
      const weight = settings.weights[field];
      rules.push({ field, label: c.label, kind: 'text' satisfies ComparatorKind, agree: weight, disagree: weight * EXTRA_DISAGREE_SHARE, floor: 0.6 });
    }
  }
  return { rules: rules.filter((r) => r.agree > 0 || r.disagree > 0), prior: PRIOR_BITS };
}

/** Custom fields that can take part: identifiers, and text fields (a weight decides whether they do). */
export async function loadCustomComparisons(db: Db | Tx, workspaceId: string, object: DedupeObject): Promise<CustomComparison[]> {
  const definitions = await loadFieldDefinitions(db, workspaceId, object);
  return definitions
    .filter((d) => d.is_identifier || d.type === 'text' || d.type === 'long_text' || d.type === 'number')
    .map((d) => ({ key: d.key, label: d.label, identifier: d.is_identifier, type: d.type }));
}

export async function loadDedupeSettings(db: Db | Tx, workspaceId: string, object: DedupeObject): Promise<DedupeSettings> {
  const { rows } = await sql<{ threshold: number; weights: Record<string, number> }>`
    select threshold, weights from dedupe_settings where workspace_id = ${workspaceId} and object_type = ${objectType(object)}`.execute(db);
  const row = rows[0];
  return { object, threshold: row ? Math.round(row.threshold * 1000) / 1000 : DEFAULT_THRESHOLD, weights: row?.weights ?? {} };
}

/** The settings as shown: every field that takes part, with its effective weight. */
export async function describeDedupeSettings(db: Db | Tx, workspaceId: string, object: DedupeObject) {
  const [settings, custom] = await Promise.all([loadDedupeSettings(db, workspaceId, object), loadCustomComparisons(db, workspaceId, object)]);
  const weights = { ...defaultWeights(object, custom), ...settings.weights };
  return { object, threshold: settings.threshold, weights, defaults: { threshold: DEFAULT_THRESHOLD, weights: defaultWeights(object, custom) } };
}

/** Stores a workspace's threshold and weights; a weight for an unknown field is refused, not silently ignored. */
export async function saveDedupeSettings(db: Db, workspaceId: string, userId: string | null, input: DedupeSettings) {
  const custom = await loadCustomComparisons(db, workspaceId, input.object);
  const known = new Set([...Object.keys(defaultWeights(input.object, custom)), ...custom.map((c) => `attributes.${c.key}`)]);
  for (const [field, weight] of Object.entries(input.weights)) {
    if (!known.has(field)) throw new AppError('VALIDATION_FAILED', `"${field}" cannot be compared for ${input.object}`, { field: `weights.${field}` });
    if (!Number.isFinite(weight) || weight < 0 || weight > MAX_WEIGHT) {
      throw new AppError('VALIDATION_FAILED', `weights must be between 0 and ${MAX_WEIGHT}`, { field: `weights.${field}` });
    }
  }
  if (!(input.threshold > 0 && input.threshold < 1)) throw new AppError('VALIDATION_FAILED', 'threshold must be between 0 and 1', { field: 'threshold' });
  await sql`insert into dedupe_settings (workspace_id, object_type, threshold, weights, updated_by)
    values (${workspaceId}, ${objectType(input.object)}, ${input.threshold}, ${JSON.stringify(input.weights)}::jsonb, ${userId})
    on conflict (workspace_id, object_type) do update
      set threshold = excluded.threshold, weights = excluded.weights, updated_by = excluded.updated_by, updated_at = now()`.execute(db);
  return describeDedupeSettings(db, workspaceId, input.object);
}
