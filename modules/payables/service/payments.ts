import type { ValidationIssue } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import type { Pence } from '../../../kernel/money';
import type { TenantTx } from '../../../kernel/tenancy';
import { addDays, isLocalDate, type LocalDate } from '../../../kernel/time';
import {
  addBacsWorkingDays,
  isBacsWorkingDay,
  nextBacsWorkingDay,
  toBacsText,
  writeStandard18,
} from '../../../standards/bacs18';
import { type PayableItem, type PayeeSupplier, proposePayments } from '../domain/payment-proposal';
import { paymentJournal } from '../domain/postings';
import type { RemittanceAdvice } from '../domain/remittance';
import { payablesError } from '../errors';
import * as pay from '../sql/payment-queries';
import * as sql from '../sql/queries';
import { type PayablesDeps, RULE_VERSIONS, today } from './context';

/** Invoices falling due within this many days of the processing day are paid in the run (a weekly cycle). */
const DEFAULT_HORIZON_DAYS = 7;

export type PaymentRunDetail = pay.PaymentRunRow & {
  payments: (pay.PaymentRow & {
    invoices: { id: string; kind: string; invoiceNumber: string; issueDate: LocalDate; grossPence: Pence }[];
  })[];
  held: {
    invoiceId: string;
    invoiceNumber: string;
    supplierId: string;
    supplierName: string;
    grossPence: Pence;
    reason: string;
    detail: string;
  }[];
};

const masked = (accountNumber: string) => accountNumber.slice(-4);

