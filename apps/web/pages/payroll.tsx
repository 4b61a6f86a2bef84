import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { forbidden, isDomainError } from '../../../kernel/errors';
import type { AppEnv } from '../../../kernel/http';
import { formatPounds } from '../../../kernel/money';
import type { TenantTx } from '../../../kernel/tenancy';
import {
  payrollPermissions,
  QUERY_ROOT_CAUSES,
  VARIANCE_LABELS,
  type VarianceFlag,
} from '../../../modules/payroll';
import type { Platform } from '../../platform/platform';
import {
  BackLink,
  Button,
  ErrorSummary,
  InputField,
  Money,
  Notice,
  SelectField,
  SummaryList,
  Table,
  Tag,
  TextareaField,
} from '../components';
import { render, requireSession } from '../render';
import { hasAnyRole, tenantContextOf, type WebSession } from '../session';
import { PayslipPanel } from './payroll-payslip';

const pounds = (pence: number) => formatPounds(BigInt(pence));

const STATUS_TAGS = {
  draft: <Tag colour="blue">Draft</Tag>,
  approved: <Tag colour="yellow">Approved</Tag>,
  committed: <Tag colour="green">Committed</Tag>,
  cancelled: <Tag colour="grey">Cancelled</Tag>,
} as const;

const SLA_TAGS = {
  'within-sla': <Tag colour="green">Within SLA</Tag>,
  escalate: <Tag colour="orange">Escalate</Tag>,
  breached: <Tag colour="red">SLA missed</Tag>,
} as const;

