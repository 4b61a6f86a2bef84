import { formatDecimalPounds, formatPounds, type Pence } from '../../../kernel/money';
import type { LocalDate } from '../../../kernel/time';
import type { DocumentKind } from './fingerprint';

export type RemittanceAdvice = {
  organisationName: string;
  supplierName: string;
  runNumber: string;
  /** The Bacs reference the supplier sees on its bank statement. */
  paymentReference: string;
  paymentDate: LocalDate;
  /** The last four digits only: a remittance goes by email and must not repeat account numbers in full. */
  accountEnding: string;
  items: { kind: DocumentKind; number: string; issueDate: LocalDate; amountPence: Pence }[];
  totalPence: Pence;
};

const KIND_LABEL: Record<DocumentKind, string> = { invoice: 'Invoice', 'credit-note': 'Credit note' };

/** Each invoice is listed as paid; each credit note as deducted (negative). */
export function remittanceText(advice: RemittanceAdvice): string {
  const rows = advice.items.map(
    (item) =>
      `${KIND_LABEL[item.kind].padEnd(12)} ${item.number.padEnd(20)} ${item.issueDate}  ${formatPounds(item.amountPence).padStart(14)}`,
  );
  return [
    `Remittance advice from ${advice.organisationName}`,
    '',
    `To: ${advice.supplierName}`,
    `Payment of ${formatPounds(advice.totalPence)} by Bacs on ${advice.paymentDate} to the account ending ${advice.accountEnding}`,
    `Reference on your statement: ${advice.paymentReference} (payment run ${advice.runNumber})`,
    '',
    `${'Document'.padEnd(12)} ${'Number'.padEnd(20)} ${'Date'.padEnd(10)}  ${'Amount'.padStart(14)}`,
    ...rows,
    `${'Total'.padEnd(45)} ${formatPounds(advice.totalPence).padStart(14)}`,
    '',
  ].join('\n');
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export function remittanceHtml(advice: RemittanceAdvice): string {
  const rows = advice.items
    .map(
      (item) =>
        `<tr><td>${KIND_LABEL[item.kind]}</td><td>${escapeHtml(item.number)}</td><td>${item.issueDate}</td><td style="text-align:right">${formatPounds(item.amountPence)}</td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Remittance advice ${escapeHtml(advice.runNumber)}</title></head><body>
<h1>Remittance advice</h1>
<p>From ${escapeHtml(advice.organisationName)} to ${escapeHtml(advice.supplierName)}.</p>
<p>Payment of <strong>${formatPounds(advice.totalPence)}</strong> by Bacs on ${advice.paymentDate} to the account ending ${escapeHtml(advice.accountEnding)}. Reference on your statement: ${escapeHtml(advice.paymentReference)} (payment run ${escapeHtml(advice.runNumber)}).</p>
<table><caption>Documents paid</caption><thead><tr><th scope="col">Document</th><th scope="col">Number</th><th scope="col">Date</th><th scope="col">Amount</th></tr></thead>
<tbody>${rows}</tbody><tfoot><tr><th scope="row" colspan="3">Total</th><td style="text-align:right">${formatPounds(advice.totalPence)}</td></tr></tfoot></table>
</body></html>
`;
}

const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** One row per document: what a supplier's accounts receivable system imports to clear its ledger. */
export function remittanceCsv(advice: RemittanceAdvice): string {
  const header = 'payment_reference,payment_date,supplier,document,number,issue_date,amount';
  const rows = advice.items.map((item) =>
    [
      advice.paymentReference,
      advice.paymentDate,
      advice.supplierName,
      KIND_LABEL[item.kind],
      item.number,
      item.issueDate,
      formatDecimalPounds(item.amountPence),
    ]
      .map(csvField)
      .join(','),
  );
  return `${[header, ...rows].join('\r\n')}\r\n`;
}
