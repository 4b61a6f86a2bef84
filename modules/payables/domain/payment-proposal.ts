import type { Pence } from '../../../kernel/money';
import type { LocalDate } from '../../../kernel/time';
import type { VerifiedBankDetails } from '../ports';
import type { DocumentKind } from './fingerprint';

export type PayableItem = {
  invoiceId: string;
  supplierId: string;
  kind: DocumentKind;
  number: string;
  issueDate: LocalDate;
  dueDate: LocalDate;
  /** Positive for both kinds; a credit note reduces the payment. */
  grossPence: Pence;
};

export type PayeeSupplier = { id: string; name: string; bank: VerifiedBankDetails | null };

export type HoldReason = 'no-verified-bank-details' | 'credits-exceed-invoices';

export type ProposedPayment = {
  supplierId: string;
  supplierName: string;
  amountPence: Pence;
  bank: VerifiedBankDetails;
  items: PayableItem[];
};

export type HeldPayment = {
  supplierId: string;
  supplierName: string;
  reason: HoldReason;
  detail: string;
  items: PayableItem[];
};

const signed = (item: PayableItem) => (item.kind === 'credit-note' ? -item.grossPence : item.grossPence);

/**
 * Groups what is due into one payment per supplier, setting credit notes against invoices.
 * A supplier without bank details a second person has verified is held, never paid to
 * unverified details (the NHS Counter Fraud Authority's mandate-fraud control); so is a
 * supplier whose credits exceed what is due (the credit waits for the next invoice).
 */
export function proposePayments(
  items: readonly PayableItem[],
  suppliers: ReadonlyMap<string, PayeeSupplier>,
): { payments: ProposedPayment[]; held: HeldPayment[] } {
  const bySupplier = new Map<string, PayableItem[]>();
  for (const item of items)
    bySupplier.set(item.supplierId, [...(bySupplier.get(item.supplierId) ?? []), item]);
  const payments: ProposedPayment[] = [];
  const held: HeldPayment[] = [];
  for (const [supplierId, supplierItems] of bySupplier) {
    const supplier = suppliers.get(supplierId);
    const supplierName = supplier?.name ?? supplierId;
    const amount = supplierItems.reduce((sum, item) => sum + signed(item), 0n);
    if (!supplier?.bank) {
      held.push({
        supplierId,
        supplierName,
        reason: 'no-verified-bank-details',
        detail: 'No verified bank details on file: payment waits until a second person verifies them.',
        items: supplierItems,
      });
    } else if (amount <= 0n) {
      held.push({
        supplierId,
        supplierName,
        reason: 'credits-exceed-invoices',
        detail: 'Credit notes are worth at least what is due: they are carried to the next payment.',
        items: supplierItems,
      });
    } else {
      payments.push({
        supplierId,
        supplierName,
        amountPence: amount as Pence,
        bank: supplier.bank,
        items: supplierItems,
      });
    }
  }
  const byName = <T extends { supplierName: string }>(a: T, b: T) =>
    a.supplierName.localeCompare(b.supplierName);
  return { payments: payments.sort(byName), held: held.sort(byName) };
}
