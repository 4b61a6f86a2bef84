import { decimalFromInteger, subtractDecimals } from '../parse/decimal';
import type { DecimalText } from '../values';
import type { SourceSchema } from './types';

/**
 * Workforce extracts (ESR and local HR systems), one schema per extract, with
 * the columns the NHS definitions in analytics.md §2 need: headcount and FTE
 * for turnover and stability, FTE days lost and contracted FTE for sickness
 * absence, establishment and staff in post for vacancies, and bank and agency
 * cost for temporary staffing's share of pay.
 */
const organisation = {
  label: 'Organisation',
  type: 'text',
  presence: 'optional',
  synonyms: [
    'Organisation Name',
    'Organisation Code',
    'Org',
    'Org Code',
    'Trust',
    'Employing Organisation',
    'Entity',
  ],
} as const;
const employeeId = {
  label: 'Employee Number',
  type: 'code',
  presence: 'required',
  synonyms: [
    'Employee ID',
    'Employee No',
    'Person Number',
    'Staff Number',
    'Staff ID',
    'ESR Number',
    'Pay Number',
    'Person ID',
  ],
} as const;
const assignmentNumber = {
  label: 'Assignment Number',
  type: 'code',
  presence: 'optional',
  synonyms: ['Assignment No', 'Assignment ID', 'Assignment'],
} as const;
const staffGroup = {
  label: 'Staff Group',
  type: 'text',
  presence: 'expected',
  synonyms: [
    'Occupational Group',
    'Occupation Group',
    'Professional Group',
    'Staff Group Name',
    'Staff Category',
  ],
} as const;
const band = {
  label: 'Band',
  type: 'text',
  presence: 'expected',
  synonyms: ['Pay Band', 'AfC Band', 'Agenda for Change Band', 'Grade', 'Pay Grade', 'Payscale'],
} as const;
const team = {
  label: 'Team',
  type: 'text',
  presence: 'expected',
  synonyms: [
    'Department',
    'Ward',
    'Unit',
    'Service',
    'Organisation Unit',
    'Org Unit',
    'Cost Centre Name',
    'Cost Centre',
  ],
} as const;
const directorate = {
  label: 'Directorate',
  type: 'text',
  presence: 'optional',
  synonyms: ['Division', 'Care Group', 'Business Unit'],
} as const;
const jobRole = {
  label: 'Job Role',
  type: 'text',
  presence: 'optional',
  synonyms: ['Occupation', 'Job Title', 'Position Title', 'Role', 'Position'],
} as const;
const contractedFte = {
  label: 'Contracted FTE',
  type: 'decimal',
  presence: 'expected',
  synonyms: [
    'FTE',
    'WTE',
    'Contracted WTE',
    'Assignment FTE',
    'Whole Time Equivalent',
    'Full Time Equivalent',
  ],
} as const;
const startDate = {
  label: 'Start Date',
  type: 'date',
  presence: 'expected',
  synonyms: [
    'Date Started',
    'Hire Date',
    'Date Joined',
    'Employment Start Date',
    'Assignment Start Date',
    'Joining Date',
  ],
} as const;

export const staffInPostSchema = {
  kind: 'staff-in-post',
  title: 'Staff in post',
  fields: {
    organisation,
    employeeId,
    assignmentNumber,
    snapshotDate: {
      label: 'As At Date',
      type: 'date',
      presence: 'required',
      synonyms: ['As At', 'Snapshot Date', 'Census Date', 'Report Date', 'Extract Date'],
    },
    staffGroup,
    jobRole,
    band,
    team,
    directorate,
    contractedFte: { ...contractedFte, presence: 'required' },
    startDate,
    contractType: {
      label: 'Contract Type',
      type: 'text',
      presence: 'optional',
      synonyms: ['Assignment Type', 'Employment Type', 'Permanent/Fixed Term', 'Contract'],
    },
    ageBand: { label: 'Age Band', type: 'text', presence: 'optional', synonyms: ['Age Group'] },
    gender: { label: 'Gender', type: 'text', presence: 'optional', synonyms: ['Sex'] },
  },
  datasetDateField: 'snapshotDate',
  timeField: 'snapshotDate',
  duplicateKey: ['employeeId', 'assignmentNumber', 'snapshotDate'],
} as const satisfies SourceSchema;

