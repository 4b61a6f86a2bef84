import { Writable } from 'node:stream';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { runPayrollCalc } from './calc-command';

const example = {
  taxYear: '2026-27',
  payFrequency: 'monthly',
  period: 3,
  taxCode: '1257L',
  week1Month1: false,
  taxablePay: 250000,
  previousTaxablePay: 500000,
  previousTax: 41800,
  niCategory: 'A',
  niablePay: 250000,
  studentLoanPlans: ['2'],
  postgraduateLoan: false,
  pensionablePay: 250000,
};

/** A writable that records what it receives; a slow one holds each chunk back to exercise backpressure. */
function collector(options: { slow?: boolean } = {}) {
  const chunks: string[] = [];
  let drains = 0;
  const stream = new Writable({
    highWaterMark: 256,
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      if (options.slow) delay(1).then(() => done());
      else done();
    },
  });
  stream.on('drain', () => {
    drains += 1;
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    drains: () => drains,
  };
}

async function* linesOf(...lines: string[]) {
  yield* lines;
}

describe('mainstay payroll calc', () => {
  it('prints the seven figures for the issue’s example line', async () => {
    const out = collector();
    const summary = await runPayrollCalc(linesOf(JSON.stringify(example)), out.stream);
    expect(out.lines()).toEqual([
      {
        incomeTax: 45300,
        employeeNi: 11616,
        employerNi: 31245,
        studentLoan: 400,
        postgraduateLoan: 0,
        pensionEmployee: 20750,
        pensionEmployer: 35950,
      },
    ]);
    expect(summary).toEqual({ lines: 1, errors: 0 });
  });

  it('answers a bad line with an error naming the field and carries on', async () => {
    const out = collector();
    const summary = await runPayrollCalc(
      linesOf(
        JSON.stringify({ ...example, taxCode: '1257Q' }),
        'not json',
        '',
        '[1, 2]',
        JSON.stringify({ ...example, taxYear: '2019-20' }),
        JSON.stringify({ ...example, niCategory: 'Q' }),
        JSON.stringify(example),
      ),
      out.stream,
    );
    const lines = out.lines();
    expect(lines).toHaveLength(6);
    expect(lines[0].error).toMatch(/^taxCode: "1257Q": 1257Q has suffix Q/);
    expect(lines[0].incomeTax).toBeNull();
    expect(lines[1].error).toMatch(/not valid JSON/);
    expect(lines[2]).toMatchObject({ error: expect.stringMatching(/one JSON object/), line: 4 });
    expect(lines[3].error).toMatch(/^taxYear: There is no payroll reference data for tax year 2019-20/);
    expect(lines[4].error).toMatch(/^niCategory:/);
    expect(lines[5].incomeTax).toBe(45300);
    expect(summary).toEqual({ lines: 6, errors: 5 });
  });

  it('still reports the figures a bad field does not affect (an impossible period only stops income tax)', async () => {
    const out = collector();
    await runPayrollCalc(
      linesOf(JSON.stringify({ ...example, payFrequency: 'four-weekly', period: 0 })),
      out.stream,
    );
    const [line] = out.lines();
    expect(line.error).toMatch(/^period: four-week period 0 does not exist/);
    expect(line).toMatchObject({ incomeTax: null, employeeNi: 12264, employerNi: 31725 });
  });

  it('annualises one period’s pensionable pay for the tier (pay × 52 for weekly pay)', async () => {
    const out = collector();
    // £700 a week × 52 = £36,400: tier 4 (9.8%) in 2026/27 → £68.60
    await runPayrollCalc(
      linesOf(JSON.stringify({ ...example, payFrequency: 'weekly', period: 3, pensionablePay: 70000 })),
      out.stream,
    );
    expect(out.lines()[0].pensionEmployee).toBe(6860);
  });

  it('streams many lines in order through a slow reader without losing any (backpressure)', async () => {
    const out = collector({ slow: true });
    const count = 5_000;
    async function* many() {
      for (let index = 0; index < count; index++) {
        yield JSON.stringify({ ...example, taxablePay: 100000 + index, niablePay: 100000 + index });
      }
    }
    const summary = await runPayrollCalc(many(), out.stream);
    const lines = out.lines();
    expect(summary).toEqual({ lines: count, errors: 0 });
    expect(lines).toHaveLength(count);
    expect(lines.every((line) => typeof line.incomeTax === 'number')).toBe(true);
    expect(lines[count - 1].employeeNi).toBeGreaterThan(lines[0].employeeNi);
    expect(out.drains()).toBeGreaterThan(0);
  });
});
