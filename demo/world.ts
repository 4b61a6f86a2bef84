import type { Role, TrustType } from '../modules/organisations';

/**
 * The demo integrated care system: a shared-service provider, one board and
 * five trusts of different types and sizes, each with its own legacy habits,
 * plus one organisation about to join. Names and codes are fictional.
 */
export const DEMO_PASSWORD = 'mainstay-demo';

export const PROVIDER = { id: 'MSS', name: 'Mainstay Shared Services' } as const;
export const ICB = { id: 'QNX', name: 'NHS Northshire and Dale Integrated Care Board' } as const;

export type DemoTrust = {
  id: string;
  name: string;
  trustType: TrustType;
  /** Monthly patient-care income in pounds: drives every other volume. */
  monthlyIncomePounds: number;
  legacyStyle: 'five-digit-caps' | 'e-dash' | 'c-prefix' | 'dotted' | 'amb-prefix';
  clinicalCostCentres: { code: string; name: string; division: string }[];
};

const corporate = (prefix: string) => [
  { code: `${prefix}900`, name: 'Finance', division: 'Corporate: Finance' },
  { code: `${prefix}901`, name: 'Human Resources', division: 'Corporate: HR' },
  { code: `${prefix}902`, name: 'Payroll', division: 'Corporate: Payroll' },
  { code: `${prefix}903`, name: 'Procurement', division: 'Corporate: Procurement' },
  { code: `${prefix}904`, name: 'Digital and IT', division: 'Corporate: IT' },
  { code: `${prefix}905`, name: 'Estates and Facilities', division: 'Corporate: Estates' },
  { code: `${prefix}906`, name: 'Board and Governance', division: 'Corporate: Governance' },
  { code: `${prefix}999`, name: 'Contract income', division: 'Corporate: Finance' },
];

export const TRUSTS: readonly DemoTrust[] = [
  {
    id: 'RN1',
    name: 'Northshire Teaching Hospitals NHS Foundation Trust',
    trustType: 'acute',
    monthlyIncomePounds: 62_000_000,
    legacyStyle: 'five-digit-caps',
    clinicalCostCentres: [
      { code: 'A101', name: 'Ward 7 Respiratory', division: 'Medicine' },
      { code: 'A102', name: 'Ward 9 Elderly Care', division: 'Medicine' },
      { code: 'A103', name: 'Emergency Department', division: 'Medicine' },
      { code: 'A201', name: 'Main Theatres', division: 'Surgery' },
      { code: 'A202', name: 'Ward 14 Orthopaedics', division: 'Surgery' },
      { code: 'A301', name: 'Maternity', division: 'Women and Children' },
      { code: 'A401', name: 'Pathology', division: 'Clinical Support' },
      { code: 'A402', name: 'Pharmacy', division: 'Clinical Support' },
      ...corporate('A'),
    ],
  },
  {
    id: 'RN2',
    name: 'Dale Valley Hospitals NHS Trust',
    trustType: 'acute',
    monthlyIncomePounds: 24_000_000,
    legacyStyle: 'e-dash',
    clinicalCostCentres: [
      { code: 'D110', name: 'Acute Medical Unit', division: 'Medicine' },
      { code: 'D120', name: 'Emergency Department', division: 'Medicine' },
      { code: 'D210', name: 'Day Surgery', division: 'Surgery' },
      { code: 'D310', name: 'Childrens Ward', division: 'Women and Children' },
      { code: 'D410', name: 'Radiology', division: 'Clinical Support' },
      ...corporate('D'),
    ],
  },
  {
    id: 'RN3',
    name: 'Northshire Community Health NHS Trust',
    trustType: 'community',
    monthlyIncomePounds: 11_500_000,
    legacyStyle: 'c-prefix',
    clinicalCostCentres: [
      { code: 'C510', name: 'District Nursing North', division: 'Community Services' },
      { code: 'C520', name: 'District Nursing South', division: 'Community Services' },
      { code: 'C530', name: 'Community Hospital Beds', division: 'Community Services' },
      { code: 'C540', name: 'Therapies', division: 'Community Services' },
      ...corporate('C'),
    ],
  },
  {
    id: 'RN4',
    name: 'Northshire and Dale Mental Health NHS Foundation Trust',
    trustType: 'mental-health',
    monthlyIncomePounds: 15_000_000,
    legacyStyle: 'dotted',
    clinicalCostCentres: [
      { code: 'M610', name: 'Adult Inpatient Unit', division: 'Mental Health' },
      { code: 'M620', name: 'Community Mental Health Team East', division: 'Mental Health' },
      { code: 'M630', name: 'Crisis Resolution Team', division: 'Mental Health' },
      { code: 'M640', name: 'Child and Adolescent Services', division: 'Mental Health' },
      ...corporate('M'),
    ],
  },
  {
    id: 'RN5',
    name: 'North Country Ambulance Service NHS Trust',
    trustType: 'ambulance',
    monthlyIncomePounds: 19_000_000,
    legacyStyle: 'amb-prefix',
    clinicalCostCentres: [
      { code: 'E710', name: 'Emergency Operations Centre', division: 'Emergency Operations' },
      { code: 'E720', name: 'North Division Operations', division: 'Emergency Operations' },
      { code: 'E730', name: 'South Division Operations', division: 'Emergency Operations' },
      { code: 'E740', name: 'Patient Transport Service', division: 'Emergency Operations' },
      ...corporate('E'),
    ],
  },
];

