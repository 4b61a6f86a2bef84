import { definePermissions } from '../organisations';

/** Who may bring data into Insight, read its figures, and decide uncertain matches. */
export const insightPermissions = definePermissions({
  read: [
    'finance-controller',
    'executive-director',
    'chief-executive',
    'procurement-officer',
    'payroll-officer',
    'recruiter',
    'hiring-manager',
    'budget-holder',
    'system-leader',
    'shared-service-manager',
    'auditor',
    'design-authority',
    'administrator',
  ],
  import: [
    'finance-controller',
    'procurement-officer',
    'payroll-officer',
    'shared-service-manager',
    'administrator',
  ],
  review: ['procurement-officer', 'finance-controller', 'shared-service-manager'],
});
