/** EN 16931 rules on invoice lines (BG-25) and their periods, items and prices. */

import { hasAttribute, stringValue, type XmlElement } from '../../xml/tree';
import { ZERO } from '../../xpath/decimal';
import { child, children, exists, path, valueAt } from '../../xpath/nav';
import { castDate, compareDates, textComparesTo } from '../../xpath/values';
import type { RuleSet } from '../engine';
import { hasVatScheme } from '../helpers';
import { maxTwoDecimals } from './calculation';

const isLine = (node: XmlElement | undefined) =>
  node?.name === 'cac:InvoiceLine' || node?.name === 'cac:CreditNoteLine';

/** BR-29/BR-30: an end date, when both are given, is not before the start date. */
function periodInOrder(period: XmlElement): boolean {
  const start = child(period, 'cbc:StartDate');
  const end = child(period, 'cbc:EndDate');
  if (start === undefined || end === undefined) return true;
  const startDate = castDate(stringValue(start));
  const endDate = castDate(stringValue(end));
  return startDate !== undefined && endDate !== undefined && compareDates(endDate, startDate) >= 0;
}

const hasStartOrEnd = (period: XmlElement) =>
  exists(period, 'cbc:StartDate') || exists(period, 'cbc:EndDate');

/** Whether the node sits at `cac:InvoiceLine/cac:Item/<container>/<node>` (or the credit note line). */
const inLineItem = (container: string) => (node: XmlElement) =>
  node.parent?.name === container &&
  node.parent.parent?.name === 'cac:Item' &&
  isLine(node.parent.parent.parent);

export const lineRules: RuleSet = {
  rules: [
    {
      on: ['cac:InvoiceLine', 'cac:CreditNoteLine'],
      assert: {
        'BR-21': (line) => valueAt(line, 'cbc:ID') !== '',
        'BR-22': (line) => exists(line, 'cbc:InvoicedQuantity') || exists(line, 'cbc:CreditedQuantity'),
        'BR-23': (line) =>
          [...children(line, 'cbc:InvoicedQuantity'), ...children(line, 'cbc:CreditedQuantity')].some(
            (quantity) => hasAttribute(quantity, 'unitCode'),
          ),
        'BR-24': (line) => exists(line, 'cbc:LineExtensionAmount'),
        'BR-25': (line) => valueAt(line, 'cac:Item', 'cbc:Name') !== '',
        'BR-26': (line) => exists(line, 'cac:Price', 'cbc:PriceAmount'),
        'BR-27': (line) =>
          path(line, 'cac:Price', 'cbc:PriceAmount').some((price) =>
            textComparesTo(stringValue(price), '>=', ZERO),
          ),
        'BR-28': (line) => {
          const bases = path(line, 'cac:Price', 'cac:AllowanceCharge', 'cbc:BaseAmount');
          return bases.length === 0 || bases.some((base) => textComparesTo(stringValue(base), '>=', ZERO));
        },
        'BR-CO-04': (line) =>
          path(line, 'cac:Item', 'cac:ClassifiedTaxCategory').some(
            (category) => hasVatScheme(category) && exists(category, 'cbc:ID'),
          ),
        'BR-DEC-23': maxTwoDecimals('cbc:LineExtensionAmount'),
      },
    },
    {
      on: ['cac:InvoicePeriod'],
      where: (period) => isLine(period.parent),
      assert: { 'BR-30': periodInOrder, 'BR-CO-20': hasStartOrEnd },
    },
    {
      // The line rule above takes line periods first in the official pattern; this one sees the rest.
      on: ['cac:InvoicePeriod'],
      where: (period) => !isLine(period.parent),
      assert: {
        'BR-29': periodInOrder,
        'BR-CO-19': (period) => hasStartOrEnd(period) || exists(period, 'cbc:DescriptionCode'),
      },
    },
    {
      on: ['cac:AdditionalItemProperty'],
      assert: { 'BR-54': (property) => exists(property, 'cbc:Name') && exists(property, 'cbc:Value') },
    },
    {
      on: ['cbc:ItemClassificationCode'],
      where: inLineItem('cac:CommodityClassification'),
      assert: { 'BR-65': (code) => hasAttribute(code, 'listID') },
    },
    {
      on: ['cbc:ID'],
      parents: ['cac:StandardItemIdentification'],
      where: inLineItem('cac:StandardItemIdentification'),
      assert: { 'BR-64': (id) => hasAttribute(id, 'schemeID') },
    },
  ],
};
