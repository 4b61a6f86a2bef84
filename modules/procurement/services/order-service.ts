import type { ValidationIssue } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import { formatPounds, type Pence, pence } from '../../../kernel/money';
import type { TenantTx } from '../../../kernel/tenancy';
import { isLocalDate, type LocalDate } from '../../../kernel/time';
import { writeOrderXml } from '../../../standards/peppol-ubl';
import { CONTROL_ACCOUNTS } from '../../ledger';
import { nearestRank, share } from '../domain/measures';
import { goodsReceiptNumber } from '../domain/numbers';
import { type OrderDocument, supplierEndpoint, toPeppolOrder } from '../domain/order-document';
import { orderStatus, planReceipt, type StoredStatus } from '../domain/order-lifecycle';
import { formatQuantity, lineValue, maxMilli, parseQuantity } from '../domain/quantity';
import { receiptConflict } from '../domain/segregation';
import { procurementError } from '../errors';
import { reserveNumbers, selectOrderingProfile } from '../sql/catalogue-queries';
import * as sql from '../sql/order-queries';
import { commitmentInserts } from '../sql/order-queries';
import { selectApproverIds, selectRequisitions } from '../sql/requisition-queries';
import { runWrites } from '../sql/writes';
import type {
  GoodsReceipt,
  GoodsReceiptInput,
  ProcurementMeasures,
  PurchaseOrder,
  PurchaseOrderStatus,
  PurchaseOrderVersion,
} from '../types';
import { type ProcurementDeps, pastOrToday } from './context';
import { type CommitmentEvent, commitmentMovements, facts, toPurchaseOrder } from './order-state';

