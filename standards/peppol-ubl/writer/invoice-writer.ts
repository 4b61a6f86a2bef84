/**
 * Writes the EN 16931 model as a UBL 2.1 Invoice or CreditNote in the PEPPOL BIS Billing 3.0
 * syntax binding, elements in schema order. What the model leaves out is left out of the XML.
 */
import type {
  AdditionalDocument,
  Address,
  AllowanceCharge,
  Amount,
  Contact,
  En16931Invoice,
  Identifier,
  InvoiceLine,
  PaymentInstructions,
  Period,
  Quantity,
  VatBreakdown,
} from '../model/types';
import { UBL_NAMESPACES } from '../xml/tree';
import { group, leaf, serialiseDocument, type XmlNode } from './xml-builder';

const amount = (name: string, value: Amount | undefined) =>
  value === undefined ? undefined : leaf(name, value.value, { currencyID: value.currency });
const quantity = (name: string, value: Quantity | undefined) =>
  value === undefined ? undefined : leaf(name, value.value, { unitCode: value.unitCode });
const identifier = (name: string, value: Identifier | undefined) =>
  value === undefined ? undefined : leaf(name, value.id, { schemeID: value.schemeId });
const vatScheme = () => group('cac:TaxScheme', leaf('cbc:ID', 'VAT'));

function address(name: string, value: Address | undefined): XmlNode | undefined {
  if (value === undefined) return undefined;
  return group(
    name,
    leaf('cbc:StreetName', value.line1),
    leaf('cbc:AdditionalStreetName', value.line2),
    leaf('cbc:CityName', value.city),
    leaf('cbc:PostalZone', value.postalCode),
    leaf('cbc:CountrySubentity', value.countrySubdivision),
    group('cac:AddressLine', leaf('cbc:Line', value.line3)),
    group('cac:Country', leaf('cbc:IdentificationCode', value.countryCode)),
  );
}

function contact(value: Contact | undefined): XmlNode | undefined {
  if (value === undefined) return undefined;
  return group(
    'cac:Contact',
    leaf('cbc:Name', value.name),
    leaf('cbc:Telephone', value.telephone),
    leaf('cbc:ElectronicMail', value.email),
  );
}

const taxScheme = (companyId: string | undefined, scheme: string) =>
  companyId === undefined
    ? undefined
    : group(
        'cac:PartyTaxScheme',
        leaf('cbc:CompanyID', companyId),
        group('cac:TaxScheme', leaf('cbc:ID', scheme)),
      );

function supplierParty(invoice: En16931Invoice): XmlNode | undefined {
  const seller = invoice.seller;
  const creditor =
    invoice.creditorId === undefined ? undefined : { id: invoice.creditorId, schemeId: 'SEPA' };
  return group(
    'cac:AccountingSupplierParty',
    group(
      'cac:Party',
      identifier('cbc:EndpointID', seller.electronicAddress),
      ...[...seller.identifiers, ...(creditor === undefined ? [] : [creditor])].map((id) =>
        group('cac:PartyIdentification', identifier('cbc:ID', id)),
      ),
      group('cac:PartyName', leaf('cbc:Name', seller.tradingName)),
      address('cac:PostalAddress', seller.address),
      taxScheme(seller.vatId, 'VAT'),
      taxScheme(seller.taxRegistrationId, 'TAX'),
      group(
        'cac:PartyLegalEntity',
        leaf('cbc:RegistrationName', seller.name),
        identifier('cbc:CompanyID', seller.legalRegistrationId),
        leaf('cbc:CompanyLegalForm', seller.additionalLegalInformation),
      ),
      contact(seller.contact),
    ),
  );
}

function customerParty(invoice: En16931Invoice): XmlNode | undefined {
  const buyer = invoice.buyer;
  return group(
    'cac:AccountingCustomerParty',
    group(
      'cac:Party',
      identifier('cbc:EndpointID', buyer.electronicAddress),
      group('cac:PartyIdentification', identifier('cbc:ID', buyer.identifier)),
      group('cac:PartyName', leaf('cbc:Name', buyer.tradingName)),
      address('cac:PostalAddress', buyer.address),
      taxScheme(buyer.vatId, 'VAT'),
      group(
        'cac:PartyLegalEntity',
        leaf('cbc:RegistrationName', buyer.name),
        identifier('cbc:CompanyID', buyer.legalRegistrationId),
      ),
      contact(buyer.contact),
    ),
  );
}