/** About to join: the Design Authority runs its gap analysis in the demo. */
export const JOINING = { id: 'RN6', name: 'Dale Coast Hospitals NHS Trust', trustType: 'acute' as TrustType };

export type DemoPerson = {
  email: string;
  name: string;
  memberships: { organisationId: string; roles: Role[] }[];
  /** What to tell a newcomer this sign-in is for. */
  shows: string;
};

const allTrusts = (roles: Role[]) => TRUSTS.map((trust) => ({ organisationId: trust.id, roles }));

export const PEOPLE: readonly DemoPerson[] = [
  {
    email: 'service.manager@mainstay.demo',
    name: 'Priya Shah',
    memberships: [
      { organisationId: PROVIDER.id, roles: ['shared-service-manager', 'administrator'] },
      { organisationId: ICB.id, roles: ['shared-service-manager'] },
      ...allTrusts(['shared-service-manager', 'administrator']),
      { organisationId: JOINING.id, roles: ['shared-service-manager', 'administrator'] },
    ],
    shows: 'shared-service manager: KPIs, service desk, every member',
  },
  {
    email: 'design.authority@mainstay.demo',
    name: 'Gareth Lewis',
    memberships: [
      { organisationId: PROVIDER.id, roles: ['design-authority', 'auditor'] },
      ...allTrusts(['design-authority', 'auditor']),
      { organisationId: JOINING.id, roles: ['design-authority'] },
    ],
    shows: 'Design Authority: the standard, variations, gap analysis, audit',
  },
  {
    email: 'system.leader@mainstay.demo',
    name: 'Helen Okafor',
    memberships: [{ organisationId: ICB.id, roles: ['system-leader'] }],
    shows: 'ICS leader: the whole system at once',
  },
  {
    email: 'finance.controller@mainstay.demo',
    name: 'Tom Whitfield',
    memberships: [
      { organisationId: 'RN1', roles: ['finance-controller'] },
      { organisationId: 'RN2', roles: ['finance-controller'] },
    ],
    shows: 'finance controller at two trusts: ledger, periods, mappings',
  },
  {
    email: 'ap.clerk@mainstay.demo',
    name: 'Sam Patel',
    memberships: [{ organisationId: PROVIDER.id, roles: ['ap-clerk'] }, ...allTrusts(['ap-clerk'])],
    shows: 'accounts payable clerk: invoice exceptions for every trust',
  },
  {
    email: 'payments.officer@mainstay.demo',
    name: 'Chloe Grant',
    memberships: allTrusts(['payments-officer']),
    shows: 'payments officer: payment runs',
  },
  {
    email: 'ward.manager@mainstay.demo',
    name: 'Aisha Begum',
    memberships: [{ organisationId: 'RN1', roles: ['budget-holder', 'employee'] }],
    shows: 'ward manager: orders from the catalogue, approves within a limit',
  },
  {
    email: 'procurement@mainstay.demo',
    name: 'Liam Byrne',
    memberships: [
      { organisationId: PROVIDER.id, roles: ['procurement-officer'] },
      ...allTrusts(['procurement-officer']),
    ],
    shows: 'procurement officer: catalogue, contracts, price variation',
  },
  {
    email: 'payroll.officer@mainstay.demo',
    name: 'Joanne Reid',
    memberships: [
      { organisationId: PROVIDER.id, roles: ['payroll-officer'] },
      ...allTrusts(['payroll-officer']),
    ],
    shows: 'payroll officer: pay runs, queries, anytime pay',
  },
  {
    email: 'matron@mainstay.demo',
    name: 'Funmilayo Adeyemi',
    memberships: [{ organisationId: 'RN1', roles: ['budget-holder', 'employee'] }],
    shows: 'matron: a second budget holder, approving the ward manager’s orders',
  },
  {
    email: 'nurse@mainstay.demo',
    name: 'Grace Mensah',
    memberships: [{ organisationId: 'RN1', roles: ['employee'] }],
    shows: 'employee: payslips and anytime pay on a phone',
  },
  {
    email: 'recruiter@mainstay.demo',
    name: 'Daniel Hughes',
    memberships: allTrusts(['recruiter', 'hiring-manager']),
    shows: 'recruiter: vacancies, candidates, checks',
  },
  {
    email: 'director@mainstay.demo',
    name: 'Margaret Ellis',
    memberships: [{ organisationId: 'RN1', roles: ['executive-director', 'finance-controller'] }],
    shows: 'director of finance: high-value approvals',
  },
];