export const startersSchema = {
  kind: 'starters',
  title: 'Starters',
  fields: {
    organisation,
    employeeId,
    startDate: { ...startDate, presence: 'required' },
    staffGroup,
    jobRole,
    band,
    team,
    directorate,
    contractedFte,
    recruitmentSource: {
      label: 'Recruitment Source',
      type: 'text',
      presence: 'optional',
      synonyms: ['Source', 'Joiner Source', 'Previous Employer Type', 'Starter Reason'],
    },
  },
  timeField: 'startDate',
  duplicateKey: ['employeeId', 'startDate'],
} as const satisfies SourceSchema;

export const leaversSchema = {
  kind: 'leavers',
  title: 'Leavers',
  fields: {
    organisation,
    employeeId,
    leavingDate: {
      label: 'Leaving Date',
      type: 'date',
      presence: 'required',
      synonyms: [
        'Termination Date',
        'Date Left',
        'Leave Date',
        'Last Working Day',
        'End Date',
        'Date of Leaving',
      ],
    },
    leavingReason: {
      label: 'Leaving Reason',
      type: 'text',
      presence: 'expected',
      synonyms: ['Reason for Leaving', 'Termination Reason', 'Leaver Reason', 'Reason'],
    },
    staffGroup,
    jobRole,
    band,
    team,
    directorate,
    contractedFte,
    startDate: { ...startDate, presence: 'optional' },
    destination: {
      label: 'Destination',
      type: 'text',
      presence: 'optional',
      synonyms: ['Leaver Destination', 'Destination on Leaving'],
    },
  },
  timeField: 'leavingDate',
  duplicateKey: ['employeeId', 'leavingDate'],
} as const satisfies SourceSchema;

const DAY_MS = 86_400_000;

export const sicknessSchema = {
  kind: 'sickness',
  title: 'Sickness absence',
  fields: {
    organisation,
    employeeId,
    assignmentNumber,
    absenceStartDate: {
      label: 'Absence Start Date',
      type: 'date',
      presence: 'required',
      synonyms: ['Start Date', 'Sickness Start Date', 'First Day of Absence', 'Date From', 'Absence Start'],
    },
    absenceEndDate: {
      label: 'Absence End Date',
      type: 'date',
      presence: 'expected',
      synonyms: ['End Date', 'Sickness End Date', 'Last Day of Absence', 'Date To', 'Absence End'],
    },
    calendarDaysLost: {
      label: 'Calendar Days Lost',
      type: 'decimal',
      presence: 'required',
      synonyms: ['Days Lost', 'Calendar Days', 'Duration (Days)', 'Days Absent', 'Absence Days'],
    },
    fteDaysLost: {
      label: 'FTE Days Lost',
      type: 'decimal',
      presence: 'expected',
      synonyms: ['WTE Days Lost', 'FTE Days', 'FTE Days Sick'],
    },
    reason: {
      label: 'Absence Reason',
      type: 'text',
      presence: 'expected',
      synonyms: ['Sickness Reason', 'Reason', 'Absence Category'],
    },
    staffGroup,
    band,
    team,
    contractedFte,
  },
  alternatives: { calendarDaysLost: [['absenceEndDate']] },
  timeField: 'absenceStartDate',
  duplicateKey: ['employeeId', 'assignmentNumber', 'absenceStartDate'],
  refine: (values) => {
    const { absenceStartDate: start, absenceEndDate: end } = values;
    if (typeof start !== 'string' || typeof end !== 'string') return [];
    const days = (Date.parse(end) - Date.parse(start)) / DAY_MS + 1;
    if (days < 1) {
      return [
        {
          field: 'absenceEndDate',
          rule: 'absence-ends-before-start',
          message: `the absence ends (${end}) before it starts (${start})`,
        },
      ];
    }
    values.calendarDaysLost ??= decimalFromInteger(days);
    return [];
  },
} as const satisfies SourceSchema;

