/**
 * Maps a loaded UBL Invoice or CreditNote element tree onto the EN 16931 model, following the
 * PEPPOL BIS Billing 3.0 syntax binding. Reading never fails: what is absent is undefined, and
 * whether the content is acceptable is the validator's business.
 */

import { attribute, stringValue, type XmlDocument, type XmlElement } from '../xml/tree';
import { children, first, path } from '../xpath/nav';
import type {
  AdditionalDocument,
  Address,
  AllowanceCharge,
  Amount,
  Buyer,
  Contact,
  En16931Invoice,
  Identifier,
  InvoiceLine,
  PaymentInstructions,
  Period,
  Quantity,
  Seller,
  VatBreakdown,
} from './types';

const textOf = (node: XmlElement | undefined) => (node === undefined ? undefined : stringValue(node).trim());
const textAt = (node: XmlElement | undefined, ...names: string[]) =>
  node === undefined ? undefined : textOf(first(node, ...names));

function amountOf(node: XmlElement | undefined): Amount | undefined {
  return node === undefined
    ? undefined
    : { value: stringValue(node).trim(), currency: attribute(node, 'currencyID') };
}

function quantityOf(node: XmlElement | undefined): Quantity | undefined {
  return node === undefined
    ? undefined
    : { value: stringValue(node).trim(), unitCode: attribute(node, 'unitCode') };
}

function identifierOf(node: XmlElement | undefined): Identifier | undefined {
  return node === undefined
    ? undefined
    : { id: stringValue(node).trim(), schemeId: attribute(node, 'schemeID') };
}

function addressOf(node: XmlElement | undefined): Address | undefined {
  if (node === undefined) return undefined;
  return {
    line1: textAt(node, 'cbc:StreetName'),
    line2: textAt(node, 'cbc:AdditionalStreetName'),
    line3: textAt(node, 'cac:AddressLine', 'cbc:Line'),
    city: textAt(node, 'cbc:CityName'),
    postalCode: textAt(node, 'cbc:PostalZone'),
    countrySubdivision: textAt(node, 'cbc:CountrySubentity'),
    countryCode: textAt(node, 'cac:Country', 'cbc:IdentificationCode'),
  };
}

function contactOf(node: XmlElement | undefined): Contact | undefined {
  if (node === undefined) return undefined;
  return {
    name: textAt(node, 'cbc:Name'),
    telephone: textAt(node, 'cbc:Telephone'),
    email: textAt(node, 'cbc:ElectronicMail'),
  };
}

/** The company identifier of the party tax scheme under VAT (or, with `vat` false, under another scheme). */
function taxSchemeId(party: XmlElement | undefined, vat: boolean): string | undefined {
  if (party === undefined) return undefined;
  const scheme = children(party, 'cac:PartyTaxScheme').find(
    (candidate) => (textAt(candidate, 'cac:TaxScheme', 'cbc:ID')?.toUpperCase() === 'VAT') === vat,
  );
  return textAt(scheme, 'cbc:CompanyID');
}

const isSepaCreditor = (id: XmlElement) => attribute(id, 'schemeID')?.toUpperCase() === 'SEPA';

function sellerOf(party: XmlElement | undefined): Seller {
  const identifiers = party === undefined ? [] : path(party, 'cac:PartyIdentification', 'cbc:ID');
  return {
    name: textAt(party, 'cac:PartyLegalEntity', 'cbc:RegistrationName'),
    tradingName: textAt(party, 'cac:PartyName', 'cbc:Name'),
    identifiers: identifiers
      .filter((id) => !isSepaCreditor(id))
      .map((id) => identifierOf(id))
      .filter((id): id is Identifier => id !== undefined),
    legalRegistrationId: identifierOf(party && first(party, 'cac:PartyLegalEntity', 'cbc:CompanyID')),
    vatId: taxSchemeId(party, true),
    taxRegistrationId: taxSchemeId(party, false),
    additionalLegalInformation: textAt(party, 'cac:PartyLegalEntity', 'cbc:CompanyLegalForm'),
    electronicAddress: identifierOf(party && first(party, 'cbc:EndpointID')),
    address: addressOf(party && first(party, 'cac:PostalAddress')),
    contact: contactOf(party && first(party, 'cac:Contact')),
  };
}

