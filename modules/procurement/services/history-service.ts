import type { ValidationIssue } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import { pence } from '../../../kernel/money';
import type { TenantTx } from '../../../kernel/tenancy';
import { isLocalDate, type LocalDate } from '../../../kernel/time';
import {
  goodsReceiptNumber,
  orderNumberKey,
  purchaseOrderNumber,
  requisitionNumber,
} from '../domain/numbers';
import { lineValue, parseQuantity } from '../domain/quantity';
import { procurementError } from '../errors';
import { reserveNumbers } from '../sql/catalogue-queries';
import * as orders from '../sql/order-queries';
import { requisitionInserts } from '../sql/requisition-queries';
import { runWrites } from '../sql/writes';
import { expenditureAccounts, financialYearOf, type ProcurementDeps } from './context';
import { TOUCHLESS_ACTOR } from './requisition-service';

/** One order as a legacy purchasing system recorded it: raised, delivered in full and settled there. */
export type HistoricOrder = {
  requesterId: string;
  submittedAt: Date;
  raisedAt: Date;
  raisedVia: 'touchless' | 'approval';
  /** Who approved it (null for an order the legacy system raised automatically) */
  approverId: string | null;
  supplierId: string;
  orderDate: LocalDate;
  receivedOn: LocalDate;
  receivedBy: string;
  lines: {
    itemId: string | null;
    description: string;
    gtin: string | null;
    supplierItemCode: string | null;
    unitCode: string;
    quantity: string | number;
    unitPricePence: bigint;
    vatRateBasisPoints: number;
    accountCode: string;
    costCentreCode: string;
    contractId: string | null;
  }[];
};

const BATCH = 2_000;

