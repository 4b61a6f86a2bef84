import { isDomainError } from '../../../kernel/errors';
import { allocate, type Pence } from '../../../kernel/money';
import type { TenantTx } from '../../../kernel/tenancy';
import type { DocumentKind } from '../domain/fingerprint';
import type { MatchedLine } from '../domain/match';
import { formatQuantity, type Quantity } from '../domain/quantity';
import type { ProcurementPort, RecordedInvoice, RecordInvoicedInput } from '../ports';

export type Invoicing = {
  invoice: { id: string; kind: DocumentKind; purchaseOrderId: string };
  lines: readonly MatchedLine[];
  netOf: (invoiceLineNo: number) => bigint;
};

/** What an invoice takes from each order line (a credit note gives it back). */
function recordingOf(entry: Invoicing, allowedOverQuantity: Quantity): RecordInvoicedInput {
  const sign = entry.invoice.kind === 'credit-note' ? -1n : 1n;
  const byOrderLine = new Map<number, { quantity: bigint; netPence: bigint }>();
  for (const line of entry.lines) {
    const current = byOrderLine.get(line.poLineNo) ?? { quantity: 0n, netPence: 0n };
    byOrderLine.set(line.poLineNo, {
      quantity: current.quantity + line.quantity,
      netPence: current.netPence + entry.netOf(line.invoiceLineNo),
    });
  }
  return {
    purchaseOrderId: entry.invoice.purchaseOrderId,
    invoiceId: entry.invoice.id,
    lines: [...byOrderLine].map(([lineNo, line]) => ({
      lineNo,
      quantity: formatQuantity(sign * line.quantity),
      netPence: sign * line.netPence,
    })),
    allowedOverQuantity: formatQuantity(allowedOverQuantity),
  };
}

/** The matched lines with the accrual procurement released, split across invoice lines sharing an order line by value. */
function withReleases(lines: readonly MatchedLine[], recorded: RecordedInvoice): MatchedLine[] {
  const released = new Map(recorded.lines.map((line) => [line.lineNo, line.grniReleasedPence]));
  const result = lines.map((line) => ({ ...line }));
  for (const poLineNo of new Set(result.map((line) => line.poLineNo))) {
    const sharing = result.filter((line) => line.poLineNo === poLineNo);
    const total = (released.get(poLineNo) ?? 0n) as Pence;
    const weights = sharing.map((line) =>
      line.expectedPence < 0n ? -line.expectedPence : line.expectedPence,
    );
    const parts = weights.some((weight) => weight > 0n)
      ? allocate(total, weights)
      : sharing.map((_, index) => (index === 0 ? total : (0n as Pence)));
    sharing.forEach((line, index) => {
      line.grniReleasePence = parts[index]!;
    });
  }
  return result;
}

/**
 * Tells procurement what approved invoices take from their orders and returns each one's
 * matched lines with the accrual procurement says it releases: the goods-received-not-invoiced
 * balance is procurement's, so the release it reports is the one posted. One call for the batch
 * when procurement offers it; a refusal is then traced to its invoice one call at a time.
 */
export async function recordAgainstOrders(
  procurement: ProcurementPort,
  tx: TenantTx,
  entries: readonly Invoicing[],
  allowedOverQuantity: Quantity,
): Promise<(MatchedLine[] | { refused: string })[]> {
  const inputs = entries.map((entry) => recordingOf(entry, allowedOverQuantity));
  if (procurement.recordInvoicedMany && entries.length > 1) {
    try {
      const recorded = await procurement.recordInvoicedMany(tx, inputs);
      return entries.map((entry, index) => withReleases(entry.lines, recorded[index]!));
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
  const results: (MatchedLine[] | { refused: string })[] = [];
  for (const [index, entry] of entries.entries()) {
    try {
      results.push(withReleases(entry.lines, await procurement.recordInvoiced(tx, inputs[index]!)));
    } catch (error) {
      if (!isDomainError(error)) throw error;
      results.push({ refused: error.message });
    }
  }
  return results;
}