/** The payroll officer's pages: runs (preview, bad input, variances, approval, commit, outputs), records, bank checks, claims, queries. */
export function payrollPages(web: OpenAPIHono<AppEnv>, platform: Platform) {
  const { runner, payroll } = platform;

  function requireRole(session: WebSession, permission: 'read' | 'manage' | 'run'): void {
    if (!hasAnyRole(session, payrollPermissions.rolesFor(permission))) {
      throw forbidden(
        'ROLE_REQUIRED',
        `Payroll needs one of these roles in ${session.organisationName}: ${payrollPermissions.rolesFor(permission).join(', ')}`,
      );
    }
  }

  /** Signed in, with the role, acting for the switcher's organisation. */
  function officer<T>(
    c: Context<AppEnv>,
    permission: 'read' | 'manage' | 'run',
    work: (tx: TenantTx, session: WebSession) => Promise<T>,
  ) {
    const session = requireSession(c);
    if (session instanceof Response) return { redirect: session } as const;
    requireRole(session, permission);
    return {
      session,
      result: runner.withTenant(tenantContextOf(c, session), (tx) => work(tx, session)),
    } as const;
  }

  web.get('/payroll', async (c) => {
    const page = officer(c, 'read', async (tx) => ({
      runs: await payroll.runs(tx, { limit: 24 }),
      pending: await payroll.pendingBankDetails(tx),
      queries: await payroll.queries(tx, { status: 'open' }),
      staff: await payroll.employeeCount(tx),
    }));
    if ('redirect' in page) return page.redirect;
    const { runs, pending, queries, staff } = await page.result;
    const session = page.session;
    const escalated = queries.filter((query) => query.age.status !== 'within-sla').length;
    return render(
      c,
      { title: 'Payroll', section: 'payroll', session },
      <>
        {c.req.query('done') ? <Notice success title={String(c.req.query('done'))} /> : null}
        <span class="nhsuk-caption-l">{session.organisationName}</span>
        <h1 class="nhsuk-heading-l">Payroll</h1>
        <p class="nhsuk-body">
          {staff} staff · <a href="/payroll/employees">Pay records</a> ·{' '}
          <a href="/payroll/bank-details">Bank details to verify ({pending.length})</a> ·{' '}
          <a href="/payroll/queries">
            Payslip queries ({queries.length} open{escalated > 0 ? `, ${escalated} overdue` : ''})
          </a>{' '}
          · <a href="/payroll/claims">Import claims</a>
        </p>
        <Table
          caption="Pay runs, newest first"
          rows={runs}
          columns={[
            {
              header: 'Period',
              cell: (run) => (
                <a
                  href={`/payroll/runs/${run.id}`}
                >{`${run.periodStart.slice(0, 7)} ${run.kind === 'main' ? '' : '(supplementary)'}`}</a>
              ),
            },
            { header: 'Pay day', cell: (run) => run.payDate },
            { header: 'Status', cell: (run) => STATUS_TAGS[run.status] },
            { header: 'Payslips', cell: (run) => String(run.preview?.payslips ?? '—'), numeric: true },
            {
              header: 'Net pay',
              cell: (run) => <Money pence={run.preview?.totals.netPay ?? null} />,
              numeric: true,
            },
          ]}
          empty="No pay runs yet."
        />
        {hasAnyRole(session, payrollPermissions.rolesFor('run')) ? (
          <form method="post" action="/payroll/runs" novalidate>
            <h2 class="nhsuk-heading-m">Start a monthly pay run</h2>
            <InputField
              name="taxYear"
              label="Tax year"
              hint="For example 2026-27"
              width={10}
              value="2026-27"
            />
            <SelectField
              name="period"
              label="Month"
              options={[
                'April',
                'May',
                'June',
                'July',
                'August',
                'September',
                'October',
                'November',
                'December',
                'January',
                'February',
                'March',
              ].map((month, index) => ({
                value: String(index + 1),
                label: month,
              }))}
            />
            <Button secondary>Create run</Button>
          </form>
        ) : null}
      </>,
    );
  });

  web.post('/payroll/runs', async (c) => {
    const form = await c.req.parseBody();
    const page = officer(c, 'run', (tx) =>
      payroll.createRun(tx, {
        payFrequency: 'monthly',
        taxYear: String(form.taxYear ?? ''),
        period: Number(form.period ?? 0),
      }),
    );
    if ('redirect' in page) return page.redirect;
    const run = await page.result;
    return c.redirect(`/payroll/runs/${run.id}`);
  });

  web.get('/payroll/runs/:runId', async (c) => {
    const runId = c.req.param('runId');
    const page = officer(c, 'read', async (tx) => ({
      run: await payroll.run(tx, runId),
      issues: await payroll.issues(tx, runId),
      variances: await payroll.variances(tx, runId),
    }));
    if ('redirect' in page) return page.redirect;
    const { run, issues, variances } = await page.result;
    const session = page.session;
    const canRun = hasAnyRole(session, payrollPermissions.rolesFor('run'));
    const preview = run.preview;
    const unresolved = issues.filter((issue) => !issue.excluded);
    const byEmployee = [...new Map(unresolved.map((issue) => [issue.employeeId, issue])).values()];
    const error = c.req.query('error');
    return render(
      c,
      {
        title: `Pay run ${run.periodStart.slice(0, 7)}`,
        section: 'payroll',
        session,
        status: error ? 409 : 200,
      },
      <>
        <BackLink href="/payroll">Payroll</BackLink>
        {c.req.query('done') ? <Notice success title={String(c.req.query('done'))} /> : null}
        <ErrorSummary errors={error ? [{ href: '#actions', message: error }] : []} />
        <span class="nhsuk-caption-l">{session.organisationName}</span>
        <h1 class="nhsuk-heading-l">
          Pay run {run.periodStart.slice(0, 7)} {STATUS_TAGS[run.status]}
        </h1>
        <SummaryList
          rows={[
            { key: 'Kind', value: run.kind === 'main' ? 'Main monthly run' : 'Supplementary run' },
            {
              key: 'Pays',
              value: `${run.periodStart} to ${run.periodEnd}, on ${run.payDate} (tax month ${run.taxPeriod})`,
            },
            {
              key: 'Prepared',
              value: run.preparedBy
                ? `${run.preparedAt?.slice(0, 16)} by ${run.preparedBy}`
                : 'Not calculated yet',
            },
            {
              key: 'Approved',
              value: run.approvedBy ? `${run.approvedAt?.slice(0, 16)} by ${run.approvedBy}` : '—',
            },
            ...(preview
              ? [
                  {
                    key: 'Payslips',
                    value: `${preview.payslips} of ${preview.considered} staff (${preview.withIssues} with bad input)`,
                  },
                  { key: 'Gross pay', value: <Money pence={preview.totals.gross} /> },
                  { key: 'Net pay', value: <Money pence={preview.totals.netPay} /> },
                  {
                    key: 'Tax and NI',
                    value: (
                      <Money
                        pence={
                          preview.totals.incomeTax + preview.totals.employeeNi + preview.totals.employerNi
                        }
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
        <div id="actions">
          {canRun && run.status === 'draft' ? (
            <form
              method="post"
              action={`/payroll/runs/${run.id}/calculate`}
              class="ms-inline-form"
              novalidate
            >
              <Button secondary>{preview ? 'Calculate again' : 'Calculate (preview)'}</Button>
            </form>
          ) : null}
          {canRun && run.status === 'draft' && preview?.complete ? (
            <form method="post" action={`/payroll/runs/${run.id}/approve`} class="ms-inline-form" novalidate>
              <Button>Approve run</Button>
            </form>
          ) : null}
          {canRun && run.status === 'approved' ? (
            <form method="post" action={`/payroll/runs/${run.id}/commit`} class="ms-inline-form" novalidate>
              <Button>Commit run</Button>
            </form>
          ) : null}
        </div>
        {run.status === 'committed' ? (
          <p class="nhsuk-body">
            <a href={`/payroll/runs/${run.id}/bacs`}>Bacs file</a> ·{' '}
            <a href={`/payroll/runs/${run.id}/fps`}>RTI FPS</a> ·{' '}
            <a href={`/payroll/runs/${run.id}/third-parties`}>Payments to HMRC, NHS Pensions and others</a>
            {run.journalId ? (
              <>
                {' '}
                · <a href={`/ledger/journals/${run.journalId}`}>Journal</a>
              </>
            ) : null}
          </p>
        ) : null}
        <h2 class="nhsuk-heading-m">Bad input ({byEmployee.length} to resolve)</h2>
        <p class="nhsuk-body">
          Each must be fixed and the run calculated again, or left out with a reason, before the run can be
          approved.
        </p>
        <Table
          caption="Employees with bad input"
          rows={issues}
          columns={[
            {
              header: 'Employee',
              cell: (issue) => (
                <a
                  href={`/payroll/employees/${issue.employeeId}`}
                >{`${issue.name} (${issue.payrollNumber})`}</a>
              ),
            },
            { header: 'Field', cell: (issue) => issue.path },
            { header: 'Problem', cell: (issue) => issue.message },
            {
              header: 'Action',
              cell: (issue) =>
                issue.excluded ? (
                  <span>Left out: {issue.excluded.reason}</span>
                ) : canRun && run.status === 'draft' ? (
                  <form method="post" action={`/payroll/runs/${run.id}/exclusions`} novalidate>
                    <input type="hidden" name="employeeId" value={issue.employeeId} />
                    <InputField
                      name="reason"
                      id={`reason-${issue.employeeId}-${issue.path}`}
                      label={`Reason to leave out ${issue.name}`}
                    />
                    <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit">
                      Leave out <span class="nhsuk-u-visually-hidden">{issue.name}</span>
                    </button>
                  </form>
                ) : (
                  ''
                ),
            },
          ]}
          empty="No bad input."
        />
        <h2 class="nhsuk-heading-m">Variances ({variances.length})</h2>
        <Table
          caption="Payslips to look at before approval"
          rows={variances.slice(0, 200)}
          columns={[
            {
              header: 'Employee',
              cell: (row) => (
                <a
                  href={`/payroll/runs/${run.id}/payslips/${row.employeeId}`}
                >{`${row.name} (${row.payrollNumber})`}</a>
              ),
            },
            {
              header: 'Why',
              cell: (row) => (
                <>
                  {row.flags.map((flag) => (
                    <Tag colour={flag === 'negative-pay' || flag === 'zero-pay' ? 'red' : 'orange'}>
                      {VARIANCE_LABELS[flag as VarianceFlag] ?? flag}
                    </Tag>
                  ))}
                </>
              ),
            },
            { header: 'Net pay', cell: (row) => <Money pence={row.netPence} />, numeric: true },
            { header: 'Last time', cell: (row) => <Money pence={row.previousNetPence} />, numeric: true },
            {
              header: 'Change',
              cell: (row) => (row.changeBps === null ? '—' : `${(row.changeBps / 100).toFixed(1)}%`),
              numeric: true,
            },
          ]}
          empty="No variances."
        />
      </>,
    );
  });

  const runAction = (
    path: string,
    act: (
      tx: TenantTx | null,
      runId: string,
      c: Context<AppEnv>,
      form: Record<string, unknown>,
    ) => Promise<string>,
  ) => {
    web.post(`/payroll/runs/:runId/${path}`, async (c) => {
      const session = requireSession(c);
      if (session instanceof Response) return session;
      requireRole(session, 'run');
      const runId = c.req.param('runId');
      const form = await c.req.parseBody();
      try {
        const done = await act(null, runId, c, form);
        return c.redirect(`/payroll/runs/${runId}?done=${encodeURIComponent(done)}`);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return c.redirect(`/payroll/runs/${runId}?error=${encodeURIComponent(error.message)}`);
      }
    });
  };
  const ctxOf = (c: Context<AppEnv>) => {
    const session = requireSession(c) as WebSession;
    return tenantContextOf(c, session);
  };
  runAction('calculate', async (_tx, runId, c) => {
    const summary = await payroll.previewRun(ctxOf(c), runId, { recalculate: true });
    return `Calculated ${summary.payslips} payslips`;
  });
  runAction('approve', async (_tx, runId, c) => {
    await runner.withTenant(ctxOf(c), (tx) => payroll.approveRun(tx, runId));
    return 'Run approved';
  });
  runAction('commit', async (_tx, runId, c) => {
    await payroll.commitRun(ctxOf(c), runId);
    return 'Run committed';
  });
  runAction('exclusions', async (_tx, runId, c, form) => {
    await runner.withTenant(ctxOf(c), (tx) =>
      payroll.excludeEmployee(tx, runId, {
        employeeId: String(form.employeeId ?? ''),
        reason: String(form.reason ?? ''),
      }),
    );
    return 'Employee left out of this run';
  });

  web.get('/payroll/runs/:runId/payslips/:employeeId', async (c) => {
    const { runId, employeeId } = c.req.param();
    const page = officer(c, 'read', (tx) => payroll.payslip(tx, runId, employeeId));
    if ('redirect' in page) return page.redirect;
    const payslip = await page.result;
    return render(
      c,
      { title: `Payslip ${payslip.employee.name}`, section: 'payroll', session: page.session },
      <>
        <BackLink href={`/payroll/runs/${runId}`}>Pay run</BackLink>
        <PayslipPanel
          payslip={payslip}
          pdfHref={`/api/v1/payroll/runs/${runId}/payslips/${employeeId}/pdf`}
        />
      </>,
    );
  });

  for (const [path, fetch] of [
    [
      'bacs',
      async (tx: TenantTx, runId: string) => ({
        ...(await payroll.bacsFile(tx, runId)),
        type: 'text/plain; charset=us-ascii',
      }),
    ],
    [
      'fps',
      async (tx: TenantTx, runId: string) => {
        const fps = await payroll.fullPaymentSubmission(tx, runId);
        return { fileName: fps.fileName, text: fps.xml, type: 'application/xml' };
      },
    ],
  ] as const) {
    web.get(`/payroll/runs/:runId/${path}`, async (c) => {
      const page = officer(c, 'run', (tx) => fetch(tx, c.req.param('runId')));
      if ('redirect' in page) return page.redirect;
      const file = await page.result;
      return c.body(file.text, 200, {
        'content-type': file.type,
        'content-disposition': `attachment; filename="${file.fileName}"`,
      });
    });
  }

  web.get('/payroll/runs/:runId/third-parties', async (c) => {
    const runId = c.req.param('runId');
    const page = officer(c, 'read', (tx) => payroll.thirdPartyPayments(tx, runId));
    if ('redirect' in page) return page.redirect;
    const schedule = await page.result;
    return render(
      c,
      { title: 'Payments to third parties', section: 'payroll', session: page.session },
      <>
        <BackLink href={`/payroll/runs/${runId}`}>Pay run</BackLink>
        <h1 class="nhsuk-heading-l">Payments to third parties</h1>
        <p class="nhsuk-body">{schedule.run}</p>
        <Table
          caption="What the run owes, and when"
          rows={schedule.payments}
          columns={[
            { header: 'Pay to', cell: (payment) => payment.payee },
            { header: 'For', cell: (payment) => payment.what },
            { header: 'Due by', cell: (payment) => payment.dueDate },
            { header: 'Amount', cell: (payment) => <Money pence={payment.amountPence} />, numeric: true },
          ]}
        />
      </>,
    );
  });

  web.get('/payroll/employees', async (c) => {
    const search = c.req.query('search') ?? '';
    const page = officer(c, 'read', (tx) =>
      payroll.employees(tx, { search: search || undefined, limit: 100 }),
    );
    if ('redirect' in page) return page.redirect;
    const employees = await page.result;
    return render(
      c,
      { title: 'Pay records', section: 'payroll', session: page.session },
      <>
        <BackLink href="/payroll">Payroll</BackLink>
        <h1 class="nhsuk-heading-l">Pay records</h1>
        <form method="get" action="/payroll/employees" novalidate>
          <InputField
            name="search"
            label="Search by surname, payroll number or NI number"
            value={search}
            width={20}
          />
          <Button secondary>Search</Button>
        </form>
        <Table
          caption="Staff"
          rows={employees}
          columns={[
            {
              header: 'Name',
              cell: (row) => <a href={`/payroll/employees/${row.id}`}>{`${row.forenames} ${row.surname}`}</a>,
            },
            { header: 'Payroll number', cell: (row) => row.payrollNumber },
            {
              header: 'Contract',
              cell: (row) =>
                row.record?.band
                  ? `Band ${row.record.band} point ${row.record.payPoint}`
                  : row.record
                    ? `Spot ${pounds(row.record.spotSalaryPence ?? 0)}`
                    : '—',
            },
            { header: 'Cost centre', cell: (row) => row.record?.costCentreCode ?? '—' },
            {
              header: 'Status',
              cell: (row) =>
                row.leavingDate ? (
                  <Tag colour="grey">{`Left ${row.leavingDate}`}</Tag>
                ) : (
                  <Tag colour="green">In post</Tag>
                ),
            },
          ]}
          empty="Nobody matches."
        />
      </>,
    );
  });

  web.get('/payroll/employees/:employeeId', async (c) => {
    const employeeId = c.req.param('employeeId');
    const page = officer(c, 'read', (tx) => payroll.employee(tx, employeeId));
    if ('redirect' in page) return page.redirect;
    const employee = await page.result;
    const session = page.session;
    const record = employee.record;
    const canManage = hasAnyRole(session, payrollPermissions.rolesFor('manage'));
    const error = c.req.query('error');
    return render(
      c,
      {
        title: `${employee.forenames} ${employee.surname}`,
        section: 'payroll',
        session,
        status: error ? 422 : 200,
      },
      <>
        <BackLink href="/payroll/employees">Pay records</BackLink>
        {c.req.query('done') ? <Notice success title={String(c.req.query('done'))} /> : null}
        <ErrorSummary errors={error ? [{ href: '#change', message: error }] : []} />
        <span class="nhsuk-caption-l">{employee.payrollNumber}</span>
        <h1 class="nhsuk-heading-l">
          {employee.forenames} {employee.surname}
        </h1>
        <SummaryList
          rows={[
            { key: 'NI number', value: employee.niNumber ?? 'Not known' },
            { key: 'Born', value: employee.dateOfBirth },
            {
              key: 'Address',
              value: [...employee.addressLines, employee.postcode ?? ''].filter(Boolean).join(', '),
            },
            {
              key: 'Started',
              value: `${employee.startDate} (${employee.starterBasis === 'p45' ? 'P45' : `starter declaration ${employee.starterBasis}`})`,
            },
            ...(employee.leavingDate ? [{ key: 'Left', value: employee.leavingDate }] : []),
            {
              key: 'Contract',
              value: record
                ? record.band
                  ? `Band ${record.band}, point ${record.payPoint} since ${record.pointSince}`
                  : `Spot salary ${pounds(record.spotSalaryPence ?? 0)}`
                : '—',
            },
            { key: 'Hours', value: record ? `${record.contractedCentihours / 100} a week` : '—' },
            {
              key: 'Cost centre and account',
              value: record ? `${record.costCentreCode} / ${record.accountCode}` : '—',
            },
            {
              key: 'Tax code',
              value: record
                ? `${record.taxCode}${record.week1Month1 ? ' week 1/month 1' : ''} (${record.taxCodeSource})`
                : '—',
            },
            { key: 'NI letter', value: record?.niLetter ?? '—' },
            { key: 'NHS Pension', value: record?.pensionMember ? 'Member' : 'Not a member' },
            {
              key: 'Loans',
              value: record
                ? [
                    ...record.studentLoanPlans.map((plan) => `plan ${plan}`),
                    record.postgraduateLoan ? 'postgraduate' : '',
                  ]
                    .filter(Boolean)
                    .join(', ') || 'None'
                : '—',
            },
          ]}
        />
        <h2 class="nhsuk-heading-m">Bank details</h2>
        <Table
          caption="Bank details, oldest first"
          rows={employee.bankDetails}
          columns={[
            {
              header: 'Account',
              cell: (bank) => `${bank.sortCode} ${bank.accountNumber} ${bank.accountName}`,
            },
            { header: 'Entered', cell: (bank) => `${bank.enteredAt.slice(0, 10)} by ${bank.enteredBy}` },
            {
              header: 'Status',
              cell: (bank) =>
                bank.status === 'pending' ? (
                  <Tag colour="orange">Waiting for a second person</Tag>
                ) : bank.status === 'verified' ? (
                  <Tag colour="green">Verified</Tag>
                ) : (
                  <Tag colour="red">Rejected</Tag>
                ),
            },
          ]}
        />
        <h2 class="nhsuk-heading-m">Changes to the pay record</h2>
        <Table
          caption="Every change, with the date it takes effect"
          rows={employee.changes}
          columns={[
            { header: 'From', cell: (change) => change.effectiveFrom },
            { header: 'What', cell: (change) => Object.keys(change.fields).join(', ') },
            { header: 'Why', cell: (change) => change.reason },
            {
              header: 'Recorded',
              cell: (change) => `${change.recordedAt.slice(0, 10)} by ${change.recordedBy}`,
            },
          ]}
        />
        {canManage ? (
          <form method="post" action={`/payroll/employees/${employee.id}/changes`} id="change" novalidate>
            <h2 class="nhsuk-heading-m">Change the pay record</h2>
            <InputField
              name="effectiveFrom"
              label="Takes effect from"
              hint="A date in the past pays arrears in the next run"
              width={10}
            />
            <InputField name="taxCode" label="Tax code (leave blank to keep)" width={10} />
            <InputField name="niLetter" label="NI letter (leave blank to keep)" width={2} />
            <InputField
              name="hours"
              label="Weekly hours (leave blank to keep)"
              width={5}
              inputmode="decimal"
            />
            <InputField
              name="payPoint"
              label="Pay point (leave blank to keep)"
              width={2}
              inputmode="numeric"
            />
            <TextareaField name="reason" label="Why" rows={2} />
            <Button secondary>Record change</Button>
          </form>
        ) : null}
      </>,
    );
  });

  web.post('/payroll/employees/:employeeId/changes', async (c) => {
    const employeeId = c.req.param('employeeId');
    const form = Object.fromEntries(
      Object.entries(await c.req.parseBody()).map(([key, value]) => [key, String(value).trim()]),
    );
    const fields: Record<string, unknown> = {};
    if (form.taxCode) fields.taxCode = form.taxCode.toUpperCase();
    if (form.niLetter) fields.niLetter = form.niLetter.toUpperCase();
    if (form.hours) fields.contractedCentihours = Math.round(Number(form.hours) * 100);
    if (form.payPoint) fields.payPoint = Number(form.payPoint);
    const page = officer(c, 'manage', (tx) =>
      payroll.recordChange(tx, employeeId, {
        effectiveFrom: form.effectiveFrom ?? '',
        fields,
        reason: form.reason ?? '',
      }),
    );
    if ('redirect' in page) return page.redirect;
    try {
      const changed = await page.result;
      return c.redirect(
        `/payroll/employees/${employeeId}?done=${encodeURIComponent(changed.arrearsFrom ? `Change recorded: arrears from ${changed.arrearsFrom} are paid in the next run` : 'Change recorded')}`,
      );
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const issue = error.issues[0];
      return c.redirect(
        `/payroll/employees/${employeeId}?error=${encodeURIComponent(issue ? `${issue.path}: ${issue.message}` : error.message)}`,
      );
    }
  });

  web.get('/payroll/bank-details', async (c) => {
    const page = officer(c, 'read', async (tx) => {
      const pending = await payroll.pendingBankDetails(tx);
      const names = new Map(
        await Promise.all(
          pending.map(
            async (bank) => [bank.employeeId, await payroll.employee(tx, bank.employeeId)] as const,
          ),
        ).then((pairs) => pairs),
      );
      return { pending, names };
    });
    if ('redirect' in page) return page.redirect;
    const { pending, names } = await page.result;
    const session = page.session;
    const error = c.req.query('error');
    return render(
      c,
      { title: 'Bank details to verify', section: 'payroll', session, status: error ? 403 : 200 },
      <>
        <BackLink href="/payroll">Payroll</BackLink>
        {c.req.query('done') ? <Notice success title={String(c.req.query('done'))} /> : null}
        <ErrorSummary errors={error ? [{ href: '#pending', message: error }] : []} />
        <h1 class="nhsuk-heading-l">Bank details to verify</h1>
        <p class="nhsuk-body">
          New bank details are used only once someone other than the person who entered them has checked them
          with the employee.
        </p>
        <div id="pending">
          <Table
            caption="Waiting for a second person"
            rows={pending}
            columns={[
              {
                header: 'Employee',
                cell: (bank) =>
                  `${names.get(bank.employeeId)?.forenames ?? ''} ${names.get(bank.employeeId)?.surname ?? bank.employeeId}`,
              },
              {
                header: 'New account',
                cell: (bank) => `${bank.sortCode} ${bank.accountNumber} ${bank.accountName}`,
              },
              { header: 'Entered', cell: (bank) => `${bank.enteredAt.slice(0, 10)} by ${bank.enteredBy}` },
              {
                header: 'Decision',
                cell: (bank) => (
                  <form method="post" action={`/payroll/bank-details/${bank.id}`} novalidate>
                    <button
                      class="nhsuk-button nhsuk-button--small"
                      type="submit"
                      name="decision"
                      value="verify"
                    >
                      Verify <span class="nhsuk-u-visually-hidden">{bank.accountName}</span>
                    </button>{' '}
                    <button
                      class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                      type="submit"
                      name="decision"
                      value="reject"
                    >
                      Reject <span class="nhsuk-u-visually-hidden">{bank.accountName}</span>
                    </button>
                  </form>
                ),
              },
            ]}
            empty="Nothing is waiting."
          />
        </div>
      </>,
    );
  });

  web.post('/payroll/bank-details/:bankDetailsId', async (c) => {
    const decision = String((await c.req.parseBody()).decision ?? '');
    const page = officer(c, 'manage', (tx) =>
      payroll.decideBankDetails(tx, c.req.param('bankDetailsId'), { approve: decision === 'verify' }),
    );
    if ('redirect' in page) return page.redirect;
    try {
      const decided = await page.result;
      return c.redirect(`/payroll/bank-details?done=${encodeURIComponent(`Bank details ${decided.status}`)}`);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return c.redirect(`/payroll/bank-details?error=${encodeURIComponent(error.message)}`);
    }
  });

  web.get('/payroll/queries', async (c) => {
    const page = officer(c, 'read', async (tx) => ({
      open: await payroll.queries(tx, { status: 'open' }),
      repeated: await payroll.repeatedQueries(tx),
    }));
    if ('redirect' in page) return page.redirect;
    const { open, repeated } = await page.result;
    return render(
      c,
      { title: 'Payslip queries', section: 'payroll', session: page.session },
      <>
        <BackLink href="/payroll">Payroll</BackLink>
        {c.req.query('done') ? <Notice success title={String(c.req.query('done'))} /> : null}
        <h1 class="nhsuk-heading-l">Payslip queries</h1>
        <Table
          caption="Open queries, oldest first"
          rows={open}
          columns={[
            {
              header: 'Employee',
              cell: (query) => (
                <a href={`/payroll/queries/${query.id}`}>{`${query.name} (${query.payrollNumber})`}</a>
              ),
            },
            {
              header: 'About',
              cell: (query) =>
                String((query.calculation.line as { label?: string } | undefined)?.label ?? query.lineRef),
            },
            { header: 'Age', cell: (query) => `${query.age.workingHours} working hours` },
            { header: 'SLA', cell: (query) => SLA_TAGS[query.age.status] },
          ]}
          empty="No open queries."
        />
        <h2 class="nhsuk-heading-m">Questions that keep coming back</h2>
        <p class="nhsuk-body">
          The same kind of query many times means a rule or an input needs fixing at its source.
        </p>
        <Table
          caption="Queries in the last 90 days by line and rule"
          rows={repeated}
          columns={[
            { header: 'Line', cell: (row) => row.queryType },
            { header: 'Rule', cell: (row) => row.rule ?? '—' },
            { header: 'Queries', cell: (row) => String(row.total), numeric: true },
            { header: 'Open', cell: (row) => String(row.open), numeric: true },
            {
              header: 'Root causes',
              cell: (row) =>
                Object.entries(row.rootCauses)
                  .map(([cause, count]) => `${cause} ${count}`)
                  .join(', ') || '—',
            },
          ]}
          empty="No queries yet."
        />
      </>,
    );
  });

  web.get('/payroll/queries/:queryId', async (c) => {
    const page = officer(c, 'read', (tx) => payroll.queries(tx, { ids: [c.req.param('queryId')] }));
    if ('redirect' in page) return page.redirect;
    const [query] = await page.result;
    if (!query) throw forbidden('QUERY_NOT_FOUND', 'No such query here');
    const calculation = query.calculation as {
      period?: string;
      line?: { label?: string; amountPence?: number };
      explanation?: { text?: string } | null;
      taxCode?: string;
    };
    const error = c.req.query('error');
    return render(
      c,
      { title: 'Payslip query', section: 'payroll', session: page.session, status: error ? 422 : 200 },
      <>
        <BackLink href="/payroll/queries">Payslip queries</BackLink>
        <ErrorSummary errors={error ? [{ href: '#resolution', message: error }] : []} />
        <h1 class="nhsuk-heading-l">Query from {query.name}</h1>
        <SummaryList
          rows={[
            {
              key: 'Asked',
              value: `${query.raisedAt.slice(0, 16)} (${query.age.workingHours} working hours ago)`,
            },
            { key: 'SLA', value: SLA_TAGS[query.age.status] },
            { key: 'Question', value: query.message },
            {
              key: 'Payslip',
              value: (
                <a href={`/payroll/runs/${query.runId}/payslips/${query.employeeId}`}>
                  {calculation.period ?? query.runId}
                </a>
              ),
            },
            {
              key: 'Line',
              value: `${calculation.line?.label ?? query.lineRef}: ${pounds(calculation.line?.amountPence ?? 0)}`,
            },
            { key: 'How it was worked out', value: calculation.explanation?.text ?? '—' },
            { key: 'Tax code then', value: calculation.taxCode ?? '—' },
          ]}
        />
        {query.status === 'open' ? (
          <form method="post" action={`/payroll/queries/${query.id}`} id="resolve" novalidate>
            <TextareaField name="resolution" label="Answer to the employee" rows={3} />
            <SelectField
              name="rootCause"
              label="Root cause"
              options={QUERY_ROOT_CAUSES.map((cause) => ({
                value: cause,
                label: {
                  explained: 'Correct: explained',
                  'input-error': 'Input error',
                  'rule-error': 'Rule error',
                  'late-change': 'Late change',
                }[cause],
              }))}
            />
            <Button>Resolve query</Button>
          </form>
        ) : (
          <p class="nhsuk-body">
            Resolved {query.resolvedAt?.slice(0, 10)} ({query.rootCause}): {query.resolution}
          </p>
        )}
      </>,
    );
  });

  web.post('/payroll/queries/:queryId', async (c) => {
    const queryId = c.req.param('queryId');
    const form = await c.req.parseBody();
    const page = officer(c, 'manage', (tx) =>
      payroll.resolveQuery(tx, queryId, {
        resolution: String(form.resolution ?? ''),
        rootCause: String(form.rootCause ?? ''),
      }),
    );
    if ('redirect' in page) return page.redirect;
    try {
      await page.result;
      return c.redirect(`/payroll/queries?done=${encodeURIComponent('Query resolved')}`);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return c.redirect(`/payroll/queries/${queryId}?error=${encodeURIComponent(error.message)}`);
    }
  });

  const claimsPage = (
    c: Context<AppEnv>,
    session: WebSession,
    result?: Awaited<ReturnType<typeof payroll.importClaimsCsv>>,
  ) =>
    render(
      c,
      { title: 'Import claims', section: 'payroll', session },
      <>
        <BackLink href="/payroll">Payroll</BackLink>
        {result ? (
          <Notice
            success={result.rejections.length === 0}
            title={`${result.imported} claim(s) imported, ${result.rejections.length} row(s) rejected`}
          />
        ) : null}
        <h1 class="nhsuk-heading-l">Import claims</h1>
        <p class="nhsuk-body">
          A CSV with columns payroll_number, worked_on, kind, hours, sunday_hours, public_holiday, sessions,
          amount, element, description. Rows that cannot be read are kept with their reasons; the rest are
          imported.
        </p>
        <form method="post" action="/payroll/claims" enctype="multipart/form-data" novalidate>
          <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="file">
              Timesheet CSV
            </label>
            <input class="nhsuk-file-upload" id="file" name="file" type="file" accept=".csv" />
          </div>
          <Button secondary>Import</Button>
        </form>
        {result ? (
          <Table
            caption="Rejected rows"
            rows={result.rejections}
            columns={[
              { header: 'Row', cell: (row) => String(row.row), numeric: true },
              {
                header: 'Problems',
                cell: (row) => row.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
              },
            ]}
            empty="Every row was imported."
          />
        ) : null}
      </>,
    );

  web.get('/payroll/claims', (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'manage');
    return claimsPage(c, session);
  });

  web.post('/payroll/claims', async (c) => {
    const file = (await c.req.parseBody()).file;
    const page = officer(c, 'manage', async (tx) =>
      file instanceof File && file.size > 0
        ? payroll.importClaimsCsv(tx, { fileName: file.name, text: await file.text() })
        : undefined,
    );
    if ('redirect' in page) return page.redirect;
    return claimsPage(c, page.session, await page.result);
  });
}
