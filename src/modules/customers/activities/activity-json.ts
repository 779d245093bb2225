import { sql } from 'kysely';
import { Type, type Static, type TSchema } from 'typebox';

export const ACTIVITY_TYPES = ['call', 'meeting', 'email', 'visit', 'chat'] as const;

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const ActivitySchema = Type.Object({
  id: Type.String(),
  type: Type.Enum(ACTIVITY_TYPES),
  subject: Type.String(),
  outcome: Nullable(Type.String()),
  body: Nullable(Type.String()),
  occurred_at: Type.String(),
  duration_minutes: Nullable(Type.Integer()),
  contact_id: Nullable(Type.String()),
  company_id: Nullable(Type.String()),
  owner_id: Nullable(Type.String()),
  owner_name: Nullable(Type.String()),
  created_at: Type.String(),
});
export type ActivityJson = Static<typeof ActivitySchema>;

export const ACTIVITY_COLUMNS = sql`ac.id::text, ac.type, ac.subject, ac.outcome, ac.body, to_json(ac.occurred_at)#>>'{}' as occurred_at,
  ac.duration_minutes, ac.contact_id::text, ac.company_id::text, ac.owner_id::text, o.name as owner_name,
  to_json(ac.created_at)#>>'{}' as created_at`;

export const ACTIVITY_FROM = sql`activities ac left join users o on o.workspace_id = ac.workspace_id and o.id = ac.owner_id`;
