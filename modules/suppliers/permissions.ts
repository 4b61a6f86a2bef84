import { definePermissions } from '../organisations';

export const suppliersPermissions = definePermissions({
  read: [
    'procurement-officer',
    'ap-clerk',
    'payments-officer',
    'finance-controller',
    'budget-holder',
    'auditor',
    'shared-service-manager',
  ],
  manage: ['procurement-officer', 'ap-clerk'],
  /** Entering and verifying bank details; the four-eyes rule is the service's, not the role's. */
  'bank-details': ['procurement-officer', 'ap-clerk', 'payments-officer', 'finance-controller'],
});
