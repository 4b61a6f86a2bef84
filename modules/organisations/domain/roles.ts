/** The people of PRODUCT.md §3, as roles a membership grants. */
export const ROLES = [
  'budget-holder',
  'procurement-officer',
  'ap-clerk',
  'payments-officer',
  'finance-controller',
  'executive-director',
  'chief-executive',
  'payroll-officer',
  'employee',
  'recruiter',
  'hiring-manager',
  'system-leader',
  'shared-service-manager',
  'design-authority',
  'auditor',
  'administrator',
] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  'budget-holder': 'Ward manager / budget holder',
  'procurement-officer': 'Procurement officer',
  'ap-clerk': 'Accounts payable clerk',
  'payments-officer': 'Payments officer',
  'finance-controller': 'Finance controller',
  'executive-director': 'Executive director',
  'chief-executive': 'Chief executive',
  'payroll-officer': 'Payroll officer',
  employee: 'Employee',
  recruiter: 'Recruiter',
  'hiring-manager': 'Hiring manager',
  'system-leader': 'ICS / system leader',
  'shared-service-manager': 'Shared-service manager',
  'design-authority': 'Design Authority member',
  auditor: 'Auditor',
  administrator: 'Administrator',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * What each role may do, declared by each module for its own verbs
 * (`ledger.post`, `framework.approve-variation`) and checked at its HTTP and CLI
 * edges. Keeping the table beside the module keeps the rule beside the code.
 */
export type PermissionTable<P extends string> = Readonly<Record<P, readonly Role[]>>;

export function definePermissions<P extends string>(table: PermissionTable<P>) {
  return {
    table,
    allows(roles: readonly string[], permission: P): boolean {
      const allowed: readonly string[] = table[permission];
      return roles.some((role) => allowed.includes(role));
    },
    rolesFor(permission: P): readonly Role[] {
      return table[permission];
    },
  };
}

export type Permissions<P extends string> = ReturnType<typeof definePermissions<P>>;

export const organisationPermissions = definePermissions({
  read: ROLES,
  manage: ['administrator', 'shared-service-manager'],
  'read-audit': ['auditor', 'design-authority', 'administrator'],
});
