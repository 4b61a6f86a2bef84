import type { ValidationIssue } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import { formatPounds, pence } from '../../../kernel/money';
import type { TenantTx } from '../../../kernel/tenancy';
import { isLocalDate, type LocalDate } from '../../../kernel/time';
import { approvalRoute, type RouteStep, touchlessBlockers } from '../domain/approval';
import { checkUnitCode, STANDARD_VAT_RATE_BASIS_POINTS } from '../domain/catalogue-item';
import { orderNumberKey, purchaseOrderNumber, requisitionNumber } from '../domain/numbers';
import { formatQuantity, lineValue, parseQuantity } from '../domain/quantity';
import { approvalConflict } from '../domain/segregation';
import { issuesError, procurementError } from '../errors';
import { reserveNumbers, selectOrderableItems } from '../sql/catalogue-queries';
import * as orders from '../sql/order-queries';
import * as sql from '../sql/requisition-queries';
import { runWrites, type Writes } from '../sql/writes';
import type {
  BudgetPosition,
  Delegation,
  PurchaseOrder,
  Requisition,
  RequisitionInput,
  RequisitionLine,
} from '../types';
import { expenditureAccounts, financialYearOf, type ProcurementDeps, today } from './context';

const LINES_MAX = 200;
/** Who raised a touchless order: nobody — the framework's standing approval. */
export const TOUCHLESS_ACTOR = 'mainstay:touchless';

type PricedLine = Omit<RequisitionLine, 'quantity'> & { quantityMilli: bigint };

