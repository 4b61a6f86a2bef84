/** Danish national rules (DK-R-002…016): seller CVR, payment means and codes for Danish trade. */

import { attribute, stringValue, type XmlElement } from '../../xml/tree';
import { decimal } from '../../xpath/decimal';
import { child, children, first, path, text } from '../../xpath/nav';
import { compareNumbers, normalizeSpace, stringLength, substring, xpathNumber } from '../../xpath/values';
import type { RuleContext, RuleSet } from '../engine';
import { buyerPostalCountryAsWritten, sellerPostalCountryAsWritten } from '../peppol/variables';

const sellerInDenmark = (context: RuleContext) => sellerPostalCountryAsWritten(context) === 'DK';
const bothInDenmark = (context: RuleContext) =>
  sellerInDenmark(context) && buyerPostalCountryAsWritten(context) === 'DK';
const isDocument = (node: XmlElement | undefined) => node !== undefined && node.parent === undefined;
/** normalize-space(x/text()) != '' */
const hasText = (node: XmlElement | undefined) => node !== undefined && normalizeSpace(node.text) !== '';
const codeIs = (means: XmlElement, code: string) =>
  children(means, 'cbc:PaymentMeansCode').some((node) => stringValue(node) === code);
const paymentIdStarts = (means: XmlElement, prefixes: readonly string[]) =>
  prefixes.includes(substring(text(child(means, 'cbc:PaymentID')), 1, 3));
const paymentIdLength = (means: XmlElement) => stringLength(text(child(means, 'cbc:PaymentID')));
const numberAtMost = (value: string, bound: number, atLeast: boolean) => {
  const order = compareNumbers(xpathNumber(value), decimal(bound));
  return order !== undefined && (atLeast ? order >= 0 : order <= 0);
};

const TEST_CLASSIFICATION_VERSIONS = ['19.05.01', '19.0501', '26.08.01', '26.0801'];
const DANISH_PAYMENT_MEANS = ' 1 10 31 42 48 49 50 58 59 93 97 ';

/** DK-R-004: a ZZZ reason code needs a four-digit reason, or a reason with an inner '#'. */
function zzzReasonExplained(entry: XmlElement): boolean {
  if (!children(entry, 'cbc:AllowanceChargeReasonCode').some((code) => stringValue(code) === 'ZZZ'))
    return true;
  const reason = child(entry, 'cbc:AllowanceChargeReason');
  const reasonText = text(reason);
  const fourDigits =
    stringLength(normalizeSpace(reason?.text ?? '')) === 4 &&
    numberAtMost(reasonText, 0, true) &&
    numberAtMost(reasonText, 9999, false);
  const hashed =
    reason !== undefined &&
    reasonText.includes('#') &&
    !reasonText.startsWith('#') &&
    !reasonText.endsWith('#');
  return fourDigits || hashed;
}

export const denmarkRules: RuleSet = {
  rules: [
    {
      on: ['inv:Invoice', 'cn:CreditNote'],
      where: (_doc, context) => sellerInDenmark(context),
      assert: {
        'DK-R-002': (doc) =>
          hasText(
            first(doc, 'cac:AccountingSupplierParty', 'cac:Party', 'cac:PartyLegalEntity', 'cbc:CompanyID'),
          ),
        'DK-R-014': (doc) => {
          const id = first(
            doc,
            'cac:AccountingSupplierParty',
            'cac:Party',
            'cac:PartyLegalEntity',
            'cbc:CompanyID',
          );
          return id === undefined || normalizeSpace(attribute(id, 'schemeID') ?? '') === '0184';
        },
        // A Danish credit note to a Danish buyer may not have a negative amount due.
        'DK-R-016': (doc, context) => {
          if (!(context.isCreditNote && buyerPostalCountryAsWritten(context) === 'DK')) return true;
          const payable = first(doc, 'cac:LegalMonetaryTotal', 'cbc:PayableAmount');
          const order = compareNumbers(xpathNumber(payable?.text ?? ''), decimal(0));
          return !(order !== undefined && order < 0);
        },
      },
    },
    {
      on: ['cac:PartyIdentification'],
      where: (node, context) => {
        const role = node.parent?.parent;
        return (
          node.parent?.name === 'cac:Party' &&
          (role?.name === 'cac:AccountingSupplierParty' || role?.name === 'cac:AccountingCustomerParty') &&
          isDocument(role?.parent) &&
          bothInDenmark(context)
        );
      },
      assert: {
        'DK-R-013': (node) => {
          const id = child(node, 'cbc:ID');
          return id === undefined || normalizeSpace(attribute(id, 'schemeID') ?? '') !== '';
        },
      },
    },
    {
      on: ['cac:PaymentMeans'],
      where: (means, context) =>
        means.parent?.name === 'inv:Invoice' && isDocument(means.parent) && bothInDenmark(context),
      assert: {
        'DK-R-005': (means) =>
          DANISH_PAYMENT_MEANS.includes(` ${text(child(means, 'cbc:PaymentMeansCode'))} `),
        'DK-R-006': (means) =>
          !(codeIs(means, '31') || codeIs(means, '42')) ||
          (hasText(first(means, 'cac:PayeeFinancialAccount', 'cbc:ID')) &&
            hasText(first(means, 'cac:PayeeFinancialAccount', 'cac:FinancialInstitutionBranch', 'cbc:ID'))),
        'DK-R-007': (means) =>
          !codeIs(means, '49') ||
          (hasText(first(means, 'cac:PaymentMandate', 'cbc:ID')) &&
            hasText(first(means, 'cac:PaymentMandate', 'cac:PayerFinancialAccount', 'cbc:ID'))),
        'DK-R-008': (means) =>
          !codeIs(means, '50') ||
          (paymentIdStarts(means, ['01#', '04#', '15#']) &&
            /^[0-9]{7,8}$/.test(text(first(means, 'cac:PayeeFinancialAccount', 'cbc:ID')))),
        'DK-R-009': (means) =>
          !(codeIs(means, '50') && paymentIdStarts(means, ['04#', '15#'])) || paymentIdLength(means) === 19,
        'DK-R-010': (means) =>
          !codeIs(means, '93') ||
          (paymentIdStarts(means, ['71#', '73#', '75#']) &&
            stringLength(first(means, 'cac:PayeeFinancialAccount', 'cbc:ID')?.text ?? '') === 8),
        'DK-R-011': (means) =>
          !(codeIs(means, '93') && paymentIdStarts(means, ['71#', '75#'])) ||
          paymentIdLength(means) === 18 ||
          paymentIdLength(means) === 19,
      },
    },
    {
      on: ['cac:InvoiceLine', 'cac:CreditNoteLine'],
      where: (line, context) =>
        isDocument(line.parent) &&
        ((line.name === 'cac:InvoiceLine' && line.parent?.name === 'inv:Invoice') ||
          (line.name === 'cac:CreditNoteLine' && line.parent?.name === 'cn:CreditNote')) &&
        bothInDenmark(context),
      assert: {
        'DK-R-003': (line) => {
          const codes = path(line, 'cac:Item', 'cac:CommodityClassification', 'cbc:ItemClassificationCode');
          const testCode = codes.some((code) => attribute(code, 'listID') === 'TST');
          const knownVersion = codes.some((code) =>
            TEST_CLASSIFICATION_VERSIONS.includes(attribute(code, 'listVersionID') ?? ''),
          );
          return !testCode || knownVersion;
        },
      },
    },
    {
      on: ['cac:AllowanceCharge'],
      where: (_entry, context) => bothInDenmark(context),
      assert: { 'DK-R-004': zzzReasonExplained },
    },
  ],
};
