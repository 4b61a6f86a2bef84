import type { Pence } from '../../kernel/money';
import type { PlainDate } from '../bacs18';

export type PayFrequency = 'W1' | 'W2' | 'W4' | 'M1' | 'M3' | 'M6' | 'MA' | 'IO' | 'IR';
/** A up to 15.99 hours, B 16-23.99, C 24-29.99, D 30 or more, E other. */
export type HoursWorkedBand = 'A' | 'B' | 'C' | 'D' | 'E';
export type StudentLoanPlan = '01' | '02' | '04' | '05';

export type FpsNiLine = {
  letter: string;
  grossEarningsInPeriod: Pence;
  grossEarningsYtd: Pence;
  atLelYtd: Pence;
  lelToPtYtd: Pence;
  ptToUelYtd: Pence;
  employerNicInPeriod: Pence;
  employerNicYtd: Pence;
  employeeNicInPeriod: Pence;
  employeeNicYtd: Pence;
};

export type FpsPayment = {
  /** From `bacsHashCode(...)` for staff paid by Bacs under the employer's own service user number. */
  bacsHashCode?: string;
  frequency: PayFrequency;
  paymentDate: PlainDate;
  /** Tax week (1-54, 56) for weekly-based frequencies or tax month (1-12) for monthly ones. */
  period: { week: number } | { month: number };
  periodsCovered: number;
  /** Paid after the leaving date reported earlier (taxed on 0T week 1/month 1). */
  paymentAfterLeaving?: boolean;
  hoursWorked: HoursWorkedBand;
  /** The operative code as issued, with any S or C prefix: "1257L", "S1257L", "C0T", "K475", "SD1", "BR", "NT". */
  taxCode: string;
  /** Week 1 / month 1 (non-cumulative) basis. */
  week1Month1: boolean;
  taxablePay: Pence;
  payAfterStatutoryDeductions?: Pence;
  deductionsFromNetPay?: Pence;
  employeePensionContributionsPaid?: Pence;
  studentLoanRecovered?: { amount: Pence; plan: StudentLoanPlan };
  postgraduateLoanRecovered?: Pence;
  /** Positive for tax deducted, negative for a refund. */
  taxDeductedOrRefunded: Pence;
};

export type FpsEmployment = {
  payrollId?: string;
  starter?: {
    startDate: PlainDate;
    declaration?: 'A' | 'B' | 'C';
    studentLoan?: boolean;
    postgraduateLoan?: boolean;
  };
  irregularEmployment?: boolean;
  leavingDate?: PlainDate;
  figuresToDate: {
    taxablePay: Pence;
    totalTax: Pence;
    studentLoans?: Pence;
    postgraduateLoans?: Pence;
    employeePensionContributionsPaid?: Pence;
  };
  payment: FpsPayment;
  niLettersAndValues: FpsNiLine[];
};

export type FpsEmployee = {
  nino?: string;
  name: { title?: string; forenames: string[]; initials?: string; surname: string };
  address?: { lines: string[]; postcode?: string; foreignCountry?: string };
  birthDate?: PlainDate;
  gender: 'M' | 'F';
  employments: FpsEmployment[];
};

export type FpsInput = {
  /** "2026-27" */
  taxYear: string;
  employer: {
    /** HMRC office number, the part of the employer PAYE reference before the slash ("123"). */
    officeNumber: string;
    /** The part after the slash ("AB456"). */
    payeReference: string;
    /** Accounts Office reference, "123PA00012345". */
    accountsOfficeReference: string;
    corporationTaxReference?: string;
    selfAssessmentUtr?: string;
  };
  /** Software identity for GovTalk ChannelRouting. */
  channel: { vendorId: string; product: string; version: string };
  /** When the message was made (ChannelRouting Timestamp), injected for reproducible output. */
  timestamp: string;
  /** Sends to the Transaction Engine's test service (GatewayTest 1). */
  gatewayTest?: boolean;
  finalSubmissionForYear?: boolean;
  employees: FpsEmployee[];
};
