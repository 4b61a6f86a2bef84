import { describe, expect, it } from 'vitest';
import { readInvoice } from '../read-invoice';
import { writeInvoiceXml } from '../writer/invoice-writer';
import { sampleInvoice } from '../writer/sample-invoice';

/**
 * The official unit tests leave 126 UBL assertions without a case of their own. Each row here
 * breaks one clean generated invoice in one way and checks that exactly the expected rule
 * notices, with the official severity.
 */
const clean = writeInvoiceXml(sampleInvoice({ lines: 2 }));

type Edit = (xml: string) => string;
const replace =
  (from: string, to: string): Edit =>
  (xml) => {
    if (!xml.includes(from)) throw new Error(`the sample invoice has no ${from}`);
    return xml.replace(from, to);
  };
const insertBefore = (marker: string, snippet: string): Edit => replace(marker, `${snippet}${marker}`);
const insertAfter = (marker: string, snippet: string): Edit => replace(marker, `${marker}${snippet}`);
const both =
  (...edits: Edit[]): Edit =>
  (xml) =>
    edits.reduce((text, edit) => edit(text), xml);

const VAT_S =
  '<cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory>';
const documentAllowance = (inner: string, indicator = 'false') =>
  insertBefore(
    '<cac:TaxTotal>',
    `<cac:AllowanceCharge><cbc:ChargeIndicator>${indicator}</cbc:ChargeIndicator>${inner}${VAT_S}</cac:AllowanceCharge>`,
  );
const lineAllowance = (inner: string, indicator = 'false') =>
  insertBefore(
    '<cac:Item>',
    `<cac:AllowanceCharge><cbc:ChargeIndicator>${indicator}</cbc:ChargeIndicator>${inner}</cac:AllowanceCharge>`,
  );
const amount = (name: string, value: string) => `<cbc:${name} currencyID="GBP">${value}</cbc:${name}>`;
const priceDiscount = (indicator: string, discount: string, gross: string) =>
  insertAfter(
    '<cbc:PriceAmount currencyID="GBP">4.85</cbc:PriceAmount>',
    `<cac:AllowanceCharge><cbc:ChargeIndicator>${indicator}</cbc:ChargeIndicator>${amount('Amount', discount)}${amount('BaseAmount', gross)}</cac:AllowanceCharge>`,
  );
const documentPeriod = insertAfter(
  '<cbc:BuyerReference>RXX-PROCUREMENT</cbc:BuyerReference>',
  '<cac:InvoicePeriod><cbc:StartDate>2026-02-01</cbc:StartDate><cbc:EndDate>2026-02-28</cbc:EndDate></cac:InvoicePeriod>',
);
const linePeriod = (start: string, end: string) =>
  insertBefore(
    '<cac:OrderLineReference>',
    `<cac:InvoicePeriod><cbc:StartDate>${start}</cbc:StartDate><cbc:EndDate>${end}</cbc:EndDate></cac:InvoicePeriod>`,
  );
const delivery = (inner: string) =>
  insertBefore('<cac:PaymentMeans>', `<cac:Delivery>${inner}</cac:Delivery>`);
const sellerCountry = (code: string) =>
  replace(
    '<cbc:IdentificationCode>GB</cbc:IdentificationCode>',
    `<cbc:IdentificationCode>${code}</cbc:IdentificationCode>`,
  );
const additionalDocument = (inner: string) =>
  insertBefore(
    '<cac:AccountingSupplierParty>',
    `<cac:AdditionalDocumentReference>${inner}</cac:AdditionalDocumentReference>`,
  );
const supplierAddressLine = '<cac:AddressLine><cbc:Line>Unit 4</cbc:Line></cac:AddressLine>';

