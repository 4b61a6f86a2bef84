import type { WebSession } from './session';

export type NavigationItem = {
  section: string;
  label: string;
  href: string;
  /** Shown to people holding any of these roles in the current organisation. */
  roles: readonly string[];
  /** A sentence for the home page card. */
  description: string;
};

/**
 * Every area of the web app, in menu order. Each capability adds its entry
 * here; people see the areas their roles in the current organisation use.
 */
export const NAVIGATION: NavigationItem[] = [
  {
    section: 'ledger',
    label: 'Ledger',
    href: '/ledger',
    roles: ['finance-controller', 'executive-director', 'auditor', 'budget-holder', 'shared-service-manager'],
    description:
      'Trial balance, journals, accounting periods, cost centres and how the old chart maps to the common one.',
  },
  {
    section: 'procurement',
    label: 'Ordering',
    href: '/procurement',
    roles: [
      'budget-holder',
      'procurement-officer',
      'finance-controller',
      'executive-director',
      'chief-executive',
    ],
    description:
      'Order from the catalogue in seconds, approve requisitions, record deliveries and follow purchase orders.',
  },
  {
    section: 'payables',
    label: 'Supplier invoices',
    href: '/payables',
    roles: ['ap-clerk', 'finance-controller', 'budget-holder', 'shared-service-manager'],
    description:
      'Invoice exceptions with their reason and a one-click resolution, uploads, quarantine, paper invoices and approvals.',
  },
  {
    section: 'payments',
    label: 'Payment runs',
    href: '/payables/payment-runs',
    roles: ['payments-officer', 'finance-controller'],
    description:
      'Propose and approve payment runs, download the Bacs file and remittance advice for each supplier.',
  },
  {
    section: 'payroll',
    label: 'Payroll',
    href: '/payroll',
    roles: ['payroll-officer', 'auditor'],
    description:
      'Pay runs with their preview, bad input and variances; approval and commit; pay records, bank checks, claims and payslip queries.',
  },
  {
    section: 'my-pay',
    label: 'My pay',
    href: '/my-pay',
    roles: ['employee'],
    description: 'Your payslips with every line explained, anytime pay, and questions to payroll.',
  },
  {
    section: 'suppliers',
    label: 'Suppliers',
    href: '/procurement/suppliers',
    roles: ['procurement-officer', 'ap-clerk', 'payments-officer'],
    description:
      'The supplier master, and bank-detail changes waiting for a second person to call back and verify them.',
  },
  {
    section: 'framework',
    label: 'Standard and variations',
    href: '/framework',
    roles: [
      'design-authority',
      'finance-controller',
      'procurement-officer',
      'payroll-officer',
      'shared-service-manager',
      'administrator',
      'auditor',
    ],
    description:
      'The national standard, this organisation’s local variations and its conformance, and gap analyses.',
  },
  {
    section: 'system',
    label: 'Integrated care system',
    href: '/system',
    roles: ['system-leader', 'shared-service-manager'],
    description:
      'Every member organisation at once: consolidated trial balance and conformance to the standard.',
  },
  {
    section: 'insight',
    label: 'Insight',
    href: '/insight',
    roles: [
      'system-leader',
      'shared-service-manager',
      'procurement-officer',
      'finance-controller',
      'executive-director',
      'chief-executive',
      'payroll-officer',
      'recruiter',
    ],
    description:
      'Price variation, spend, workforce against the ICS median, early warning and benchmarks, each labelled by how fit its data is.',
  },
  {
    section: 'audit',
    label: 'Audit trail',
    href: '/audit',
    roles: ['auditor', 'design-authority', 'administrator'],
    description: 'Who changed what, when and why — and a check that nobody has altered the record.',
  },
];

export function navigationFor(session: WebSession): NavigationItem[] {
  return NAVIGATION.filter((item) => session.roles.some((role) => item.roles.includes(role)));
}
