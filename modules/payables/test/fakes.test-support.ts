import { conflict, notFound } from '../../../kernel/errors';
import type { TenantTx } from '../../../kernel/tenancy';
import { extendPence, formatQuantity, quantityOf } from '../domain/quantity';
import type {
  ProcurementPort,
  PurchaseOrderForMatching,
  SupplierSummary,
  SuppliersPort,
  VerifiedBankDetails,
} from '../ports';

type StoredSupplier = SupplierSummary & {
  organisationId: string;
  termsDays: number;
  bank: VerifiedBankDetails | null;
};

/** The suppliers register as payables sees it, in memory, per organisation. */
export function fakeSuppliers() {
  const suppliers: StoredSupplier[] = [];
  const port: SuppliersPort = {
    async getSupplier(tx: TenantTx, supplierId: string) {
      const supplier = suppliers.find(
        (s) => s.id === supplierId && s.organisationId === tx.ctx.organisationId,
      );
      if (!supplier) throw notFound('SUPPLIER_NOT_FOUND', `No supplier ${supplierId}`);
      return supplier;
    },
    async findSupplierByIdentifiers(tx, identifiers) {
      const norm = (value: string | null | undefined) =>
        value?.toUpperCase().replace(/[^A-Z0-9]/g, '') || null;
      return (
        suppliers.find(
          (s) =>
            s.organisationId === tx.ctx.organisationId &&
            ((identifiers.endpointId && norm(s.endpointId) === norm(identifiers.endpointId)) ||
              (identifiers.vatNumber && norm(s.vatNumber) === norm(identifiers.vatNumber)) ||
              (identifiers.companiesHouseNumber &&
                norm(s.companiesHouseNumber) === norm(identifiers.companiesHouseNumber))),
        ) ?? null
      );
    },
    async verifiedBankDetails(tx, supplierId) {
      return (
        suppliers.find((s) => s.id === supplierId && s.organisationId === tx.ctx.organisationId)?.bank ?? null
      );
    },
    async effectivePaymentTermsDays(tx, supplierId) {
      return (
        suppliers.find((s) => s.id === supplierId && s.organisationId === tx.ctx.organisationId)?.termsDays ??
        30
      );
    },
  };
  return {
    port,
    add(supplier: Partial<StoredSupplier> & { id: string; organisationId: string; name: string }) {
      suppliers.push({ termsDays: 30, bank: null, status: 'active', ...supplier });
    },
    setBank(supplierId: string, bank: VerifiedBankDetails | null) {
      for (const supplier of suppliers.filter((s) => s.id === supplierId)) supplier.bank = bank;
    },
  };
}

/** Purchase orders as procurement would answer for them, with receipts and invoicing recorded in memory. */
export function fakeProcurement() {
  const orders = new Map<string, PurchaseOrderForMatching & { organisationId: string }>();
  const recorded: {
    invoiceId: string;
    purchaseOrderId: string;
    lines: { lineNo: number; quantity: string }[];
  }[] = [];
  /** Orders procurement refuses to record against (it knows something payables' match did not). */
  const refusing = new Set<string>();
  const refuse = (purchaseOrderId: string) => {
    if (refusing.has(purchaseOrderId))
      throw conflict('PURCHASE_ORDER_NOT_OPEN', `${purchaseOrderId} takes no more invoices`);
  };
  const port: ProcurementPort = {
    async purchaseOrderForMatching(tx, reference) {
      const order = orders.get(`${tx.ctx.organisationId}/${reference}`);
      return order ? structuredClone(order) : null;
    },
    async recordInvoiced(tx, input) {
      refuse(input.purchaseOrderId);
      const order = [...orders.values()].find(
        (o) => o.id === input.purchaseOrderId && o.organisationId === tx.ctx.organisationId,
      );
      if (!order) throw notFound('PURCHASE_ORDER_NOT_FOUND', input.purchaseOrderId);
      recorded.push(input);
      return {
        lines: input.lines.map((line) => {
          const poLine = order.lines.find((l) => l.lineNo === line.lineNo)!;
          const quantity = quantityOf(line.quantity);
          const open = quantityOf(poLine.receivedQuantity) - quantityOf(poLine.invoicedQuantity);
          poLine.invoicedQuantity = formatQuantity(quantityOf(poLine.invoicedQuantity) + quantity);
          const released = quantity > 0n ? (quantity < open ? quantity : open > 0n ? open : 0n) : 0n;
          return { lineNo: line.lineNo, grniReleasedPence: extendPence(released, poLine.unitPricePence) };
        }),
      };
    },
    async measures() {
      return { touchlessRate: 0.94, requisitionToOrderSeconds: { median: 12, p90: 40 } };
    },
  };
  const batchCalls = { lookups: 0, recordings: 0 };
  /** The same answers through procurement's optional batch forms (all or nothing, as the port says). */
  const batchPort: ProcurementPort = {
    ...port,
    async purchaseOrdersForMatching(tx, references) {
      batchCalls.lookups += 1;
      const found = [];
      for (const reference of references) found.push(await port.purchaseOrderForMatching(tx, reference));
      return found;
    },
    async recordInvoicedMany(tx, inputs) {
      batchCalls.recordings += 1;
      for (const input of inputs) refuse(input.purchaseOrderId);
      const results = [];
      for (const input of inputs) results.push(await port.recordInvoiced(tx, input));
      return results;
    },
  };
  return {
    port,
    recorded,
    batchPort,
    batchCalls,
    refusing,
    add(organisationId: string, order: PurchaseOrderForMatching) {
      orders.set(`${organisationId}/${order.number}`, { ...structuredClone(order), organisationId });
    },
    receive(organisationId: string, number: string, lineNo: number, quantity: string) {
      const line = orders.get(`${organisationId}/${number}`)!.lines.find((l) => l.lineNo === lineNo)!;
      line.receivedQuantity = formatQuantity(quantityOf(line.receivedQuantity) + quantityOf(quantity));
    },
    order(organisationId: string, number: string) {
      return orders.get(`${organisationId}/${number}`)!;
    },
  };
}
