import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { type CommandRegistrar, commandGroup } from '../../../kernel/cli';
import { isDomainError, type ValidationIssue } from '../../../kernel/errors';
import { calculateEmployeePeriodParts, type EmployeePeriodParts, readEmployeePeriodRequest } from '../domain';
import { loadTaxYearReference, type TaxYearReference } from '../reference-data';

/**
 * `mainstay payroll calc`: JSON lines in (one employee-period each, money in
 * pence), one JSON line out per input line, in order. A bad line yields an
 * {"error": …} line naming the field and never stops the stream.
 */
export type CalcSummary = { lines: number; errors: number };
type LoadReference = (taxYear: string) => Promise<TaxYearReference>;

const FLUSH_AT_CHARACTERS = 64 * 1024;

type OutputFigures = {
  incomeTax: number | null;
  employeeNi: number | null;
  employerNi: number | null;
  studentLoan: number | null;
  postgraduateLoan: number | null;
  pensionEmployee: number | null;
  pensionEmployer: number | null;
};

function outputFigures(parts: EmployeePeriodParts): OutputFigures {
  return {
    incomeTax: parts.incomeTax?.tax ?? null,
    employeeNi: parts.nationalInsurance?.employee ?? null,
    employerNi: parts.nationalInsurance?.employer ?? null,
    studentLoan: parts.studentLoans?.studentLoan ?? null,
    postgraduateLoan: parts.studentLoans?.postgraduateLoan ?? null,
    pensionEmployee: parts.pension?.employee ?? null,
    pensionEmployer: parts.pension?.employer ?? null,
  };
}

const errorLine = (line: number, issues: readonly ValidationIssue[], figures?: OutputFigures): string =>
  JSON.stringify({
    error: issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
    line,
    issues,
    ...figures,
  });

/** One output line for one input line; `ok` is false when the line reports an error. */
async function calculateLine(
  text: string,
  lineNumber: number,
  references: Map<string, TaxYearReference>,
  load: LoadReference,
): Promise<{ ok: boolean; json: string }> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      json: errorLine(lineNumber, [{ path: '$', rule: 'json', message: `not valid JSON (${message})` }]),
    };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      json: errorLine(lineNumber, [
        { path: '$', rule: 'json-object', message: 'each line must be one JSON object' },
      ]),
    };
  }
  const request = raw as Record<string, unknown>;
  const taxYear = request.taxYear;
  if (typeof taxYear !== 'string') {
    return {
      ok: false,
      json: errorLine(lineNumber, [
        { path: 'taxYear', rule: 'required', message: 'is required, e.g. "2026-27"' },
      ]),
    };
  }
  let reference = references.get(taxYear);
  if (!reference) {
    try {
      reference = await load(taxYear);
      references.set(taxYear, reference);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return {
        ok: false,
        json: errorLine(lineNumber, [{ path: 'taxYear', rule: error.code, message: error.message }]),
      };
    }
  }
  const read = readEmployeePeriodRequest(request, reference);
  const figures = outputFigures(calculateEmployeePeriodParts(read.fields, reference));
  if (read.issues.length > 0) return { ok: false, json: errorLine(lineNumber, read.issues, figures) };
  return { ok: true, json: JSON.stringify(figures) };
}

/** Resolves when the reader has caught up (or has gone), leaving no listener behind. */
function drainedOrClosed(output: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      output.off('drain', done);
      output.off('close', done);
      resolve();
    };
    output.on('drain', done);
    output.on('close', done);
  });
}

/** Streams requests to results with bounded memory: output is written in chunks and waits for the reader (backpressure). */
export async function runPayrollCalc(
  input: AsyncIterable<string>,
  output: Writable,
  load: LoadReference = loadTaxYearReference,
): Promise<CalcSummary> {
  const references = new Map<string, TaxYearReference>();
  const summary: CalcSummary = { lines: 0, errors: 0 };
  let pending: string[] = [];
  let pendingCharacters = 0;
  let closed = false;
  const onError = () => {
    closed = true;
  };
  output.on('error', onError);
  const flush = async () => {
    if (pending.length === 0 || closed) return;
    const chunk = pending.join('');
    pending = [];
    pendingCharacters = 0;
    if (!output.write(chunk)) await drainedOrClosed(output);
  };
  let lineNumber = 0;
  try {
    for await (const text of input) {
      if (closed) break;
      lineNumber += 1;
      if (text.trim() === '') continue;
      summary.lines += 1;
      const result = await calculateLine(text, lineNumber, references, load);
      if (!result.ok) summary.errors += 1;
      pending.push(result.json, '\n');
      pendingCharacters += result.json.length + 1;
      if (pendingCharacters >= FLUSH_AT_CHARACTERS) await flush();
    }
    await flush();
  } finally {
    output.off('error', onError);
  }
  return summary;
}

export const registerPayrollCalcCommand: CommandRegistrar = (program, runtime) => {
  commandGroup(program, 'payroll', 'Payroll: calculation, pay runs, payslips')
    .command('calc')
    .description(
      'Calculate PAYE, NI, student loans and NHS Pension for employee-periods: JSON lines on stdin (money in pence), one JSON line out per input',
    )
    .action(async () => {
      const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
      const summary = await runPayrollCalc(lines, process.stdout);
      if (summary.errors > 0) {
        runtime.note(`payroll calc: ${summary.errors} of ${summary.lines} lines had errors`);
        process.exitCode = 1;
      }
    });
};
