import { formatDecimalPounds, type Pence } from '../../kernel/money';
import {
  toRtiAddressLine,
  toRtiCountry,
  toRtiInitials,
  toRtiName,
  toRtiPostcode,
  toRtiTitle,
} from './charsets';
import type { TaxYear } from './tax-year';
import type { FpsEmployee, FpsEmployment, FpsInput, FpsNiLine, FpsPayment } from './types';
import { element, leaf, type XmlNode } from './xml';

const money = (name: string, amount: Pence | bigint, source: string): XmlNode =>
  leaf(name, formatDecimalPounds(amount), source);

const optionalMoney = (
  name: string,
  amount: Pence | bigint | undefined,
  source: string,
): XmlNode | undefined => (amount === undefined ? undefined : money(name, amount, source));

const yes = (name: string, flag: boolean | undefined, source: string): XmlNode | undefined =>
  flag ? leaf(name, 'yes', source) : undefined;

const fitted = (name: string, value: string, toCharset: (text: string) => string, source: string): XmlNode =>
  leaf(name, toCharset(value), source, { original: value });

export type SplitTaxCode = { code: string; regime?: 'S' | 'C'; nonCumulative: boolean };

/**
 * An operative tax code as HMRC issues it ("S1257L", "C0T", "SD1", "1257L M1")
 * splits into the code the schema checks ("1257L"), the Scottish or Welsh
 * regime that goes in @TaxRegime, and a week 1 / month 1 marker.
 */
export function splitTaxCode(raw: string): SplitTaxCode {
  let text = raw.trim().toUpperCase().replace(/\s+/g, ' ');
  let nonCumulative = false;
  const marker = / ?(W1|M1|X)$/.exec(text);
  if (marker && text.length > marker[0].length) {
    nonCumulative = true;
    text = text.slice(0, -marker[0].length);
  }
  const regime = /^([SC])(?=[0-9BNDK])/.exec(text)?.[1] as 'S' | 'C' | undefined;
  return { code: regime ? text.slice(1) : text, ...(regime ? { regime } : {}), nonCumulative };
}

function niLine(line: FpsNiLine, at: string): XmlNode {
  return element(
    'NIlettersAndValues',
    [
      leaf('NIletter', line.letter, `${at}.letter`),
      money('GrossEarningsForNICsInPd', line.grossEarningsInPeriod, `${at}.grossEarningsInPeriod`),
      money('GrossEarningsForNICsYTD', line.grossEarningsYtd, `${at}.grossEarningsYtd`),
      money('AtLELYTD', line.atLelYtd, `${at}.atLelYtd`),
      money('LELtoPTYTD', line.lelToPtYtd, `${at}.lelToPtYtd`),
      money('PTtoUELYTD', line.ptToUelYtd, `${at}.ptToUelYtd`),
      money('TotalEmpNICInPd', line.employerNicInPeriod, `${at}.employerNicInPeriod`),
      money('TotalEmpNICYTD', line.employerNicYtd, `${at}.employerNicYtd`),
      money('EmpeeContribnsInPd', line.employeeNicInPeriod, `${at}.employeeNicInPeriod`),
      money('EmpeeContribnsYTD', line.employeeNicYtd, `${at}.employeeNicYtd`),
    ],
    { source: at },
  );
}

function payment(pay: FpsPayment, at: string): XmlNode {
  const tax = splitTaxCode(pay.taxCode);
  const taxCodeAttributes: Record<string, string> = {
    ...(tax.nonCumulative || pay.week1Month1 ? { BasisNonCumulative: 'yes' } : {}),
    ...(tax.regime ? { TaxRegime: tax.regime } : {}),
  };
  const period =
    'week' in pay.period
      ? leaf('WeekNo', String(pay.period.week), `${at}.period.week`)
      : leaf('MonthNo', String(pay.period.month), `${at}.period.month`);
  return element(
    'Payment',
    [
      pay.bacsHashCode !== undefined && leaf('BacsHashCode', pay.bacsHashCode, `${at}.bacsHashCode`),
      leaf('PayFreq', pay.frequency, `${at}.frequency`),
      leaf('PmtDate', pay.paymentDate, `${at}.paymentDate`),
      period,
      leaf('PeriodsCovered', String(pay.periodsCovered), `${at}.periodsCovered`),
      yes('PmtAfterLeaving', pay.paymentAfterLeaving, `${at}.paymentAfterLeaving`),
      leaf('HoursWorked', pay.hoursWorked, `${at}.hoursWorked`),
      leaf('TaxCode', tax.code, `${at}.taxCode`, { attributes: taxCodeAttributes, original: pay.taxCode }),
      money('TaxablePay', pay.taxablePay, `${at}.taxablePay`),
      optionalMoney('DednsFromNetPay', pay.deductionsFromNetPay, `${at}.deductionsFromNetPay`),
      optionalMoney(
        'PayAfterStatDedns',
        pay.payAfterStatutoryDeductions,
        `${at}.payAfterStatutoryDeductions`,
      ),
      optionalMoney(
        'EmpeePenContribnsPaid',
        pay.employeePensionContributionsPaid,
        `${at}.employeePensionContributionsPaid`,
      ),
      pay.studentLoanRecovered &&
        leaf(
          'StudentLoanRecovered',
          formatDecimalPounds(pay.studentLoanRecovered.amount),
          `${at}.studentLoanRecovered`,
          {
            attributes: { PlanType: pay.studentLoanRecovered.plan },
          },
        ),
      optionalMoney(
        'PostgradLoanRecovered',
        pay.postgraduateLoanRecovered,
        `${at}.postgraduateLoanRecovered`,
      ),
      money('TaxDeductedOrRefunded', pay.taxDeductedOrRefunded, `${at}.taxDeductedOrRefunded`),
    ],
    { source: at },
  );
}

