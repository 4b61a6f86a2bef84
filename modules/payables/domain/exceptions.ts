/** Why an invoice waits for a person, and what Mainstay suggests doing about it. */
export const EXCEPTION_REASONS = [
  'price-variance',
  'quantity-not-received',
  'quantity-over-ordered',
  'line-not-on-order',
  'no-po',
  'po-not-found',
  'po-closed',
  'supplier-mismatch',
  'currency-mismatch',
  'invalid-vat',
  'suspected-duplicate',
  'prepaid-amount',
  'credit-note-unmatched',
  'coding-invalid',
] as const;

export type ExceptionReason = (typeof EXCEPTION_REASONS)[number];

/** The one-click resolutions of the exception queue. */
export const RESOLUTION_ACTIONS = [
  'accept-variance',
  'wait-for-receipt',
  'reject-to-supplier',
  'code-invoice',
  'mark-not-duplicate',
  'accept-with-reason',
] as const;

export type ResolutionAction = (typeof RESOLUTION_ACTIONS)[number];

type ReasonGuide = {
  label: string;
  /** The resolution offered first, with the sentence shown beside the reason. */
  suggested: ResolutionAction;
  suggestion: string;
  actions: readonly ResolutionAction[];
};

export const REASON_GUIDE: Record<ExceptionReason, ReasonGuide> = {
  'price-variance': {
    label: 'Price differs from the order',
    suggested: 'accept-variance',
    suggestion:
      'Accept the variance if it is within your authority and the new price is right; otherwise reject to the supplier asking for an invoice at the order price.',
    actions: ['accept-variance', 'reject-to-supplier'],
  },
  'quantity-not-received': {
    label: 'Goods not yet received',
    suggested: 'wait-for-receipt',
    suggestion:
      'Wait for the goods receipt: Mainstay checks again when receipts are recorded and approves the invoice if it then matches.',
    actions: ['wait-for-receipt', 'reject-to-supplier'],
  },
  'quantity-over-ordered': {
    label: 'More invoiced than ordered',
    suggested: 'reject-to-supplier',
    suggestion: 'Reject to the supplier: the quantity invoiced is more than was ordered.',
    actions: ['reject-to-supplier'],
  },
  'line-not-on-order': {
    label: 'Line not on the order',
    suggested: 'reject-to-supplier',
    suggestion: 'Reject to the supplier: an item on the invoice is not on the purchase order.',
    actions: ['reject-to-supplier', 'code-invoice'],
  },
  'no-po': {
    label: 'No purchase order',
    suggested: 'code-invoice',
    suggestion:
      'Code the invoice to a cost centre and account; the budget holder with authority for the amount then approves it.',
    actions: ['code-invoice', 'reject-to-supplier'],
  },
  'po-not-found': {
    label: 'Purchase order not found',
    suggested: 'reject-to-supplier',
    suggestion:
      'Reject to the supplier asking for the correct purchase order number, or code it as a non-PO invoice.',
    actions: ['reject-to-supplier', 'code-invoice'],
  },
  'po-closed': {
    label: 'Purchase order cancelled',
    suggested: 'reject-to-supplier',
    suggestion: 'The order was cancelled: reject to the supplier, or code it as a non-PO invoice.',
    actions: ['reject-to-supplier', 'code-invoice'],
  },
  'supplier-mismatch': {
    label: 'Order belongs to another supplier',
    suggested: 'reject-to-supplier',
    suggestion: 'Reject to the supplier: the purchase order quoted was raised with a different supplier.',
    actions: ['reject-to-supplier'],
  },
  'currency-mismatch': {
    label: 'Currency differs from the order',
    suggested: 'reject-to-supplier',
    suggestion: 'Reject to the supplier asking for an invoice in the currency of the order.',
    actions: ['reject-to-supplier'],
  },
  'invalid-vat': {
    label: 'VAT does not agree',
    suggested: 'reject-to-supplier',
    suggestion:
      'Reject to the supplier asking for the correct VAT, or accept with a reason if the order carried the wrong rate.',
    actions: ['reject-to-supplier', 'accept-with-reason'],
  },
  'suspected-duplicate': {
    label: 'Suspected duplicate',
    suggested: 'reject-to-supplier',
    suggestion:
      'Compare with the earlier invoice: reject if it is the same invoice under another number, or mark it not a duplicate with the reason.',
    actions: ['reject-to-supplier', 'mark-not-duplicate'],
  },
  'prepaid-amount': {
    label: 'Part already paid',
    suggested: 'accept-with-reason',
    suggestion: 'Check the deposit was paid, then accept with a reason; otherwise reject to the supplier.',
    actions: ['accept-with-reason', 'reject-to-supplier'],
  },
  'credit-note-unmatched': {
    label: 'Credit note to apply',
    suggested: 'code-invoice',
    suggestion:
      'Code the credit note to the cost centre and account it reduces; it is then set against the supplier’s next payment.',
    actions: ['code-invoice', 'reject-to-supplier'],
  },
  'coding-invalid': {
    label: 'Coding not open in the ledger',
    suggested: 'code-invoice',
    suggestion:
      'The order line’s account or cost centre is not open in the ledger: code the invoice to an open cost centre and account.',
    actions: ['code-invoice', 'reject-to-supplier'],
  },
};

export function isResolutionAction(value: string): value is ResolutionAction {
  return (RESOLUTION_ACTIONS as readonly string[]).includes(value);
}
