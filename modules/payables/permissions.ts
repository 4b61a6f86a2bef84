import { definePermissions } from '../organisations';

/** Who may do what with supplier invoices and payments (checked at the HTTP, web and CLI edges). */
export const payablesPermissions = definePermissions({
  read: [
    'ap-clerk',
    'payments-officer',
    'finance-controller',
    'executive-director',
    'chief-executive',
    'budget-holder',
    'auditor',
    'shared-service-manager',
    'procurement-officer',
  ],
  receive: ['ap-clerk', 'finance-controller', 'shared-service-manager'],
  resolve: ['ap-clerk', 'finance-controller'],
  approve: ['budget-holder', 'finance-controller', 'executive-director', 'chief-executive'],
  pay: ['payments-officer', 'finance-controller'],
  'manage-bank-account': ['finance-controller', 'payments-officer'],
  measures: [
    'ap-clerk',
    'payments-officer',
    'finance-controller',
    'executive-director',
    'chief-executive',
    'shared-service-manager',
    'system-leader',
    'auditor',
  ],
});