function employment(job: FpsEmployment, at: string): XmlNode {
  const starter = job.starter;
  const figures = job.figuresToDate;
  return element(
    'Employment',
    [
      starter &&
        element(
          'Starter',
          [
            leaf('StartDate', starter.startDate, `${at}.starter.startDate`),
            starter.declaration && leaf('StartDec', starter.declaration, `${at}.starter.declaration`),
            yes('StudentLoan', starter.studentLoan, `${at}.starter.studentLoan`),
            yes('PostgradLoan', starter.postgraduateLoan, `${at}.starter.postgraduateLoan`),
          ],
          { source: `${at}.starter` },
        ),
      job.payrollId !== undefined && leaf('PayId', job.payrollId, `${at}.payrollId`),
      yes('IrrEmp', job.irregularEmployment, `${at}.irregularEmployment`),
      job.leavingDate !== undefined && leaf('LeavingDate', job.leavingDate, `${at}.leavingDate`),
      element(
        'FiguresToDate',
        [
          money('TaxablePay', figures.taxablePay, `${at}.figuresToDate.taxablePay`),
          money('TotalTax', figures.totalTax, `${at}.figuresToDate.totalTax`),
          optionalMoney('StudentLoansTD', figures.studentLoans, `${at}.figuresToDate.studentLoans`),
          optionalMoney(
            'PostgradLoansTD',
            figures.postgraduateLoans,
            `${at}.figuresToDate.postgraduateLoans`,
          ),
          optionalMoney(
            'EmpeePenContribnsPaidYTD',
            figures.employeePensionContributionsPaid,
            `${at}.figuresToDate.employeePensionContributionsPaid`,
          ),
        ],
        { source: `${at}.figuresToDate` },
      ),
      payment(job.payment, `${at}.payment`),
      ...job.niLettersAndValues.map((line, index) => niLine(line, `${at}.niLettersAndValues[${index}]`)),
    ],
    { source: at },
  );
}

function employee(person: FpsEmployee, at: string): XmlNode {
  const { name, address } = person;
  return element(
    'Employee',
    [
      element(
        'EmployeeDetails',
        [
          person.nino !== undefined && leaf('NINO', person.nino, `${at}.nino`),
          element(
            'Name',
            [
              name.title !== undefined && fitted('Ttl', name.title, toRtiTitle, `${at}.name.title`),
              ...name.forenames.map((fore, index) =>
                fitted('Fore', fore, toRtiName, `${at}.name.forenames[${index}]`),
              ),
              name.initials !== undefined &&
                fitted('Initials', name.initials, toRtiInitials, `${at}.name.initials`),
              fitted('Sur', name.surname, toRtiName, `${at}.name.surname`),
            ],
            { source: `${at}.name` },
          ),
          address &&
            element(
              'Address',
              [
                ...address.lines.map((line, index) =>
                  fitted('Line', line, toRtiAddressLine, `${at}.address.lines[${index}]`),
                ),
                address.postcode !== undefined &&
                  fitted('UKPostcode', address.postcode, toRtiPostcode, `${at}.address.postcode`),
                address.foreignCountry !== undefined &&
                  fitted(
                    'ForeignCountry',
                    address.foreignCountry,
                    toRtiCountry,
                    `${at}.address.foreignCountry`,
                  ),
              ],
              { source: `${at}.address` },
            ),
          person.birthDate !== undefined && leaf('BirthDate', person.birthDate, `${at}.birthDate`),
          leaf('Gender', person.gender, `${at}.gender`),
        ],
        { source: at },
      ),
      ...person.employments.map((job, index) => employment(job, `${at}.employments[${index}]`)),
    ],
    { source: at },
  );
}

/** The FullPaymentSubmission element, values transliterated to HMRC's character sets but not yet checked. */
export function buildFullPaymentSubmission(input: FpsInput, taxYear: TaxYear): XmlNode {
  const employer = input.employer;
  return element('FullPaymentSubmission', [
    element('EmpRefs', [
      leaf('OfficeNo', employer.officeNumber, 'employer.officeNumber'),
      leaf('PayeRef', employer.payeReference, 'employer.payeReference'),
      leaf('AORef', employer.accountsOfficeReference, 'employer.accountsOfficeReference'),
      employer.selfAssessmentUtr !== undefined &&
        leaf('SAUTR', employer.selfAssessmentUtr, 'employer.selfAssessmentUtr'),
      employer.corporationTaxReference !== undefined &&
        leaf('COTAXRef', employer.corporationTaxReference, 'employer.corporationTaxReference'),
    ]),
    leaf('RelatedTaxYear', taxYear.short, 'taxYear'),
    ...input.employees.map((person, index) => employee(person, `employees[${index}]`)),
    input.finalSubmissionForYear &&
      element('FinalSubmission', [leaf('ForYear', 'yes', 'finalSubmissionForYear')]),
  ]);
}
