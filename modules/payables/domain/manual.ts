import type { ValidationIssue } from '../../../kernel/errors';
import { applyBasisPoints, type Pence, pence } from '../../../kernel/money';
import { isLocalDate, type LocalDate } from '../../../kernel/time';
import { PAYMENT_CURRENCY } from './from-ubl';
import type { CapturedInvoice, CapturedLine } from './invoice';
import { type PreparedDocument, sha256Hex } from './prepare';
import { readQuantity } from './quantity';

/** A paper invoice keyed in by an accounts payable clerk: amounts in pence, as printed. */
export type ManualInvoiceInput = {
  supplierId: string;
  kind?: 'invoice' | 'credit-note';
  invoiceNumber: string;
  issueDate: string;
  orderReference?: string | null;
  precedingInvoiceNumber?: string | null;
  /** The VAT total printed on the invoice; checked against the lines within a penny a line. */
  vatPence: number;
  lines: {
    description: string;
    quantity: string;
    netPence: number;
    vatRateBasisPoints: number;
    orderLineReference?: string | null;
    accountCode?: string | null;
    costCentreCode?: string | null;
  }[];
};

const blank = (value: string | null | undefined) =>
  value === null || value === undefined || value.trim() === '';

/**
 * Checks a manual capture field by field (the clerk is there to correct it, so a mistake is
 * an error on the form, not a quarantine record) and turns it into the same invoice a PEPPOL
 * document becomes, with its JSON kept as the document.
 */
export function prepareManual(
  input: ManualInvoiceInput,
): { ok: true; document: PreparedDocument } | { ok: false; issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  if (blank(input.supplierId))
    issues.push({ path: 'supplierId', rule: 'required', message: 'Choose the supplier' });
  if (blank(input.invoiceNumber))
    issues.push({ path: 'invoiceNumber', rule: 'required', message: 'Give the invoice number as printed' });
  if (!isLocalDate(input.issueDate))
    issues.push({ path: 'issueDate', rule: 'date-format', message: 'Give the invoice date as YYYY-MM-DD' });
  if (input.lines.length === 0)
    issues.push({ path: 'lines', rule: 'line-required', message: 'Give at least one line' });
  const lines: CapturedLine[] = input.lines.map((line, index) => {
    const path = `lines[${index}]`;
    const quantity = readQuantity(line.quantity);
    if (!quantity.ok || quantity.quantity <= 0n) {
      issues.push({
        path: `${path}.quantity`,
        rule: 'quantity-positive',
        message: 'Give a quantity above zero, e.g. 12 or 2.5',
      });
    }
    if (!Number.isSafeInteger(line.netPence) || line.netPence < 0) {
      issues.push({
        path: `${path}.netPence`,
        rule: 'amount-pence',
        message: 'Give the line amount before VAT in whole pence',
      });
    }
    if (
      !Number.isInteger(line.vatRateBasisPoints) ||
      line.vatRateBasisPoints < 0 ||
      line.vatRateBasisPoints > 10_000
    ) {
      issues.push({
        path: `${path}.vatRateBasisPoints`,
        rule: 'vat-rate',
        message: 'Give the VAT rate, e.g. 2000 for 20%',
      });
    }
    if (blank(line.description))
      issues.push({ path: `${path}.description`, rule: 'required', message: 'Describe the line' });
    if (blank(line.accountCode) !== blank(line.costCentreCode)) {
      issues.push({
        path: `${path}.costCentreCode`,
        rule: 'coding-complete',
        message: 'Give both the account and the cost centre, or neither',
      });
    }
    return {
      lineNo: index + 1,
      lineId: String(index + 1),
      description: line.description.trim(),
      quantity: quantity.ok ? quantity.quantity : (0n as CapturedLine['quantity']),
      unitCode: null,
      unitPrice: null,
      netPence: pence(Number.isSafeInteger(line.netPence) ? line.netPence : 0),
      vatRateBasisPoints: line.vatRateBasisPoints,
      vatCategory: line.vatRateBasisPoints === 0 ? 'Z' : 'S',
      orderLineReference: blank(line.orderLineReference) ? null : line.orderLineReference!.trim(),
      gtin: null,
      sellerItemCode: null,
      accountCode: blank(line.accountCode) ? null : line.accountCode!.trim(),
      costCentreCode: blank(line.costCentreCode) ? null : line.costCentreCode!.trim().toUpperCase(),
    };
  });
  const net = lines.reduce((sum, line) => sum + line.netPence, 0n);
  const expectedVat = lines.reduce(
    (sum, line) => sum + applyBasisPoints(line.netPence, BigInt(line.vatRateBasisPoints ?? 0), 'half-up'),
    0n,
  );
  if (!Number.isSafeInteger(input.vatPence) || input.vatPence < 0) {
    issues.push({ path: 'vatPence', rule: 'amount-pence', message: 'Give the VAT total in whole pence' });
  } else {
    const difference = BigInt(input.vatPence) - expectedVat;
    if (difference > BigInt(lines.length) || difference < -BigInt(lines.length)) {
      issues.push({
        path: 'vatPence',
        rule: 'vat-agrees',
        message: `VAT of ${input.vatPence}p does not agree with the lines (${expectedVat}p at their rates)`,
      });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  const vat = pence(input.vatPence);
  const kind = input.kind ?? 'invoice';
  const invoice: CapturedInvoice = {
    kind,
    number: input.invoiceNumber.trim(),
    issueDate: input.issueDate as LocalDate,
    statedDueDate: null,
    currency: PAYMENT_CURRENCY,
    orderReference: blank(input.orderReference) ? null : input.orderReference!.trim(),
    precedingInvoiceNumbers: blank(input.precedingInvoiceNumber)
      ? []
      : [input.precedingInvoiceNumber!.trim()],
    buyerReference: null,
    seller: {
      name: null,
      vatNumber: null,
      companiesHouseNumber: null,
      endpointScheme: null,
      endpointId: null,
      gln: null,
    },
    netPence: net as Pence,
    vatPence: vat,
    grossPence: (net + vat) as Pence,
    prepaidPence: pence(0),
    amountDuePence: (net + vat) as Pence,
    lines,
  };
  const content = new TextEncoder().encode(JSON.stringify(input));
  return {
    ok: true,
    document: {
      fileName: `manual-${invoice.number.replace(/[^A-Za-z0-9-]/g, '_')}.json`,
      channel: 'manual',
      mediaType: 'application/json',
      contentSha256: sha256Hex(content),
      content,
      findings: [],
      documentType: kind === 'invoice' ? 'Invoice' : 'CreditNote',
      invoice,
      invoiceNumber: invoice.number,
      issueDate: invoice.issueDate,
      sellerName: null,
      supplierId: input.supplierId,
    },
  };
}
