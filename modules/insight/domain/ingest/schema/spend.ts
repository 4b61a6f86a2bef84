import type { SourceSchema } from './types';

/**
 * HM Treasury "Publishing spend over £25,000": the eight guidance columns plus
 * the extras trusts add. Synonyms are the drift seen in real trust files
 * (../shared/fixtures/spend/README.md). Department family and entity are
 * optional: the importing organisation is known, so their absence loses
 * nothing. A cost centre name is the guidance's expense area under another name.
 */
export const spendSchema = {
  kind: 'spend',
  title: 'Spend over £25,000',
  fields: {
    departmentFamily: {
      label: 'Department Family',
      type: 'text',
      presence: 'optional',
      synonyms: ['Dept Family', 'Department'],
    },
    entity: {
      label: 'Entity',
      type: 'text',
      presence: 'optional',
      synonyms: ['Entity Name', 'Organisation', 'Organisation Name', 'Trust', 'Body', 'Body Name'],
    },
    date: {
      label: 'Date',
      type: 'date',
      presence: 'required',
      synonyms: [
        'Date Paid',
        'Payment Date',
        'Paid Date',
        'Transaction Date',
        'Date of Payment',
        'Posting Date',
      ],
    },
    expenseType: {
      label: 'Expense Type',
      type: 'text',
      presence: 'expected',
      synonyms: [
        'Expenses Type',
        'Expenditure Type',
        '9AN - Level 9 Account Name',
        'Level 9 Account Name',
        'Account Name',
        'Account Description',
        'Subjective Description',
      ],
    },
    expenseArea: {
      label: 'Expense Area',
      type: 'text',
      presence: 'expected',
      synonyms: [
        'Expenses Area',
        'Expenditure Area',
        'Service Area',
        'Cost Centre Name',
        'Cost Centre',
        'Cost Center',
        'Cost Centre Description',
        'Directorate',
      ],
    },
    supplier: {
      label: 'Supplier',
      type: 'text',
      presence: 'required',
      synonyms: [
        'Supplier Name',
        'Vendor',
        'Vendor Name',
        'Payee',
        'Payee Name',
        'Beneficiary',
        'Merchant Name',
      ],
    },
    transactionNumber: {
      label: 'Transaction Number',
      type: 'text',
      presence: 'expected',
      synonyms: [
        'Transaction Reference',
        'Transaction No',
        'Transaction ID',
        'Trans No',
        'Payment Reference',
        'Document Number',
        'Invoice Number',
        'Reference',
      ],
    },
    amount: {
      label: 'Amount',
      type: 'money',
      presence: 'required',
      synonyms: [
        'Amount (£)',
        'Amount £',
        'Value',
        'Net Amount',
        'Amount Paid',
        'Payment Amount',
        'Total',
        'Spend',
      ],
    },
    vatRegistration: {
      label: 'VAT Registration Number',
      type: 'code',
      presence: 'optional',
      synonyms: [
        'VAT Registration',
        'VAT Number',
        'VAT Reg No',
        'Supplier VAT Number',
        'VAT Registration No',
      ],
    },
    companiesHouseNumber: {
      label: 'Companies House Number',
      type: 'code',
      presence: 'optional',
      synonyms: [
        'Company Number',
        'Company Registration Number',
        'Companies House No',
        'CRN',
        'Supplier Company Number',
      ],
    },
    supplierPostcode: {
      label: 'Supplier Postcode',
      type: 'code',
      presence: 'optional',
      synonyms: ['Postcode', 'Supplier Post Code'],
    },
    supplierType: {
      label: 'Supplier Type',
      type: 'text',
      presence: 'optional',
      synonyms: ['Type of Supplier'],
    },
    theirReference: {
      label: 'Their Reference',
      type: 'text',
      presence: 'optional',
      synonyms: ['Supplier Reference', 'Supplier Invoice Number', 'Invoice Reference'],
    },
    financialYear: {
      label: 'Financial Year',
      type: 'financial-year',
      presence: 'optional',
      synonyms: ['Fin Year', 'FY', 'Year'],
    },
    financialPeriod: {
      label: 'Financial Period',
      type: 'integer',
      range: [1, 12],
      presence: 'optional',
      synonyms: ['Fin Period', 'Period', 'Accounting Period'],
    },
    description: {
      label: 'Description',
      type: 'text',
      presence: 'optional',
      synonyms: ['Purpose of Expenditure', 'Narrative', 'Expense Description'],
    },
  },
  amountField: 'amount',
  timeField: 'date',
  duplicateKey: ['transactionNumber'],
  nameField: 'supplier',
} as const satisfies SourceSchema;