export function createOrderService(deps: ProcurementDeps) {
  const { ledger, framework, suppliers } = deps;

  async function requireHeader(tx: TenantTx, orderId: string): Promise<sql.OrderHeaderRow> {
    const [header] = await sql.selectOrderHeaders(tx, { ids: [orderId], limit: 1 });
    if (!header) throw procurementError('PURCHASE_ORDER_NOT_FOUND', `No purchase order ${orderId}`);
    return header;
  }

  /** Moves each line's commitment to what it should now hold (see `commitmentTarget`). */
  async function syncCommitments(
    tx: TenantTx,
    header: sql.OrderHeaderRow,
    stored: StoredStatus,
    lines: readonly sql.LineState[],
    event: CommitmentEvent,
    sourceId: string,
  ): Promise<void> {
    const movements = commitmentMovements(header, stored, lines, event, sourceId);
    await runWrites(tx, [commitmentInserts(tx.ctx.organisationId, movements, tx.now)]);
  }

  async function requireOpen(tx: TenantTx, orderId: string, allowClosed = false) {
    const header = await requireHeader(tx, orderId);
    if (header.storedStatus === 'cancelled' || (header.storedStatus === 'closed' && !allowClosed)) {
      throw procurementError(
        'PURCHASE_ORDER_NOT_OPEN',
        `Purchase order ${header.number} is ${header.storedStatus}`,
      );
    }
    return header;
  }

  async function document(tx: TenantTx, orderId: string): Promise<OrderDocument> {
    const header = await requireHeader(tx, orderId);
    const lines = await sql.selectLineStates(tx, [orderId]);
    const supplier = await suppliers.getSupplier(tx, header.supplierId);
    const profile = await selectOrderingProfile(tx);
    const [requisition] = await selectRequisitions(tx, { ids: [header.requisitionId], limit: 1 });
    const address =
      (supplier.addresses.find((a) => a.purpose === 'ordering') ?? supplier.addresses[0]) || null;
    return {
      number: header.number,
      version: header.version,
      orderDate: header.orderDate,
      status: orderStatus(header.storedStatus, lines),
      requisitionNumber: requisition?.number ?? header.requisitionId,
      buyer: {
        name: profile?.buyerName ?? tx.ctx.organisationId,
        endpoint: profile ? { scheme: profile.endpointScheme, id: profile.endpointId } : null,
        deliveryAddress: profile?.deliveryAddress ?? null,
        contact: profile?.contact ?? null,
      },
      supplier: {
        name: supplier.name,
        endpoint: supplierEndpoint(supplier),
        vatNumber: supplier.vatNumber,
        companiesHouseNumber: supplier.companiesHouseNumber,
        address: address
          ? {
              lines: address.lines,
              town: address.town,
              postcode: address.postcode,
              countryCode: address.countryCode,
            }
          : null,
      },
      paymentTermsDays: await suppliers.effectivePaymentTermsDays(tx, supplier.id),
      lines: lines
        .filter((line) => line.ordered > 0n)
        .map((line) => ({
          lineNo: line.lineNo,
          description: line.description,
          gtin: line.gtin,
          supplierItemCode: line.supplierItemCode,
          unitCode: line.unitCode,
          quantity: line.ordered,
          unitPricePence: line.unitPricePence,
          netPence: line.netPence,
          vatRateBasisPoints: line.vatRateBasisPoints,
          accountCode: line.accountCode,
          costCentreCode: line.costCentreCode,
        })),
    };
  }

  const service = {
    async purchaseOrder(tx: TenantTx, orderId: string): Promise<PurchaseOrder> {
      const header = await requireHeader(tx, orderId);
      return toPurchaseOrder(header, await sql.selectLineStates(tx, [orderId]));
    },

    async purchaseOrders(
      tx: TenantTx,
      filter: {
        statuses?: readonly StoredStatus[];
        requesterId?: string;
        requisitionId?: string;
        supplierId?: string;
        search?: string;
        limit?: number;
      } = {},
    ): Promise<PurchaseOrder[]> {
      const headers = await sql.selectOrderHeaders(tx, {
        ...filter,
        search: filter.search ? filter.search.toUpperCase().replace(/[^A-Z0-9]/g, '') : undefined,
        limit: Math.min(filter.limit ?? 50, 500),
      });
      if (headers.length === 0) return [];
      const lines = await sql.selectLineStates(
        tx,
        headers.map((header) => header.id),
      );
      return headers.map((header) =>
        toPurchaseOrder(
          header,
          lines.filter((line) => line.purchaseOrderId === header.id),
        ),
      );
    },

    async purchaseOrderHistory(tx: TenantTx, orderId: string): Promise<PurchaseOrderVersion[]> {
      await requireHeader(tx, orderId);
      return sql.selectOrderVersions(tx, orderId);
    },

    /**
     * Changes quantities or prices of open lines as a new version of the order
     * (the earlier lines are kept). A line cannot drop below what has been
     * received or invoiced, and the order cannot grow beyond the value that was
     * approved: that needs a new requisition.
     */
    async amendPurchaseOrder(
      tx: TenantTx,
      orderId: string,
      input: {
        reason: string;
        lines: readonly { lineNo: number; quantity?: string | number; unitPricePence?: number | bigint }[];
      },
    ): Promise<PurchaseOrder> {
      const header = await requireOpen(tx, orderId);
      const states = await sql.selectLineStates(tx, [orderId]);
      const byLine = new Map(states.map((state) => [state.lineNo, state]));
      const issues: ValidationIssue[] = [];
      if (input.reason.trim() === '')
        issues.push({ path: 'reason', rule: 'reason-required', message: 'Say why the order is changing' });
      if (input.lines.length === 0)
        issues.push({ path: 'lines', rule: 'lines-required', message: 'Say which lines change' });
      const changed: sql.LineWrite[] = [];
      for (const [index, change] of input.lines.entries()) {
        const state = byLine.get(change.lineNo);
        if (!state) {
          issues.push({
            path: `lines[${index}].lineNo`,
            rule: 'order-line-known',
            message: `The order has no line ${change.lineNo}`,
          });
          continue;
        }
        const quantity = change.quantity === undefined ? state.ordered : parseQuantity(change.quantity);
        const price =
          change.unitPricePence === undefined ? state.unitPricePence : BigInt(change.unitPricePence);
        const floor = maxMilli(state.received, state.invoiced);
        if (quantity === undefined || quantity < 0n) {
          issues.push({
            path: `lines[${index}].quantity`,
            rule: 'quantity-format',
            message: `"${change.quantity}" is not a quantity`,
          });
          continue;
        }
        if (quantity < floor) {
          issues.push({
            path: `lines[${index}].quantity`,
            rule: 'quantity-not-below-received',
            message: `Line ${change.lineNo} has ${formatQuantity(floor)} received or invoiced already`,
          });
        }
        if (price < 0n)
          issues.push({
            path: `lines[${index}].unitPricePence`,
            rule: 'price-non-negative',
            message: 'A price cannot be negative',
          });
        changed.push({ ...state, quantity, unitPricePence: price, netPence: lineValue(quantity, price) });
      }
      if (issues.length > 0) throw procurementError('AMENDMENT_INVALID', issues[0]!.message, issues);
      const changedNos = new Set(changed.map((line) => line.lineNo));
      const total =
        changed.reduce((sum, line) => sum + line.netPence, 0n) +
        states
          .filter((state) => !changedNos.has(state.lineNo))
          .reduce((sum, state) => sum + state.netPence, 0n);
      if (total > header.approvedNetPence) {
        throw procurementError(
          'AMENDMENT_NEEDS_APPROVAL',
          `The amended order (${formatPounds(total)}) would be worth more than was approved (${formatPounds(header.approvedNetPence)}): raise a new requisition for the extra`,
          [
            {
              path: 'lines',
              rule: 'amendment-within-approval',
              message: 'An amendment may not increase the approved value',
            },
          ],
        );
      }
      const version = header.version + 1;
      await sql.insertOrderVersion(tx, tx.ctx.organisationId, {
        orderId,
        version,
        change: 'amended',
        reason: input.reason.trim(),
        totalNetPence: total,
        by: tx.ctx.actor.id,
        at: tx.now,
        lines: changed,
      });
      await sql.updateOrderHeader(tx, orderId, {
        status: 'issued',
        version,
        totalNetPence: total,
        at: tx.now,
      });
      const after = await sql.selectLineStates(tx, [orderId]);
      await syncCommitments(tx, header, 'issued', after, 'amended', `${orderId}/v${version}`);
      tx.audit({
        action: 'procurement.purchase-order.amended',
        entityType: 'purchase-order',
        entityId: orderId,
        before: {
          version: header.version,
          totalNetPence: header.totalNetPence,
          lines: states
            .filter((s) => changedNos.has(s.lineNo))
            .map((s) => ({
              lineNo: s.lineNo,
              quantity: formatQuantity(s.ordered),
              unitPricePence: s.unitPricePence,
            })),
        },
        after: {
          version,
          totalNetPence: total,
          lines: changed.map((l) => ({
            lineNo: l.lineNo,
            quantity: formatQuantity(l.quantity),
            unitPricePence: l.unitPricePence,
          })),
        },
        reason: input.reason.trim(),
      });
      return toPurchaseOrder({ ...header, version, totalNetPence: total as Pence }, after);
    },

    /** Cancels an order nothing has been received or invoiced against; its commitments are released. */
    async cancelPurchaseOrder(tx: TenantTx, orderId: string, reason: string): Promise<PurchaseOrder> {
      const header = await requireOpen(tx, orderId);
      const states = await sql.selectLineStates(tx, [orderId]);
      if (reason.trim() === '') {
        throw procurementError('AMENDMENT_INVALID', 'Say why the order is cancelled', [
          { path: 'reason', rule: 'reason-required', message: 'Give the reason for cancelling' },
        ]);
      }
      if (
        states.some((state) => state.received !== 0n || state.invoiced !== 0n || state.accruedPence !== 0n)
      ) {
        throw procurementError(
          'PURCHASE_ORDER_NOT_OPEN',
          `Goods have been received or invoiced against ${header.number}: amend the outstanding quantities to what was received instead`,
        );
      }
      const version = header.version + 1;
      await sql.insertOrderVersion(tx, tx.ctx.organisationId, {
        orderId,
        version,
        change: 'cancelled',
        reason: reason.trim(),
        totalNetPence: header.totalNetPence,
        by: tx.ctx.actor.id,
        at: tx.now,
        lines: [],
      });
      await sql.updateOrderHeader(tx, orderId, {
        status: 'cancelled',
        version,
        totalNetPence: header.totalNetPence,
        at: tx.now,
        by: tx.ctx.actor.id,
        cancelReason: reason.trim(),
      });
      await syncCommitments(tx, header, 'cancelled', states, 'cancelled', `${orderId}/v${version}`);
      tx.audit({
        action: 'procurement.purchase-order.cancelled',
        entityType: 'purchase-order',
        entityId: orderId,
        before: { status: header.storedStatus, version: header.version },
        after: {
          status: 'cancelled',
          version,
          releasedPence: states.reduce((sum, s) => sum + s.committedPence, 0n),
        },
        reason: reason.trim(),
      });
      return toPurchaseOrder(
        { ...header, storedStatus: 'cancelled', version, cancelReason: reason.trim() },
        states,
      );
    },

    /**
     * Records goods received (or returned) against an order. A receipt posts
     * the accrual in the same transaction — Dr the line's expense account and
     * cost centre, Cr 210300 goods received not invoiced — and releases the
     * commitment it replaces; a return reverses both in proportion.
     */
    async recordReceipt(tx: TenantTx, orderId: string, input: GoodsReceiptInput): Promise<GoodsReceipt> {
      const kind = input.kind ?? 'receipt';
      const header = await requireOpen(tx, orderId, kind === 'return');
      const rules = (await framework.resolve(tx, 'governance.segregationOfDuties')).value;
      const conflict = receiptConflict({
        actorId: tx.ctx.actor.id,
        requesterId: header.requesterId,
        approverIds: await selectApproverIds(tx, header.requisitionId),
        rules,
      });
      if (conflict) {
        throw procurementError('SEGREGATION_OF_DUTIES', conflict.message, [
          { path: 'purchaseOrderId', rule: conflict.rule, message: conflict.message },
        ]);
      }
      const states = await sql.selectLineStates(tx, [orderId]);
      const issues: ValidationIssue[] = [];
      const receivedOn = pastOrToday(tx, input.receivedOn, 'receivedOn', issues);
      if (receivedOn < header.orderDate) {
        issues.push({
          path: 'receivedOn',
          rule: 'received-after-order',
          message: `The order was raised on ${header.orderDate}`,
        });
      }
      const plan = planReceipt(kind, input.lines, states.map(facts));
      issues.push(...plan.issues);
      if (issues.length > 0) {
        throw procurementError(
          issues.every((i) => i.rule.startsWith('quantity')) ? 'QUANTITY_INVALID' : 'RECEIPT_INVALID',
          issues.length === 1 ? issues[0]!.message : `${issues.length} problems with the ${kind}`,
          issues,
        );
      }
      const number = goodsReceiptNumber(
        (await reserveNumbers(tx, tx.ctx.organisationId, { 'goods-receipt': 1 }))['goods-receipt'],
      );
      const receiptId = newId('grn');
      const byLine = new Map(states.map((state) => [state.lineNo, state]));
      const valued = plan.lines.filter((line) => line.valuePence > 0n);
      const total = valued.reduce((sum, line) => sum + line.valuePence, 0n);
      let journalId: string | null = null;
      if (total > 0n) {
        const expenseSide = kind === 'receipt' ? 'debit' : 'credit';
        const accrualSide = kind === 'receipt' ? 'credit' : 'debit';
        const journal = await ledger.postJournal(tx, {
          accountingDate: receivedOn,
          sourceModule: 'procurement',
          sourceId: receiptId,
          reasonCode: 'GRNI_ACCRUAL',
          description: `${kind === 'receipt' ? 'Goods received' : 'Goods returned'} ${number} against ${header.number}`,
          lines: [
            ...valued.map((line) => ({
              accountCode: byLine.get(line.lineNo)!.accountCode,
              costCentreCode: byLine.get(line.lineNo)!.costCentreCode,
              side: expenseSide as 'debit' | 'credit',
              amountPence: line.valuePence,
              description: `${header.number} line ${line.lineNo}`,
            })),
            {
              accountCode: CONTROL_ACCOUNTS.goodsReceivedNotInvoiced,
              side: accrualSide as 'debit' | 'credit',
              amountPence: pence(total),
            },
          ],
        });
        journalId = journal.id;
      }
      const lines = plan.lines.map((line) => ({
        lineNo: line.lineNo,
        quantity: line.quantity,
        valuePence: line.valuePence,
        accountCode: byLine.get(line.lineNo)!.accountCode,
        costCentreCode: byLine.get(line.lineNo)!.costCentreCode,
      }));
      const note = input.note?.trim() || null;
      await sql.insertReceipt(tx, tx.ctx.organisationId, {
        id: receiptId,
        number,
        orderId,
        kind,
        receivedOn,
        note,
        journalId,
        by: tx.ctx.actor.id,
        at: tx.now,
        lines,
      });
      const after = await sql.selectLineStates(tx, [orderId]);
      await syncCommitments(
        tx,
        header,
        header.storedStatus,
        after,
        kind === 'receipt' ? 'received' : 'returned',
        receiptId,
      );
      tx.audit({
        action:
          kind === 'receipt' ? 'procurement.goods-receipt.recorded' : 'procurement.goods-return.recorded',
        entityType: 'goods-receipt',
        entityId: receiptId,
        after: {
          number,
          purchaseOrder: header.number,
          receivedOn,
          journalId,
          totalPence: total,
          lines: lines.map((line) => ({
            lineNo: line.lineNo,
            quantity: formatQuantity(line.quantity),
            valuePence: line.valuePence,
          })),
        },
        reason: note ?? undefined,
      });
      return {
        id: receiptId,
        number,
        purchaseOrderId: orderId,
        kind,
        receivedOn,
        note,
        journalId,
        recordedBy: tx.ctx.actor.id,
        recordedAt: tx.now.toISOString(),
        lines: lines.map((line) => ({
          ...line,
          quantity: formatQuantity(line.quantity),
          valuePence: line.valuePence as Pence,
        })),
      };
    },

    async goodsReceipts(tx: TenantTx, orderId: string): Promise<GoodsReceipt[]> {
      await requireHeader(tx, orderId);
      return sql.selectReceipts(tx, orderId);
    },

    /** The accrual (goods received not invoiced, 210300) still open on an order line. */
    async receiptValueNotInvoiced(tx: TenantTx, purchaseOrderId: string, lineNo: number): Promise<Pence> {
      const header = await requireHeader(tx, purchaseOrderId);
      const line = (await sql.selectLineStates(tx, [purchaseOrderId])).find(
        (state) => state.lineNo === lineNo,
      );
      if (!line) throw procurementError('PURCHASE_ORDER_NOT_FOUND', `${header.number} has no line ${lineNo}`);
      const open = line.accruedPence - line.grniReleasedPence;
      return (open > 0n ? open : 0n) as Pence;
    },

    /** Who requested, approved and received an order: for payables' segregation-of-duties checks. */
    async orderParticipants(
      tx: TenantTx,
      purchaseOrderId: string,
    ): Promise<{ requesterId: string; approverIds: string[]; receiverIds: string[] }> {
      const header = await requireHeader(tx, purchaseOrderId);
      return {
        requesterId: header.requesterId,
        approverIds: await selectApproverIds(tx, header.requisitionId),
        receiverIds: await sql.selectReceivers(tx, purchaseOrderId),
      };
    },

    orderDocument: document,

    /** The order as PEPPOL BIS Ordering 3 (UBL Order 2.1) XML, ready to send to the supplier. */
    async orderXml(tx: TenantTx, orderId: string): Promise<string> {
      const doc = await document(tx, orderId);
      const buyerEndpoint = doc.buyer.endpoint;
      const supplierAddress = doc.supplier.endpoint;
      if (!buyerEndpoint) {
        throw procurementError(
          'ORDERING_PROFILE_MISSING',
          'Set up this organisation’s ordering profile (its PEPPOL address) before sending orders electronically',
        );
      }
      if (!supplierAddress) {
        throw procurementError(
          'SUPPLIER_NOT_PEPPOL_READY',
          `${doc.supplier.name} has no PEPPOL participant identifier, GLN or VAT number on file: send the printable order instead`,
        );
      }
      return writeOrderXml(
        toPeppolOrder({
          ...doc,
          buyer: { ...doc.buyer, endpoint: buyerEndpoint },
          supplier: { ...doc.supplier, endpoint: supplierAddress },
        }),
      );
    },

    /**
     * The shared-service measures for an organisation over a date range
     * (inclusive, UTC days): the share of orders raised with no human step, and
     * how long requisitions took to become orders.
     */
    async measures(tx: TenantTx, range: { from: string; to: string }): Promise<ProcurementMeasures> {
      if (!isLocalDate(range.from) || !isLocalDate(range.to) || range.from > range.to) {
        throw procurementError(
          'MEASURES_PERIOD_INVALID',
          'Give from and to as dates (YYYY-MM-DD), from not after to',
          [
            {
              path: isLocalDate(range.from) ? 'to' : 'from',
              rule: 'date-range',
              message: 'from ≤ to, both YYYY-MM-DD',
            },
          ],
        );
      }
      const from = new Date(`${range.from}T00:00:00Z`);
      const to = new Date(Date.parse(`${range.to}T00:00:00Z`) + 86_400_000);
      const { orders, counts } = await sql.selectMeasureRows(tx, from, to);
      const seconds = orders.map((order) => Math.max(0, Math.round(Number(order.seconds))));
      const touchless = orders.filter((order) => order.raised_via === 'touchless').length;
      return {
        organisationId: tx.ctx.organisationId,
        from: range.from as LocalDate,
        to: range.to as LocalDate,
        requisitionsSubmitted: Number(counts.submitted),
        purchaseOrdersRaised: orders.length,
        touchlessPurchaseOrders: touchless,
        touchlessRate: share(touchless, orders.length),
        requisitionToOrderSeconds: { median: nearestRank(seconds, 50), p90: nearestRank(seconds, 90) },
        requisitionsAwaitingApproval: Number(counts.awaiting),
        requisitionsRejected: Number(counts.rejected),
        purchaseOrdersCancelled: orders.filter((order) => order.status === 'cancelled').length,
        goodsReceipts: Number(counts.receipts),
      };
    },
  };
  return service;
}

export type OrderService = ReturnType<typeof createOrderService>;
export type { PurchaseOrderStatus };