function period(value: Period | undefined): XmlNode | undefined {
  if (value === undefined) return undefined;
  return group(
    'cac:InvoicePeriod',
    leaf('cbc:StartDate', value.startDate),
    leaf('cbc:EndDate', value.endDate),
    leaf('cbc:DescriptionCode', value.descriptionCode),
  );
}

function paymentMeans(value: PaymentInstructions, dueDate: string | undefined): XmlNode | undefined {
  return group(
    'cac:PaymentMeans',
    leaf('cbc:PaymentMeansCode', value.meansCode, { name: value.meansText }),
    leaf('cbc:PaymentDueDate', dueDate),
    leaf('cbc:PaymentID', value.remittanceInformation),
    value.card === undefined
      ? undefined
      : group(
          'cac:CardAccount',
          leaf('cbc:PrimaryAccountNumberID', value.card.primaryAccountNumber),
          leaf('cbc:NetworkID', value.card.network),
          leaf('cbc:HolderName', value.card.holderName),
        ),
    ...value.creditTransfers.map((account) =>
      group(
        'cac:PayeeFinancialAccount',
        leaf('cbc:ID', account.accountId),
        leaf('cbc:Name', account.accountName),
        group('cac:FinancialInstitutionBranch', leaf('cbc:ID', account.serviceProviderId)),
      ),
    ),
    value.directDebit === undefined
      ? undefined
      : group(
          'cac:PaymentMandate',
          leaf('cbc:ID', value.directDebit.mandateReference),
          group('cac:PayerFinancialAccount', leaf('cbc:ID', value.directDebit.debitedAccount)),
        ),
  );
}

function allowanceCharge(value: AllowanceCharge, documentLevel: boolean): XmlNode | undefined {
  return group(
    'cac:AllowanceCharge',
    leaf('cbc:ChargeIndicator', value.isCharge ? 'true' : 'false'),
    leaf('cbc:AllowanceChargeReasonCode', value.reasonCode),
    leaf('cbc:AllowanceChargeReason', value.reason),
    leaf('cbc:MultiplierFactorNumeric', value.percentage),
    amount('cbc:Amount', value.amount),
    amount('cbc:BaseAmount', value.baseAmount),
    documentLevel
      ? group(
          'cac:TaxCategory',
          leaf('cbc:ID', value.vatCategoryCode),
          leaf('cbc:Percent', value.vatRate),
          vatScheme(),
        )
      : undefined,
  );
}

function taxSubtotal(value: VatBreakdown): XmlNode | undefined {
  return group(
    'cac:TaxSubtotal',
    amount('cbc:TaxableAmount', value.taxableAmount),
    amount('cbc:TaxAmount', value.taxAmount),
    group(
      'cac:TaxCategory',
      leaf('cbc:ID', value.categoryCode),
      leaf('cbc:Percent', value.rate),
      leaf('cbc:TaxExemptionReasonCode', value.exemptionReasonCode),
      leaf('cbc:TaxExemptionReason', value.exemptionReason),
      vatScheme(),
    ),
  );
}

function additionalDocument(value: AdditionalDocument): XmlNode | undefined {
  return group(
    'cac:AdditionalDocumentReference',
    leaf('cbc:ID', value.reference),
    leaf('cbc:DocumentTypeCode', value.isInvoicedObject ? '130' : undefined),
    leaf('cbc:DocumentDescription', value.description),
    group(
      'cac:Attachment',
      value.attachment === undefined
        ? undefined
        : leaf('cbc:EmbeddedDocumentBinaryObject', value.attachment.base64, {
            mimeCode: value.attachment.mimeCode,
            filename: value.attachment.filename,
          }),
      group('cac:ExternalReference', leaf('cbc:URI', value.externalLocation)),
    ),
  );
}

