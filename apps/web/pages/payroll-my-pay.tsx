import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { forbidden, isDomainError } from '../../../kernel/errors';
import type { AppEnv } from '../../../kernel/http';
import { formatPounds, parsePounds } from '../../../kernel/money';
import type { TenantTx } from '../../../kernel/tenancy';
import { payrollPermissions } from '../../../modules/payroll';
import type { Platform } from '../../platform/platform';
import {
  BackLink,
  Button,
  ErrorSummary,
  InputField,
  Money,
  Notice,
  SummaryList,
  Table,
  Tag,
  TextareaField,
} from '../components';
import { render, requireSession } from '../render';
import { hasAnyRole, tenantContextOf, type WebSession } from '../session';
import { PayslipPanel } from './payroll-payslip';

const pounds = (pence: number) => formatPounds(BigInt(pence));

/** An employee's own pay, phone-first: payslips with every line explained, anytime pay, and queries. */
export function myPayPages(web: OpenAPIHono<AppEnv>, platform: Platform) {
  const { runner, payroll } = platform;

  /** The signed-in employee's own record: nobody reaches another person's pay through these pages. */
  async function asEmployee<T>(
    c: Context<AppEnv>,
    session: WebSession,
    work: (tx: TenantTx, employeeId: string) => Promise<T>,
  ): Promise<T> {
    if (!hasAnyRole(session, payrollPermissions.rolesFor('self-service'))) {
      throw forbidden('ROLE_REQUIRED', `My pay is for staff of ${session.organisationName}`);
    }
    return runner.withTenant(tenantContextOf(c, session), async (tx) =>
      work(tx, (await payroll.employeeForUser(tx, session.caller.actor.id)).id),
    );
  }

  web.get('/my-pay', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    const { payslips, anytime, queries } = await asEmployee(c, session, async (tx, employeeId) => ({
      payslips: await payroll.employeePayslips(tx, employeeId),
      anytime: await payroll.anytimePay(tx, employeeId),
      queries: await payroll.queries(tx, { employeeId }),
    }));
    return render(
      c,
      { title: 'My pay', section: 'my-pay', session },
      <>
        <span class="nhsuk-caption-l">{session.organisationName}</span>
        <h1 class="nhsuk-heading-l">My pay</h1>
        {anytime.enabled && anytime.open ? (
          <div class="nhsuk-card nhsuk-card--clickable">
            <div class="nhsuk-card__content">
              <h2 class="nhsuk-card__heading nhsuk-heading-m">
                <a class="nhsuk-card__link" href="/my-pay/anytime-pay">
                  Anytime pay
                </a>
              </h2>
              <p class="nhsuk-card__description">
                You can draw up to {pounds(anytime.available)} of the pay you have earned this month.
              </p>
            </div>
          </div>
        ) : null}
        <h2 class="nhsuk-heading-m">Payslips</h2>
        <Table
          caption="Your payslips, newest first"
          rows={payslips}
          columns={[
            {
              header: 'Month',
              cell: (row) => <a href={`/my-pay/payslips/${row.runId}`}>{row.periodName}</a>,
            },
            { header: 'Paid', cell: (row) => row.payDate },
            { header: 'Net pay', cell: (row) => <Money pence={row.netPence} />, numeric: true },
          ]}
          empty="You have no payslips here yet."
        />
        <h2 class="nhsuk-heading-m">Your questions to payroll</h2>
        <Table
          caption="Queries"
          rows={queries}
          columns={[
            {
              header: 'Line',
              cell: (row) =>
                String((row.calculation.line as { label?: string } | undefined)?.label ?? row.lineRef),
            },
            { header: 'Asked', cell: (row) => row.raisedAt.slice(0, 10) },
            {
              header: 'Status',
              cell: (row) =>
                row.status === 'resolved' ? (
                  <Tag colour="green">Answered</Tag>
                ) : (
                  <Tag colour="blue">With payroll</Tag>
                ),
            },
            { header: 'Answer', cell: (row) => row.resolution ?? '—' },
          ]}
          empty="You have not asked about a payslip."
        />
      </>,
    );
  });

  web.get('/my-pay/payslips/:runId', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    const runId = c.req.param('runId');
    const payslip = await asEmployee(c, session, (tx, employeeId) =>
      payroll.employeePayslip(tx, employeeId, runId),
    );
    return render(
      c,
      { title: `Payslip ${payslip.run.periodName}`, section: 'my-pay', session },
      <>
        <BackLink href="/my-pay">My pay</BackLink>
        {c.req.query('asked') ? <Notice success title="Your question has gone to the payroll team" /> : null}
        <PayslipPanel
          payslip={payslip}
          pdfHref={`/my-pay/payslips/${runId}/pdf`}
          askHref={(line) => `/my-pay/payslips/${runId}/query?line=${encodeURIComponent(line.ref)}`}
        />
      </>,
    );
  });

  web.get('/my-pay/payslips/:runId/pdf', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    const runId = c.req.param('runId');
    const pdf = await asEmployee(c, session, async (tx, employeeId) => {
      await payroll.employeePayslip(tx, employeeId, runId);
      return payroll.payslipPdf(tx, runId, employeeId);
    });
    return c.body(new Uint8Array(pdf), 200, {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="payslip-${runId}.pdf"`,
    });
  });

  const queryForm = async (
    c: Context<AppEnv>,
    session: WebSession,
    ref: string,
    error?: string,
    message?: string,
  ) => {
    const runId = c.req.param('runId') ?? '';
    const payslip = await asEmployee(c, session, (tx, employeeId) =>
      payroll.employeePayslip(tx, employeeId, runId),
    );
    const line = [...payslip.pay, ...payslip.deductions, ...payslip.employerCosts].find(
      (candidate) => candidate.ref === ref,
    );
    return render(
      c,
      { title: 'Ask about a payslip line', section: 'my-pay', session, status: error ? 422 : 200 },
      <>
        <BackLink href={`/my-pay/payslips/${runId}`}>Payslip {payslip.run.periodName}</BackLink>
        <ErrorSummary errors={error ? [{ href: '#message', message: error }] : []} />
        <h1 class="nhsuk-heading-l">Ask about a payslip line</h1>
        {line ? (
          <SummaryList
            rows={[
              { key: 'Line', value: line.label },
              { key: 'Amount', value: <Money pence={line.amount} /> },
              ...(line.explanation ? [{ key: 'How it was worked out', value: line.explanation.text }] : []),
            ]}
          />
        ) : null}
        <form method="post" action={`/my-pay/payslips/${runId}/query`} novalidate>
          <input type="hidden" name="line" value={ref} />
          <TextareaField
            name="message"
            label="What would you like us to check?"
            hint="Payroll sees this line and how it was worked out"
            value={message}
            error={error}
            rows={4}
          />
          <Button>Send to payroll</Button>
        </form>
      </>,
    );
  };

  web.get('/my-pay/payslips/:runId/query', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    return queryForm(c, session, c.req.query('line') ?? '');
  });

  web.post('/my-pay/payslips/:runId/query', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    const runId = c.req.param('runId');
    const form = await c.req.parseBody();
    try {
      await asEmployee(c, session, async (tx, employeeId) => {
        await payroll.employeePayslip(tx, employeeId, runId);
        return payroll.raiseQuery(tx, {
          runId,
          employeeId,
          lineRef: String(form.line ?? ''),
          message: String(form.message ?? ''),
        });
      });
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return queryForm(
        c,
        session,
        String(form.line ?? ''),
        error.issues[0]?.message ?? error.message,
        String(form.message ?? ''),
      );
    }
    return c.redirect(`/my-pay/payslips/${runId}?asked=1`);
  });

  const anytimePage = async (c: Context<AppEnv>, session: WebSession, error?: string, amount?: string) => {
    const status = await asEmployee(c, session, (tx, employeeId) => payroll.anytimePay(tx, employeeId));
    const done = c.req.query('drawn');
    return render(
      c,
      { title: 'Anytime pay', section: 'my-pay', session, status: error ? 422 : 200 },
      <>
        <BackLink href="/my-pay">My pay</BackLink>
        {done ? <Notice success title={`${done} is on its way to your bank account`} /> : null}
        <ErrorSummary errors={error ? [{ href: '#amount', message: error }] : []} />
        <h1 class="nhsuk-heading-l">Anytime pay</h1>
        {!status.enabled ? (
          <p class="nhsuk-body">Anytime pay is not offered here: {status.reason}.</p>
        ) : (
          <>
            <p class="nhsuk-body">
              Draw some of the pay you have already earned this month. It comes off your pay on{' '}
              {status.payDate}.
            </p>
            <SummaryList
              rows={[
                {
                  key: 'Earned so far',
                  value: `${pounds(status.earnedNet)} after tax (${status.daysWorked} of ${status.daysEmployed} days)`,
                },
                { key: 'Already drawn', value: pounds(status.drawnThisPeriod) },
                {
                  key: 'You can draw now',
                  value: <strong data-testid="available">{pounds(status.available)}</strong>,
                },
                { key: 'Draws left this month', value: String(status.drawsLeft) },
              ]}
            />
            {status.open ? (
              <form method="post" action="/my-pay/anytime-pay" novalidate>
                <InputField
                  name="amount"
                  label="How much would you like?"
                  hint={`In pounds, at least ${pounds(status.limits.minimumDrawPence)}`}
                  value={amount}
                  error={error}
                  width={5}
                  inputmode="decimal"
                />
                <Button>Draw pay</Button>
              </form>
            ) : (
              <p class="nhsuk-body">{status.closedReason}</p>
            )}
            <Table
              caption="Draws this month"
              rows={status.draws}
              columns={[
                { header: 'When', cell: (draw) => draw.drawnAt.slice(0, 10) },
                { header: 'Amount', cell: (draw) => <Money pence={draw.amountPence} />, numeric: true },
              ]}
              empty="No draws this month."
            />
          </>
        )}
      </>,
    );
  };

  web.get('/my-pay/anytime-pay', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    return anytimePage(c, session);
  });

  web.post('/my-pay/anytime-pay', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    const amount = String((await c.req.parseBody()).amount ?? '');
    const parsed = parsePounds(amount);
    if (!parsed.ok)
      return anytimePage(
        c,
        session,
        `Enter an amount in pounds, like 50 or 75.50 (${parsed.reason})`,
        amount,
      );
    try {
      await asEmployee(c, session, (tx, employeeId) =>
        payroll.drawAnytimePay(tx, employeeId, Number(parsed.pence)),
      );
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return anytimePage(c, session, error.message, amount);
    }
    return c.redirect(`/my-pay/anytime-pay?drawn=${encodeURIComponent(pounds(Number(parsed.pence)))}`);
  });
}