function buyerOf(party: XmlElement | undefined): Buyer {
  return {
    name: textAt(party, 'cac:PartyLegalEntity', 'cbc:RegistrationName'),
    tradingName: textAt(party, 'cac:PartyName', 'cbc:Name'),
    identifier: identifierOf(party && first(party, 'cac:PartyIdentification', 'cbc:ID')),
    legalRegistrationId: identifierOf(party && first(party, 'cac:PartyLegalEntity', 'cbc:CompanyID')),
    vatId: taxSchemeId(party, true),
    electronicAddress: identifierOf(party && first(party, 'cbc:EndpointID')),
    address: addressOf(party && first(party, 'cac:PostalAddress')),
    contact: contactOf(party && first(party, 'cac:Contact')),
  };
}

function periodOf(node: XmlElement | undefined): Period | undefined {
  if (node === undefined) return undefined;
  return {
    startDate: textAt(node, 'cbc:StartDate'),
    endDate: textAt(node, 'cbc:EndDate'),
    descriptionCode: textAt(node, 'cbc:DescriptionCode'),
  };
}

function allowanceChargeOf(node: XmlElement): AllowanceCharge {
  return {
    isCharge: textAt(node, 'cbc:ChargeIndicator') === 'true',
    amount: amountOf(first(node, 'cbc:Amount')),
    baseAmount: amountOf(first(node, 'cbc:BaseAmount')),
    percentage: textAt(node, 'cbc:MultiplierFactorNumeric'),
    vatCategoryCode: textAt(node, 'cac:TaxCategory', 'cbc:ID'),
    vatRate: textAt(node, 'cac:TaxCategory', 'cbc:Percent'),
    reason: textAt(node, 'cbc:AllowanceChargeReason'),
    reasonCode: textAt(node, 'cbc:AllowanceChargeReasonCode'),
  };
}

function paymentInstructionsOf(means: XmlElement): PaymentInstructions {
  const code = first(means, 'cbc:PaymentMeansCode');
  const card = first(means, 'cac:CardAccount');
  const mandate = first(means, 'cac:PaymentMandate');
  return {
    meansCode: textOf(code),
    meansText: code === undefined ? undefined : attribute(code, 'name'),
    remittanceInformation: textAt(means, 'cbc:PaymentID'),
    creditTransfers: children(means, 'cac:PayeeFinancialAccount').map((account) => ({
      accountId: textAt(account, 'cbc:ID'),
      accountName: textAt(account, 'cbc:Name'),
      serviceProviderId: textAt(account, 'cac:FinancialInstitutionBranch', 'cbc:ID'),
    })),
    card:
      card === undefined
        ? undefined
        : {
            primaryAccountNumber: textAt(card, 'cbc:PrimaryAccountNumberID'),
            holderName: textAt(card, 'cbc:HolderName'),
            network: textAt(card, 'cbc:NetworkID'),
          },
    directDebit:
      mandate === undefined
        ? undefined
        : {
            mandateReference: textAt(mandate, 'cbc:ID'),
            debitedAccount: textAt(mandate, 'cac:PayerFinancialAccount', 'cbc:ID'),
          },
  };
}

function vatBreakdownOf(subtotal: XmlElement): VatBreakdown {
  return {
    taxableAmount: amountOf(first(subtotal, 'cbc:TaxableAmount')),
    taxAmount: amountOf(first(subtotal, 'cbc:TaxAmount')),
    categoryCode: textAt(subtotal, 'cac:TaxCategory', 'cbc:ID'),
    rate: textAt(subtotal, 'cac:TaxCategory', 'cbc:Percent'),
    exemptionReason: textAt(subtotal, 'cac:TaxCategory', 'cbc:TaxExemptionReason'),
    exemptionReasonCode: textAt(subtotal, 'cac:TaxCategory', 'cbc:TaxExemptionReasonCode'),
  };
}

function additionalDocumentOf(reference: XmlElement): AdditionalDocument {
  const embedded = first(reference, 'cac:Attachment', 'cbc:EmbeddedDocumentBinaryObject');
  return {
    reference: textAt(reference, 'cbc:ID'),
    isInvoicedObject: textAt(reference, 'cbc:DocumentTypeCode') === '130',
    description: textAt(reference, 'cbc:DocumentDescription'),
    externalLocation: textAt(reference, 'cac:Attachment', 'cac:ExternalReference', 'cbc:URI'),
    attachment:
      embedded === undefined
        ? undefined
        : {
            mimeCode: attribute(embedded, 'mimeCode'),
            filename: attribute(embedded, 'filename'),
            base64: stringValue(embedded).trim(),
          },
  };
}

