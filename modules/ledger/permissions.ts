import { definePermissions } from '../organisations';

export const ledgerPermissions = definePermissions({
  read: [
    'finance-controller',
    'executive-director',
    'chief-executive',
    'auditor',
    'system-leader',
    'shared-service-manager',
    'budget-holder',
    'ap-clerk',
    'payments-officer',
  ],
  post: ['finance-controller'],
  manage: ['finance-controller'],
});