function line(value: InvoiceLine, isCreditNote: boolean): XmlNode | undefined {
  const item = value.item;
  const price = value.price;
  return group(
    isCreditNote ? 'cac:CreditNoteLine' : 'cac:InvoiceLine',
    leaf('cbc:ID', value.id),
    leaf('cbc:Note', value.note),
    quantity(isCreditNote ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', value.quantity),
    amount('cbc:LineExtensionAmount', value.netAmount),
    leaf('cbc:AccountingCost', value.accountingReference),
    period(value.period),
    group('cac:OrderLineReference', leaf('cbc:LineID', value.orderLineReference)),
    value.objectId === undefined
      ? undefined
      : group(
          'cac:DocumentReference',
          identifier('cbc:ID', value.objectId),
          leaf('cbc:DocumentTypeCode', '130'),
        ),
    ...value.allowanceCharges.map((entry) => allowanceCharge(entry, false)),
    group(
      'cac:Item',
      leaf('cbc:Description', item.description),
      leaf('cbc:Name', item.name),
      group('cac:BuyersItemIdentification', leaf('cbc:ID', item.buyerId)),
      group('cac:SellersItemIdentification', leaf('cbc:ID', item.sellerId)),
      group('cac:StandardItemIdentification', identifier('cbc:ID', item.standardId)),
      group('cac:OriginCountry', leaf('cbc:IdentificationCode', item.originCountry)),
      ...item.classifications.map((classification) =>
        group(
          'cac:CommodityClassification',
          leaf('cbc:ItemClassificationCode', classification.code, { listID: classification.listId }),
        ),
      ),
      group(
        'cac:ClassifiedTaxCategory',
        leaf('cbc:ID', value.vat.categoryCode),
        leaf('cbc:Percent', value.vat.rate),
        vatScheme(),
      ),
      ...item.attributes.map((attribute) =>
        group(
          'cac:AdditionalItemProperty',
          leaf('cbc:Name', attribute.name),
          leaf('cbc:Value', attribute.value),
        ),
      ),
    ),
    group(
      'cac:Price',
      amount('cbc:PriceAmount', price.netPrice),
      quantity('cbc:BaseQuantity', price.baseQuantity),
      price.discount === undefined && price.grossPrice === undefined
        ? undefined
        : group(
            'cac:AllowanceCharge',
            leaf('cbc:ChargeIndicator', 'false'),
            amount('cbc:Amount', price.discount),
            amount('cbc:BaseAmount', price.grossPrice),
          ),
    ),
  );
}

/** The UBL XML text of an invoice or credit note. */
export function writeInvoiceXml(invoice: En16931Invoice): string {
  const isCreditNote = invoice.documentType === 'CreditNote';
  const totals = invoice.totals;
  const vatTotals = [
    group('cac:TaxTotal', amount('cbc:TaxAmount', totals.totalVat), ...invoice.vatBreakdown.map(taxSubtotal)),
    totals.totalVatInAccountingCurrency === undefined
      ? undefined
      : group('cac:TaxTotal', amount('cbc:TaxAmount', totals.totalVatInAccountingCurrency)),
  ];
  const root: XmlNode = {
    name: invoice.documentType,
    children: [
      leaf('cbc:CustomizationID', invoice.customizationId),
      leaf('cbc:ProfileID', invoice.profileId),
      leaf('cbc:ID', invoice.number),
      leaf('cbc:IssueDate', invoice.issueDate),
      isCreditNote ? undefined : leaf('cbc:DueDate', invoice.dueDate),
      leaf(isCreditNote ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', invoice.typeCode),
      ...invoice.notes.map((note) => leaf('cbc:Note', note)),
      leaf('cbc:TaxPointDate', invoice.taxPointDate),
      leaf('cbc:DocumentCurrencyCode', invoice.currency),
      leaf('cbc:TaxCurrencyCode', invoice.vatAccountingCurrency),
      leaf('cbc:AccountingCost', invoice.buyerAccountingReference),
      leaf('cbc:BuyerReference', invoice.buyerReference),
      period(invoice.invoicePeriod),
      group(
        'cac:OrderReference',
        leaf('cbc:ID', invoice.orderReference),
        leaf('cbc:SalesOrderID', invoice.salesOrderReference),
      ),
      ...invoice.precedingInvoices.map((preceding) =>
        group(
          'cac:BillingReference',
          group(
            'cac:InvoiceDocumentReference',
            leaf('cbc:ID', preceding.number),
            leaf('cbc:IssueDate', preceding.issueDate),
          ),
        ),
      ),
      group('cac:DespatchDocumentReference', leaf('cbc:ID', invoice.despatchAdviceReference)),
      group('cac:ReceiptDocumentReference', leaf('cbc:ID', invoice.receivingAdviceReference)),
      isCreditNote
        ? undefined
        : group('cac:OriginatorDocumentReference', leaf('cbc:ID', invoice.tenderReference)),
      group('cac:ContractDocumentReference', leaf('cbc:ID', invoice.contractReference)),
      ...invoice.additionalDocuments.map(additionalDocument),
      isCreditNote
        ? group('cac:OriginatorDocumentReference', leaf('cbc:ID', invoice.tenderReference))
        : undefined,
      isCreditNote ? undefined : group('cac:ProjectReference', leaf('cbc:ID', invoice.projectReference)),
      supplierParty(invoice),
      customerParty(invoice),
      invoice.payee === undefined
        ? undefined
        : group(
            'cac:PayeeParty',
            group('cac:PartyIdentification', identifier('cbc:ID', invoice.payee.identifier)),
            group('cac:PartyName', leaf('cbc:Name', invoice.payee.name)),
            group('cac:PartyLegalEntity', identifier('cbc:CompanyID', invoice.payee.legalRegistrationId)),
          ),
      invoice.taxRepresentative === undefined
        ? undefined
        : group(
            'cac:TaxRepresentativeParty',
            group('cac:PartyName', leaf('cbc:Name', invoice.taxRepresentative.name)),
            address('cac:PostalAddress', invoice.taxRepresentative.address),
            taxScheme(invoice.taxRepresentative.vatId, 'VAT'),
          ),
      invoice.delivery === undefined
        ? undefined
        : group(
            'cac:Delivery',
            leaf('cbc:ActualDeliveryDate', invoice.delivery.actualDeliveryDate),
            group(
              'cac:DeliveryLocation',
              identifier('cbc:ID', invoice.delivery.locationId),
              address('cac:Address', invoice.delivery.address),
            ),
            group('cac:DeliveryParty', group('cac:PartyName', leaf('cbc:Name', invoice.delivery.partyName))),
          ),
      ...invoice.paymentInstructions.map((means, index) =>
        paymentMeans(means, isCreditNote && index === 0 ? invoice.dueDate : undefined),
      ),
      group('cac:PaymentTerms', leaf('cbc:Note', invoice.paymentTerms)),
      ...invoice.allowanceCharges.map((entry) => allowanceCharge(entry, true)),
      ...vatTotals,
      group(
        'cac:LegalMonetaryTotal',
        amount('cbc:LineExtensionAmount', totals.lineNetTotal),
        amount('cbc:TaxExclusiveAmount', totals.totalWithoutVat),
        amount('cbc:TaxInclusiveAmount', totals.totalWithVat),
        amount('cbc:AllowanceTotalAmount', totals.allowanceTotal),
        amount('cbc:ChargeTotalAmount', totals.chargeTotal),
        amount('cbc:PrepaidAmount', totals.paidAmount),
        amount('cbc:PayableRoundingAmount', totals.roundingAmount),
        amount('cbc:PayableAmount', totals.amountDue),
      ),
      ...invoice.lines.map((entry) => line(entry, isCreditNote)),
    ],
  };
  return serialiseDocument(root, {
    '': isCreditNote ? UBL_NAMESPACES.cn : UBL_NAMESPACES.inv,
    cac: UBL_NAMESPACES.cac,
    cbc: UBL_NAMESPACES.cbc,
  });
}