export function createRequisitionService(deps: ProcurementDeps) {
  const { ledger, framework, suppliers, organisations } = deps;

  /** Reads and prices each line, naming every field at fault. */
  async function priceLines(
    tx: TenantTx,
    input: RequisitionInput,
    orderDate: LocalDate,
  ): Promise<PricedLine[]> {
    const issues: ValidationIssue[] = [];
    if (input.lines.length === 0 || input.lines.length > LINES_MAX) {
      issues.push({
        path: 'lines',
        rule: 'lines-count',
        message: `A requisition has 1 to ${LINES_MAX} lines`,
      });
    }
    const itemIds = [...new Set(input.lines.flatMap((line) => line.itemId ?? []))];
    const items = new Map(
      (itemIds.length
        ? await selectOrderableItems(tx, { onDate: orderDate, ids: itemIds, limit: itemIds.length })
        : []
      ).map((item) => [item.id, item]),
    );
    const freeSupplierIds = [
      ...new Set(input.lines.flatMap((line) => (line.itemId ? [] : (line.supplierId ?? [])))),
    ];
    const knownSuppliers = new Map(
      (freeSupplierIds.length
        ? await suppliers.listSuppliers(tx, {
            ids: freeSupplierIds,
            status: 'active',
            limit: freeSupplierIds.length,
          })
        : []
      ).map((supplier) => [supplier.id, supplier]),
    );
    const accounts = await expenditureAccounts(tx, ledger);
    const centres = new Set(
      (await ledger.costCentres(tx)).filter((centre) => centre.active).map((centre) => centre.code),
    );
    const priced: PricedLine[] = [];
    for (const [index, line] of input.lines.entries()) {
      const at = (field: string) => `lines[${index}].${field}`;
      const before = issues.length;
      const quantity = parseQuantity(line.quantity);
      if (quantity === undefined) {
        issues.push({
          path: at('quantity'),
          rule: 'quantity-format',
          message: `"${line.quantity}" is not a quantity (a number with at most 3 decimal places)`,
        });
      } else if (quantity <= 0n) {
        issues.push({
          path: at('quantity'),
          rule: 'quantity-positive',
          message: 'The quantity must be more than 0',
        });
      }
      const costCentreCode = line.costCentreCode.trim().toUpperCase();
      if (!centres.has(costCentreCode)) {
        issues.push({
          path: at('costCentreCode'),
          rule: 'cost-centre-known',
          message: `${line.costCentreCode || '(none)'} is not an active cost centre here`,
        });
      }
      let base: Omit<
        PricedLine,
        'lineNo' | 'quantityMilli' | 'netPence' | 'costCentreCode' | 'accountCode'
      > | null = null;
      let defaultAccount = '';
      if (line.itemId) {
        const item = items.get(line.itemId);
        if (!item) {
          issues.push({
            path: at('itemId'),
            rule: 'item-known',
            message: `No catalogue item ${line.itemId}`,
          });
        } else if (!item.available || !item.localSupplierId) {
          issues.push({
            path: at('itemId'),
            rule: 'item-available',
            message: `${item.description} is not available to order here`,
          });
        } else {
          defaultAccount = item.accountCode;
          base = {
            itemId: item.id,
            description: item.description,
            supplierId: item.localSupplierId,
            supplierItemCode: item.supplierItemCode,
            gtin: item.gtin,
            unitCode: item.unitCode,
            unitPricePence: item.pricePence,
            vatRateBasisPoints: item.vatRateBasisPoints,
            contractId: item.contractId,
            onContract: item.onContract,
          };
        }
      } else {
        const supplier = line.supplierId ? knownSuppliers.get(line.supplierId) : undefined;
        if (!supplier) {
          issues.push({
            path: at('supplierId'),
            rule: 'supplier-known',
            message: line.supplierId
              ? `No active supplier ${line.supplierId} on file here`
              : 'A free-text line names its supplier',
          });
        }
        const description = line.description?.trim() ?? '';
        if (description === '')
          issues.push({
            path: at('description'),
            rule: 'description-required',
            message: 'Describe what is being ordered',
          });
        const unitCode = (line.unitCode ?? 'EA').trim().toUpperCase();
        const unitProblem = checkUnitCode(unitCode, at('unitCode'));
        if (unitProblem) issues.push(unitProblem);
        const price = line.unitPricePence ?? null;
        if (price === null || BigInt(price) < 0n) {
          issues.push({
            path: at('unitPricePence'),
            rule: 'price-non-negative',
            message: 'Give the unit price in pence (0 or more)',
          });
        }
        const vat = line.vatRateBasisPoints ?? STANDARD_VAT_RATE_BASIS_POINTS;
        if (![0, 500, 2000].includes(vat))
          issues.push({
            path: at('vatRateBasisPoints'),
            rule: 'vat-rate-known',
            message: '0, 500 or 2000 basis points',
          });
        if (supplier && price !== null) {
          base = {
            itemId: null,
            description,
            supplierId: supplier.id,
            supplierItemCode: null,
            gtin: null,
            unitCode,
            unitPricePence: pence(BigInt(price)),
            vatRateBasisPoints: vat,
            contractId: null,
            onContract: false,
          };
        }
      }
      const accountCode = (line.accountCode?.trim() || defaultAccount || '').toUpperCase();
      // with no item found there is no default account to judge: the item's own issue says enough
      if (!accounts.has(accountCode) && (accountCode !== '' || base !== null)) {
        issues.push({
          path: at('accountCode'),
          rule: line.accountCode ? 'account-expenditure' : 'account-known',
          message: accountCode
            ? `${accountCode} is not an expenditure account of the common chart`
            : 'Code the line to an expenditure account',
        });
      }
      if (issues.length === before && base && quantity !== undefined) {
        priced.push({
          ...base,
          lineNo: index + 1,
          quantityMilli: quantity,
          netPence: lineValue(quantity, base.unitPricePence),
          accountCode,
          costCentreCode,
        });
      }
    }
    if (issues.length > 0) throw issuesError('REQUISITION_INVALID', issues, 'requisition');
    return priced;
  }

  /** Budget less actuals less open commitments, for each cost centre the lines spend on. */
  async function budgetPositions(
    tx: TenantTx,
    financialYear: string,
    codes: readonly string[],
  ): Promise<BudgetPosition[]> {
    const budgets = await ledger.budgets(tx, financialYear);
    const actuals = await ledger.expenditureByCostCentre(tx, financialYear, codes);
    const committed = await orders.selectCommitted(tx, financialYear, codes);
    return codes.map((code) => {
      const budget = budgets.get(code) ?? null;
      const actual = actuals.get(code) ?? 0n;
      const commitment = committed.get(code) ?? 0n;
      return {
        costCentreCode: code,
        financialYear,
        budgetPence: budget === null ? null : pence(budget),
        actualPence: pence(actual),
        committedPence: pence(commitment),
        availablePence: budget === null ? null : pence(budget - actual - commitment),
      };
    });
  }

  async function checkBudget(
    tx: TenantTx,
    lines: readonly PricedLine[],
    financialYear: string,
  ): Promise<void> {
    const requested = new Map<string, bigint>();
    for (const line of lines)
      requested.set(line.costCentreCode, (requested.get(line.costCentreCode) ?? 0n) + line.netPence);
    const positions = await budgetPositions(tx, financialYear, [...requested.keys()]);
    const issues: ValidationIssue[] = [];
    let unset = false;
    for (const position of positions) {
      const index = lines.findIndex((line) => line.costCentreCode === position.costCentreCode);
      const path = `lines[${index}].costCentreCode`;
      const asked = requested.get(position.costCentreCode)!;
      if (position.availablePence === null) {
        unset = true;
        issues.push({
          path,
          rule: 'budget-set',
          message: `${position.costCentreCode} has no budget for ${financialYear}: ask finance to set one`,
        });
      } else if (asked > position.availablePence) {
        issues.push({
          path,
          rule: 'budget-available',
          message: `${formatPounds(asked)} is more than the ${formatPounds(position.availablePence < 0n ? 0n : position.availablePence)} left on ${position.costCentreCode} (budget ${formatPounds(position.budgetPence!)}, spent ${formatPounds(position.actualPence)}, committed ${formatPounds(position.committedPence)})`,
        });
      }
    }
    if (issues.length > 0) {
      throw procurementError(
        unset && issues.length === 1 ? 'BUDGET_NOT_SET' : 'BUDGET_EXCEEDED',
        issues[0]!.message,
        issues,
      );
    }
  }

  /**
   * One order per supplier, lines renumbered from 1, each line's value
   * committed against its cost centre: the orders and the inserts that store
   * them (run by the caller, with the requisition where it is new).
   */
  function planOrders(
    tx: TenantTx,
    requisition: { id: string; number: string; requesterId: string; submittedAt: Date },
    bySupplier: ReadonlyMap<string, readonly PricedLine[]>,
    how: { via: 'touchless' | 'approval'; raisedBy: string; orderDate: LocalDate; firstNumber: bigint },
  ): { purchaseOrders: PurchaseOrder[]; inserts: Writes[] } {
    const first = how.firstNumber;
    const financialYear = financialYearOf(how.orderDate);
    const writes: orders.OrderWrite[] = [...bySupplier].map(([supplierId, supplierLines], index) => {
      const number = purchaseOrderNumber(tx.ctx.organisationId, first + BigInt(index));
      return {
        id: newId('po'),
        number,
        numberKey: orderNumberKey(number),
        requisitionId: requisition.id,
        requesterId: requisition.requesterId,
        supplierId,
        status: 'issued',
        raisedVia: how.via,
        raisedBy: how.raisedBy,
        requisitionSubmittedAt: requisition.submittedAt,
        raisedAt: tx.now,
        orderDate: how.orderDate,
        financialYear,
        totalNetPence: supplierLines.reduce((sum, line) => sum + line.netPence, 0n),
        source: 'mainstay',
        lines: supplierLines.map((line, lineIndex) => ({
          lineNo: lineIndex + 1,
          itemId: line.itemId,
          description: line.description,
          gtin: line.gtin,
          supplierItemCode: line.supplierItemCode,
          unitCode: line.unitCode,
          quantity: line.quantityMilli,
          unitPricePence: line.unitPricePence,
          vatRateBasisPoints: line.vatRateBasisPoints,
          netPence: line.netPence,
          accountCode: line.accountCode,
          costCentreCode: line.costCentreCode,
          contractId: line.contractId,
        })),
      };
    });
    const inserts = [
      orders.orderInserts(tx.ctx.organisationId, writes, `From requisition ${requisition.number}`),
      orders.commitmentInserts(
        tx.ctx.organisationId,
        writes.flatMap((write) =>
          write.lines
            .filter((line) => line.netPence > 0n)
            .map((line) => ({
              id: newId('cmt'),
              orderId: write.id,
              lineNo: line.lineNo,
              costCentreCode: line.costCentreCode,
              accountCode: line.accountCode,
              financialYear,
              amountPence: line.netPence,
              event: 'raised' as const,
              sourceId: write.id,
            })),
        ),
        tx.now,
      ),
    ];
    for (const write of writes) {
      tx.audit({
        action: 'procurement.purchase-order.raised',
        entityType: 'purchase-order',
        entityId: write.id,
        after: {
          number: write.number,
          requisition: requisition.number,
          supplierId: write.supplierId,
          raisedVia: write.raisedVia,
          totalNetPence: write.totalNetPence,
          lines: write.lines.length,
        },
        reason:
          how.via === 'touchless'
            ? 'Catalogue order on contract within the touchless limits'
            : 'Approved requisition',
      });
    }
    const purchaseOrders: PurchaseOrder[] = writes.map((write) => ({
      id: write.id,
      number: write.number,
      requisitionId: write.requisitionId,
      requesterId: write.requesterId,
      supplierId: write.supplierId,
      status: 'issued',
      version: 1,
      raisedVia: write.raisedVia,
      raisedBy: write.raisedBy,
      raisedAt: tx.now.toISOString(),
      orderDate: write.orderDate,
      currency: 'GBP',
      totalNetPence: pence(write.totalNetPence),
      cancelReason: null,
      lines: write.lines.map((line) => ({
        lineNo: line.lineNo,
        version: 1,
        itemId: line.itemId,
        description: line.description,
        gtin: line.gtin,
        supplierItemCode: line.supplierItemCode,
        unitCode: line.unitCode,
        orderedQuantity: formatQuantity(line.quantity),
        receivedQuantity: '0',
        invoicedQuantity: '0',
        unitPricePence: pence(line.unitPricePence),
        vatRateBasisPoints: line.vatRateBasisPoints,
        netPence: pence(line.netPence),
        accountCode: line.accountCode,
        costCentreCode: line.costCentreCode,
        contractId: line.contractId,
      })),
    }));
    return { purchaseOrders, inserts };
  }

  const bySupplierOf = (lines: readonly PricedLine[]) => {
    const bySupplier = new Map<string, PricedLine[]>();
    for (const line of lines)
      bySupplier.set(line.supplierId, [...(bySupplier.get(line.supplierId) ?? []), line]);
    return bySupplier;
  };

  async function requireRequisition(tx: TenantTx, id: string): Promise<Requisition> {
    const [requisition] = await sql.selectRequisitions(tx, { ids: [id], limit: 1 });
    if (!requisition) throw procurementError('REQUISITION_NOT_FOUND', `No requisition ${id}`);
    return requisition;
  }

  /** The roles the actor holds here, and those they hold today as someone's deputy (with whose authority). */
  async function authorityOf(tx: TenantTx): Promise<{ own: Set<string>; delegated: Map<string, string> }> {
    const members = await organisations.listMembers(tx);
    const own = new Set(members.find((member) => member.userId === tx.ctx.actor.id)?.roles ?? []);
    const delegated = new Map<string, string>();
    for (const delegation of await sql.selectDelegations(tx, {
      deputyId: tx.ctx.actor.id,
      onDate: today(tx),
    })) {
      for (const role of members.find((member) => member.userId === delegation.delegatorId)?.roles ?? []) {
        if (!own.has(role) && !delegated.has(role)) delegated.set(role, delegation.delegatorId);
      }
    }
    return { own, delegated };
  }

  const service = {
    /**
     * Submits a requisition. Catalogue lines on contract and within the
     * touchless limits become purchase orders at once, with no human step;
     * anything else waits for approval by the levels its value needs. Every
     * line is checked against the cost centre's budget (budget less actuals less
     * open commitments) first.
     */
    async submitRequisition(
      tx: TenantTx,
      input: RequisitionInput,
    ): Promise<{ requisition: Requisition; purchaseOrders: PurchaseOrder[] }> {
      const dateIssues: ValidationIssue[] = [];
      const orderDate = input.orderDate ?? today(tx);
      if (!isLocalDate(orderDate))
        dateIssues.push({ path: 'orderDate', rule: 'date-format', message: 'Use the form YYYY-MM-DD' });
      if (input.neededBy && (!isLocalDate(input.neededBy) || input.neededBy < orderDate)) {
        dateIssues.push({
          path: 'neededBy',
          rule: 'needed-by-after-order',
          message: 'The date needed is on or after today',
        });
      }
      if (dateIssues.length > 0)
        throw procurementError('REQUISITION_INVALID', dateIssues[0]!.message, dateIssues);
      const lines = await priceLines(tx, input, orderDate);
      const financialYear = financialYearOf(orderDate);
      await checkBudget(tx, lines, financialYear);
      const total = lines.reduce((sum, line) => sum + line.netPence, 0n);
      const thresholds = (await framework.resolve(tx, 'procurement.approvalThresholds')).value;
      const touchless = (await framework.resolve(tx, 'procurement.touchlessOrdering')).value;
      const route = approvalRoute(thresholds, total);
      const blockers = touchlessBlockers({
        setting: touchless,
        firstApprovalLimitPence: thresholds[0]?.upToPence ?? null,
        lines: lines.map((line) => ({
          lineNo: line.lineNo,
          fromCatalogue: line.itemId !== null,
          onContract: line.onContract,
          netPence: line.netPence,
        })),
      });
      const isTouchless = blockers.length === 0;
      const bySupplier = bySupplierOf(lines);
      const numbers = await reserveNumbers(tx, tx.ctx.organisationId, {
        requisition: 1,
        'purchase-order': isTouchless ? bySupplier.size : 0,
      });
      const number = requisitionNumber(numbers.requisition);
      const id = newId('req');
      const stored = sql.requisitionInserts(tx.ctx.organisationId, [
        {
          id,
          number,
          requesterId: tx.ctx.actor.id,
          status: isTouchless ? 'ordered' : 'pending-approval',
          totalNetPence: total,
          approvalRoute: isTouchless ? [] : route,
          touchlessBlockers: blockers,
          neededBy: input.neededBy ?? null,
          note: input.note?.trim() || null,
          source: 'mainstay',
          submittedAt: tx.now,
          orderedAt: isTouchless ? tx.now : null,
          lines,
        },
      ]);
      tx.audit({
        action: 'procurement.requisition.submitted',
        entityType: 'requisition',
        entityId: id,
        after: {
          number,
          totalNetPence: total,
          lines: lines.length,
          touchless: isTouchless,
          route: isTouchless ? [] : route.map((step) => step.role),
          blockers,
        },
      });
      const raised = isTouchless
        ? planOrders(tx, { id, number, requesterId: tx.ctx.actor.id, submittedAt: tx.now }, bySupplier, {
            via: 'touchless',
            raisedBy: TOUCHLESS_ACTOR,
            orderDate,
            firstNumber: numbers['purchase-order'],
          })
        : { purchaseOrders: [], inserts: [] };
      // the requisition, its orders and their commitments in one round trip
      await runWrites(tx, [stored, ...raised.inserts]);
      const purchaseOrders = raised.purchaseOrders;
      const requisition: Requisition = {
        id,
        number,
        requesterId: tx.ctx.actor.id,
        status: isTouchless ? 'ordered' : 'pending-approval',
        totalNetPence: pence(total),
        approvalRoute: isTouchless ? [] : route,
        touchlessBlockers: blockers,
        decisions: [],
        awaitingLevel: isTouchless ? null : (route[0] ?? null),
        neededBy: input.neededBy ?? null,
        note: input.note?.trim() || null,
        submittedAt: tx.now.toISOString(),
        decidedAt: isTouchless ? tx.now.toISOString() : null,
        orderedAt: isTouchless ? tx.now.toISOString() : null,
        closingReason: null,
        lines: lines.map(({ quantityMilli, ...line }) => ({
          ...line,
          quantity: formatQuantity(quantityMilli),
        })),
        purchaseOrderIds: purchaseOrders.map((order) => order.id),
      };
      return { requisition, purchaseOrders };
    },

    async requisition(tx: TenantTx, id: string): Promise<Requisition> {
      return requireRequisition(tx, id);
    },

    async requisitions(
      tx: TenantTx,
      filter: { requesterId?: string; statuses?: Requisition['status'][]; limit?: number } = {},
    ): Promise<Requisition[]> {
      return sql.selectRequisitions(tx, { ...filter, limit: Math.min(filter.limit ?? 50, 500) });
    },

    /** Requisitions waiting for a decision the actor may make (their own roles, or as a deputy today), oldest first. */
    async approvalQueue(tx: TenantTx, limit = 50): Promise<Requisition[]> {
      const { own, delegated } = await authorityOf(tx);
      const roles = [...own, ...delegated.keys()];
      if (roles.length === 0) return [];
      const rules = (await framework.resolve(tx, 'governance.segregationOfDuties')).value;
      const ids = await sql.selectAwaitingRoles(tx, roles, Math.min(limit, 200) * 2);
      const waiting = ids.length ? await sql.selectRequisitions(tx, { ids, limit: ids.length }) : [];
      return waiting
        .filter((requisition) => {
          const step = requisition.awaitingLevel;
          if (!step) return false;
          return !approvalConflict({
            actorId: tx.ctx.actor.id,
            onBehalfOf: own.has(step.role) ? null : (delegated.get(step.role) ?? null),
            requesterId: requisition.requesterId,
            earlierApproverIds: requisition.decisions.flatMap((d) => [
              d.decidedBy,
              ...(d.onBehalfOf ? [d.onBehalfOf] : []),
            ]),
            rules,
          });
        })
        .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
        .slice(0, limit);
    },

    /**
     * Approves or rejects the level a requisition is waiting at. The approver
     * must hold that level's role here (or be a deputy for someone who does,
     * today); nobody approves their own requisition or two levels of one. The
     * last approval raises the purchase orders; a rejection needs a reason.
     */
    async decideRequisition(
      tx: TenantTx,
      id: string,
      input: { decision: 'approved' | 'rejected'; reason?: string | null },
    ): Promise<{ requisition: Requisition; purchaseOrders: PurchaseOrder[] }> {
      const requisition = await requireRequisition(tx, id);
      const step: RouteStep | null = requisition.awaitingLevel;
      if (requisition.status !== 'pending-approval' || !step) {
        throw procurementError(
          'REQUISITION_NOT_PENDING',
          `Requisition ${requisition.number} is ${requisition.status}, not waiting for approval`,
        );
      }
      const { own, delegated } = await authorityOf(tx);
      const onBehalfOf = own.has(step.role) ? null : (delegated.get(step.role) ?? null);
      if (!own.has(step.role) && onBehalfOf === null) {
        throw procurementError(
          'APPROVER_NOT_AUTHORISED',
          `Requisition ${requisition.number} (${formatPounds(requisition.totalNetPence)}) is waiting for a ${step.role} (level ${step.level})`,
          [
            {
              path: 'decision',
              rule: 'approver-holds-level',
              message: `Needs the ${step.role} role, or a delegation from someone who has it`,
            },
          ],
        );
      }
      const rules = (await framework.resolve(tx, 'governance.segregationOfDuties')).value;
      const conflict = approvalConflict({
        actorId: tx.ctx.actor.id,
        onBehalfOf,
        requesterId: requisition.requesterId,
        earlierApproverIds: requisition.decisions.flatMap((d) => [
          d.decidedBy,
          ...(d.onBehalfOf ? [d.onBehalfOf] : []),
        ]),
        rules,
      });
      if (conflict) {
        throw procurementError(
          conflict.rule === 'requester-may-not-approve' ? 'SELF_APPROVAL' : 'SEGREGATION_OF_DUTIES',
          conflict.message,
          [{ path: 'decision', rule: conflict.rule, message: conflict.message }],
        );
      }
      const reason = input.reason?.trim() || null;
      if (input.decision === 'rejected' && !reason) {
        throw procurementError(
          'DECISION_REASON_REQUIRED',
          'Say why the requisition is rejected, so the requester can put it right',
          [{ path: 'reason', rule: 'rejection-reason-required', message: 'Give the reason for rejecting' }],
        );
      }
      await sql.insertDecision(tx, tx.ctx.organisationId, id, {
        level: step.level,
        role: step.role,
        decision: input.decision,
        decidedBy: tx.ctx.actor.id,
        onBehalfOf,
        reason,
        decidedAt: tx.now,
      });
      const final = input.decision === 'rejected' || step.level === requisition.approvalRoute.length;
      let purchaseOrders: PurchaseOrder[] = [];
      if (input.decision === 'rejected') {
        await sql.updateRequisitionStatus(tx, id, { status: 'rejected', at: tx.now, closingReason: reason });
      } else if (final) {
        const orderDate = today(tx);
        const lines: PricedLine[] = requisition.lines.map(({ quantity, ...line }) => ({
          ...line,
          quantityMilli: parseQuantity(quantity)!,
        }));
        await checkBudget(tx, lines, financialYearOf(orderDate));
        const bySupplier = bySupplierOf(lines);
        const numbers = await reserveNumbers(tx, tx.ctx.organisationId, {
          'purchase-order': bySupplier.size,
        });
        const raised = planOrders(
          tx,
          {
            id,
            number: requisition.number,
            requesterId: requisition.requesterId,
            submittedAt: new Date(requisition.submittedAt),
          },
          bySupplier,
          { via: 'approval', raisedBy: tx.ctx.actor.id, orderDate, firstNumber: numbers['purchase-order'] },
        );
        await runWrites(tx, raised.inserts);
        purchaseOrders = raised.purchaseOrders;
        await sql.updateRequisitionStatus(tx, id, { status: 'ordered', at: tx.now });
      }
      tx.audit({
        action: `procurement.requisition.${input.decision}`,
        entityType: 'requisition',
        entityId: id,
        before: { status: 'pending-approval', level: step.level },
        after: {
          level: step.level,
          role: step.role,
          onBehalfOf,
          status: input.decision === 'rejected' ? 'rejected' : final ? 'ordered' : 'pending-approval',
          purchaseOrders: purchaseOrders.map((order) => order.number),
        },
        reason: reason ?? undefined,
      });
      return { requisition: await requireRequisition(tx, id), purchaseOrders };
    },

    async cancelRequisition(tx: TenantTx, id: string, reason: string): Promise<Requisition> {
      const requisition = await requireRequisition(tx, id);
      if (requisition.status !== 'pending-approval') {
        throw procurementError(
          'REQUISITION_NOT_PENDING',
          `Requisition ${requisition.number} is ${requisition.status}: cancel its orders instead`,
        );
      }
      if (reason.trim() === '') {
        throw procurementError('DECISION_REASON_REQUIRED', 'Say why the requisition is withdrawn', [
          { path: 'reason', rule: 'reason-required', message: 'Give the reason' },
        ]);
      }
      await sql.updateRequisitionStatus(tx, id, {
        status: 'cancelled',
        at: tx.now,
        closingReason: reason.trim(),
      });
      tx.audit({
        action: 'procurement.requisition.cancelled',
        entityType: 'requisition',
        entityId: id,
        before: { status: requisition.status },
        after: { status: 'cancelled' },
        reason: reason.trim(),
      });
      return requireRequisition(tx, id);
    },

    /** Lets a deputy approve with the delegator's authority between two dates (inclusive), while the delegator is away. */
    async delegateApproval(
      tx: TenantTx,
      input: { delegatorId?: string; deputyId: string; startsOn: string; endsOn: string; reason: string },
    ): Promise<Delegation> {
      const delegatorId = input.delegatorId ?? tx.ctx.actor.id;
      const members = await organisations.listMembers(tx);
      const issues: ValidationIssue[] = [];
      const thresholds = (await framework.resolve(tx, 'procurement.approvalThresholds')).value;
      const approverRoles = new Set(thresholds.map((level) => level.role));
      const delegator = members.find((member) => member.userId === delegatorId);
      if (!delegator?.roles.some((role) => approverRoles.has(role))) {
        issues.push({
          path: 'delegatorId',
          rule: 'delegator-approves',
          message: 'Only someone who approves requisitions can delegate it',
        });
      }
      if (!members.some((member) => member.userId === input.deputyId)) {
        issues.push({
          path: 'deputyId',
          rule: 'deputy-member',
          message: `${input.deputyId} is not a member of this organisation`,
        });
      }
      if (input.deputyId === delegatorId)
        issues.push({ path: 'deputyId', rule: 'deputy-someone-else', message: 'A deputy is someone else' });
      if (!isLocalDate(input.startsOn))
        issues.push({ path: 'startsOn', rule: 'date-format', message: 'Use the form YYYY-MM-DD' });
      if (!isLocalDate(input.endsOn))
        issues.push({ path: 'endsOn', rule: 'date-format', message: 'Use the form YYYY-MM-DD' });
      else if (isLocalDate(input.startsOn) && input.endsOn < input.startsOn) {
        issues.push({
          path: 'endsOn',
          rule: 'delegation-dates-order',
          message: 'The delegation ends on or after it starts',
        });
      }
      if (input.reason.trim() === '')
        issues.push({ path: 'reason', rule: 'reason-required', message: 'Say why (e.g. annual leave)' });
      if (issues.length > 0) throw procurementError('DELEGATION_INVALID', issues[0]!.message, issues);
      const delegation = {
        id: newId('dlg'),
        delegatorId,
        deputyId: input.deputyId,
        startsOn: input.startsOn as LocalDate,
        endsOn: input.endsOn as LocalDate,
        reason: input.reason.trim(),
        createdBy: tx.ctx.actor.id,
        createdAt: tx.now,
      };
      await sql.insertDelegation(tx, tx.ctx.organisationId, delegation);
      tx.audit({
        action: 'procurement.delegation.created',
        entityType: 'delegation',
        entityId: delegation.id,
        after: delegation,
        reason: delegation.reason,
      });
      return { ...delegation, createdAt: tx.now.toISOString(), revokedAt: null };
    },

    async revokeDelegation(tx: TenantTx, id: string): Promise<void> {
      if (!(await sql.revokeDelegation(tx, id, tx.ctx.actor.id, tx.now))) {
        throw procurementError('DELEGATION_NOT_FOUND', `No current delegation ${id}`);
      }
      tx.audit({
        action: 'procurement.delegation.revoked',
        entityType: 'delegation',
        entityId: id,
        after: { revokedBy: tx.ctx.actor.id },
      });
    },

    async delegations(tx: TenantTx): Promise<Delegation[]> {
      return sql.selectDelegations(tx, { includeRevoked: true });
    },

    /** A cost centre's budget, actuals and open commitments for a financial year (default: this one). */
    async budgetPosition(
      tx: TenantTx,
      costCentreCode: string,
      financialYear?: string,
    ): Promise<BudgetPosition> {
      const [position] = await budgetPositions(tx, financialYear ?? financialYearOf(today(tx)), [
        costCentreCode,
      ]);
      return position!;
    },
  };
  return service;
}

export type RequisitionService = ReturnType<typeof createRequisitionService>;
