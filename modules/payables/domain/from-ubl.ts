import type { Pence } from '../../../kernel/money';
import { isLocalDate, type LocalDate } from '../../../kernel/time';
import type { Amount, En16931Invoice, Finding, Identifier } from '../../../standards/peppol-ubl';
import type { CapturedInvoice, CapturedLine, SellerIdentifiers } from './invoice';
import { readQuantity } from './quantity';
import { payablesFinding } from './quarantine-rules';

/** The currency Mainstay pays in: Bacs moves pounds sterling only. */
export const PAYMENT_CURRENCY = 'GBP';

const PENCE = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;
const GLN_SCHEME = '0088';

function penceOf(amount: Amount | undefined): Pence | null {
  if (amount === undefined) return null;
  const match = PENCE.exec(amount.value.trim());
  if (!match) return null;
  const magnitude = BigInt(match[2]!) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return (match[1] ? -magnitude : magnitude) as Pence;
}

/** "20" → 2000, "12.5" → 1250; null when absent or finer than a basis point. */
function basisPoints(rate: string | undefined): number | null {
  if (rate === undefined) return null;
  const match = /^(\d+)(?:\.(\d{1,2})0*)?$/.exec(rate.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

const text = (value: string | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

function sellerOf(invoice: En16931Invoice): SellerIdentifiers {
  const { seller } = invoice;
  const endpoint = seller.electronicAddress;
  const glnFrom = (identifier: Identifier | undefined) =>
    identifier?.schemeId === GLN_SCHEME ? text(identifier.id) : null;
  const companyNumber = text(seller.legalRegistrationId?.id);
  return {
    name: text(seller.name),
    vatNumber: text(seller.vatId),
    companiesHouseNumber: companyNumber && /^[A-Z0-9]{8}$/i.test(companyNumber) ? companyNumber : null,
    endpointScheme: text(endpoint?.schemeId),
    endpointId: text(endpoint?.id),
    gln: glnFrom(endpoint) ?? seller.identifiers.map(glnFrom).find((gln) => gln !== null) ?? null,
  };
}

export type UblConversion = { ok: true; invoice: CapturedInvoice } | { ok: false; findings: Finding[] };

/**
 * Turns a valid EN 16931 document into exact pence and quantities. The validator has
 * already enforced two decimals on amounts and the totals' arithmetic; what is refused here
 * is what Mainstay cannot pay: another currency, or a figure it cannot hold exactly.
 */
export function capturedFromUbl(document: En16931Invoice): UblConversion {
  const findings: Finding[] = [];
  const currency = text(document.currency) ?? '';
  if (currency !== PAYMENT_CURRENCY) {
    findings.push(
      payablesFinding(
        'MAINSTAY-PAYABLES-CURRENCY',
        `The invoice is in ${currency || 'no currency'}; payments are made in ${PAYMENT_CURRENCY} only.`,
        '/*/cbc:DocumentCurrencyCode',
      ),
    );
  }
  const amount = (value: Amount | undefined, term: string, location: string): Pence => {
    const pence = penceOf(value);
    if (pence === null) {
      findings.push(
        payablesFinding(
          'MAINSTAY-PAYABLES-AMOUNT',
          `${term} "${value?.value ?? ''}" is not an amount in whole pence.`,
          location,
        ),
      );
      return 0n as Pence;
    }
    return pence;
  };
  const totals = document.totals;
  const lines: CapturedLine[] = document.lines.map((line, index) => {
    const where = `/*/cac:${document.documentType === 'Invoice' ? 'InvoiceLine' : 'CreditNoteLine'}[${index + 1}]`;
    const quantity = readQuantity(line.quantity?.value ?? '');
    if (!quantity.ok) {
      findings.push(
        payablesFinding('MAINSTAY-PAYABLES-QUANTITY', `Line ${index + 1}: ${quantity.reason}.`, where),
      );
    }
    return {
      lineNo: index + 1,
      lineId: text(line.id) ?? String(index + 1),
      description: text(line.item.name) ?? text(line.item.description) ?? '',
      quantity: quantity.ok ? quantity.quantity : (0n as CapturedLine['quantity']),
      unitCode: text(line.quantity?.unitCode),
      unitPrice: text(line.price.netPrice?.value),
      netPence: amount(line.netAmount, 'Line net amount (BT-131)', `${where}/cbc:LineExtensionAmount`),
      vatRateBasisPoints: basisPoints(line.vat.rate),
      vatCategory: text(line.vat.categoryCode),
      orderLineReference: text(line.orderLineReference),
      gtin: line.item.standardId?.schemeId === '0160' ? text(line.item.standardId.id) : null,
      sellerItemCode: text(line.item.sellerId),
      accountCode: null,
      costCentreCode: null,
    };
  });
  const issueDate = text(document.issueDate) ?? '';
  const dueDate = text(document.dueDate);
  const invoice: CapturedInvoice = {
    kind: document.documentType === 'CreditNote' ? 'credit-note' : 'invoice',
    number: text(document.number) ?? '',
    issueDate: issueDate as LocalDate,
    statedDueDate: dueDate !== null && isLocalDate(dueDate) ? dueDate : null,
    currency,
    orderReference: text(document.orderReference),
    precedingInvoiceNumbers: document.precedingInvoices.flatMap((preceding) => text(preceding.number) ?? []),
    buyerReference: text(document.buyerReference),
    seller: sellerOf(document),
    netPence: amount(
      totals.totalWithoutVat,
      'Invoice total without VAT (BT-109)',
      '/*/cac:LegalMonetaryTotal',
    ),
    vatPence: totals.totalVat
      ? amount(totals.totalVat, 'Total VAT (BT-110)', '/*/cac:TaxTotal')
      : (0n as Pence),
    grossPence: amount(totals.totalWithVat, 'Invoice total with VAT (BT-112)', '/*/cac:LegalMonetaryTotal'),
    prepaidPence: totals.paidAmount
      ? amount(totals.paidAmount, 'Paid amount (BT-113)', '/*/cac:LegalMonetaryTotal')
      : (0n as Pence),
    amountDuePence: amount(totals.amountDue, 'Amount due (BT-115)', '/*/cac:LegalMonetaryTotal'),
    lines,
  };
  if (!isLocalDate(issueDate)) {
    findings.push(
      payablesFinding(
        'MAINSTAY-PAYABLES-DATE',
        `Issue date "${issueDate}" is not a date.`,
        '/*/cbc:IssueDate',
      ),
    );
  }
  return findings.length > 0 ? { ok: false, findings } : { ok: true, invoice };
}
