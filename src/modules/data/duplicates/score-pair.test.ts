import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLD, scoringModel, type CustomComparison } from './dedupe-settings.ts';
import { scorePair, type Comparable } from './score-pair.ts';
import { companyNameKey, personName } from './similarity.ts';

const IDENTIFIERS: CustomComparison[] = [{ key: 'id_card', label: 'ID card', identifier: true, type: 'text' }];
const contacts = scoringModel({ object: 'contacts', threshold: DEFAULT_THRESHOLD, weights: {} }, IDENTIFIERS);

function contact(id: string, p: Partial<Omit<Comparable, 'person'>> & { first?: string | null; last?: string | null; display?: string | null }): Comparable {
  return {
    id, person: personName(p.first ?? null, p.last ?? null, p.display ?? null), companyName: '', emails: p.emails ?? [], phones: p.phones ?? [],
    birthday: p.birthday ?? null, domain: null, street: p.street ?? null, city: p.city ?? null, region: p.region ?? null,
    postcode: p.postcode ?? null, country: p.country ?? null, attributes: p.attributes ?? {},
  };
}

describe('scorePair (contacts, default weights)', () => {
  it('proposes the same email with the same name, saying so first', () => {
    const result = scorePair(contacts, contact('1', { first: 'Ann', last: 'Lee', emails: ['ann@example.com'] }), contact('2', { first: 'Ann', last: 'Lee', emails: ['ann@example.com'], phones: ['+14155550100'] }));
    expect(result.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(result.reasons[0]).toEqual({ field: 'email', kind: 'exact', similarity: 1, text: 'same email' });
    expect(result.reasons.map((r) => r.field)).toEqual(['email', 'name']);
  });

  it('proposes a typo in the name with the same birthday and postcode', () => {
    const result = scorePair(contacts,
      contact('1', { first: 'Katherine', last: 'Johnson', birthday: '1980-04-12', postcode: '2040', city: 'Sydney' }),
      contact('2', { first: 'Katherine', last: 'Jonhson', birthday: '1980-04-12', postcode: '2040', city: 'Sydney' }));
    expect(result.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(result.reasons.find((r) => r.field === 'name')).toMatchObject({ kind: 'similar' });
    expect(result.reasons.find((r) => r.field === 'name')?.text).toMatch(/^similar name \(0\.\d\d\)$/);
  });

  it('proposes a traditional/simplified variant of a Chinese name with the same birthday and city', () => {
    const result = scorePair(contacts,
      contact('1', { display: '张伟', birthday: '1990-03-08', city: '上海', region: '上海' }),
      contact('2', { display: '張偉', birthday: '1990-03-08', city: '上海', region: '上海' }));
    expect(result.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('does not propose two people who only share a common name and a city', () => {
    const result = scorePair(contacts,
      contact('1', { display: '张伟', birthday: '1990-03-08', city: '上海', phones: ['+8613800000001'] }),
      contact('2', { display: '张伟', birthday: '1975-11-30', city: '上海', phones: ['+8613900000002'] }));
    expect(result.score).toBeLessThan(0.5);
    expect(result.reasons.map((r) => `${r.field}:${r.kind}`)).toEqual(expect.arrayContaining(['birthday:different', 'phone:different', 'name:exact']));
  });

  it('does not propose clearly different people', () => {
    const result = scorePair(contacts,
      contact('1', { first: 'John', last: 'Smith', emails: ['john@a.com'], birthday: '1970-01-01' }),
      contact('2', { first: 'Maria', last: 'Garcia', emails: ['maria@b.com'], birthday: '1985-06-30' }));
    expect(result.score).toBeLessThan(0.01);
  });

  it('counts an identifier custom field, for and against', () => {
    const base = { first: 'Li', last: 'Na', city: 'Beijing' };
    const same = scorePair(contacts, contact('1', { ...base, attributes: { id_card: '110101199003078888' } }), contact('2', { ...base, attributes: { id_card: '110101199003078888' } }));
    const other = scorePair(contacts, contact('1', { ...base, attributes: { id_card: '110101199003078888' } }), contact('2', { ...base, attributes: { id_card: '440101198507301234' } }));
    expect(same.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(same.reasons[0]).toMatchObject({ field: 'attributes.id_card', kind: 'exact', text: 'same ID card' });
    expect(other.score).toBeLessThan(same.score);
    expect(other.reasons.find((r) => r.field === 'attributes.id_card')?.kind).toBe('different');
  });

  it('leaves missing values out: no evidence either way', () => {
    const a = contact('1', { first: 'Ann', last: 'Lee' });
    const b = contact('2', { first: 'Ann', last: 'Lee', emails: ['x@y.com'], birthday: '1990-01-01' });
    expect(scorePair(contacts, a, b).reasons.map((r) => r.field)).toEqual(['name']);
  });

  it('follows the workspace weights: 0 leaves a field out, a named text custom field takes part', () => {
    const custom: CustomComparison[] = [{ key: 'street_number', label: 'Street number', identifier: false, type: 'text' }];
    const model = scoringModel({ object: 'contacts', threshold: 0.9, weights: { email: 0, 'attributes.street_number': 3 } }, custom);
    const result = scorePair(model,
      contact('1', { first: 'Ann', last: 'Lee', emails: ['a@b.com'], attributes: { street_number: '12' } }),
      contact('2', { first: 'Ann', last: 'Lee', emails: ['a@b.com'], attributes: { street_number: '12' } }));
    expect(result.reasons.map((r) => r.field).sort()).toEqual(['attributes.street_number', 'name']);
    expect(scoringModel({ object: 'contacts', threshold: 0.9, weights: {} }, custom).rules.some((r) => r.field === 'attributes.street_number')).toBe(false);
  });
});

describe('scorePair (companies)', () => {
  const companies = scoringModel({ object: 'companies', threshold: DEFAULT_THRESHOLD, weights: {} }, []);
  const company = (id: string, name: string, domain: string | null, city: string | null): Comparable => ({
    id, person: null, companyName: companyNameKey(name), emails: [], phones: [], birthday: null, domain, street: null, city, region: null,
    postcode: null, country: null, attributes: {},
  });

  it('proposes the same domain and name despite the legal form', () => {
    expect(scorePair(companies, company('1', 'Acme Trading Co., Ltd.', 'acme.com', 'Berlin'), company('2', 'ACME Trading GmbH', 'acme.com', 'Berlin')).score)
      .toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('does not propose namesakes in other places with other domains', () => {
    expect(scorePair(companies, company('1', 'Acme Ltd', 'acme.com', 'Berlin'), company('2', 'Acme Inc', 'acme.io', 'Boston')).score).toBeLessThan(0.5);
  });
});
