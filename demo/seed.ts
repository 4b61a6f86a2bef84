import type { Platform } from '../apps/platform/platform';
import { type LocalDate, localDate } from '../kernel/time';
import type { DemoContext } from './context';
import { seedFramework } from './parts/framework';
import { seedInsight } from './parts/insight';
import { seedLedger } from './parts/ledger';
import { seedOrganisations } from './parts/organisations';
import { seedPayables } from './parts/payables';
import { seedPayroll, seedPayrollNovember } from './parts/payroll';
import { seedProcurement } from './parts/procurement';
import { seededRandom } from './random';
import { PEOPLE, PROVIDER } from './world';

export type DemoOptions = {
  seed?: string;
  scale?: number;
  asOf?: LocalDate;
  progress?: (message: string) => void;
};

export type DemoSummary = {
  alreadyLoaded: boolean;
  organisations: number;
  people: number;
  journals: number;
  seconds: number;
};

/** The demo's fixed "today", so the same seed gives the same world on any day. */
export const DEMO_AS_OF = localDate('2026-11-23');

/**
 * Generates the demo integrated care system into an empty database. The same
 * seed and scale always produce the same world. Does nothing if the demo is
 * already loaded.
 */
export async function seedDemo(platform: Platform, options: DemoOptions = {}): Promise<DemoSummary> {
  const started = performance.now();
  if (await platform.organisations.findOrganisation(PROVIDER.id)) {
    return { alreadyLoaded: true, organisations: 0, people: 0, journals: 0, seconds: 0 };
  }
  const demo: DemoContext = {
    platform,
    random: seededRandom(options.seed ?? 'mainstay'),
    scale: options.scale ?? 1,
    asOf: options.asOf ?? DEMO_AS_OF,
    people: new Map(),
    progress: options.progress ?? (() => undefined),
  };
  demo.progress('Loading the demo integrated care system…');
  await seedOrganisations(demo);
  demo.progress('  organisations and people');
  const payroll = await seedPayroll(demo);
  const { journals } = await seedLedger(demo);
  await seedProcurement(demo);
  await seedPayables(demo);
  await seedFramework(demo);
  demo.progress('  the standard, local variations and a gap analysis');
  await seedPayrollNovember(demo, payroll);
  await seedInsight(demo);
  return {
    alreadyLoaded: false,
    organisations: 8,
    people: PEOPLE.length,
    journals,
    seconds: (performance.now() - started) / 1000,
  };
}
