/**
 * Writes a purchase order as a PEPPOL BIS Ordering 3 Order (UBL Order 2.1), elements in schema
 * order and every text escaped.
 */
import type { Address, Contact, Identifier } from '../model/types';
import { group, leaf, serialiseDocument, type XmlNode } from '../writer/xml-builder';
import { UBL_NAMESPACES } from '../xml/tree';
import type { OrderLine, OrderParty, PurchaseOrder } from './types';

export const PEPPOL_ORDER_CUSTOMIZATION = 'urn:fdc:peppol.eu:poacc:trns:order:3';
export const PEPPOL_ORDERING_PROFILE = 'urn:fdc:peppol.eu:poacc:bis:ordering:3';

const identifier = (name: string, value: Identifier | undefined) =>
  value === undefined ? undefined : leaf(name, value.id, { schemeID: value.schemeId });

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

function party(role: string, value: OrderParty): XmlNode | undefined {
  return group(
    role,
    group(
      'cac:Party',
      identifier('cbc:EndpointID', value.endpoint),
      group('cac:PartyIdentification', identifier('cbc:ID', value.identifier)),
      group('cac:PartyName', leaf('cbc:Name', value.name)),
      address('cac:PostalAddress', value.address),
      value.vatId === undefined
        ? undefined
        : group(
            'cac:PartyTaxScheme',
            leaf('cbc:CompanyID', value.vatId),
            group('cac:TaxScheme', leaf('cbc:ID', 'VAT')),
          ),
      group(
        'cac:PartyLegalEntity',
        leaf('cbc:RegistrationName', value.legalName ?? value.name),
        identifier('cbc:CompanyID', value.legalRegistrationId),
      ),
      contact(value.contact),
    ),
  );
}

function orderLine(line: OrderLine, currency: string): XmlNode | undefined {
  const item = line.item;
  return group(
    'cac:OrderLine',
    leaf('cbc:Note', line.note),
    group(
      'cac:LineItem',
      leaf('cbc:ID', line.id),
      leaf('cbc:Quantity', line.quantity, { unitCode: line.unitCode }),
      leaf('cbc:LineExtensionAmount', line.lineExtensionAmount, { currencyID: currency }),
      leaf('cbc:AccountingCost', line.accountingCost),
      group(
        'cac:Delivery',
        group('cac:RequestedDeliveryPeriod', leaf('cbc:StartDate', line.requestedDeliveryDate)),
      ),
      group(
        'cac:Price',
        leaf('cbc:PriceAmount', line.price, { currencyID: currency }),
        leaf('cbc:BaseQuantity', line.baseQuantity, {
          unitCode: line.baseQuantity === undefined ? undefined : line.unitCode,
        }),
      ),
      group(
        'cac:Item',
        leaf('cbc:Description', item.description),
        leaf('cbc:Name', item.name),
        group('cac:BuyersItemIdentification', leaf('cbc:ID', item.buyerItemId)),
        group('cac:SellersItemIdentification', leaf('cbc:ID', item.sellerItemId)),
        group('cac:StandardItemIdentification', leaf('cbc:ID', item.gtin, { schemeID: '0160' })),
        item.classification === undefined
          ? undefined
          : group(
              'cac:CommodityClassification',
              leaf('cbc:ItemClassificationCode', item.classification.code, {
                listID: item.classification.listId,
              }),
            ),
        group(
          'cac:ClassifiedTaxCategory',
          leaf('cbc:ID', item.vatCategory),
          leaf('cbc:Percent', item.vatRate),
          item.vatCategory === undefined ? undefined : group('cac:TaxScheme', leaf('cbc:ID', 'VAT')),
        ),
      ),
    ),
  );
}

/** The UBL Order XML text of a purchase order (PEPPOL BIS Ordering 3). */
export function writeOrderXml(order: PurchaseOrder): string {
  const currency = order.currency;
  const money = (name: string, value: string | undefined) => leaf(name, value, { currencyID: currency });
  const delivery = order.delivery;
  const root: XmlNode = {
    name: 'Order',
    children: [
      leaf('cbc:CustomizationID', PEPPOL_ORDER_CUSTOMIZATION),
      leaf('cbc:ProfileID', PEPPOL_ORDERING_PROFILE),
      leaf('cbc:ID', order.id),
      leaf('cbc:IssueDate', order.issueDate),
      leaf('cbc:OrderTypeCode', '220'),
      leaf('cbc:Note', order.note),
      leaf('cbc:DocumentCurrencyCode', currency),
      leaf('cbc:CustomerReference', order.customerReference),
      leaf('cbc:AccountingCost', order.accountingCost),
      group('cac:Contract', leaf('cbc:ID', order.contractReference)),
      party('cac:BuyerCustomerParty', order.buyer),
      party('cac:SellerSupplierParty', order.seller),
      delivery === undefined
        ? undefined
        : group(
            'cac:Delivery',
            group(
              'cac:DeliveryLocation',
              identifier('cbc:ID', delivery.locationId),
              address('cac:Address', delivery.address),
            ),
            group(
              'cac:RequestedDeliveryPeriod',
              leaf('cbc:StartDate', delivery.requestedStartDate),
              leaf('cbc:EndDate', delivery.requestedEndDate),
            ),
            group('cac:DeliveryParty', group('cac:PartyName', leaf('cbc:Name', delivery.partyName))),
          ),
      group('cac:PaymentTerms', leaf('cbc:Note', order.paymentTerms)),
      group('cac:TaxTotal', money('cbc:TaxAmount', order.totals.taxAmount)),
      group(
        'cac:AnticipatedMonetaryTotal',
        money('cbc:LineExtensionAmount', order.totals.lineExtensionAmount),
        money('cbc:TaxExclusiveAmount', order.totals.taxExclusiveAmount),
        money('cbc:TaxInclusiveAmount', order.totals.taxInclusiveAmount),
        money('cbc:PayableAmount', order.totals.payableAmount),
      ),
      ...order.lines.map((line) => orderLine(line, currency)),
    ],
  };
  return serialiseDocument(root, {
    '': UBL_NAMESPACES.order,
    cac: UBL_NAMESPACES.cac,
    cbc: UBL_NAMESPACES.cbc,
  });
}