const cases: readonly [rule: string, severity: 'fatal' | 'warning', how: string, edit: Edit][] = [
  [
    'BR-DEC-01',
    'fatal',
    'document allowance amount with 3 decimals',
    documentAllowance(
      `<cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason>${amount('Amount', '1.005')}`,
    ),
  ],
  [
    'BR-DEC-02',
    'fatal',
    'document allowance base amount with 3 decimals',
    documentAllowance(
      `<cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason>${amount('Amount', '1.00')}${amount('BaseAmount', '10.005')}`,
    ),
  ],
  [
    'BR-DEC-05',
    'fatal',
    'document charge amount with 3 decimals',
    documentAllowance(
      `<cbc:AllowanceChargeReason>Freight</cbc:AllowanceChargeReason>${amount('Amount', '1.005')}`,
      'true',
    ),
  ],
  [
    'BR-DEC-06',
    'fatal',
    'document charge base amount with 3 decimals',
    documentAllowance(
      `<cbc:AllowanceChargeReason>Freight</cbc:AllowanceChargeReason>${amount('Amount', '1.00')}${amount('BaseAmount', '10.005')}`,
      'true',
    ),
  ],
  [
    'BR-DEC-09',
    'fatal',
    'BT-106 with 3 decimals',
    replace(amount('LineExtensionAmount', '65.20'), amount('LineExtensionAmount', '65.200')),
  ],
  [
    'BR-DEC-12',
    'fatal',
    'BT-109 with 3 decimals',
    replace(amount('TaxExclusiveAmount', '65.20'), amount('TaxExclusiveAmount', '65.200')),
  ],
  [
    'BR-DEC-14',
    'fatal',
    'BT-112 with 3 decimals',
    replace(amount('TaxInclusiveAmount', '78.24'), amount('TaxInclusiveAmount', '78.240')),
  ],
  [
    'BR-DEC-18',
    'fatal',
    'BT-115 with 3 decimals',
    replace(amount('PayableAmount', '78.24'), amount('PayableAmount', '78.240')),
  ],
  [
    'BR-DEC-19',
    'fatal',
    'BT-116 with 3 decimals',
    replace(amount('TaxableAmount', '65.20'), amount('TaxableAmount', '65.200')),
  ],
  [
    'BR-DEC-23',
    'fatal',
    'BT-131 with 3 decimals',
    replace(amount('LineExtensionAmount', '38.80'), amount('LineExtensionAmount', '38.800')),
  ],
  [
    'BR-DEC-24',
    'fatal',
    'line allowance amount with 3 decimals',
    lineAllowance(
      `<cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason>${amount('Amount', '0.005')}`,
    ),
  ],
  [
    'BR-DEC-27',
    'fatal',
    'line charge amount with 3 decimals',
    lineAllowance(
      `<cbc:AllowanceChargeReason>Packing</cbc:AllowanceChargeReason>${amount('Amount', '0.005')}`,
      'true',
    ),
  ],
  [
    'UBL-DT-01',
    'fatal',
    'any amount with 3 decimals',
    replace(amount('TaxInclusiveAmount', '78.24'), amount('TaxInclusiveAmount', '78.240')),
  ],
  [
    'BR-B-01',
    'fatal',
    'split payment (B) outside Italy',
    replace(
      '<cbc:ID>S</cbc:ID>\n        <cbc:Percent>20</cbc:Percent>',
      '<cbc:ID>B</cbc:ID>\n        <cbc:Percent>20</cbc:Percent>',
    ),
  ],
  [
    'BR-B-02',
    'fatal',
    'split payment (B) beside standard rate (S)',
    replace(
      '<cbc:ID>S</cbc:ID>\n        <cbc:Percent>20</cbc:Percent>',
      '<cbc:ID>B</cbc:ID>\n        <cbc:Percent>20</cbc:Percent>',
    ),
  ],
  [
    'BR-CL-08',
    'fatal',
    'a note subject code not in UNCL 4451',
    insertAfter(
      '<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>',
      '<cbc:Note>#QQQ#Please quote our reference</cbc:Note>',
    ),
  ],
  [
    'BR-CL-22',
    'fatal',
    'an unknown VAT exemption reason code',
    replace(
      '<cbc:Percent>20.00</cbc:Percent>',
      '<cbc:Percent>20.00</cbc:Percent><cbc:TaxExemptionReasonCode>VATEX-XX-1</cbc:TaxExemptionReasonCode>',
    ),
  ],
  [
    'BR-CL-25',
    'fatal',
    'an unknown electronic address scheme',
    replace('<cbc:EndpointID schemeID="0088">5012345999999', '<cbc:EndpointID schemeID="9999">5012345999999'),
  ],
  [
    'BR-CL-26',
    'fatal',
    'an unknown delivery location scheme',
    delivery('<cac:DeliveryLocation><cbc:ID schemeID="XX">1</cbc:ID></cac:DeliveryLocation>'),
  ],
  [
    'BR-IC-10',
    'fatal',
    'intra-community breakdown without exemption reason',
    replace(
      '<cbc:ID>S</cbc:ID>\n        <cbc:Percent>20.00</cbc:Percent>',
      '<cbc:ID>K</cbc:ID>\n        <cbc:Percent>0</cbc:Percent>',
    ),
  ],
  [
    'UBL-SR-51',
    'fatal',
    'two address lines',
    insertBefore('<cac:Country>', `${supplierAddressLine}${supplierAddressLine}`),
  ],
  [
    'UBL-SR-33',
    'fatal',
    'a supporting document with two descriptions',
    additionalDocument(
      '<cbc:ID>D1</cbc:ID><cbc:DocumentDescription>a</cbc:DocumentDescription><cbc:DocumentDescription>b</cbc:DocumentDescription>',
    ),
  ],
  [
    'UBL-SR-43',
    'fatal',
    'a supporting document identifier with a scheme but no type code',
    additionalDocument('<cbc:ID schemeID="AAA">D1</cbc:ID>'),
  ],
  [
    'UBL-SR-25',
    'fatal',
    'two deliver-to party names',
    delivery(
      '<cac:DeliveryParty><cac:PartyName><cbc:Name>A</cbc:Name></cac:PartyName><cac:PartyName><cbc:Name>B</cbc:Name></cac:PartyName></cac:DeliveryParty>',
    ),
  ],
  [
    'UBL-SR-30',
    'fatal',
    'an allowance with two reasons',
    documentAllowance(
      `<cbc:AllowanceChargeReason>a</cbc:AllowanceChargeReason><cbc:AllowanceChargeReason>b</cbc:AllowanceChargeReason>${amount('Amount', '1.00')}`,
    ),
  ],
  [
    'UBL-SR-31',
    'fatal',
    'a charge with two reasons',
    documentAllowance(
      `<cbc:AllowanceChargeReason>a</cbc:AllowanceChargeReason><cbc:AllowanceChargeReason>b</cbc:AllowanceChargeReason>${amount('Amount', '1.00')}`,
      'true',
    ),
  ],
  [
    'UBL-SR-53',
    'fatal',
    'a party tax scheme without identifier',
    insertBefore(
      '<cac:PartyLegalEntity>\n        <cbc:RegistrationName>Example',
      '<cac:PartyTaxScheme><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>',
    ),
  ],
  ['UBL-SR-08', 'fatal', 'two invoicing periods', both(documentPeriod, documentPeriod)],
  [
    'UBL-SR-24',
    'fatal',
    'two deliveries',
    both(
      delivery('<cbc:ActualDeliveryDate>2026-02-01</cbc:ActualDeliveryDate>'),
      delivery('<cbc:ActualDeliveryDate>2026-02-02</cbc:ActualDeliveryDate>'),
    ),
  ],
  [
    'UBL-SR-09',
    'fatal',
    'two seller names',
    insertAfter(
      '<cbc:RegistrationName>Medisupply UK Ltd</cbc:RegistrationName>',
      '<cbc:RegistrationName>Other</cbc:RegistrationName>',
    ),
  ],
  [
    'UBL-SR-26',
    'fatal',
    'two remittance references',
    insertAfter('<cbc:PaymentID>INV-000001</cbc:PaymentID>', '<cbc:PaymentID>X</cbc:PaymentID>'),
  ],
  [
    'UBL-SR-44',
    'fatal',
    'different remittance references',
    insertAfter('<cbc:PaymentID>INV-000001</cbc:PaymentID>', '<cbc:PaymentID>X</cbc:PaymentID>'),
  ],
  [
    'UBL-SR-34',
    'fatal',
    'two line notes',
    insertAfter('<cbc:ID>1</cbc:ID>', '<cbc:Note>a</cbc:Note><cbc:Note>b</cbc:Note>'),
  ],
  [
    'UBL-SR-48',
    'fatal',
    'two line VAT categories',
    insertAfter(
      '</cac:ClassifiedTaxCategory>',
      '<cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>',
    ),
  ],
  [
    'UBL-SR-06',
    'fatal',
    'two preceding invoices in one billing reference',
    insertBefore(
      '<cac:AccountingSupplierParty>',
      '<cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>A</cbc:ID></cac:InvoiceDocumentReference><cac:InvoiceDocumentReference><cbc:ID>B</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>',
    ),
  ],
  [
    'UBL-DT-08',
    'warning',
    'a schemeName attribute',
    replace(
      '<cbc:EndpointID schemeID="0088">5012345999999',
      '<cbc:EndpointID schemeID="0088" schemeName="GLN">5012345999999',
    ),
  ],
  [
    'UBL-DT-19',
    'warning',
    'a languageID attribute',
    replace('<cbc:Name>Medisupply</cbc:Name>', '<cbc:Name languageID="en">Medisupply</cbc:Name>'),
  ],
  [
    'PEPPOL-EN16931-R008',
    'fatal',
    'an empty element',
    insertAfter('<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>', '<cbc:Note>  </cbc:Note>'),
  ],
  [
    'PEPPOL-EN16931-R040',
    'fatal',
    'allowance amount not base × percentage',
    documentAllowance(
      `<cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason><cbc:MultiplierFactorNumeric>10</cbc:MultiplierFactorNumeric>${amount('Amount', '9.00')}${amount('BaseAmount', '100.00')}`,
    ),
  ],
  [
    'PEPPOL-EN16931-R041',
    'fatal',
    'a percentage without base amount',
    documentAllowance(
      `<cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason><cbc:MultiplierFactorNumeric>10</cbc:MultiplierFactorNumeric>${amount('Amount', '9.00')}`,
    ),
  ],
  [
    'PEPPOL-EN16931-R042',
    'fatal',
    'a base amount without percentage',
    documentAllowance(
      `<cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason>${amount('Amount', '9.00')}${amount('BaseAmount', '100.00')}`,
    ),
  ],
  [
    'PEPPOL-EN16931-R043',
    'fatal',
    'a charge indicator that is neither true nor false',
    documentAllowance(
      `<cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason>${amount('Amount', '9.00')}`,
      'yes',
    ),
  ],
  ['PEPPOL-EN16931-R044', 'fatal', 'a price charge', priceDiscount('true', '0.15', '5.00')],
  [
    'PEPPOL-EN16931-R046',
    'fatal',
    'net price ≠ gross price − discount',
    priceDiscount('false', '0.10', '5.00'),
  ],
  [
    'PEPPOL-EN16931-R110',
    'fatal',
    'a line period starting before the invoice period',
    both(documentPeriod, linePeriod('2026-01-15', '2026-02-10')),
  ],
  [
    'PEPPOL-EN16931-R111',
    'fatal',
    'a line period ending after the invoice period',
    both(documentPeriod, linePeriod('2026-02-02', '2026-03-10')),
  ],
  [
    'PEPPOL-EN16931-R120',
    'fatal',
    'a line net amount off by more than 0.02',
    replace(amount('LineExtensionAmount', '38.80'), amount('LineExtensionAmount', '38.83')),
  ],
  [
    'PEPPOL-EN16931-R121',
    'fatal',
    'a zero price base quantity',
    insertAfter(
      '<cbc:PriceAmount currencyID="GBP">4.85</cbc:PriceAmount>',
      '<cbc:BaseQuantity unitCode="XBX">0</cbc:BaseQuantity>',
    ),
  ],
  [
    'PEPPOL-EN16931-R130',
    'fatal',
    'a base quantity in another unit',
    insertAfter(
      '<cbc:PriceAmount currencyID="GBP">4.85</cbc:PriceAmount>',
      '<cbc:BaseQuantity unitCode="EA">1</cbc:BaseQuantity>',
    ),
  ],
  [
    'PEPPOL-COMMON-R040',
    'fatal',
    'a GLN with a wrong check digit',
    replace('>5012345000008<', '>5012345000009<'),
  ],
  [
    'PEPPOL-COMMON-R041',
    'fatal',
    'a Norwegian organisation number with a wrong check digit',
    replace('<cbc:EndpointID schemeID="0088">5012345999999', '<cbc:EndpointID schemeID="0192">123456788'),
  ],
  ['IS-R-002', 'fatal', 'an Icelandic seller without a kennitala', sellerCountry('IS')],
  [
    'IS-R-006',
    'fatal',
    'Icelandic payment means 9 without a 12-character account',
    both(sellerCountry('IS'), replace('<cbc:PaymentMeansCode>30<', '<cbc:PaymentMeansCode>9<')),
  ],
  [
    'IS-R-008',
    'fatal',
    'an Icelandic final due date that is not a date',
    both(
      sellerCountry('IS'),
      additionalDocument(
        '<cbc:ID>2026-13-45</cbc:ID><cbc:DocumentDescription>EINDAGI</cbc:DocumentDescription>',
      ),
    ),
  ],
];

describe('one breakage, one rule: assertions the official unit tests do not exercise', () => {
  it('starts from an invoice with no findings at all', () => {
    expect(readInvoice(clean).findings).toEqual([]);
  });

  it.each(cases)('%s (%s) fires on %s', (rule, severity, _how, edit) => {
    const fired = readInvoice(edit(clean)).findings.filter((finding) => finding.rule === rule);
    expect(fired.length).toBeGreaterThan(0);
    expect(new Set(fired.map((finding) => finding.severity))).toEqual(new Set([severity]));
  });
});
