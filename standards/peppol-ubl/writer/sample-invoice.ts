/**
 * Deterministic, valid PEPPOL BIS Billing 3.0 invoices for demos, benchmarks and tests: an NHS
 * trust buying consumables from a UK supplier, addressed by GS1 GLNs, lines identified by GTIN.
 */
import type { En16931Invoice, InvoiceLine } from '../model/types';
import { withCalculatedTotals } from './calculate-totals';

export const PEPPOL_BILLING_CUSTOMIZATION =
  'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_BILLING_PROFILE = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

/** Appends the GS1 mod-10 check digit to a GLN/GTIN body. */
export function withGs1CheckDigit(body: string): string {
  let sum = 0;
  for (let index = 0; index < body.length; index++) {
    const digit = Number(body[body.length - 1 - index]);
    sum += digit * (index % 2 === 0 ? 3 : 1);
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

const PRODUCTS = [
  { name: 'Nitrile examination gloves, medium', unit: 'XBX', price: '4.85' },
  { name: 'Sterile gauze swabs 10x10cm', unit: 'XPK', price: '2.40' },
  { name: 'Disposable aprons, roll of 200', unit: 'XRO', price: '11.20' },
  { name: 'Hand sanitiser gel 500ml', unit: 'EA', price: '3.15' },
  { name: 'Syringe 10ml Luer lock', unit: 'XBX', price: '9.60' },
  { name: 'IV administration set', unit: 'EA', price: '1.95' },
  { name: 'Surgical face masks type IIR', unit: 'XBX', price: '6.75' },
  { name: 'Blood pressure cuff, adult', unit: 'EA', price: '14.30' },
  { name: 'Wound dressing 10x12cm', unit: 'XBX', price: '18.90' },
  { name: 'Sharps bin 5 litre', unit: 'EA', price: '2.85' },
];

export type SampleInvoiceOptions = {
  readonly lines: number;
  /** Varies quantities and numbering between invoices. */
  readonly seed?: number;
  readonly number?: string;
  readonly issueDate?: string;
};

export function sampleInvoice(options: SampleInvoiceOptions): En16931Invoice {
  const seed = options.seed ?? 1;
  const lines: InvoiceLine[] = Array.from({ length: options.lines }, (_, index) => {
    const product = PRODUCTS[index % PRODUCTS.length] ?? PRODUCTS[0];
    return {
      id: String(index + 1),
      note: undefined,
      objectId: undefined,
      quantity: { value: String(((seed * 7 + index * 3) % 20) + 1), unitCode: product?.unit },
      netAmount: undefined,
      orderLineReference: String(index + 1),
      accountingReference: undefined,
      period: undefined,
      allowanceCharges: [],
      price: {
        netPrice: { value: product?.price ?? '1.00', currency: 'GBP' },
        discount: undefined,
        grossPrice: undefined,
        baseQuantity: undefined,
      },
      vat: { categoryCode: 'S', rate: '20' },
      item: {
        name: product?.name,
        description: undefined,
        sellerId: `SKU-${1000 + index}`,
        buyerId: undefined,
        standardId: {
          id: withGs1CheckDigit(`501234567${String(1000 + index).padStart(4, '0')}`),
          schemeId: '0160',
        },
        classifications: [],
        originCountry: undefined,
        attributes: [],
      },
    };
  });
  return withCalculatedTotals({
    documentType: 'Invoice',
    customizationId: PEPPOL_BILLING_CUSTOMIZATION,
    profileId: PEPPOL_BILLING_PROFILE,
    number: options.number ?? `INV-${String(seed).padStart(6, '0')}`,
    issueDate: options.issueDate ?? '2026-03-02',
    dueDate: '2026-04-01',
    typeCode: '380',
    currency: 'GBP',
    vatAccountingCurrency: undefined,
    taxPointDate: undefined,
    notes: [],
    buyerReference: 'RXX-PROCUREMENT',
    projectReference: undefined,
    contractReference: undefined,
    orderReference: `PO-${String(seed).padStart(6, '0')}`,
    salesOrderReference: undefined,
    receivingAdviceReference: undefined,
    despatchAdviceReference: undefined,
    tenderReference: undefined,
    buyerAccountingReference: undefined,
    paymentTerms: 'Payment within 30 days of invoice date',
    precedingInvoices: [],
    seller: {
      name: 'Medisupply UK Ltd',
      tradingName: 'Medisupply',
      identifiers: [],
      legalRegistrationId: { id: '01234567', schemeId: undefined },
      vatId: 'GB123456789',
      taxRegistrationId: undefined,
      additionalLegalInformation: undefined,
      electronicAddress: { id: withGs1CheckDigit('501234500000'), schemeId: '0088' },
      address: {
        line1: '1 Supply Way',
        line2: undefined,
        line3: undefined,
        city: 'Leeds',
        postalCode: 'LS1 4AB',
        countrySubdivision: undefined,
        countryCode: 'GB',
      },
      contact: { name: 'Accounts receivable', telephone: '0113 496 0000', email: 'ar@medisupply.example' },
    },
    buyer: {
      name: 'Example NHS Foundation Trust',
      tradingName: undefined,
      identifier: undefined,
      legalRegistrationId: undefined,
      vatId: undefined,
      electronicAddress: { id: withGs1CheckDigit('501234599999'), schemeId: '0088' },
      address: {
        line1: 'Hospital Road',
        line2: undefined,
        line3: undefined,
        city: 'Norwich',
        postalCode: 'NR4 7UY',
        countrySubdivision: undefined,
        countryCode: 'GB',
      },
      contact: undefined,
    },
    payee: undefined,
    taxRepresentative: undefined,
    delivery: undefined,
    invoicePeriod: undefined,
    paymentInstructions: [
      {
        meansCode: '30',
        meansText: undefined,
        remittanceInformation: options.number ?? `INV-${String(seed).padStart(6, '0')}`,
        creditTransfers: [
          { accountId: '12345678', accountName: 'Medisupply UK Ltd', serviceProviderId: '401276' },
        ],
        card: undefined,
        directDebit: undefined,
      },
    ],
    creditorId: undefined,
    allowanceCharges: [],
    additionalDocuments: [],
    lines,
  });
}
