import { formatDecimalPounds } from '../../kernel/money';
import type { PurchaseOrder } from '../../modules/procurement';
import {
  type En16931Invoice,
  type InvoiceLine,
  sampleInvoice,
  withCalculatedTotals,
  writeInvoiceXml,
} from '../../standards/peppol-ubl';

/** How a supplier names itself on its invoices. */
export type InvoiceSeller = { name: string; vatNumber: string | null; companiesHouseNumber: string | null };

export type InvoiceLineSpec = {
  orderLineNo: number | null;
  description: string;
  quantity: string;
  unitCode: string;
  unitPricePence: bigint;
  vatRateBasisPoints: number;
  gtin: string | null;
  sellerItemCode: string | null;
};

const rate = (basisPoints: number) => `${basisPoints / 100}`;

/**
 * A supplier's PEPPOL BIS Billing 3.0 invoice or credit note (UBL), with totals calculated
 * exactly: what the demo's suppliers send and what the benchmark ingests.
 */
export function supplierDocument(input: {
  seller: InvoiceSeller;
  buyerName: string;
  number: string;
  issueDate: string;
  orderReference: string | null;
  lines: readonly InvoiceLineSpec[];
  kind?: 'Invoice' | 'CreditNote';
  precedingInvoice?: string;
}): Uint8Array {
  const sample = sampleInvoice({ lines: 1, number: input.number, issueDate: input.issueDate });
  const template = sample.lines[0]!;
  const lines: InvoiceLine[] = input.lines.map((line, index) => ({
    ...template,
    id: String(index + 1),
    netAmount: undefined,
    orderLineReference: line.orderLineNo === null ? undefined : String(line.orderLineNo),
    quantity: { value: line.quantity, unitCode: line.unitCode },
    price: {
      ...template.price,
      netPrice: { value: formatDecimalPounds(line.unitPricePence), currency: 'GBP' },
    },
    vat: { categoryCode: line.vatRateBasisPoints === 0 ? 'Z' : 'S', rate: rate(line.vatRateBasisPoints) },
    item: {
      ...template.item,
      name: line.description,
      sellerId: line.sellerItemCode ?? undefined,
      standardId: line.gtin ? { id: line.gtin, schemeId: '0160' } : undefined,
    },
  }));
  const credit = input.kind === 'CreditNote';
  const invoice: En16931Invoice = withCalculatedTotals({
    ...sample,
    documentType: credit ? 'CreditNote' : 'Invoice',
    typeCode: credit ? '381' : '380',
    dueDate: credit ? undefined : sample.dueDate,
    orderReference: input.orderReference ?? undefined,
    precedingInvoices: input.precedingInvoice
      ? [{ number: input.precedingInvoice, issueDate: undefined }]
      : [],
    seller: {
      ...sample.seller,
      name: input.seller.name,
      tradingName: undefined,
      vatId: input.seller.vatNumber ?? undefined,
      legalRegistrationId: input.seller.companiesHouseNumber
        ? { id: input.seller.companiesHouseNumber, schemeId: undefined }
        : undefined,
    },
    buyer: { ...sample.buyer, name: input.buyerName },
    paymentInstructions: sample.paymentInstructions.map((instruction) => ({
      ...instruction,
      remittanceInformation: input.number,
    })),
    lines,
  });
  return new TextEncoder().encode(writeInvoiceXml(invoice));
}

/** The lines of a purchase order as its supplier invoices them (as ordered, unless told otherwise). */
export function orderLines(
  order: PurchaseOrder,
  change: {
    quantity?: (lineNo: number, ordered: string) => string;
    pricePence?: (lineNo: number, price: bigint) => bigint;
  } = {},
): InvoiceLineSpec[] {
  return order.lines.map((line) => ({
    orderLineNo: line.lineNo,
    description: line.description,
    quantity: change.quantity ? change.quantity(line.lineNo, line.orderedQuantity) : line.orderedQuantity,
    unitCode: line.unitCode,
    unitPricePence: change.pricePence
      ? change.pricePence(line.lineNo, line.unitPricePence)
      : line.unitPricePence,
    vatRateBasisPoints: line.vatRateBasisPoints,
    gtin: line.gtin,
    sellerItemCode: line.supplierItemCode,
  }));
}
