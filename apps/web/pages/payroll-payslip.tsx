import type { FC } from 'hono/jsx';
import type { PayslipDocument } from '../../../modules/payroll';
import { Money, SummaryList } from '../components';

type Line = PayslipDocument['pay'][number];

/**
 * A payslip, phone-first: net pay at the top, then each line with its amount
 * and, folded beneath it, the rule that produced it ("why is my tax this?").
 * `askHref` adds a link to ask about a line.
 */
const LineList: FC<{
  caption: string;
  lines: readonly Line[];
  total?: { label: string; pence: number };
  askHref?: (line: Line) => string;
}> = ({ caption, lines, total, askHref }) => (
  <section aria-label={caption}>
    <h2 class="nhsuk-heading-m">{caption}</h2>
    <dl class="nhsuk-summary-list">
      {lines.map((line) => (
        <div class="nhsuk-summary-list__row" id={`line-${line.ref}`}>
          <dt class="nhsuk-summary-list__key">{line.label}</dt>
          <dd class="nhsuk-summary-list__value">
            <Money pence={line.amount} />
            {line.explanation ? (
              <details class="nhsuk-details nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0">
                <summary class="nhsuk-details__summary">
                  <span class="nhsuk-details__summary-text">
                    Why this amount<span class="nhsuk-u-visually-hidden"> for {line.label}</span>?
                  </span>
                </summary>
                <div class="nhsuk-details__text">
                  <p class="nhsuk-body-s">{line.explanation.text}</p>
                  {askHref ? (
                    <p class="nhsuk-body-s nhsuk-u-margin-bottom-0">
                      <a href={askHref(line)}>
                        Ask payroll about this line<span class="nhsuk-u-visually-hidden">: {line.label}</span>
                      </a>
                    </p>
                  ) : null}
                </div>
              </details>
            ) : null}
          </dd>
        </div>
      ))}
      {total ? (
        <div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">
            <strong>{total.label}</strong>
          </dt>
          <dd class="nhsuk-summary-list__value">
            <strong>
              <Money pence={total.pence} />
            </strong>
          </dd>
        </div>
      ) : null}
    </dl>
  </section>
);

export const PayslipPanel: FC<{
  payslip: PayslipDocument;
  askHref?: (line: Line) => string;
  pdfHref: string;
}> = ({ payslip, askHref, pdfHref }) => (
  <>
    <span class="nhsuk-caption-l">{payslip.run.periodName}</span>
    <h1 class="nhsuk-heading-l">Payslip</h1>
    <div class="nhsuk-card">
      <div class="nhsuk-card__content">
        <p class="nhsuk-body-s nhsuk-u-margin-bottom-1">Net pay, paid {payslip.run.payDate}</p>
        <p class="ms-figure" data-testid="net-pay">
          <Money pence={payslip.figures.netPay} />
        </p>
        <p class="nhsuk-body-s nhsuk-u-margin-bottom-0">
          {payslip.employee.name} · {payslip.employee.payrollNumber}
          {payslip.bankAccount ? ` · paid to ${payslip.bankAccount}` : ''}
        </p>
      </div>
    </div>
    {payslip.explanationsMatch ? null : (
      <p class="nhsuk-body nhsuk-u-font-weight-bold">
        The figures are those paid; today's rules do not reproduce them, so no explanations are shown.
      </p>
    )}
    <LineList
      caption="Pay"
      lines={payslip.pay}
      total={{ label: 'Gross pay', pence: payslip.figures.gross }}
      askHref={askHref}
    />
    <LineList
      caption="Deductions"
      lines={payslip.deductions}
      total={{ label: 'Net pay', pence: payslip.figures.netPay }}
      askHref={askHref}
    />
    <h2 class="nhsuk-heading-m">Year to date</h2>
    <SummaryList
      rows={[
        {
          key: 'Tax code',
          value: `${payslip.taxCode}${payslip.week1Month1 ? ' (week 1/month 1)' : ''}, NI letter ${payslip.niLetter}`,
        },
        { key: 'Taxable pay', value: <Money pence={payslip.ytd.taxable} /> },
        { key: 'Income tax', value: <Money pence={payslip.ytd.tax} /> },
        { key: 'National Insurance', value: <Money pence={payslip.ytd.employeeNi} /> },
        { key: 'NHS Pension', value: <Money pence={payslip.ytd.pensionEmployee} /> },
        ...(payslip.ytd.studentLoan > 0
          ? [{ key: 'Student loan', value: <Money pence={payslip.ytd.studentLoan} /> }]
          : []),
      ]}
    />
    <LineList caption="Your employer also paid" lines={payslip.employerCosts} />
    <p class="nhsuk-body">
      <a href={pdfHref}>Download this payslip as a PDF</a>
    </p>
  </>
);
