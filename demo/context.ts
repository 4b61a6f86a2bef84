import type { Platform } from '../apps/platform/platform';
import type { TenantContext } from '../kernel/tenancy';
import type { LocalDate } from '../kernel/time';
import type { Random } from './random';

/** What every part of the demo generator shares. */
export type DemoContext = {
  platform: Platform;
  random: Random;
  /** Multiplies volumes (transactions per month, staff, items) for benchmarks. */
  scale: number;
  /** The demo's "today": history runs for the twelve months up to it. */
  asOf: LocalDate;
  /** The user id of each demo person by email. */
  people: Map<string, string>;
  /** Writes progress for a person watching the first start. */
  progress(message: string): void;
};

export function asPerson(demo: DemoContext, organisationId: string, email: string): TenantContext {
  const id = demo.people.get(email);
  if (!id) throw new Error(`demo person ${email} is not seeded`);
  return { organisationId, actor: { kind: 'user', id } };
}

export function asGenerator(organisationId: string): TenantContext {
  return { organisationId, actor: { kind: 'system', id: 'demo-generator', displayName: 'Demo generator' } };
}
