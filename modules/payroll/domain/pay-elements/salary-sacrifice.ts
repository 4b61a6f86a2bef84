import type { TaxYearReference } from '../../reference-data';
import { pounds } from './agenda-for-change';
import { type PayElementLine, payElementLine, requireWhole } from './pay-element';

export type SalarySacrificeInput = {
  /** The scheme, e.g. "cycle to work" or "ultra-low emission car". */
  readonly scheme: string;
  /** Pay given up this period (pence, positive). */
  readonly amount: number;
};

/**
 * A salary sacrifice is a negative pay line: it reduces taxable, NI-able and
 * pensionable pay as the year's treatment table says (NHSBSA KA-04372).
 */
export function salarySacrifice(input: SalarySacrificeInput, reference: TaxYearReference): PayElementLine {
  requireWhole(input.amount, 'amount', 1, 100_000_000);
  const treatment = reference.payElementTreatment['salary-sacrifice'];
  const reduces = [
    treatment.taxable ? 'taxable' : null,
    treatment.niable ? 'NI-able' : null,
    treatment.pensionable ? 'pensionable' : null,
  ].filter((word): word is string => word !== null);
  return payElementLine('salary-sacrifice', -BigInt(input.amount), reference, () => ({
    rule: 'salary-sacrifice.reduces-pay',
    text: `Salary sacrifice (${input.scheme}): ${pounds(input.amount)} given up, reducing ${reduces.join(', ') || 'no'} pay.`,
  }));
}
