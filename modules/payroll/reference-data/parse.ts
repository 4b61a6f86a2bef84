import { invalid, type ValidationIssue } from '../../../kernel/errors';
import { type Confidence, confidenceSchema, type TaxYearFile, taxYearFileSchema } from './schema';
import type { FigureProvenance, TaxYearReference } from './tax-year-reference';

const isSourcedFigure = (node: unknown): node is { value: unknown; conf: Confidence; source: string[] } =>
  typeof node === 'object' &&
  node !== null &&
  'value' in node &&
  'source' in node &&
  'conf' in node &&
  confidenceSchema.safeParse(node.conf).success;

/** Replaces each {value, conf, source} wrapper by its value, recording where each figure came from. */
function unwrapFigures(node: unknown, path: string, figures: FigureProvenance[]): unknown {
  if (isSourcedFigure(node)) {
    const note = 'note' in node && typeof node.note === 'string' ? node.note : undefined;
    figures.push({ path, conf: node.conf, source: node.source, ...(note ? { note } : {}) });
    return node.value;
  }
  if (Array.isArray(node))
    return node.map((item, index) => unwrapFigures(item, `${path}[${index}]`, figures));
  if (typeof node === 'object' && node !== null) {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        unwrapFigures(value, path ? `${path}.${key}` : key, figures),
      ]),
    );
  }
  return node;
}

function collectSourceIds(node: unknown, found: { path: string; id: string }[], path: string): void {
  if (isSourcedFigure(node)) {
    for (const id of node.source) found.push({ path, id });
    collectSourceIds(node.value, found, path);
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, index) => {
      collectSourceIds(item, found, `${path}[${index}]`);
    });
    return;
  }
  if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node))
      collectSourceIds(value, found, path ? `${path}.${key}` : key);
  }
}

const ascending = (values: readonly number[]): boolean =>
  values.every((value, i) => i === 0 || value > values[i - 1]!);

/** Rules a well-formed file can still break: the engine relies on each of them. */
function consistencyIssues(file: TaxYearFile, reference: TaxYearReference): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const issue = (path: string, rule: string, message: string) => issues.push({ path, rule, message });

  const startYear = Number(file.taxYear.slice(0, 4));
  if (file.taxYear.slice(5) !== String((startYear + 1) % 100).padStart(2, '0'))
    issue('taxYear', 'tax-year-format', `${file.taxYear} is not of the form YYYY-YY for consecutive years`);
  if (file.start !== `${startYear}-04-06`)
    issue('start', 'tax-year-start', `a tax year starts on 6 April (${startYear}-04-06), not ${file.start}`);
  if (file.end !== `${startYear + 1}-04-05`)
    issue('end', 'tax-year-end', `a tax year ends on 5 April (${startYear + 1}-04-05), not ${file.end}`);

  const sourceIds: { path: string; id: string }[] = [];
  collectSourceIds(file, sourceIds, '');
  for (const { path, id } of sourceIds) {
    if (!(id in file.sources))
      issue(path, 'source-registered', `source ${id} is not in the sources register`);
  }

  for (const [name, regime] of Object.entries(reference.incomeTax.regimes)) {
    const path = `incomeTax.regimes.${name}`;
    if (regime.bandwidths.length !== regime.ratesBps.length - 1)
      issue(
        path,
        'bands-match-rates',
        'there must be exactly one bandwidth fewer than rates (the top rate is open)',
      );
    if (regime.basicRatePointer > regime.ratesBps.length)
      issue(path, 'basic-rate-pointer', 'the basic rate pointer is beyond the last rate');
  }

  const thresholds = reference.nationalInsurance.thresholds;
  for (const frequency of ['weekly', 'fortnightly', 'fourWeekly', 'monthly', 'annual'] as const) {
    if (
      !(
        thresholds.LEL[frequency] <= thresholds.PT[frequency] &&
        thresholds.PT[frequency] <= thresholds.UEL[frequency]
      )
    )
      issue(
        `nationalInsurance.thresholds`,
        'thresholds-ordered',
        `LEL ≤ PT ≤ UEL must hold for ${frequency} figures`,
      );
  }

  const tiers = reference.nhsPension.memberTiers;
  const bounded = tiers.slice(0, -1).map((tier) => tier.upToAnnual);
  if (tiers.at(-1)?.upToAnnual !== null || bounded.some((bound) => bound === null))
    issue('nhsPension.memberTiers', 'open-top-tier', 'only the last tier is open-ended (upToAnnual null)');
  else if (!ascending(bounded.filter((bound): bound is number => bound !== null)))
    issue('nhsPension.memberTiers', 'tiers-ascending', 'tier upper bounds must rise');

  const bands = Object.keys(reference.agendaForChange.payPoints);
  for (const [band, points] of Object.entries(reference.agendaForChange.payPoints)) {
    const path = `agendaForChange.payPoints.${band}`;
    if (!ascending(points.map((point) => point.annual)))
      issue(path, 'points-ascending', 'pay points must rise');
    if (
      points.slice(0, -1).some((point) => point.yearsToNext === null) ||
      points.at(-1)?.yearsToNext !== null
    )
      issue(path, 'pay-steps', 'every point but the top one needs the years to the next point');
  }
  const unsocialBands = reference.agendaForChange.unsocialHours.flatMap((row) => row.bands);
  for (const band of bands) {
    const count = unsocialBands.filter((candidate) => candidate === band).length;
    if (count !== 1)
      issue(
        'agendaForChange.unsocialHours',
        'band-covered-once',
        `band ${band} appears ${count} times (expected once)`,
      );
  }
  for (const band of reference.agendaForChange.overtime.eligibleBands) {
    if (!bands.includes(band))
      issue('agendaForChange.overtime', 'band-known', `band ${band} has no pay points`);
  }
  for (const [zone, hcas] of Object.entries(reference.agendaForChange.hcas)) {
    if (hcas.minimumAnnual > hcas.maximumAnnual)
      issue(`agendaForChange.hcas.${zone}`, 'minimum-below-maximum', 'the minimum exceeds the maximum');
  }
  return issues;
}

/**
 * Validates one year file and returns the engine's view of it. Everything the
 * engine uses comes from here, so a new tax year is a new data file only.
 */
export function parseTaxYearReference(raw: unknown): TaxYearReference {
  const parsed = taxYearFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw invalid(
      'payroll-reference-invalid',
      'The payroll reference data file does not match its schema',
      parsed.error.issues.map((problem) => ({
        path: problem.path.join('.'),
        rule: problem.code,
        message: problem.message,
      })),
    );
  }
  const { schema: _schema, units: _units, ...body } = parsed.data;
  const figures: FigureProvenance[] = [];
  // unwrapFigures mirrors the Unwrapped<> type exactly: it removes each wrapper and nothing else.
  const unwrapped = unwrapFigures(body, '', figures) as Omit<TaxYearReference, 'figures' | 'unconfirmed'>;
  const reference: TaxYearReference = {
    ...unwrapped,
    figures,
    unconfirmed: figures.filter((figure) => figure.conf === 'U'),
  };
  const issues = consistencyIssues(parsed.data, reference);
  if (issues.length > 0) {
    throw invalid(
      'payroll-reference-inconsistent',
      `The payroll reference data for ${parsed.data.taxYear} is inconsistent`,
      issues,
    );
  }
  return reference;
}
