import chart from '../reference-data/nhs-coa-2026.1.json';

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expenditure';

export type Account = { code: string; name: string; type: AccountType; category: string };

export type ChartDocument = { version: string; title: string; notes: string; accounts: Account[] };

export const COMMON_CHART = chart as ChartDocument;

/**
 * The accounts other modules post to by purpose, so a posting rule names what
 * it means ("goods received not invoiced") rather than a bare code.
 */
export const CONTROL_ACCOUNTS = {
  vatRecoverable: '130300',
  salaryAdvances: '130500',
  cashGbs: '140100',
  cashCommercial: '140200',
  tradePayablesNhs: '210100',
  tradePayablesNonNhs: '210200',
  goodsReceivedNotInvoiced: '210300',
  accrualsOther: '210400',
  vatPayable: '220100',
  payeIncomeTax: '230100',
  nationalInsurance: '230200',
  nhsPension: '230300',
  studentLoans: '230400',
  netPayControl: '230500',
  thirdPartyDeductions: '230600',
  apprenticeshipLevy: '230700',
  intraSystemPayables: '240100',
  incomeAndExpenditureReserve: '320100',
  rechargeIncome: '440100',
  agendaForChangePay: '510100',
  highCostAreaSupplements: '510300',
  unsocialHours: '510400',
  overtime: '510500',
  onCall: '510600',
  statutoryPay: '510700',
  employerNationalInsurance: '511100',
  employerPension: '511200',
  bankStaff: '512100',
  agencyStaff: '512200',
  sharedServiceRecharges: '650100',
  purchasePriceVariance: '690100',
} as const;

/** Income and expenditure lines must say which cost centre they belong to; balance-sheet lines need not. */
export function needsCostCentre(type: AccountType): boolean {
  return type === 'income' || type === 'expenditure';
}

/** Debit-normal accounts show a debit balance as positive. */
export function isDebitNormal(type: AccountType): boolean {
  return type === 'asset' || type === 'expenditure';
}
