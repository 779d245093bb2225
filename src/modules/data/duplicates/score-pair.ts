import {
  codeSimilarity, comparePersonNames, companyNameSimilarity, dateSimilarity, emailSimilarity, phoneSimilarity, textSimilarity, type PersonName,
} from './similarity.ts';

/** A record as the scorer sees it: normalised once when read (comparable-records.ts). */
export type Comparable = {
  id: string;
  person: PersonName | null;
  /** company name without its legal form (companyNameKey) */
  companyName: string;
  emails: string[];
  phones: string[];
  birthday: string | null;
  domain: string | null;
  street: string | null;
  city: string | null;
  region: string | null;
  postcode: string | null;
  country: string | null;
  /** identifier and extra comparison custom fields, as text */
  attributes: Record<string, string>;
};

export type ComparatorKind = 'person_name' | 'company_name' | 'email' | 'phone' | 'date' | 'code' | 'identifier' | 'text' | 'domain';

/**
 * One compared field. Evidence is in bits (log2 of a likelihood ratio, Fellegi & Sunter 1969): `agree`
 * is added when the values are the same, `disagree` subtracted when they clearly differ (similarity at
 * or below `floor`), and in between the evidence moves linearly with the similarity. A value missing on
 * either side adds nothing.
 */
export type FieldRule = { field: string; label: string; kind: ComparatorKind; agree: number; disagree: number; floor: number };

export type Reason = { field: string; kind: 'exact' | 'similar' | 'different'; similarity: number; text: string };
export type PairScore = { score: number; evidence: number; reasons: Reason[] };

export type ScoringModel = { rules: readonly FieldRule[]; prior: number };

/**
 * Log-odds a candidate pair starts from before any field is compared: blocking already made it likelier
 * than a random pair, but most candidates are still different people. With this prior a pair needs
 * about 15 bits of agreement (a name and a birthday, or an email and a similar name) to pass 0.9.
 */
export const PRIOR_BITS = -12;

function scalar(rule: FieldRule, r: Comparable): string | null {
  if (rule.field.startsWith('attributes.')) return r.attributes[rule.field.slice('attributes.'.length)] ?? null;
  switch (rule.field) {
    case 'birthday':
      return r.birthday;
    case 'domain':
      return r.domain;
    case 'street':
      return r.street;
    case 'city':
      return r.city;
    case 'region':
      return r.region;
    case 'postcode':
      return r.postcode;
    case 'country':
      return r.country;
    default:
      return null;
  }
}

type Compared = { similarity: number; evidence: number; detail?: string } | null;

function evidenceFor(rule: FieldRule, similarity: number): number {
  if (similarity >= 1) return rule.agree;
  if (similarity <= rule.floor) return -rule.disagree;
  return -rule.disagree + (rule.agree + rule.disagree) * ((similarity - rule.floor) / (1 - rule.floor));
}

function compareField(rule: FieldRule, a: Comparable, b: Comparable): Compared {
  if (rule.agree === 0 && rule.disagree === 0) return null;
  switch (rule.kind) {
    case 'person_name': {
      if (!a.person || !b.person) return null;
      const names = comparePersonNames(a.person, b.person);
      if (!names) return null;
      const evidence = names.parts.reduce((sum, p) => sum + p.share * evidenceFor(rule, p.similarity), 0);
      return { similarity: names.similarity, evidence, ...(names.swapped ? { detail: 'given and family names swapped' } : {}) };
    }
    case 'company_name': {
      if (!a.companyName || !b.companyName) return null;
      const similarity = companyNameSimilarity(a.companyName, b.companyName);
      return { similarity, evidence: evidenceFor(rule, similarity) };
    }
    case 'email': {
      if (a.emails.length === 0 || b.emails.length === 0) return null;
      const similarity = emailSimilarity(a.emails, b.emails);
      return { similarity, evidence: evidenceFor(rule, similarity) };
    }
    case 'phone': {
      if (a.phones.length === 0 || b.phones.length === 0) return null;
      const similarity = phoneSimilarity(a.phones, b.phones);
      return { similarity, evidence: evidenceFor(rule, similarity) };
    }
    default: {
      const x = scalar(rule, a);
      const y = scalar(rule, b);
      if (x === null || y === null) return null;
      const similarity = rule.kind === 'date' ? dateSimilarity(x, y)
        : rule.kind === 'code' || rule.kind === 'identifier' ? codeSimilarity(x, y)
        : rule.kind === 'domain' ? (x.toLowerCase() === y.toLowerCase() ? 1 : 0)
        : textSimilarity(x, y);
      return { similarity, evidence: evidenceFor(rule, similarity) };
    }
  }
}

function reasonFor(rule: FieldRule, c: NonNullable<Compared>): Reason {
  const similarity = Math.round(c.similarity * 100) / 100;
  const label = rule.label;
  if (c.similarity >= 1) return { field: rule.field, kind: 'exact', similarity: 1, text: c.detail ? `same ${label} (${c.detail})` : `same ${label}` };
  if (c.evidence > 0) {
    const detail = c.detail ? `, ${c.detail}` : '';
    return { field: rule.field, kind: 'similar', similarity, text: `similar ${label} (${similarity.toFixed(2)}${detail})` };
  }
  return { field: rule.field, kind: 'different', similarity, text: `different ${label}` };
}

/**
 * The Fellegi–Sunter match weight of a pair turned into a probability-like score in [0, 1]
 * (logistic in base 2), with one human-readable reason per field compared, strongest evidence first.
 */
export function scorePair(model: ScoringModel, a: Comparable, b: Comparable): PairScore {
  let evidence = model.prior;
  const found: { reason: Reason; weight: number }[] = [];
  for (const rule of model.rules) {
    const compared = compareField(rule, a, b);
    if (!compared) continue;
    evidence += compared.evidence;
    found.push({ reason: reasonFor(rule, compared), weight: Math.abs(compared.evidence) });
  }
  found.sort((x, y) => y.weight - x.weight);
  const score = 1 / (1 + 2 ** -evidence);
  return { score: Math.round(score * 10_000) / 10_000, evidence, reasons: found.map((f) => f.reason) };
}
