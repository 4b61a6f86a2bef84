import {
  type En16931Invoice,
  type InvoiceLine,
  sampleInvoice,
  withCalculatedTotals,
  writeInvoiceXml,
} from '../../../standards/peppol-ubl';
import type { PurchaseOrderForMatching } from '../ports';

export const SAMPLE_SUPPLIER = {
  name: 'Medisupply UK Ltd',
  vatNumber: 'GB123456789',
  companiesHouseNumber: '01234567',
};

/** A valid PEPPOL invoice (GBP) with the given number, order and lines; totals calculated. */
export function ublInvoice(options: {
  number: string;
  orderReference?: string | null;
  issueDate?: string;
  lines?: number;
  seed?: number;
  /** Changes each line after it is generated: quantity, price… */
  line?: (line: InvoiceLine, index: number) => InvoiceLine;
  kind?: 'Invoice' | 'CreditNote';
  precedingInvoice?: string;
}): { document: En16931Invoice; xml: string; bytes: Uint8Array } {
  const sample = sampleInvoice({
    lines: options.lines ?? 2,
    seed: options.seed ?? 3,
    number: options.number,
    issueDate: options.issueDate,
  });
  const lines = sample.lines.map((line, index) => {
    const changed = options.line ? options.line(line, index) : line;
    return changed === line ? line : { ...changed, netAmount: undefined };
  });
  const document = withCalculatedTotals({
    ...sample,
    documentType: options.kind ?? 'Invoice',
    typeCode: options.kind === 'CreditNote' ? '381' : '380',
    dueDate: options.kind === 'CreditNote' ? undefined : sample.dueDate,
    orderReference:
      options.orderReference === null ? undefined : (options.orderReference ?? sample.orderReference),
    precedingInvoices: options.precedingInvoice
      ? [{ number: options.precedingInvoice, issueDate: undefined }]
      : [],
    lines,
  });
  const xml = writeInvoiceXml(document);
  return { document, xml, bytes: new TextEncoder().encode(xml) };
}

/** The purchase order an invoice was raised against: same lines, prices, VAT, received in full unless told otherwise. */
export function orderFor(
  document: En16931Invoice,
  options: {
    id: string;
    supplierId: string;
    received?: (lineNo: number, ordered: string) => string;
    pricePence?: (lineNo: number, invoicePence: bigint) => bigint;
  },
): PurchaseOrderForMatching {
  return {
    id: options.id,
    number: document.orderReference ?? 'PO-UNKNOWN',
    supplierId: options.supplierId,
    status: 'issued',
    currency: 'GBP',
    lines: document.lines.map((line, index) => {
      const lineNo = index + 1;
      const ordered = line.quantity?.value ?? '1';
      const pricePence = BigInt((line.price.netPrice?.value ?? '0').replace('.', ''));
      return {
        lineNo,
        description: line.item.name ?? '',
        gtin: line.item.standardId?.id ?? null,
        supplierItemCode: line.item.sellerId ?? null,
        unitCode: line.quantity?.unitCode ?? 'EA',
        orderedQuantity: ordered,
        receivedQuantity: options.received ? options.received(lineNo, ordered) : ordered,
        invoicedQuantity: '0',
        unitPricePence: options.pricePence ? options.pricePence(lineNo, pricePence) : pricePence,
        vatRateBasisPoints: 2000,
        accountCode: '610100',
        costCentreCode: 'WARD1',
      };
    }),
  };
}
