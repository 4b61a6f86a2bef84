import { newId } from '../../../kernel/ids';
import { commitmentChanges, type LineFacts, orderStatus, type StoredStatus } from '../domain/order-lifecycle';
import { formatQuantity } from '../domain/quantity';
import type * as sql from '../sql/order-queries';
import type { PurchaseOrder, PurchaseOrderLine } from '../types';

function toLine(state: sql.LineState): PurchaseOrderLine {
  return {
    lineNo: state.lineNo,
    version: state.version,
    itemId: state.itemId,
    description: state.description,
    gtin: state.gtin,
    supplierItemCode: state.supplierItemCode,
    unitCode: state.unitCode,
    orderedQuantity: formatQuantity(state.ordered),
    receivedQuantity: formatQuantity(state.received),
    invoicedQuantity: formatQuantity(state.invoiced),
    unitPricePence: state.unitPricePence,
    vatRateBasisPoints: state.vatRateBasisPoints,
    netPence: state.netPence,
    accountCode: state.accountCode,
    costCentreCode: state.costCentreCode,
    contractId: state.contractId,
  };
}

/** An order as its services read it back: the stored header and current lines, shaped for callers. */
export function toPurchaseOrder(header: sql.OrderHeaderRow, lines: readonly sql.LineState[]): PurchaseOrder {
  return {
    id: header.id,
    number: header.number,
    requisitionId: header.requisitionId,
    requesterId: header.requesterId,
    supplierId: header.supplierId,
    status: orderStatus(header.storedStatus, lines),
    version: header.version,
    raisedVia: header.raisedVia,
    raisedBy: header.raisedBy,
    raisedAt: header.raisedAt,
    orderDate: header.orderDate,
    currency: 'GBP',
    totalNetPence: header.totalNetPence,
    cancelReason: header.cancelReason,
    lines: lines.map(toLine),
  };
}

export const facts = (state: sql.LineState): LineFacts => ({
  lineNo: state.lineNo,
  ordered: state.ordered,
  unitPricePence: state.unitPricePence,
  netPence: state.netPence,
  received: state.received,
  accruedPence: state.accruedPence,
  invoiced: state.invoiced,
  grniReleasedPence: state.grniReleasedPence,
  committedPence: state.committedPence,
});

export type CommitmentEvent = sql.CommitmentMovement['event'];

/** The movements that bring each line's commitment to what it should now hold (see `commitmentTarget`). */
export function commitmentMovements(
  header: sql.OrderHeaderRow,
  stored: StoredStatus,
  lines: readonly sql.LineState[],
  event: CommitmentEvent,
  sourceId: string,
): sql.CommitmentMovement[] {
  const byLine = new Map(lines.map((line) => [line.lineNo, line]));
  return commitmentChanges(stored, lines.map(facts)).map((change) => {
    const line = byLine.get(change.lineNo)!;
    return {
      id: newId('cmt'),
      orderId: header.id,
      lineNo: change.lineNo,
      costCentreCode: line.costCentreCode,
      accountCode: line.accountCode,
      financialYear: header.financialYear,
      amountPence: change.amountPence,
      event,
      sourceId,
    };
  });
}