export const vacanciesSchema = {
  kind: 'vacancies',
  title: 'Vacancies and establishment',
  fields: {
    organisation,
    period: {
      label: 'Period',
      type: 'period',
      presence: 'required',
      synonyms: ['Month', 'As At', 'As At Date', 'Reporting Period', 'Date'],
    },
    team,
    staffGroup,
    band: { ...band, presence: 'optional' },
    establishmentFte: {
      label: 'Establishment FTE',
      type: 'decimal',
      presence: 'expected',
      synonyms: [
        'Establishment',
        'Budgeted FTE',
        'Funded FTE',
        'Budget WTE',
        'Establishment WTE',
        'Budgeted Establishment',
      ],
    },
    staffInPostFte: {
      label: 'Staff in Post FTE',
      type: 'decimal',
      presence: 'expected',
      synonyms: ['Staff in Post', 'SIP FTE', 'SIP', 'Contracted FTE', 'Actual FTE', 'Staff in Post WTE'],
    },
    vacancyFte: {
      label: 'Vacancy FTE',
      type: 'decimal',
      presence: 'required',
      synonyms: ['Vacancies', 'Vacant FTE', 'Vacancy WTE', 'Vacancies FTE'],
    },
  },
  alternatives: { vacancyFte: [['establishmentFte', 'staffInPostFte']] },
  timeField: 'period',
  duplicateKey: ['period', 'team', 'staffGroup', 'band'],
  refine: (values) => {
    const { establishmentFte, staffInPostFte } = values;
    if (
      values.vacancyFte === null &&
      typeof establishmentFte === 'string' &&
      typeof staffInPostFte === 'string'
    ) {
      values.vacancyFte = subtractDecimals(establishmentFte as DecimalText, staffInPostFte as DecimalText);
    }
    return [];
  },
} as const satisfies SourceSchema;

export const temporaryStaffingSchema = {
  kind: 'temporary-staffing',
  title: 'Bank and agency use',
  fields: {
    organisation,
    period: {
      label: 'Period',
      type: 'period',
      presence: 'required',
      synonyms: ['Month', 'Reporting Period', 'Pay Period'],
    },
    shiftDate: {
      label: 'Shift Date',
      type: 'date',
      presence: 'expected',
      synonyms: ['Date', 'Date of Shift', 'Booking Date', 'Work Date', 'Week Ending'],
    },
    staffingType: {
      label: 'Staffing Type',
      type: 'choice',
      choices: {
        bank: [
          'staff bank',
          'bank staff',
          'internal bank',
          'nhsp',
          'nhs professionals',
          'collaborative bank',
        ],
        agency: [
          'agency staff',
          'framework agency',
          'off-framework agency',
          'off framework agency',
          'agency locum',
        ],
      },
      presence: 'required',
      synonyms: [
        'Type',
        'Bank or Agency',
        'Bank/Agency',
        'Booking Type',
        'Supply Type',
        'Temporary Staffing Type',
      ],
    },
    team,
    staffGroup,
    band: { ...band, presence: 'optional' },
    hours: {
      label: 'Hours',
      type: 'decimal',
      presence: 'expected',
      synonyms: ['Hours Worked', 'Shift Hours', 'Total Hours'],
    },
    shifts: {
      label: 'Shifts',
      type: 'integer',
      range: [0, 1_000_000],
      presence: 'optional',
      synonyms: ['Number of Shifts', 'Shift Count', 'Shifts Filled'],
    },
    cost: {
      label: 'Cost',
      type: 'money',
      presence: 'required',
      synonyms: ['Total Cost', 'Spend', 'Amount', 'Charge', 'Gross Cost', 'Cost (£)'],
    },
    agencyName: {
      label: 'Agency',
      type: 'text',
      presence: 'optional',
      synonyms: ['Agency Name', 'Supplier', 'Supplier Name', 'Provider'],
    },
    onFramework: {
      label: 'On Framework',
      type: 'flag',
      presence: 'optional',
      synonyms: ['Framework', 'Framework Compliant', 'On Framework Agency'],
    },
    overPriceCap: {
      label: 'Over Price Cap',
      type: 'flag',
      presence: 'optional',
      synonyms: ['Above Price Cap', 'Over Cap', 'Price Cap Breach', 'Break Glass'],
    },
    reason: {
      label: 'Booking Reason',
      type: 'text',
      presence: 'optional',
      synonyms: ['Reason', 'Reason for Booking', 'Reason for Request'],
    },
  },
  alternatives: { period: [['shiftDate']] },
  amountField: 'cost',
  timeField: 'period',
  nameField: 'agencyName',
  refine: (values) => {
    if (values.period === null && typeof values.shiftDate === 'string')
      values.period = values.shiftDate.slice(0, 7);
    return [];
  },
} as const satisfies SourceSchema;