export function createPayments(deps: PayablesDeps) {
  const { ledger, framework, suppliers } = deps;

  async function requireRun(tx: TenantTx, runId: string): Promise<pay.PaymentRunRow> {
    const [run] = await pay.selectPaymentRuns(tx, { ids: [runId], limit: 1 });
    if (!run)
      throw payablesError('PAYMENT_RUN_NOT_FOUND', `No payment run ${runId} in ${tx.ctx.organisationId}`);
    return run;
  }

  async function detail(tx: TenantTx, runId: string): Promise<PaymentRunDetail> {
    const run = await requireRun(tx, runId);
    const payments = await pay.selectPayments(tx, runId);
    const items = await pay.selectPaymentItems(tx, runId);
    const invoices = await sql.selectInvoices(tx, {
      ids: items.map((i) => i.invoiceId),
      limit: items.length || 1,
    });
    const byId = new Map(invoices.map((i) => [i.id, i]));
    return {
      ...run,
      payments: payments.map((payment) => ({
        ...payment,
        invoices: items
          .filter((item) => item.paymentId === payment.id)
          .flatMap((item) => {
            const invoice = byId.get(item.invoiceId);
            return invoice
              ? [
                  {
                    id: invoice.id,
                    kind: invoice.kind,
                    invoiceNumber: invoice.invoiceNumber,
                    issueDate: invoice.issueDate,
                    grossPence: invoice.grossPence,
                  },
                ]
              : [];
          }),
      })),
      held: items
        .filter((item) => item.heldReason !== null)
        .flatMap((item) => {
          const invoice = byId.get(item.invoiceId);
          return invoice
            ? [
                {
                  invoiceId: invoice.id,
                  invoiceNumber: invoice.invoiceNumber,
                  supplierId: invoice.supplierId,
                  supplierName: invoice.supplierName,
                  grossPence: invoice.grossPence,
                  reason: item.heldReason!,
                  detail: item.heldDetail ?? '',
                },
              ]
            : [];
        }),
    };
  }

  return {
    async setBankAccount(
      tx: TenantTx,
      input: { sortCode: string; accountNumber: string; accountName: string; serviceUserNumber: string },
    ): Promise<pay.BankAccount> {
      const account = {
        sortCode: input.sortCode.replace(/[\s-]/g, ''),
        accountNumber: input.accountNumber.replace(/\s/g, ''),
        accountName: input.accountName.trim(),
        serviceUserNumber: input.serviceUserNumber.trim(),
      };
      const issues: ValidationIssue[] = [
        ...(/^\d{6}$/.test(account.sortCode)
          ? []
          : [{ path: 'sortCode', rule: 'six-digits', message: 'A sort code is six digits' }]),
        ...(/^\d{8}$/.test(account.accountNumber)
          ? []
          : [{ path: 'accountNumber', rule: 'eight-digits', message: 'An account number is eight digits' }]),
        ...(/^\d{6}$/.test(account.serviceUserNumber)
          ? []
          : [
              {
                path: 'serviceUserNumber',
                rule: 'six-digits',
                message: 'A Bacs service user number is six digits',
              },
            ]),
        ...(account.accountName
          ? []
          : [{ path: 'accountName', rule: 'required', message: 'Give the account name' }]),
      ];
      if (issues.length > 0)
        throw payablesError(
          'BANK_ACCOUNT_INVALID',
          'Those bank details cannot originate a Bacs file',
          issues,
        );
      const saved = { ...account, updatedBy: tx.ctx.actor.id, updatedAt: tx.now };
      const before = await pay.upsertBankAccount(tx, tx.ctx.organisationId, saved);
      tx.audit({
        action: 'payables.bank-account.saved',
        entityType: 'bank-account',
        entityId: tx.ctx.organisationId,
        before: before ? { sortCode: before.sortCode, accountEnding: masked(before.accountNumber) } : null,
        after: {
          sortCode: account.sortCode,
          accountEnding: masked(account.accountNumber),
          serviceUserNumber: account.serviceUserNumber,
        },
      });
      return { ...account, updatedBy: tx.ctx.actor.id, updatedAt: tx.now.toISOString() };
    },

    async bankAccount(tx: TenantTx): Promise<pay.BankAccount | null> {
      return pay.selectBankAccount(tx);
    },

    /**
     * Proposes a payment run: every approved invoice due by `dueBy` (and each such supplier's
     * approved credit notes), one payment per supplier, to bank details a second person has
     * verified. Suppliers without them are held, with the reason, and their invoices stay payable.
     */
    async proposePaymentRun(
      tx: TenantTx,
      input: { processingDate?: string; dueBy?: string } = {},
    ): Promise<PaymentRunDetail> {
      if ((await pay.selectBankAccount(tx)) === null) {
        throw payablesError(
          'BANK_ACCOUNT_MISSING',
          'Set the organisation’s paying bank account and Bacs service user number first',
        );
      }
      const issues: ValidationIssue[] = [];
      for (const [field, value] of Object.entries(input)) {
        if (value !== undefined && !isLocalDate(value))
          issues.push({ path: field, rule: 'date-format', message: 'Use the form YYYY-MM-DD' });
      }
      if (issues.length > 0) throw payablesError('INVOICE_INVALID', 'Give dates as YYYY-MM-DD', issues);
      const processingDate = (input.processingDate ?? addBacsWorkingDays(today(tx), 1)) as LocalDate;
      if (!isBacsWorkingDay(processingDate) || processingDate < today(tx)) {
        throw payablesError(
          'INVOICE_INVALID',
          `${processingDate} is not a Bacs processing day from today on`,
          [
            {
              path: 'processingDate',
              rule: 'bacs-working-day',
              message: `The next one is ${nextBacsWorkingDay(addDays(today(tx), 1))}`,
            },
          ],
        );
      }
      const dueBy = (input.dueBy as LocalDate | undefined) ?? addDays(processingDate, DEFAULT_HORIZON_DAYS);
      const due = (await sql.selectInvoices(tx, { statuses: ['approved'], limit: 100_000 })).filter(
        (invoice) => invoice.kind === 'credit-note' || invoice.dueDate <= dueBy,
      );
      const supplierIds = new Set(due.filter((i) => i.kind === 'invoice').map((i) => i.supplierId));
      const considered = due.filter((invoice) => supplierIds.has(invoice.supplierId));
      const payees = new Map<string, PayeeSupplier & { nhsBody: boolean }>();
      for (const supplierId of supplierIds) {
        const first = considered.find((i) => i.supplierId === supplierId)!;
        payees.set(supplierId, {
          id: supplierId,
          name: first.supplierName,
          nhsBody: first.nhsSupplier,
          bank: await suppliers.verifiedBankDetails(tx, supplierId),
        });
      }
      const items: PayableItem[] = considered.map((invoice) => ({
        invoiceId: invoice.id,
        supplierId: invoice.supplierId,
        kind: invoice.kind,
        number: invoice.invoiceNumber,
        issueDate: invoice.issueDate,
        dueDate: invoice.dueDate,
        grossPence: invoice.grossPence,
      }));
      const proposal = proposePayments(items, payees);
      if (proposal.payments.length === 0 && proposal.held.length === 0) {
        throw payablesError('PAYMENT_RUN_EMPTY', `Nothing approved is due for payment by ${dueBy}`);
      }
      const runId = newId('prun');
      const runNumber = `PR-${String(await pay.nextRunNumber(tx, tx.ctx.organisationId)).padStart(6, '0')}`;
      const reference = toBacsText(`${tx.ctx.organisationId} ${runNumber.replace('-', '')}`).slice(0, 18);
      const payments: pay.PaymentRow[] = proposal.payments.map((payment) => ({
        id: newId('pay'),
        paymentRunId: runId,
        supplierId: payment.supplierId,
        supplierName: payment.supplierName,
        nhsSupplier: payees.get(payment.supplierId)?.nhsBody ?? false,
        amountPence: payment.amountPence,
        sortCode: payment.bank.sortCode,
        accountNumber: payment.bank.accountNumber,
        accountName: payment.bank.accountName,
        bankVerifiedAt: payment.bank.verifiedAt,
        bankVerifiedBy: payment.bank.verifiedBy,
        reference,
        journalId: null,
      }));
      await pay.insertPaymentRun(tx, tx.ctx.organisationId, {
        id: runId,
        runNumber,
        dueBy,
        processingDate,
        proposedBy: tx.ctx.actor.id,
        proposedAt: tx.now,
        totalPence: payments.reduce((sum, p) => sum + p.amountPence, 0n),
        paymentCount: payments.length,
        heldCount: proposal.held.reduce((sum, h) => sum + h.items.length, 0),
      });
      await pay.insertPayments(tx, tx.ctx.organisationId, payments);
      const paymentOf = new Map(proposal.payments.map((p, i) => [p.supplierId, payments[i]!.id]));
      await pay.insertPaymentItems(tx, tx.ctx.organisationId, runId, [
        ...proposal.payments.flatMap((p) =>
          p.items.map((item) => ({
            invoiceId: item.invoiceId,
            paymentId: paymentOf.get(p.supplierId)!,
            heldReason: null,
            heldDetail: null,
          })),
        ),
        ...proposal.held.flatMap((h) =>
          h.items.map((item) => ({
            invoiceId: item.invoiceId,
            paymentId: null,
            heldReason: h.reason,
            heldDetail: h.detail,
          })),
        ),
      ]);
      await pay.setInvoicesInRun(
        tx,
        proposal.payments.flatMap((p) => p.items.map((item) => item.invoiceId)),
        { status: 'in-payment-run', runId },
      );
      await sql.insertDecisions(
        tx,
        tx.ctx.organisationId,
        tx.now,
        proposal.held.map((hold) => ({
          id: newId('dec'),
          subjectType: 'payment-run' as const,
          subjectId: runId,
          decision: 'payment-held',
          rule:
            hold.reason === 'no-verified-bank-details'
              ? 'PAYABLES-PAY-VERIFIED-BANK-DETAILS'
              : 'PAYABLES-PAY-CREDIT-CARRIED',
          ruleVersion: RULE_VERSIONS.payments,
          standardVersion: null,
          variationId: null,
          detail: { supplierId: hold.supplierId, invoices: hold.items.map((item) => item.invoiceId) },
        })),
      );
      tx.audit({
        action: 'payables.payment-run.proposed',
        entityType: 'payment-run',
        entityId: runId,
        after: { runNumber, processingDate, dueBy, payments: payments.length, held: proposal.held.length },
      });
      return detail(tx, runId);
    },

    async paymentRuns(tx: TenantTx, limit = 50) {
      return pay.selectPaymentRuns(tx, { limit: Math.min(limit, 500) });
    },

    paymentRun: detail,

    /**
     * A payments officer approves a proposed run: nobody may pay an invoice they approved
     * (governance.segregationOfDuties), and every payee's verified bank details must be the
     * ones the run was proposed with. Writes the Bacs Standard 18 file, posts each payment
     * (Dr trade payables, Cr cash) and marks the invoices paid, all in one transaction.
     */
    async approvePaymentRun(tx: TenantTx, runId: string): Promise<PaymentRunDetail> {
      const run = await requireRun(tx, runId);
      if (run.status !== 'proposed') {
        throw payablesError('PAYMENT_RUN_NOT_PROPOSED', `Payment run ${run.runNumber} is ${run.status}`);
      }
      const current = await detail(tx, runId);
      const invoiceIds = current.payments.flatMap((p) => p.invoices.map((i) => i.id));
      const duties = await framework.resolve(tx, 'governance.segregationOfDuties');
      if (!duties.value.approverMayPay) {
        const approvers = await sql.selectApprovers(tx, invoiceIds);
        const conflicts = current.payments.flatMap((p) =>
          p.invoices
            .filter((i) => approvers.get(i.id)?.includes(tx.ctx.actor.id))
            .map((i) => ({ ...i, supplierName: p.supplierName })),
        );
        if (conflicts.length > 0) {
          throw payablesError(
            'SEGREGATION_OF_DUTIES',
            `You approved ${conflicts.length === 1 ? 'an invoice' : `${conflicts.length} invoices`} in this run, so another payments officer must approve it`,
            conflicts.map((c) => ({
              path: `invoices.${c.id}`,
              rule: 'approver-may-not-pay',
              message: `${c.supplierName} ${c.invoiceNumber}: approved by you`,
            })),
          );
        }
      }
      const changed: ValidationIssue[] = [];
      for (const payment of current.payments) {
        const bank = await suppliers.verifiedBankDetails(tx, payment.supplierId);
        if (!bank || bank.sortCode !== payment.sortCode || bank.accountNumber !== payment.accountNumber) {
          changed.push({
            path: `payments.${payment.id}`,
            rule: 'verified-bank-details-unchanged',
            message: `${payment.supplierName}: verified bank details changed since the run was proposed`,
          });
        }
      }
      if (changed.length > 0) {
        throw payablesError(
          'PAYMENT_RUN_NOT_PROPOSED',
          'Bank details changed since the run was proposed: cancel it and propose again',
          changed,
        );
      }
      if (run.processingDate < today(tx)) {
        throw payablesError(
          'PAYMENT_RUN_NOT_PROPOSED',
          `The processing day ${run.processingDate} has passed: cancel the run and propose again`,
        );
      }
      const originator = await pay.selectBankAccount(tx);
      if (!originator)
        throw payablesError('BANK_ACCOUNT_MISSING', 'Set the organisation’s paying bank account first');
      const serial = run.runNumber.replace(/\D/g, '').slice(-6).padStart(6, '0');
      const file = writeStandard18({
        form: 'DAILY',
        serviceUserNumber: originator.serviceUserNumber,
        originator: {
          sortCode: originator.sortCode,
          accountNumber: originator.accountNumber,
          name: originator.accountName,
        },
        processingDate: run.processingDate,
        creationDate: today(tx),
        submissionSerial: serial,
        fileNumber: (Number(serial) % 999) + 1,
        payments: current.payments.map((payment) => ({
          sortCode: payment.sortCode,
          accountNumber: payment.accountNumber,
          accountName: payment.accountName,
          amount: payment.amountPence,
          reference: payment.reference,
        })),
      });
      const posted = await ledger.postJournals(
        tx,
        current.payments.map((payment) =>
          paymentJournal({
            paymentId: payment.id,
            runNumber: run.runNumber,
            supplierName: payment.supplierName,
            amountPence: payment.amountPence,
            nhsSupplier: payment.nhsSupplier,
            accountingDate: run.processingDate,
          }),
        ),
      );
      await pay.setPaymentJournals(
        tx,
        current.payments.map((payment, index) => ({ paymentId: payment.id, journalId: posted[index]!.id })),
      );
      await pay.setInvoicesInRun(tx, invoiceIds, { status: 'paid', paidOn: run.processingDate });
      await pay.updatePaymentRun(tx, runId, {
        status: 'approved',
        by: tx.ctx.actor.id,
        at: tx.now,
        bacsFile: file.text,
      });
      tx.audit({
        action: 'payables.payment-run.approved',
        entityType: 'payment-run',
        entityId: runId,
        before: { status: 'proposed' },
        after: { status: 'approved', totalPence: file.totals.creditTotal, payments: current.payments.length },
      });
      return detail(tx, runId);
    },

    async cancelPaymentRun(tx: TenantTx, runId: string, reason: string): Promise<PaymentRunDetail> {
      const run = await requireRun(tx, runId);
      if (run.status !== 'proposed')
        throw payablesError('PAYMENT_RUN_NOT_PROPOSED', `Payment run ${run.runNumber} is ${run.status}`);
      const current = await detail(tx, runId);
      await pay.setInvoicesInRun(
        tx,
        current.payments.flatMap((p) => p.invoices.map((i) => i.id)),
        { status: 'approved' },
      );
      await pay.updatePaymentRun(tx, runId, { status: 'cancelled', by: tx.ctx.actor.id, at: tx.now, reason });
      tx.audit({
        action: 'payables.payment-run.cancelled',
        entityType: 'payment-run',
        entityId: runId,
        before: { status: 'proposed' },
        after: { status: 'cancelled' },
        reason,
      });
      return detail(tx, runId);
    },

    async bacsFile(tx: TenantTx, runId: string): Promise<{ fileName: string; text: string }> {
      const run = await requireRun(tx, runId);
      const text = await pay.selectBacsFile(tx, runId);
      if (run.status !== 'approved' || text === null) {
        throw payablesError(
          'PAYMENT_RUN_NOT_APPROVED',
          `Payment run ${run.runNumber} has no Bacs file until it is approved`,
        );
      }
      return { fileName: `${tx.ctx.organisationId}-${run.runNumber}.bacs.txt`, text };
    },

    /** The remittance advice for one supplier's payment in an approved run. */
    async remittance(
      tx: TenantTx,
      runId: string,
      paymentId: string,
      organisationName?: string,
    ): Promise<RemittanceAdvice> {
      const current = await detail(tx, runId);
      if (current.status !== 'approved') {
        throw payablesError(
          'PAYMENT_RUN_NOT_APPROVED',
          `Payment run ${current.runNumber} has not been approved`,
        );
      }
      const payment = current.payments.find((p) => p.id === paymentId || p.supplierId === paymentId);
      if (!payment)
        throw payablesError('PAYMENT_NOT_FOUND', `No payment ${paymentId} in run ${current.runNumber}`);
      return {
        organisationName: organisationName ?? tx.ctx.organisationId,
        supplierName: payment.supplierName,
        runNumber: current.runNumber,
        paymentReference: payment.reference,
        paymentDate: current.processingDate,
        accountEnding: masked(payment.accountNumber),
        items: payment.invoices.map((invoice) => ({
          kind: invoice.kind === 'credit-note' ? 'credit-note' : 'invoice',
          number: invoice.invoiceNumber,
          issueDate: invoice.issueDate,
          amountPence: (invoice.kind === 'credit-note' ? -invoice.grossPence : invoice.grossPence) as Pence,
        })),
        totalPence: payment.amountPence,
      };
    },
  };
}
