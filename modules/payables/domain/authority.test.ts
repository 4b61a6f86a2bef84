import { describe, expect, it } from 'vitest';
import { authorityOf, requiredLevel, withinAuthority } from './authority';

/** The shape of the national standard 2026.1's approval thresholds. */
const thresholds = [
  { role: 'budget-holder', upToPence: 1_000_000 },
  { role: 'finance-controller', upToPence: 5_000_000 },
  { role: 'executive-director', upToPence: 25_000_000 },
  { role: 'chief-executive', upToPence: null },
];

describe('delegated authority from approval thresholds', () => {
  it.each([
    [['budget-holder'], 1_000_000n],
    [['budget-holder', 'finance-controller'], 5_000_000n],
    [['chief-executive'], null],
    [['ap-clerk'], 0n],
  ])('%j may approve up to %s pence', (roles, limit) => {
    expect(authorityOf(roles, thresholds)).toBe(limit);
  });

  it.each([
    [999_999n, 'budget-holder'],
    [1_000_000n, 'budget-holder'],
    [1_000_001n, 'finance-controller'],
    [30_000_000n, 'chief-executive'],
  ])('%s pence needs a %s', (amount, role) => {
    expect(requiredLevel(amount, thresholds)?.role).toBe(role);
  });

  it('refuses an amount above the person’s limit', () => {
    expect(withinAuthority(1_000_001n, ['budget-holder'], thresholds)).toBe(false);
    expect(withinAuthority(1_000_000n, ['budget-holder'], thresholds)).toBe(true);
  });
});
