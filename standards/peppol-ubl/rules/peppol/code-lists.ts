/** PEPPOL BIS 3 code list and format rules (PEPPOL-EN16931-CL*, P01*, F001), against the PEPPOL 3.0.19 lists. */
import { peppolCodes } from '../../data/code-lists';
import { attribute, stringValue, type XmlElement } from '../../xml/tree';
import { children, normalized } from '../../xpath/nav';
import { castDate, normalizeSpace, stringLength } from '../../xpath/values';
import type { Rule, RuleSet } from '../engine';
import { categoryCode, chargeIndicatorTextIs } from '../helpers';
import { PEPPOL_AMOUNT_ELEMENTS } from './amounts';
import { billingProfile, bothInGermany } from './variables';

const BILLING_INVOICE_TYPES = new Set(
  '71 80 82 84 102 218 219 326 331 380 382 383 384 386 388 393 395 553 575 623 780 817 870 875 876 877'.split(
    ' ',
  ),
);
const BILLING_CREDIT_NOTE_TYPES = new Set('381 396 81 83 532'.split(' '));

const ownText = (node: XmlElement) => normalizeSpace(node.text);
const reasonCodeUnder = (indicator: 'true' | 'false') => (node: XmlElement) =>
  node.parent?.name === 'cac:AllowanceCharge' && chargeIndicatorTextIs(node.parent, indicator);

/** P0104…P0111: an exemption reason code (BT-121) implies its VAT category (BT-118). */
function exemptionImpliesCategory(id: string, exemptionCode: string, category: string): Rule {
  return {
    on: ['cac:TaxCategory'],
    where: (node) => {
      const reason = children(node, 'cbc:TaxExemptionReasonCode')[0];
      return reason !== undefined && stringValue(reason).toUpperCase() === exemptionCode;
    },
    assert: { [id]: (node) => categoryCode(node) === category },
  };
}

export const peppolCodeListRules: RuleSet = {
  rules: [
    {
      on: ['cbc:EmbeddedDocumentBinaryObject'],
      where: (node) => attribute(node, 'mimeCode') !== undefined,
      assert: {
        'PEPPOL-EN16931-CL001': (node) => peppolCodes.mimeCodes.has(attribute(node, 'mimeCode') ?? ''),
      },
    },
    {
      on: ['cbc:AllowanceChargeReasonCode'],
      where: reasonCodeUnder('false'),
      assert: { 'PEPPOL-EN16931-CL002': (node) => peppolCodes.allowanceReasons.has(ownText(node)) },
    },
    {
      on: ['cbc:AllowanceChargeReasonCode'],
      where: reasonCodeUnder('true'),
      assert: { 'PEPPOL-EN16931-CL003': (node) => peppolCodes.chargeReasons.has(ownText(node)) },
    },
    {
      on: ['cbc:DescriptionCode'],
      where: (node) => node.parent?.name === 'cac:InvoicePeriod',
      assert: { 'PEPPOL-EN16931-CL006': (node) => peppolCodes.invoicePeriodDescriptions.has(ownText(node)) },
    },
    {
      on: PEPPOL_AMOUNT_ELEMENTS,
      assert: {
        'PEPPOL-EN16931-CL007': (node) => peppolCodes.currencies.has(attribute(node, 'currencyID') ?? ''),
      },
    },
    {
      on: ['cbc:InvoiceTypeCode'],
      assert: {
        'PEPPOL-EN16931-P0100': (node, context) =>
          billingProfile(context) !== '01' || BILLING_INVOICE_TYPES.has(ownText(node)),
        // Partial (326) and self-billed corrective (384) invoices are only for German domestic trade.
        'PEPPOL-EN16931-P0112': (node, context) => {
          const code = normalized(node);
          return !(code === '326' || code === '384') || bothInGermany(context);
        },
      },
    },
    {
      on: ['cbc:CreditNoteTypeCode'],
      assert: {
        'PEPPOL-EN16931-P0101': (node, context) =>
          billingProfile(context) !== '01' || BILLING_CREDIT_NOTE_TYPES.has(ownText(node)),
      },
    },
    {
      on: [
        'cbc:IssueDate',
        'cbc:DueDate',
        'cbc:TaxPointDate',
        'cbc:StartDate',
        'cbc:EndDate',
        'cbc:ActualDeliveryDate',
      ],
      assert: {
        'PEPPOL-EN16931-F001': (node) =>
          stringLength(node.text) === 10 && castDate(stringValue(node)) !== undefined,
      },
    },
    {
      on: ['cbc:EndpointID'],
      where: (node) => attribute(node, 'schemeID') !== undefined,
      assert: {
        'PEPPOL-EN16931-CL008': (node) =>
          peppolCodes.electronicAddressSchemes.has(attribute(node, 'schemeID') ?? ''),
      },
    },
    exemptionImpliesCategory('PEPPOL-EN16931-P0104', 'VATEX-EU-G', 'G'),
    exemptionImpliesCategory('PEPPOL-EN16931-P0105', 'VATEX-EU-O', 'O'),
    exemptionImpliesCategory('PEPPOL-EN16931-P0106', 'VATEX-EU-IC', 'K'),
    exemptionImpliesCategory('PEPPOL-EN16931-P0107', 'VATEX-EU-AE', 'AE'),
    exemptionImpliesCategory('PEPPOL-EN16931-P0108', 'VATEX-EU-D', 'E'),
    exemptionImpliesCategory('PEPPOL-EN16931-P0109', 'VATEX-EU-F', 'E'),
    exemptionImpliesCategory('PEPPOL-EN16931-P0110', 'VATEX-EU-I', 'E'),
    exemptionImpliesCategory('PEPPOL-EN16931-P0111', 'VATEX-EU-J', 'E'),
  ],
};
