import { definePermissions } from '../organisations';

/**
 * Who may do what in procurement at the HTTP and web edges. Approval itself
 * is decided by the framework's thresholds (the level's role) and segregation
 * of duties, in the service, whatever the caller's roles here.
 */
export const procurementPermissions = definePermissions({
  read: [
    'budget-holder',
    'procurement-officer',
    'finance-controller',
    'executive-director',
    'chief-executive',
    'ap-clerk',
    'payments-officer',
    'auditor',
    'shared-service-manager',
  ],
  requisition: ['budget-holder', 'procurement-officer', 'finance-controller', 'executive-director'],
  approve: ['budget-holder', 'finance-controller', 'executive-director', 'chief-executive'],
  receive: ['budget-holder', 'procurement-officer'],
  'manage-orders': ['procurement-officer', 'budget-holder'],
  'manage-catalogue': ['procurement-officer'],
  measures: [
    'shared-service-manager',
    'procurement-officer',
    'finance-controller',
    'auditor',
    'system-leader',
  ],
});
