import { definePermissions } from '../organisations';

/**
 * Pay records are personal data: the payroll team and auditors see them;
 * employees see only their own payslips, anytime pay and queries. Segregation
 * of duties is by person, not role: the person who prepared a run cannot
 * approve it, and the person who entered bank details cannot verify them.
 */
export const payrollPermissions = definePermissions({
  read: ['payroll-officer', 'auditor'],
  manage: ['payroll-officer'],
  run: ['payroll-officer'],
  'self-service': ['employee'],
});
