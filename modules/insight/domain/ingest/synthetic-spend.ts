import { mulberry32 } from '../../../../kernel/random';

const EXPENSE_TYPES = [
  'Drugs',
  'Building Expenditure',
  'Agency Nurse - Band 5',
  'Computer Maintenance',
  'Clinical Supplies',
];
const EXPENSE_AREAS = [
  'Pharmacy',
  'Estates',
  'Central Nursing Agency',
  'ICT System Support',
  'Main Theatres',
];
const SUPPLIERS = [
  'Boots UK Ltd',
  'Cerner Limited',
  'ISS Mediclean Limited',
  'Bywest Ltd',
  'NHS Supply Chain',
];

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * A spend-over-£25,000 CSV in the HM Treasury layout with the quirks of real
 * trust files: CRLF, quoted amounts with thousands separators, a trailing
 * space, credits, one month of day-first dates. Also returns the exact total.
 */
export function syntheticSpendCsv(rows: number, seed = 1): { bytes: Uint8Array; totalPence: bigint } {
  const next = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const lines = [
    'Department Family,Entity,Date,Expense Type,Expense Area,Supplier,Transaction Number,Amount',
  ];
  let totalPence = 0n;
  for (let index = 0; index < rows; index += 1) {
    const pence = BigInt(2_500_000 + Math.floor(next() * 50_000_000));
    const credit = next() < 0.05;
    totalPence += credit ? -pence : pence;
    const pounds = `${groupThousands((pence / 100n).toString())}.${(pence % 100n).toString().padStart(2, '0')}`;
    const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
    lines.push(
      [
        'Department of Health',
        'Example NHS Foundation Trust',
        `${day}/04/2020`,
        pick(EXPENSE_TYPES),
        pick(EXPENSE_AREAS),
        pick(SUPPLIERS),
        String(1_400_000 + index),
        `"${credit ? '-' : ''}${pounds} "`,
      ].join(','),
    );
  }
  return { bytes: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'), totalPence };
}