function lineOf(line: XmlElement): InvoiceLine {
  const item = first(line, 'cac:Item');
  const price = first(line, 'cac:Price');
  const priceDiscount = price && first(price, 'cac:AllowanceCharge');
  const objectReference = children(line, 'cac:DocumentReference').find(
    (reference) => textAt(reference, 'cbc:DocumentTypeCode') === '130',
  );
  return {
    id: textAt(line, 'cbc:ID'),
    note: textAt(line, 'cbc:Note'),
    objectId: identifierOf(objectReference && first(objectReference, 'cbc:ID')),
    quantity: quantityOf(first(line, 'cbc:InvoicedQuantity') ?? first(line, 'cbc:CreditedQuantity')),
    netAmount: amountOf(first(line, 'cbc:LineExtensionAmount')),
    orderLineReference: textAt(line, 'cac:OrderLineReference', 'cbc:LineID'),
    accountingReference: textAt(line, 'cbc:AccountingCost'),
    period: periodOf(first(line, 'cac:InvoicePeriod')),
    allowanceCharges: children(line, 'cac:AllowanceCharge').map(allowanceChargeOf),
    price: {
      netPrice: amountOf(price && first(price, 'cbc:PriceAmount')),
      discount: amountOf(priceDiscount && first(priceDiscount, 'cbc:Amount')),
      grossPrice: amountOf(priceDiscount && first(priceDiscount, 'cbc:BaseAmount')),
      baseQuantity: quantityOf(price && first(price, 'cbc:BaseQuantity')),
    },
    vat: {
      categoryCode: textAt(item, 'cac:ClassifiedTaxCategory', 'cbc:ID'),
      rate: textAt(item, 'cac:ClassifiedTaxCategory', 'cbc:Percent'),
    },
    item: {
      name: textAt(item, 'cbc:Name'),
      description: textAt(item, 'cbc:Description'),
      sellerId: textAt(item, 'cac:SellersItemIdentification', 'cbc:ID'),
      buyerId: textAt(item, 'cac:BuyersItemIdentification', 'cbc:ID'),
      standardId: identifierOf(item && first(item, 'cac:StandardItemIdentification', 'cbc:ID')),
      classifications: (item === undefined
        ? []
        : path(item, 'cac:CommodityClassification', 'cbc:ItemClassificationCode')
      ).map((code) => ({ code: stringValue(code).trim(), listId: attribute(code, 'listID') })),
      originCountry: textAt(item, 'cac:OriginCountry', 'cbc:IdentificationCode'),
      attributes: (item === undefined ? [] : children(item, 'cac:AdditionalItemProperty')).map(
        (property) => ({
          name: textAt(property, 'cbc:Name'),
          value: textAt(property, 'cbc:Value'),
        }),
      ),
    },
  };
}

