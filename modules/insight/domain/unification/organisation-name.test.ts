import { describe, expect, it } from 'vitest';
import { organisationNameSimilarity, withinOneEdit } from './name-similarity';
import { normaliseOrganisationName } from './organisation-name';

describe('normaliseOrganisationName', () => {
  it.each([
    { name: 'CERNER LTD', key: 'cerner' },
    { name: 'Cerner Limited', key: 'cerner' },
    { name: 'Doctors Laboratory Ltd (The)', key: 'doctors laboratory' },
    { name: 'NHS BLOOD & TRANSPLANT', key: 'nhs blood transplant' },
    { name: '247 TIME LTD     1-9400-92406', key: '247 time' },
    { name: 'At Medics Ltd - Headley Drive Surgery', key: 'at medics' },
    { name: 'Nhs Resolution C/O Nhs Litigation Authority', key: 'nhs resolution' },
    { name: 'G4S FACILITIES MANAGEMENT (UK) LTD', key: 'g4s facilities management' },
    { name: "Guy'S & St Thomas' Nhs Foundation Trust", key: 'guys saint thomas nhs trust' },
    { name: 'Mölnlycke Health Care AB', key: 'molnlycke healthcare' },
    { name: 'B. Braun Medical Ltd', key: 'b braun medical' },
    { name: 'The Company Ltd', key: 'the company ltd' },
  ])('reads "$name" as "$key"', ({ name, key }) => {
    expect(normaliseOrganisationName(name).key).toBe(key);
  });

  it('keeps the trading name apart from the legal name', () => {
    expect(normaliseOrganisationName('Dialachemist Ltd T/A Springmed Solutions')).toEqual({
      key: 'dialachemist',
      tokens: ['dialachemist'],
      tradingAs: 'springmed solution',
    });
  });
});

describe('organisationNameSimilarity', () => {
  const similarity = (a: string, b: string) =>
    organisationNameSimilarity(normaliseOrganisationName(a).tokens, normaliseOrganisationName(b).tokens);

  it.each([
    { a: 'Nhs Business Servic.Authority', b: 'NHS Business Services Authority', above: 0.95, acronym: false },
    { a: 'NHS SBS', b: 'NHS Shared Business Services', above: 0.8, acronym: true },
    { a: 'S&N', b: 'Smith & Nephew', above: 0.75, acronym: true },
    { a: 'BD', b: 'Becton Dickinson UK Ltd', above: 0.75, acronym: true },
  ])('finds "$a" close to "$b"', ({ a, b, above, acronym }) => {
    expect(similarity(a, b).score).toBeGreaterThan(above);
    expect(similarity(a, b).usesAcronym).toBe(acronym);
  });

  it.each([
    { a: 'NHS England', b: 'NHS Resolution' },
    { a: 'Lewisham Hospital NHS Trust', b: 'Kingston Hospital NHS Foundation Trust' },
    { a: 'Medi UK Ltd', b: 'Medihome Ltd' },
  ])('finds "$a" far from "$b"', ({ a, b }) => {
    expect(similarity(a, b).score).toBeLessThan(0.6);
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['syringe', 'syrnge', true],
    ['syringe', 'syirnge', true],
    ['syringe', 'syringes', true],
    ['syringe', 'srynige', false],
    ['needle', 'noodle', false],
  ] as const)('%s / %s → %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
  });
});
