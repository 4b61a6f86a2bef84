import type { SourceSchema } from './types';

/**
 * General-ledger extracts: one line per account, cost centre and period, with
 * either a signed amount, an amount and a debit/credit marker, or separate
 * debit and credit columns. Amounts are held signed: debit positive.
 */
export const glSchema = {
  kind: 'gl',
  title: 'General ledger',
  fields: {
    organisation: {
      label: 'Organisation',
      type: 'text',
      presence: 'optional',
      synonyms: ['Org', 'Org Code', 'Entity', 'Company', 'Trust'],
    },
    accountCode: {
      label: 'Account Code',
      type: 'code',
      presence: 'required',
      synonyms: [
        'Account',
        'GL Code',
        'GL Account',
        'Nominal',
        'Nominal Code',
        'Subjective',
        'Subjective Code',
        'Natural Account',
        'Expense Code',
        'Account Number',
      ],
    },
    accountName: {
      label: 'Account Name',
      type: 'text',
      presence: 'expected',
      synonyms: [
        'Account Description',
        'Subjective Description',
        'Nominal Description',
        '9AN - Level 9 Account Name',
        'Level 9 Account Name',
        'GL Account Name',
      ],
    },
    costCentre: {
      label: 'Cost Centre',
      type: 'code',
      presence: 'expected',
      synonyms: ['Cost Centre Code', 'Cost Center', 'CC', 'Cost Centre Number'],
    },
    costCentreName: {
      label: 'Cost Centre Name',
      type: 'text',
      presence: 'optional',
      synonyms: ['Cost Centre Description', 'Cost Center Name'],
    },
    financialYear: {
      label: 'Financial Year',
      type: 'financial-year',
      presence: 'optional',
      synonyms: ['Fin Year', 'FY', 'Year'],
    },
    period: {
      label: 'Period',
      type: 'period',
      presence: 'required',
      synonyms: [
        'Accounting Period',
        'Financial Period',
        'Posting Period',
        'Fiscal Period',
        'Month',
        'Period Name',
      ],
    },
    postingDate: {
      label: 'Posting Date',
      type: 'date',
      presence: 'optional',
      synonyms: ['Transaction Date', 'Journal Date', 'GL Date', 'Effective Date', 'Date'],
    },
    amount: {
      label: 'Amount',
      type: 'money',
      presence: 'required',
      synonyms: ['Value', 'Net Amount', 'Amount (£)', 'Actual', 'Actuals', 'Movement', 'Balance'],
    },
    debitCredit: {
      label: 'Debit/Credit',
      type: 'choice',
      choices: { debit: ['dr', 'd', 'db', 'debit'], credit: ['cr', 'c', 'credit'] },
      presence: 'optional',
      synonyms: ['DR/CR', 'D/C', 'Debit or Credit', 'Dr Cr', 'Sign'],
    },
    debitAmount: {
      label: 'Debit',
      type: 'money',
      presence: 'optional',
      synonyms: ['Debit Amount', 'Debits', 'DR'],
    },
    creditAmount: {
      label: 'Credit',
      type: 'money',
      presence: 'optional',
      synonyms: ['Credit Amount', 'Credits', 'CR'],
    },
    journalReference: {
      label: 'Journal Reference',
      type: 'text',
      presence: 'optional',
      synonyms: [
        'Journal',
        'Journal Number',
        'Journal No',
        'Document Number',
        'Transaction Reference',
        'Reference',
      ],
    },
    description: {
      label: 'Description',
      type: 'text',
      presence: 'optional',
      synonyms: ['Narrative', 'Line Description', 'Details', 'Journal Description'],
    },
  },
  alternatives: { amount: [['debitAmount', 'creditAmount']], period: [['postingDate']] },
  amountField: 'amount',
  timeField: 'period',
  refine: (values) => {
    const { amount, debitAmount, creditAmount, debitCredit, postingDate } = values;
    if (amount === null && (typeof debitAmount === 'bigint' || typeof creditAmount === 'bigint')) {
      values.amount =
        (typeof debitAmount === 'bigint' ? debitAmount : 0n) -
        (typeof creditAmount === 'bigint' ? creditAmount : 0n);
    } else if (typeof amount === 'bigint' && debitCredit === 'credit') {
      values.amount = -amount;
    }
    if (values.period === null && typeof postingDate === 'string') values.period = postingDate.slice(0, 7);
    return [];
  },
} as const satisfies SourceSchema;