/** The EN 16931 content of a UBL Invoice or CreditNote. */
export function readEn16931(document: XmlDocument): En16931Invoice {
  const doc = document.root;
  const isCreditNote = doc.name === 'cn:CreditNote';
  const seller = first(doc, 'cac:AccountingSupplierParty', 'cac:Party');
  const buyer = first(doc, 'cac:AccountingCustomerParty', 'cac:Party');
  const payee = first(doc, 'cac:PayeeParty');
  const representative = first(doc, 'cac:TaxRepresentativeParty');
  const delivery = first(doc, 'cac:Delivery');
  const monetary = first(doc, 'cac:LegalMonetaryTotal');
  const currency = textAt(doc, 'cbc:DocumentCurrencyCode');
  const taxCurrency = textAt(doc, 'cbc:TaxCurrencyCode');
  const vatTotals = path(doc, 'cac:TaxTotal', 'cbc:TaxAmount');
  const vatIn = (code: string | undefined) =>
    amountOf(vatTotals.find((amount) => code !== undefined && attribute(amount, 'currencyID') === code));
  const total = (name: string) => amountOf(monetary && first(monetary, name));
  const creditorIds = [
    ...(seller === undefined ? [] : path(seller, 'cac:PartyIdentification', 'cbc:ID')),
    ...(payee === undefined ? [] : path(payee, 'cac:PartyIdentification', 'cbc:ID')),
  ].filter(isSepaCreditor);
  return {
    documentType: isCreditNote ? 'CreditNote' : 'Invoice',
    customizationId: textAt(doc, 'cbc:CustomizationID'),
    profileId: textAt(doc, 'cbc:ProfileID'),
    number: textAt(doc, 'cbc:ID'),
    issueDate: textAt(doc, 'cbc:IssueDate'),
    dueDate: textAt(doc, 'cbc:DueDate') ?? textAt(doc, 'cac:PaymentMeans', 'cbc:PaymentDueDate'),
    typeCode: textAt(doc, isCreditNote ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode'),
    currency,
    vatAccountingCurrency: taxCurrency,
    taxPointDate: textAt(doc, 'cbc:TaxPointDate'),
    notes: children(doc, 'cbc:Note').map((note) => stringValue(note).trim()),
    buyerReference: textAt(doc, 'cbc:BuyerReference'),
    projectReference: textAt(doc, 'cac:ProjectReference', 'cbc:ID'),
    contractReference: textAt(doc, 'cac:ContractDocumentReference', 'cbc:ID'),
    orderReference: textAt(doc, 'cac:OrderReference', 'cbc:ID'),
    salesOrderReference: textAt(doc, 'cac:OrderReference', 'cbc:SalesOrderID'),
    receivingAdviceReference: textAt(doc, 'cac:ReceiptDocumentReference', 'cbc:ID'),
    despatchAdviceReference: textAt(doc, 'cac:DespatchDocumentReference', 'cbc:ID'),
    tenderReference: textAt(doc, 'cac:OriginatorDocumentReference', 'cbc:ID'),
    buyerAccountingReference: textAt(doc, 'cbc:AccountingCost'),
    paymentTerms: textAt(doc, 'cac:PaymentTerms', 'cbc:Note'),
    precedingInvoices: path(doc, 'cac:BillingReference', 'cac:InvoiceDocumentReference').map((reference) => ({
      number: textAt(reference, 'cbc:ID'),
      issueDate: textAt(reference, 'cbc:IssueDate'),
    })),
    seller: sellerOf(seller),
    buyer: buyerOf(buyer),
    payee:
      payee === undefined
        ? undefined
        : {
            name: textAt(payee, 'cac:PartyName', 'cbc:Name'),
            identifier: identifierOf(
              path(payee, 'cac:PartyIdentification', 'cbc:ID').find((id) => !isSepaCreditor(id)),
            ),
            legalRegistrationId: identifierOf(first(payee, 'cac:PartyLegalEntity', 'cbc:CompanyID')),
          },
    taxRepresentative:
      representative === undefined
        ? undefined
        : {
            name: textAt(representative, 'cac:PartyName', 'cbc:Name'),
            vatId: taxSchemeId(representative, true),
            address: addressOf(first(representative, 'cac:PostalAddress')),
          },
    delivery:
      delivery === undefined
        ? undefined
        : {
            partyName: textAt(delivery, 'cac:DeliveryParty', 'cac:PartyName', 'cbc:Name'),
            locationId: identifierOf(first(delivery, 'cac:DeliveryLocation', 'cbc:ID')),
            actualDeliveryDate: textAt(delivery, 'cbc:ActualDeliveryDate'),
            address: addressOf(first(delivery, 'cac:DeliveryLocation', 'cac:Address')),
          },
    invoicePeriod: periodOf(first(doc, 'cac:InvoicePeriod')),
    paymentInstructions: children(doc, 'cac:PaymentMeans').map(paymentInstructionsOf),
    creditorId: textOf(creditorIds[0]),
    allowanceCharges: children(doc, 'cac:AllowanceCharge').map(allowanceChargeOf),
    totals: {
      lineNetTotal: total('cbc:LineExtensionAmount'),
      allowanceTotal: total('cbc:AllowanceTotalAmount'),
      chargeTotal: total('cbc:ChargeTotalAmount'),
      totalWithoutVat: total('cbc:TaxExclusiveAmount'),
      totalVat: vatIn(currency),
      totalVatInAccountingCurrency: taxCurrency === undefined ? undefined : vatIn(taxCurrency),
      totalWithVat: total('cbc:TaxInclusiveAmount'),
      paidAmount: total('cbc:PrepaidAmount'),
      roundingAmount: total('cbc:PayableRoundingAmount'),
      amountDue: total('cbc:PayableAmount'),
    },
    vatBreakdown: path(doc, 'cac:TaxTotal', 'cac:TaxSubtotal').map(vatBreakdownOf),
    additionalDocuments: children(doc, 'cac:AdditionalDocumentReference').map(additionalDocumentOf),
    lines: children(doc, isCreditNote ? 'cac:CreditNoteLine' : 'cac:InvoiceLine').map(lineOf),
  };
}
