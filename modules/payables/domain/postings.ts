import type { Pence } from '../../../kernel/money';
import type { LocalDate } from '../../../kernel/time';
import { CONTROL_ACCOUNTS, type JournalInput, type JournalLineInput } from '../../ledger';
import type { DocumentKind } from './fingerprint';
import type { MatchedLine } from './match';

export const SOURCE_MODULE = 'payables';

/** NHS bodies and everyone else are owed on separate control accounts (the NHS agreement-of-balances exercise needs them apart). */
export function payablesAccount(nhsBody: boolean): string {
  return nhsBody ? CONTROL_ACCOUNTS.tradePayablesNhs : CONTROL_ACCOUNTS.tradePayablesNonNhs;
}

export type PostingInvoice = {
  id: string;
  kind: DocumentKind;
  number: string;
  supplierName: string;
  netPence: Pence;
  vatPence: Pence;
  grossPence: Pence;
  nhsSupplier: boolean;
};

/** How the net amount is charged: against the order (matched lines) or by the coding a person gave. */
export type InvoiceCharging =
  | { kind: 'matched'; lines: readonly MatchedLine[] }
  | { kind: 'coded'; lines: readonly { netPence: Pence; accountCode: string; costCentreCode: string }[] };

type Amount = { accountCode: string; costCentreCode: string | null; pence: bigint; description: string };

function netAmounts(invoice: PostingInvoice, charging: InvoiceCharging): Amount[] {
  const amounts: Amount[] = [];
  if (charging.kind === 'coded') {
    for (const line of charging.lines) {
      amounts.push({
        accountCode: line.accountCode,
        costCentreCode: line.costCentreCode,
        pence: line.netPence,
        description: 'Non-PO invoice',
      });
    }
  } else {
    for (const line of charging.lines) {
      amounts.push({
        accountCode: CONTROL_ACCOUNTS.goodsReceivedNotInvoiced,
        costCentreCode: null,
        pence: line.grniReleasePence,
        description: `Release accrual, order line ${line.poLineNo}`,
      });
      amounts.push({
        accountCode: line.accountCode,
        costCentreCode: line.costCentreCode,
        pence: line.expectedPence - line.grniReleasePence,
        description: `Not accrued on receipt, order line ${line.poLineNo}`,
      });
      amounts.push({
        accountCode: CONTROL_ACCOUNTS.purchasePriceVariance,
        costCentreCode: line.costCentreCode,
        pence: line.variancePence,
        description: `Price variance, order line ${line.poLineNo}`,
      });
    }
  }
  // Document-level charges and allowances, and lines not charged above, follow the first line's cost centre.
  const charged = amounts.reduce((sum, amount) => sum + amount.pence, 0n);
  const first = charging.lines[0];
  const residualAccount =
    charging.kind === 'matched' ? CONTROL_ACCOUNTS.purchasePriceVariance : first?.accountCode;
  if (invoice.netPence !== charged && first && residualAccount) {
    amounts.push({
      accountCode: residualAccount,
      costCentreCode: first.costCentreCode,
      pence: invoice.netPence - charged,
      description: 'Document-level charges and allowances',
    });
  }
  return amounts;
}

/** Merges amounts for the same account and cost centre and turns signs into sides; zero lines are dropped. */
function toLines(amounts: readonly Amount[], normalSide: 'debit' | 'credit'): JournalLineInput[] {
  const merged = new Map<string, Amount>();
  for (const amount of amounts) {
    const key = `${amount.accountCode}/${amount.costCentreCode ?? ''}`;
    const existing = merged.get(key);
    merged.set(key, existing ? { ...existing, pence: existing.pence + amount.pence } : { ...amount });
  }
  const opposite = normalSide === 'debit' ? 'credit' : 'debit';
  return [...merged.values()]
    .filter((amount) => amount.pence !== 0n)
    .map((amount) => ({
      accountCode: amount.accountCode,
      costCentreCode: amount.costCentreCode,
      side: amount.pence > 0n ? normalSide : opposite,
      amountPence: (amount.pence > 0n ? amount.pence : -amount.pence) as Pence,
      description: amount.description,
    }));
}

/**
 * The journal for an approved invoice: Dr goods received not invoiced for the value the
 * receipts accrued, Dr the order line's account for any part not accrued, Dr (or Cr) purchase
 * price variance for the accepted difference, Dr VAT recoverable, Cr trade payables for the
 * total. A credit note posts the mirror image. Null when there is nothing to post (a zero invoice).
 */
export function invoiceJournal(
  invoice: PostingInvoice,
  charging: InvoiceCharging,
  accountingDate: LocalDate,
): JournalInput | null {
  const expenseSide = invoice.kind === 'invoice' ? 'debit' : 'credit';
  const liabilitySide = invoice.kind === 'invoice' ? 'credit' : 'debit';
  const lines = [
    ...toLines(netAmounts(invoice, charging), expenseSide),
    ...toLines(
      [
        {
          accountCode: CONTROL_ACCOUNTS.vatRecoverable,
          costCentreCode: null,
          pence: invoice.vatPence,
          description: 'Input VAT',
        },
      ],
      expenseSide,
    ),
    ...toLines(
      [
        {
          accountCode: payablesAccount(invoice.nhsSupplier),
          costCentreCode: null,
          pence: invoice.grossPence,
          description: invoice.supplierName,
        },
      ],
      liabilitySide,
    ),
  ];
  if (lines.length < 2) return null;
  const isCredit = invoice.kind === 'credit-note';
  return {
    accountingDate,
    sourceModule: SOURCE_MODULE,
    sourceId: invoice.id,
    reasonCode: isCredit ? 'AP_CREDIT_NOTE' : 'AP_INVOICE',
    description: `${isCredit ? 'Credit note' : 'Invoice'} ${invoice.number} from ${invoice.supplierName}`,
    lines,
  };
}

/** Paying a supplier: Dr trade payables, Cr the commercial bank account payments leave from. */
export function paymentJournal(input: {
  paymentId: string;
  runNumber: string;
  supplierName: string;
  amountPence: Pence;
  nhsSupplier: boolean;
  accountingDate: LocalDate;
}): JournalInput {
  return {
    accountingDate: input.accountingDate,
    sourceModule: SOURCE_MODULE,
    sourceId: input.paymentId,
    reasonCode: 'AP_PAYMENT',
    description: `Payment run ${input.runNumber}: ${input.supplierName}`,
    lines: [
      {
        accountCode: payablesAccount(input.nhsSupplier),
        side: 'debit',
        amountPence: input.amountPence,
        description: input.supplierName,
      },
      {
        accountCode: CONTROL_ACCOUNTS.cashCommercial,
        side: 'credit',
        amountPence: input.amountPence,
        description: `Bacs ${input.runNumber}`,
      },
    ],
  };
}
