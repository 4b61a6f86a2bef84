import { applyBasisPoints, formatDecimalPounds } from '../../../kernel/money';
import type { PurchaseOrder as PeppolOrder } from '../../../standards/peppol-ubl';
import { formatQuantity } from './quantity';

export type Endpoint = { scheme: string; id: string };

/** Everything an order document shows, whether as PEPPOL XML or the printable page. */
export type OrderDocument = {
  number: string;
  version: number;
  orderDate: string;
  status: string;
  requisitionNumber: string;
  buyer: {
    name: string;
    endpoint: Endpoint | null;
    deliveryAddress: { lines: string[]; town: string; postcode: string; countryCode: string } | null;
    contact: { name: string; email: string | null; telephone: string | null } | null;
  };
  supplier: {
    name: string;
    endpoint: Endpoint | null;
    vatNumber: string | null;
    companiesHouseNumber: string | null;
    address: { lines: string[]; town: string; postcode: string; countryCode: string } | null;
  };
  paymentTermsDays: number;
  lines: {
    lineNo: number;
    description: string;
    gtin: string | null;
    supplierItemCode: string | null;
    unitCode: string;
    quantity: bigint;
    unitPricePence: bigint;
    netPence: bigint;
    vatRateBasisPoints: number;
    accountCode: string;
    costCentreCode: string;
  }[];
};

/**
 * The supplier's PEPPOL address: its participant identifier, else its GLN
 * (0088), else its UK VAT number (9932); null when it has none of them.
 */
export function supplierEndpoint(supplier: {
  endpointScheme: string | null;
  endpointId: string | null;
  gln: string | null;
  vatNumber: string | null;
}): Endpoint | null {
  if (supplier.endpointScheme && supplier.endpointId)
    return { scheme: supplier.endpointScheme, id: supplier.endpointId };
  if (supplier.gln) return { scheme: '0088', id: supplier.gln };
  if (supplier.vatNumber) return { scheme: '9932', id: supplier.vatNumber };
  return null;
}

/** VAT by rate, each rate's total rounded once (half up), as an invoice would. */
export function orderTotals(lines: OrderDocument['lines']) {
  const net = lines.reduce((sum, line) => sum + line.netPence, 0n);
  const byRate = new Map<number, bigint>();
  for (const line of lines)
    byRate.set(line.vatRateBasisPoints, (byRate.get(line.vatRateBasisPoints) ?? 0n) + line.netPence);
  const vat = [...byRate].reduce(
    (sum, [rate, amount]) => sum + applyBasisPoints(amount, BigInt(rate), 'half-up'),
    0n,
  );
  return { netPence: net, vatPence: vat, grossPence: net + vat };
}

const percent = (basisPoints: number) => formatQuantity(BigInt(basisPoints) * 10n);

/** The order as PEPPOL BIS Ordering 3 carries it; the caller makes sure both parties have an electronic address. */
export function toPeppolOrder(
  document: OrderDocument & { buyer: { endpoint: Endpoint }; supplier: { endpoint: Endpoint } },
): PeppolOrder {
  const totals = orderTotals(document.lines);
  const address = (value: OrderDocument['supplier']['address']) =>
    value
      ? {
          line1: value.lines[0],
          line2: value.lines[1],
          line3: value.lines[2],
          city: value.town,
          postalCode: value.postcode,
          countrySubdivision: undefined,
          countryCode: value.countryCode,
        }
      : undefined;
  return {
    id: document.number,
    issueDate: document.orderDate,
    currency: 'GBP',
    note: document.version > 1 ? `Amended order, version ${document.version}` : undefined,
    customerReference: document.requisitionNumber,
    buyer: {
      endpoint: { id: document.buyer.endpoint.id, schemeId: document.buyer.endpoint.scheme },
      name: document.buyer.name,
      address: address(document.buyer.deliveryAddress),
      contact: document.buyer.contact
        ? {
            name: document.buyer.contact.name,
            email: document.buyer.contact.email ?? undefined,
            telephone: document.buyer.contact.telephone ?? undefined,
          }
        : undefined,
    },
    seller: {
      endpoint: { id: document.supplier.endpoint.id, schemeId: document.supplier.endpoint.scheme },
      name: document.supplier.name,
      vatId: document.supplier.vatNumber ?? undefined,
      address: address(document.supplier.address),
    },
    delivery: document.buyer.deliveryAddress
      ? { address: address(document.buyer.deliveryAddress), partyName: document.buyer.name }
      : undefined,
    paymentTerms: `Payment within ${document.paymentTermsDays} days of receipt of a valid invoice`,
    totals: {
      lineExtensionAmount: formatDecimalPounds(totals.netPence),
      taxExclusiveAmount: formatDecimalPounds(totals.netPence),
      taxAmount: formatDecimalPounds(totals.vatPence),
      taxInclusiveAmount: formatDecimalPounds(totals.grossPence),
      payableAmount: formatDecimalPounds(totals.grossPence),
    },
    lines: document.lines.map((line) => ({
      id: String(line.lineNo),
      quantity: formatQuantity(line.quantity),
      unitCode: line.unitCode,
      lineExtensionAmount: formatDecimalPounds(line.netPence),
      price: formatDecimalPounds(line.unitPricePence),
      accountingCost: `${line.accountCode}/${line.costCentreCode}`,
      item: {
        name: line.description.slice(0, 200),
        sellerItemId: line.supplierItemCode ?? undefined,
        gtin: line.gtin ?? undefined,
        vatCategory: line.vatRateBasisPoints === 0 ? 'Z' : 'S',
        vatRate: percent(line.vatRateBasisPoints),
      },
    })),
  };
}
