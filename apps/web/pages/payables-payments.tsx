import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { forbidden, isDomainError } from '../../../kernel/errors';
import type { AppEnv } from '../../../kernel/http';
import {
  payablesPermissions,
  remittanceCsv,
  remittanceHtml,
  remittanceText,
} from '../../../modules/payables';
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
} from '../components';
import { render, requireSession } from '../render';
import { hasAnyRole, tenantContextOf, type WebSession } from '../session';

const HOLD_LABELS: Record<string, string> = {
  'no-verified-bank-details': 'No verified bank details',
  'credits-exceed-invoices': 'Credit notes exceed what is due',
};

function requirePay(session: WebSession): void {
  if (!hasAnyRole(session, payablesPermissions.rolesFor('pay'))) {
    throw forbidden(
      'ROLE_REQUIRED',
      `Payment runs need one of these roles in ${session.organisationName}: ${payablesPermissions.rolesFor('pay').join(', ')}`,
    );
  }
}

/** Payment runs for the payments officer: propose, approve (segregation of duties), download the Bacs file and remittances. */
export function payablesPaymentPages(web: OpenAPIHono<AppEnv>, platform: Platform) {
  const { runner, payables } = platform;

  const runsPage = async (
    c: Context<AppEnv>,
    session: WebSession,
    error?: { field: string; message: string },
  ) => {
    const { runs, account } = await runner.withTenant(tenantContextOf(c, session), async (tx) => ({
      runs: await payables.paymentRuns(tx),
      account: await payables.bankAccount(tx),
    }));
    return render(
      c,
      { title: 'Payment runs', section: 'payments', session, status: error ? 422 : 200 },
      <>
        {error ? <ErrorSummary errors={[{ href: `#${error.field}`, message: error.message }]} /> : null}
        {c.req.query('done') ? <Notice success title={c.req.query('done') ?? ''} /> : null}
        <span class="nhsuk-caption-l">{session.organisationName}</span>
        <h1 class="nhsuk-heading-l">Payment runs</h1>
        <p class="nhsuk-body">
          A run pays every approved invoice due by the date you choose, one Bacs payment per supplier, only
          ever to bank details a second person has verified. Paying from{' '}
          {account ? `${account.accountName} (sort code ${account.sortCode})` : 'no account yet'}.
        </p>
        <form method="post" action="/payables/payment-runs" novalidate>
          <h2 class="nhsuk-heading-m">Propose a payment run</h2>
          <InputField
            name="dueBy"
            label="Pay invoices due by"
            hint="For example 2026-12-04. Leave blank for a week after processing."
            width={10}
            error={error?.field === 'dueBy' ? error.message : undefined}
          />
          <InputField
            name="processingDate"
            label="Bacs processing day"
            hint="Leave blank for the next working day"
            width={10}
            error={error?.field === 'processingDate' ? error.message : undefined}
          />
          <Button>Propose payment run</Button>
        </form>
        <Table
          caption="Payment runs, newest first"
          rows={runs}
          empty="No payment run yet."
          columns={[
            { header: 'Run', cell: (r) => <a href={`/payables/payment-runs/${r.id}`}>{r.runNumber}</a> },
            {
              header: 'Status',
              cell: (r) => (
                <Tag colour={r.status === 'approved' ? 'green' : r.status === 'proposed' ? 'blue' : 'grey'}>
                  {r.status}
                </Tag>
              ),
            },
            { header: 'Processing day', cell: (r) => r.processingDate },
            { header: 'Payments', cell: (r) => String(r.paymentCount), numeric: true },
            { header: 'Held', cell: (r) => String(r.heldCount), numeric: true },
            { header: 'Total', cell: (r) => <Money pence={r.totalPence} />, numeric: true },
          ]}
        />
      </>,
    );
  };

  web.get('/payables/payment-runs', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requirePay(session);
    return runsPage(c, session);
  });

  web.post('/payables/payment-runs', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requirePay(session);
    const form = await c.req.parseBody();
    const input = {
      dueBy: String(form.dueBy ?? '').trim() || undefined,
      processingDate: String(form.processingDate ?? '').trim() || undefined,
    };
    try {
      const run = await runner.withTenant(tenantContextOf(c, session), (tx) =>
        payables.proposePaymentRun(tx, input),
      );
      return c.redirect(
        `/payables/payment-runs/${run.id}?done=${encodeURIComponent(`Run ${run.runNumber} proposed`)}`,
      );
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return runsPage(c, session, {
        field: error.issues[0]?.path ?? 'dueBy',
        message: error.issues[0]?.message ?? error.message,
      });
    }
  });

  const runPage = async (c: Context<AppEnv>, session: WebSession, id: string, error?: string) => {
    const run = await runner.withTenant(tenantContextOf(c, session), (tx) => payables.paymentRun(tx, id));
    return render(
      c,
      { title: `Payment run ${run.runNumber}`, section: 'payments', session, status: error ? 409 : 200 },
      <>
        <BackLink href="/payables/payment-runs">Payment runs</BackLink>
        {error ? (
          <ErrorSummary title="The run was not approved" errors={[{ href: '#approve', message: error }]} />
        ) : null}
        {c.req.query('done') ? <Notice success title={c.req.query('done') ?? ''} /> : null}
        <span class="nhsuk-caption-l">Payment run</span>
        <h1 class="nhsuk-heading-l">{run.runNumber}</h1>
        <SummaryList
          rows={[
            { key: 'Status', value: run.status },
            { key: 'Bacs processing day', value: run.processingDate },
            { key: 'Invoices due by', value: run.dueBy },
            { key: 'Proposed', value: `${run.proposedAt} by ${run.proposedBy}` },
            ...(run.approvedBy ? [{ key: 'Approved', value: `${run.approvedAt} by ${run.approvedBy}` }] : []),
            ...(run.cancelReason ? [{ key: 'Cancelled', value: run.cancelReason }] : []),
            { key: 'Total', value: <Money pence={run.totalPence} /> },
          ]}
        />
        {run.status === 'approved' ? (
          <p class="nhsuk-body">
            <a href={`/payables/payment-runs/${run.id}/bacs`} download>
              Download the Bacs Standard 18 file
            </a>
          </p>
        ) : null}
        {run.status === 'proposed' ? (
          <>
            <form method="post" action={`/payables/payment-runs/${run.id}/approve`} id="approve" novalidate>
              <p class="nhsuk-body">
                Approving writes the Bacs file and posts each payment to the ledger. You cannot approve a run
                that pays an invoice you approved.
              </p>
              <Button>Approve payment run</Button>
            </form>
            <form method="post" action={`/payables/payment-runs/${run.id}/cancel`} novalidate>
              <InputField name="reason" label="Reason for cancelling" />
              <Button secondary>Cancel the run</Button>
            </form>
          </>
        ) : null}
        <Table
          caption="Payments"
          rows={run.payments}
          empty="Nothing to pay."
          columns={[
            { header: 'Supplier', cell: (p) => p.supplierName },
            {
              header: 'To',
              cell: (p) =>
                `${p.sortCode} ****${p.accountNumber.slice(-4)} (verified ${p.bankVerifiedAt.slice(0, 10)})`,
            },
            { header: 'Documents', cell: (p) => p.invoices.map((i) => i.invoiceNumber).join(', ') },
            { header: 'Amount', cell: (p) => <Money pence={p.amountPence} />, numeric: true },
            {
              header: 'Remittance',
              cell: (p) =>
                run.status === 'approved' ? (
                  <>
                    <a href={`/payables/payment-runs/${run.id}/remittances/${p.id}?format=html`}>
                      View <span class="nhsuk-u-visually-hidden">remittance for {p.supplierName}</span>
                    </a>{' '}
                    ·{' '}
                    <a href={`/payables/payment-runs/${run.id}/remittances/${p.id}?format=csv`}>
                      CSV <span class="nhsuk-u-visually-hidden">remittance for {p.supplierName}</span>
                    </a>{' '}
                    ·{' '}
                    <a href={`/payables/payment-runs/${run.id}/remittances/${p.id}?format=text`}>
                      Text <span class="nhsuk-u-visually-hidden">remittance for {p.supplierName}</span>
                    </a>
                  </>
                ) : (
                  '—'
                ),
            },
          ]}
        />
        <Table
          caption="Held, with the reason"
          rows={run.held}
          empty="Nothing was held."
          columns={[
            { header: 'Supplier', cell: (h) => h.supplierName },
            {
              header: 'Document',
              cell: (h) => <a href={`/payables/invoices/${h.invoiceId}`}>{h.invoiceNumber}</a>,
            },
            { header: 'Amount', cell: (h) => <Money pence={h.grossPence} />, numeric: true },
            { header: 'Reason', cell: (h) => `${HOLD_LABELS[h.reason] ?? h.reason}: ${h.detail}` },
          ]}
        />
      </>,
    );
  };

  web.get('/payables/payment-runs/:id', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requirePay(session);
    return runPage(c, session, c.req.param('id'));
  });

  web.post('/payables/payment-runs/:id/approve', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requirePay(session);
    try {
      const run = await runner.withTenant(tenantContextOf(c, session), (tx) =>
        payables.approvePaymentRun(tx, c.req.param('id')),
      );
      return c.redirect(
        `/payables/payment-runs/${run.id}?done=${encodeURIComponent(`Run ${run.runNumber} approved: the Bacs file is ready`)}`,
      );
    } catch (error) {
      if (!isDomainError(error) || error.kind === 'not-found') throw error;
      const detail = error.issues
        .slice(0, 5)
        .map((issue) => issue.message)
        .join('; ');
      return runPage(c, session, c.req.param('id'), detail ? `${error.message}: ${detail}` : error.message);
    }
  });

  web.post('/payables/payment-runs/:id/cancel', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requirePay(session);
    const reason =
      String((await c.req.parseBody()).reason ?? '').trim() || 'Cancelled by the payments officer';
    const run = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      payables.cancelPaymentRun(tx, c.req.param('id'), reason),
    );
    return c.redirect(`/payables/payment-runs?done=${encodeURIComponent(`Run ${run.runNumber} cancelled`)}`);
  });

  web.get('/payables/payment-runs/:id/bacs', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requirePay(session);
    const file = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      payables.bacsFile(tx, c.req.param('id')),
    );
    return c.body(file.text, 200, {
      'content-type': 'text/plain; charset=us-ascii',
      'content-disposition': `attachment; filename="${file.fileName}"`,
    });
  });

  web.get('/payables/payment-runs/:id/remittances/:paymentId', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requirePay(session);
    const advice = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      payables.remittance(
        tx,
        c.req.param('id'),
        c.req.param('paymentId'),
        session.organisationName ?? undefined,
      ),
    );
    const format = c.req.query('format');
    if (format === 'csv') {
      return c.body(remittanceCsv(advice), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="remittance-${advice.runNumber}.csv"`,
      });
    }
    if (format === 'text')
      return c.body(remittanceText(advice), 200, { 'content-type': 'text/plain; charset=utf-8' });
    return c.html(remittanceHtml(advice));
  });
}
