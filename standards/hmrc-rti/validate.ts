import type { ValidationIssue } from '../../kernel/errors';
import { type ChoiceGroup, type ElementRule, FPS_CHOICES, FPS_RULES, problemsWith } from './rules';
import type { TaxYear } from './tax-year';
import type { FpsInput } from './types';
import type { XmlNode } from './xml';

type ChildRule = { name: string; rule: ElementRule; inChoice: boolean };
type ParentShape = { children: ChildRule[]; choices: ChoiceGroup[] };

/** For each element with children: the rules of its children and its choice groups, worked out once. */
const shapes = new Map<string, ParentShape>();
const shapeOf = (parent: string): ParentShape => {
  let shape = shapes.get(parent);
  if (!shape) {
    shape = { children: [], choices: [] };
    shapes.set(parent, shape);
  }
  return shape;
};
for (const choice of FPS_CHOICES) shapeOf(choice.parent).choices.push(choice);
for (const rule of FPS_RULES.values()) {
  if (rule.path.includes('/@')) continue;
  const cut = rule.path.lastIndexOf('/');
  const shape = shapeOf(rule.path.slice(0, cut));
  const name = rule.path.slice(cut + 1);
  shape.children.push({
    name,
    rule,
    inChoice: shape.choices.some((choice) => choice.elements.includes(name)),
  });
}

type Report = (node: XmlNode | undefined, xpath: string, rule: string, problem: string) => void;

function checkNode(node: XmlNode, xpath: string, taxYear: TaxYear, report: Report): void {
  const rule = FPS_RULES.get(xpath);
  if (!rule) {
    report(node, xpath, 'known-element', 'is not an element of the FPS schema');
    return;
  }
  for (const [name, value] of Object.entries(node.attributes ?? {})) {
    const attributeRule = FPS_RULES.get(`${xpath}/@${name}`);
    if (!attributeRule)
      report(node, `${xpath}/@${name}`, 'known-attribute', 'is not an attribute of the FPS schema');
    else
      for (const problem of problemsWith(attributeRule, value, taxYear))
        report(node, `${xpath}/@${name}`, 'fps-dictionary', `"${value}" ${problem}`);
  }
  const children = node.children ?? [];
  if (children.length === 0) {
    for (const problem of problemsWith(rule, node.text ?? '', taxYear)) {
      const was = node.original === undefined ? '' : ` (from "${node.original}")`;
      report(node, xpath, 'fps-dictionary', `"${node.text ?? ''}"${was} ${problem}`);
    }
    return;
  }
  const counts = new Map<string, number>();
  for (const child of children) counts.set(child.name, (counts.get(child.name) ?? 0) + 1);
  const shape = shapes.get(xpath);
  for (const { name, rule: childRule, inChoice } of shape?.children ?? []) {
    const count = counts.get(name) ?? 0;
    if (count > childRule.max)
      report(node, childRule.path, 'cardinality', `appears ${count} times; at most ${childRule.max} allowed`);
    if (count < childRule.min && !inChoice)
      report(node, childRule.path, 'cardinality', 'is required but missing');
  }
  for (const choice of shape?.choices ?? []) {
    const present = choice.elements.filter((name) => counts.has(name));
    if (present.length > 1)
      report(node, `${xpath}/${present.join('|')}`, 'choice', 'only one of these may appear');
    if (present.length === 0 && choice.required)
      report(node, `${xpath}/${choice.elements.join('|')}`, 'choice', 'one of these is required');
  }
  for (const child of children) checkNode(child, `${xpath}/${child.name}`, taxYear, report);
}

/** Rules that join several fields, from HMRC's RTI guidance. */
function crossFieldIssues(
  input: FpsInput,
  report: (path: string, rule: string, problem: string) => void,
): void {
  input.employees.forEach((person, p) => {
    const at = `employees[${p}]`;
    if (person.nino === undefined && (person.address === undefined || person.birthDate === undefined)) {
      report(
        at,
        'nino-or-address-and-birth-date',
        'an employee without a NINO needs an address and a date of birth',
      );
    }
    person.employments.forEach((job, e) => {
      const jobAt = `${at}.employments[${e}]`;
      const pay = job.payment;
      const weekly = ['W1', 'W2', 'W4'].includes(pay.frequency);
      const monthly = ['M1', 'M3', 'M6', 'MA'].includes(pay.frequency);
      if ((weekly && !('week' in pay.period)) || (monthly && !('month' in pay.period))) {
        report(
          `${jobAt}.payment.period`,
          'period-matches-frequency',
          `${pay.frequency} pay needs a tax ${weekly ? 'week' : 'month'} number`,
        );
      }
      const pairs: [unknown, unknown, string, string][] = [
        [pay.studentLoanRecovered, job.figuresToDate.studentLoans, 'studentLoanRecovered', 'studentLoans'],
        [
          pay.postgraduateLoanRecovered,
          job.figuresToDate.postgraduateLoans,
          'postgraduateLoanRecovered',
          'postgraduateLoans',
        ],
        [
          pay.employeePensionContributionsPaid,
          job.figuresToDate.employeePensionContributionsPaid,
          'employeePensionContributionsPaid',
          'employeePensionContributionsPaid',
        ],
      ];
      for (const [inPeriod, toDate, periodName, toDateName] of pairs) {
        if (inPeriod !== undefined && toDate === undefined) {
          report(
            `${jobAt}.figuresToDate.${toDateName}`,
            'ytd-with-in-period',
            `payment.${periodName} is given, so its year-to-date figure is needed`,
          );
        }
      }
      job.niLettersAndValues.forEach((line, n) => {
        const bands = line.atLelYtd + line.lelToPtYtd + line.ptToUelYtd;
        if (bands > line.grossEarningsYtd) {
          report(
            `${jobAt}.niLettersAndValues[${n}]`,
            'bands-within-gross',
            `the earnings bands (${bands}p) exceed gross earnings for NICs to date (${line.grossEarningsYtd}p)`,
          );
        }
      });
    });
  });
}

/**
 * Every problem with an FPS about to be written, each naming the employee (by
 * index and payroll ID), the input field and the FPS element.
 */
export function fpsIssues(input: FpsInput, tree: XmlNode, taxYear: TaxYear): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const who = (path: string): string => {
    const index = /^employees\[(\d+)\]/.exec(path)?.[1];
    if (index === undefined) return path;
    const payrollId = input.employees[Number(index)]?.employments[0]?.payrollId;
    return payrollId === undefined ? path : `${path} (payroll ID ${payrollId})`;
  };
  const report: Report = (node, xpath, rule, problem) => {
    const path = node?.source ?? xpath;
    const element = xpath.slice('/FullPaymentSubmission/'.length) || 'FullPaymentSubmission';
    issues.push({ path, rule, message: `${who(path)}: ${element} ${problem}` });
  };
  checkNode(tree, '/FullPaymentSubmission', taxYear, report);
  crossFieldIssues(input, (path, rule, problem) =>
    issues.push({ path, rule, message: `${who(path)}: ${problem}` }),
  );
  return issues;
}
