import { definePermissions, ROLES } from '../organisations';

export const frameworkPermissions = definePermissions({
  read: ROLES,
  propose: [
    'finance-controller',
    'procurement-officer',
    'payroll-officer',
    'administrator',
    'shared-service-manager',
  ],
  decide: ['design-authority'],
  publish: ['design-authority'],
  'gap-analysis': ['design-authority', 'shared-service-manager', 'administrator'],
});