export function createHistoryService(deps: ProcurementDeps) {
  const { ledger, suppliers } = deps;
  return {
    /**
     * Brings over an organisation's purchasing history from the system it used
     * before Mainstay, in bulk: each order arrives closed, with its requisition
     * and its receipt. The legacy ledger already accounted for them, so nothing
     * is posted and nothing is committed; measures and insight read them like
     * any other order. Checked in full first: all or nothing.
     */
    async importOrderHistory(
      tx: TenantTx,
      history: readonly HistoricOrder[],
    ): Promise<{ requisitions: number; purchaseOrders: number; receipts: number }> {
      if (history.length === 0) return { requisitions: 0, purchaseOrders: 0, receipts: 0 };
      const accounts = await expenditureAccounts(tx, ledger);
      const centres = new Set((await ledger.costCentres(tx)).map((centre) => centre.code));
      const supplierIds = [...new Set(history.map((order) => order.supplierId))];
      const known = new Set(
        (await suppliers.listSuppliers(tx, { ids: supplierIds, limit: supplierIds.length })).map((s) => s.id),
      );
      const issues: ValidationIssue[] = [];
      const quantities = history.map((order, orderIndex) => {
        const at = (field: string) => `orders[${orderIndex}].${field}`;
        if (!known.has(order.supplierId))
          issues.push({
            path: at('supplierId'),
            rule: 'supplier-known',
            message: `No supplier ${order.supplierId}`,
          });
        if (
          !isLocalDate(order.orderDate) ||
          !isLocalDate(order.receivedOn) ||
          order.receivedOn < order.orderDate
        ) {
          issues.push({
            path: at('receivedOn'),
            rule: 'received-after-order',
            message: 'Dates YYYY-MM-DD, received on or after ordered',
          });
        }
        return order.lines.map((line, lineIndex) => {
          const quantity = parseQuantity(line.quantity);
          if (quantity === undefined || quantity <= 0n) {
            issues.push({
              path: at(`lines[${lineIndex}].quantity`),
              rule: 'quantity-positive',
              message: 'The quantity must be more than 0',
            });
          }
          if (!accounts.has(line.accountCode)) {
            issues.push({
              path: at(`lines[${lineIndex}].accountCode`),
              rule: 'account-known',
              message: `${line.accountCode} is not an expenditure account`,
            });
          }
          if (!centres.has(line.costCentreCode)) {
            issues.push({
              path: at(`lines[${lineIndex}].costCentreCode`),
              rule: 'cost-centre-known',
              message: `No cost centre ${line.costCentreCode}`,
            });
          }
          return quantity ?? 0n;
        });
      });
      if (issues.length > 0) {
        throw procurementError(
          'REQUISITION_INVALID',
          `${issues.length} problems with the order history`,
          issues.slice(0, 100),
        );
      }
      for (let start = 0; start < history.length; start += BATCH) {
        const batch = history.slice(start, start + BATCH);
        const first = await reserveNumbers(tx, tx.ctx.organisationId, {
          requisition: batch.length,
          'purchase-order': batch.length,
          'goods-receipt': batch.length,
        });
        const firstRequisition = first.requisition;
        const firstOrder = first['purchase-order'];
        const firstReceipt = first['goods-receipt'];
        const built = batch.map((order, offset) => {
          const lineQuantities = quantities[start + offset]!;
          const lines = order.lines.map((line, index) => ({
            ...line,
            lineNo: index + 1,
            quantity: lineQuantities[index]!,
            netPence: lineValue(lineQuantities[index]!, line.unitPricePence),
          }));
          const total = lines.reduce((sum, line) => sum + line.netPence, 0n);
          const requisitionId = newId('req');
          const orderId = newId('po');
          const number = purchaseOrderNumber(tx.ctx.organisationId, firstOrder + BigInt(offset));
          return {
            requisition: {
              id: requisitionId,
              number: requisitionNumber(firstRequisition + BigInt(offset)),
              requesterId: order.requesterId,
              status: 'ordered' as const,
              totalNetPence: total,
              approvalRoute: [],
              touchlessBlockers: [],
              neededBy: null,
              note: null,
              source: 'migrated' as const,
              submittedAt: order.submittedAt,
              orderedAt: order.raisedAt,
              lines: lines.map((line) => ({
                ...line,
                unitPricePence: pence(line.unitPricePence),
                supplierId: order.supplierId,
                quantityMilli: line.quantity,
              })),
            },
            order: {
              id: orderId,
              number,
              numberKey: orderNumberKey(number),
              requisitionId,
              requesterId: order.requesterId,
              supplierId: order.supplierId,
              status: 'closed' as const,
              raisedVia: order.raisedVia,
              raisedBy: order.approverId ?? TOUCHLESS_ACTOR,
              requisitionSubmittedAt: order.submittedAt,
              raisedAt: order.raisedAt,
              orderDate: order.orderDate,
              financialYear: financialYearOf(order.orderDate),
              totalNetPence: total,
              source: 'migrated' as const,
              lines,
            },
            receipt: {
              id: newId('grn'),
              number: goodsReceiptNumber(firstReceipt + BigInt(offset)),
              orderId,
              kind: 'receipt' as const,
              receivedOn: order.receivedOn,
              note: 'Brought over from the legacy purchasing system',
              journalId: null,
              by: order.receivedBy,
              at: new Date(`${order.receivedOn}T12:00:00Z`),
              lines: lines.map((line) => ({
                lineNo: line.lineNo,
                quantity: line.quantity,
                valuePence: line.netPence,
                accountCode: line.accountCode,
                costCentreCode: line.costCentreCode,
              })),
            },
          };
        });
        await runWrites(tx, [
          requisitionInserts(
            tx.ctx.organisationId,
            built.map((entry) => entry.requisition),
          ),
          orders.orderInserts(
            tx.ctx.organisationId,
            built.map((entry) => entry.order),
            'Brought over from the legacy purchasing system',
          ),
        ]);
        await orders.insertReceipts(
          tx,
          tx.ctx.organisationId,
          built.map((entry) => entry.receipt),
        );
      }
      const orderDates = history.map((order) => order.orderDate).sort();
      tx.audit({
        action: 'procurement.history.imported',
        entityType: 'order-history',
        entityId: tx.ctx.organisationId,
        after: {
          orders: history.length,
          lines: history.reduce((sum, order) => sum + order.lines.length, 0),
          from: orderDates[0],
          to: orderDates.at(-1),
        },
        reason: 'Purchasing history brought over from the legacy system (already accounted for there)',
      });
      return { requisitions: history.length, purchaseOrders: history.length, receipts: history.length };
    },
  };
}
