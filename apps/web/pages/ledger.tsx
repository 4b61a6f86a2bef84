import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { forbidden, isDomainError } from '../../../kernel/errors';
import type { AppEnv } from '../../../kernel/http';
import { type Pence, parsePounds } from '../../../kernel/money';
import { accountingPeriodOf, type LocalDate, londonDate } from '../../../kernel/time';
import type { JournalLineInput, PostedJournal } from '../../../modules/ledger';
import { ledgerPermissions } from '../../../modules/ledger/permissions';
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

const LINE_ROWS = 4;

function requireLedgerRole(session: WebSession, permission: 'read' | 'post' | 'manage'): void {
  if (!hasAnyRole(session, ledgerPermissions.rolesFor(permission))) {
    throw forbidden(
      'ROLE_REQUIRED',
      `The ledger needs one of these roles in ${session.organisationName}: ${ledgerPermissions.rolesFor(permission).join(', ')}`,
    );
  }
}

/** Ledger pages for finance: trial balance, journals, periods, management accounts, legacy mappings. */
export function ledgerPages(web: OpenAPIHono<AppEnv>, platform: Platform) {
  const { runner, ledger } = platform;

  async function currentPeriod(c: Context<AppEnv>, session: WebSession): Promise<string> {
    const requested = c.req.query('period');
    if (requested) return requested;
    const periods = await runner.withTenant(tenantContextOf(c, session), (tx) => ledger.periods(tx));
    const today = accountingPeriodOf(londonDate(platform.clock.now())).key;
    return (
      periods.find((period) => period.periodKey === today)?.periodKey ?? periods.at(-1)?.periodKey ?? today
    );
  }

  const periodPicker = (action: string, periods: string[], selected: string) => (
    <form method="get" action={action} class="nhsuk-u-margin-bottom-4" novalidate>
      <SelectField
        name="period"
        label="Accounting period"
        value={selected}
        options={periods.map((key) => ({ value: key, label: key }))}
      />
      <Button secondary>Show</Button>
    </form>
  );

  web.get('/ledger', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireLedgerRole(session, 'read');
    const period = await currentPeriod(c, session);
    const ctx = tenantContextOf(c, session);
    const { tb, periods } = await runner.withTenant(ctx, async (tx) => ({
      tb: await ledger.trialBalance(tx, period),
      periods: (await ledger.periods(tx)).map((p) => p.periodKey),
    }));
    return render(
      c,
      { title: 'Trial balance', section: 'ledger', session },
      <>
        <span class="nhsuk-caption-l">{session.organisationName}</span>
        <h1 class="nhsuk-heading-l">Trial balance</h1>
        <p class="nhsuk-body">
          <a href="/ledger/journals">Journals</a> · <a href="/ledger/journals/new">Post a journal</a> ·{' '}
          <a href="/ledger/periods">Periods</a> ·{' '}
          <a href={`/ledger/management-accounts?period=${encodeURIComponent(period)}`}>Management accounts</a>{' '}
          · <a href="/ledger/mappings">Account mappings</a>
        </p>
        {periodPicker('/ledger', periods, period)}
        <p class="nhsuk-body">
          {tb.from} to {tb.to}:{' '}
          {tb.balanced ? <Tag colour="green">Balanced</Tag> : <Tag colour="red">Does not balance</Tag>}
        </p>
        <Table
          caption={`Trial balance ${period}`}
          rows={tb.lines}
          columns={[
            { header: 'Account', cell: (line) => `${line.accountCode} ${line.accountName}` },
            { header: 'Opening', cell: (line) => <Money pence={line.openingPence} />, numeric: true },
            { header: 'Debits', cell: (line) => <Money pence={line.debitsPence} />, numeric: true },
            { header: 'Credits', cell: (line) => <Money pence={line.creditsPence} />, numeric: true },
            { header: 'Closing', cell: (line) => <Money pence={line.closingPence} />, numeric: true },
          ]}
          empty="Nothing has been posted in this period."
        />
        <SummaryList
          rows={[
            { key: 'Debits in the period', value: <Money pence={tb.totals.debitsPence} /> },
            { key: 'Credits in the period', value: <Money pence={tb.totals.creditsPence} /> },
            { key: 'Closing debit balances', value: <Money pence={tb.totals.closingDebitPence} /> },
            { key: 'Closing credit balances', value: <Money pence={tb.totals.closingCreditPence} /> },
          ]}
        />
      </>,
    );
  });

  web.get('/ledger/journals', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireLedgerRole(session, 'read');
    const before = c.req.query('before');
    const journals = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      ledger.journals(tx, {
        periodKey: c.req.query('period') || undefined,
        beforeNumber: before && /^\d+$/.test(before) ? BigInt(before) : undefined,
        limit: 50,
      }),
    );
    const last = journals.at(-1);
    return render(
      c,
      { title: 'Journals', section: 'ledger', session },
      <>
        <BackLink href="/ledger">Trial balance</BackLink>
        <h1 class="nhsuk-heading-l">Journals</h1>
        <Table
          caption="Journals, newest first"
          rows={journals}
          columns={[
            {
              header: 'Number',
              cell: (j) => <a href={`/ledger/journals/${j.id}`}>{String(j.journalNumber)}</a>,
            },
            { header: 'Date', cell: (j) => j.accountingDate },
            { header: 'Source', cell: (j) => `${j.sourceModule} · ${j.reasonCode}` },
            { header: 'Description', cell: (j) => j.description },
            { header: 'Total', cell: (j) => <Money pence={j.totalPence} />, numeric: true },
          ]}
        />
        {journals.length === 50 && last ? (
          <p class="nhsuk-body">
            <a href={`/ledger/journals?before=${last.journalNumber}`}>Older journals</a>
          </p>
        ) : null}
      </>,
    );
  });

  const journalPage = (
    c: Context<AppEnv>,
    session: WebSession,
    journal: PostedJournal,
    error?: string,
    done?: string,
  ) =>
    render(
      c,
      { title: `Journal ${journal.journalNumber}`, section: 'ledger', session, status: error ? 422 : 200 },
      <>
        <BackLink href="/ledger/journals">Journals</BackLink>
        {done ? <Notice success title={done} /> : null}
        {error ? <ErrorSummary errors={[{ href: '#reason', message: error }]} /> : null}
        <h1 class="nhsuk-heading-l">Journal {String(journal.journalNumber)}</h1>
        <SummaryList
          rows={[
            { key: 'Date', value: `${journal.accountingDate} (${journal.periodKey})` },
            { key: 'Description', value: journal.description },
            { key: 'Source', value: `${journal.sourceModule} / ${journal.sourceId}` },
            { key: 'Reason code', value: journal.reasonCode },
            { key: 'Posted', value: `${journal.postedAt} by ${journal.postedBy}` },
            { key: 'Total', value: <Money pence={journal.totalPence} /> },
            ...(journal.reversesJournalId
              ? [
                  {
                    key: 'Reverses',
                    value: <a href={`/ledger/journals/${journal.reversesJournalId}`}>the original journal</a>,
                  },
                ]
              : []),
            ...(journal.reversedByJournalId
              ? [
                  {
                    key: 'Reversed by',
                    value: (
                      <a href={`/ledger/journals/${journal.reversedByJournalId}`}>a reversing journal</a>
                    ),
                  },
                ]
              : []),
          ]}
        />
        <Table
          caption="Lines"
          rows={journal.lines}
          columns={[
            { header: 'Line', cell: (line) => String(line.lineNo) },
            { header: 'Account', cell: (line) => line.accountCode },
            { header: 'Cost centre', cell: (line) => line.costCentreCode ?? '—' },
            {
              header: 'Debit',
              cell: (line) => (line.side === 'debit' ? <Money pence={line.amountPence} /> : ''),
              numeric: true,
            },
            {
              header: 'Credit',
              cell: (line) => (line.side === 'credit' ? <Money pence={line.amountPence} /> : ''),
              numeric: true,
            },
          ]}
        />
        {!journal.reversedByJournalId && hasAnyRole(session, ledgerPermissions.rolesFor('post')) ? (
          <form method="post" action={`/ledger/journals/${journal.id}/reversal`} novalidate>
            <h2 class="nhsuk-heading-m">Reverse this journal</h2>
            <InputField name="reason" label="Why is it being reversed?" error={error} />
            <Button secondary>Reverse journal</Button>
          </form>
        ) : null}
      </>,
    );

  web.get('/ledger/journals/new', (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireLedgerRole(session, 'post');
    return journalForm(c, session, {}, []);
  });

  web.get('/ledger/journals/:id', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireLedgerRole(session, 'read');
    const journal = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      ledger.journal(tx, c.req.param('id')),
    );
    return journalPage(
      c,
      session,
      journal,
      undefined,
      c.req.query('done') ? 'The journal was posted' : undefined,
    );
  });

  web.post('/ledger/journals/:id/reversal', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireLedgerRole(session, 'post');
    const reason = String((await c.req.parseBody()).reason ?? '').trim();
    const ctx = tenantContextOf(c, session);
    if (!reason) {
      const journal = await runner.withTenant(ctx, (tx) => ledger.journal(tx, c.req.param('id')));
      return journalPage(c, session, journal, 'Say why the journal is being reversed');
    }
    const reversal = await runner.withTenant(ctx, (tx) =>
      ledger.reverseJournal(tx, c.req.param('id'), { reason }),
    );
    return c.redirect(`/ledger/journals/${reversal.id}?done=1`);
  });

  function journalForm(
    c: Context<AppEnv>,
    session: WebSession,
    values: Record<string, string>,
    errors: { field: string; message: string }[],
  ) {
    const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
    return render(
      c,
      { title: 'Post a journal', section: 'ledger', session, status: errors.length ? 422 : 200 },
      <>
        <BackLink href="/ledger">Trial balance</BackLink>
        <ErrorSummary errors={errors.map((error) => ({ href: `#${error.field}`, message: error.message }))} />
        <h1 class="nhsuk-heading-l">Post a journal</h1>
        <p class="nhsuk-body">
          Debits must equal credits. Income and expenditure lines need a cost centre. Leave unused lines
          blank.
        </p>
        <form method="post" action="/ledger/journals/new" novalidate>
          <InputField
            name="accountingDate"
            label="Date"
            hint="For example 2026-11-30"
            value={values.accountingDate ?? londonDate(platform.clock.now())}
            error={errorOf('accountingDate')}
            width={10}
          />
          <TextareaField
            name="description"
            label="Description"
            rows={2}
            value={values.description}
            error={errorOf('description')}
          />
          {Array.from({ length: LINE_ROWS }, (_, index) => (
            <fieldset class="nhsuk-fieldset nhsuk-u-margin-bottom-4">
              <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Line {index + 1}</legend>
              <InputField
                name={`line${index}.account`}
                label="Account code"
                width={10}
                value={values[`line${index}.account`]}
                error={errorOf(`line${index}.account`)}
                inputmode="numeric"
              />
              <InputField
                name={`line${index}.costCentre`}
                label="Cost centre"
                width={10}
                value={values[`line${index}.costCentre`]}
                error={errorOf(`line${index}.costCentre`)}
              />
              <SelectField
                name={`line${index}.side`}
                label="Debit or credit"
                value={values[`line${index}.side`]}
                options={[
                  { value: 'debit', label: 'Debit' },
                  { value: 'credit', label: 'Credit' },
                ]}
              />
              <InputField
                name={`line${index}.amount`}
                label="Amount in pounds"
                width={10}
                value={values[`line${index}.amount`]}
                error={errorOf(`line${index}.amount`)}
                inputmode="decimal"
              />
            </fieldset>
          ))}
          <Button>Post journal</Button>
        </form>
      </>,
    );
  }

  web.post('/ledger/journals/new', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireLedgerRole(session, 'post');
    const form = Object.fromEntries(
      Object.entries(await c.req.parseBody()).map(([key, value]) => [key, String(value)]),
    );
    const errors: { field: string; message: string }[] = [];
    const lines: (JournalLineInput & { row: number })[] = [];
    for (let index = 0; index < LINE_ROWS; index += 1) {
      const account = form[`line${index}.account`]?.trim() ?? '';
      const amount = form[`line${index}.amount`]?.trim() ?? '';
      if (!account && !amount) continue;
      const parsed = parsePounds(amount);
      if (!parsed.ok) {
        errors.push({ field: `line${index}.amount`, message: `Line ${index + 1}: ${parsed.reason}` });
        continue;
      }
      lines.push({
        row: index,
        accountCode: account,
        costCentreCode: form[`line${index}.costCentre`]?.trim() || null,
        side: form[`line${index}.side`] === 'credit' ? 'credit' : 'debit',
        amountPence: parsed.pence as Pence,
      });
    }
    if (errors.length === 0) {
      try {
        const journal = await runner.withTenant(tenantContextOf(c, session), (tx) =>
          ledger.postJournal(tx, {
            accountingDate: (form.accountingDate ?? '') as LocalDate,
            sourceModule: 'ledger',
            sourceId: `web-${c.get('requestId')}`,
            reasonCode: 'MANUAL',
            description: form.description ?? '',
            lines: lines.map(({ row: _row, ...line }) => line),
          }),
        );
        return c.redirect(`/ledger/journals/${journal.id}?done=1`);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        const issues = error.issues.length
          ? error.issues
          : [{ path: 'description', rule: error.code, message: error.message }];
        for (const issue of issues) {
          const line = /lines\[(\d+)\]\.(\w+)/.exec(issue.path);
          const field = line
            ? `line${lines[Number(line[1])]?.row ?? 0}.${line[2] === 'accountCode' ? 'account' : line[2] === 'costCentreCode' ? 'costCentre' : 'amount'}`
            : issue.path === 'lines'
              ? 'line0.amount'
              : issue.path;
          errors.push({ field, message: issue.message });
        }
      }
    }
    return journalForm(c, session, form, errors);
  });

  web.get('/ledger/periods', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireLedgerRole(session, 'read');
    const periods = await runner.withTenant(tenantContextOf(c, session), (tx) => ledger.periods(tx));
    const canManage = hasAnyRole(session, ledgerPermissions.rolesFor('manage'));
    return render(
      c,
      { title: 'Accounting periods', section: 'ledger', session },
      <>
        <BackLink href="/ledger">Trial balance</BackLink>
        <h1 class="nhsuk-heading-l">Accounting periods</h1>
        <p class="nhsuk-body">
          Nothing can be posted into a closed period: late corrections post into an open period, referencing
          the original.
        </p>
        <Table
          caption="Periods"
          rows={periods}
          columns={[
            { header: 'Period', cell: (p) => p.periodKey },
            { header: 'Dates', cell: (p) => `${p.startDate} to ${p.endDate}` },
            {
              header: 'Status',
              cell: (p) =>
                p.status === 'open' ? <Tag colour="green">Open</Tag> : <Tag colour="grey">Closed</Tag>,
            },
            {
              header: 'Action',
              cell: (p) =>
                canManage ? (
                  <form method="post" action="/ledger/periods" class="ms-inline-form" novalidate>
                    <input type="hidden" name="period" value={p.periodKey} />
                    <input type="hidden" name="status" value={p.status === 'open' ? 'closed' : 'open'} />
                    <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit">
                      {p.status === 'open' ? 'Close' : 'Reopen'}{' '}
                      <span class="nhsuk-u-visually-hidden">{p.periodKey}</span>
                    </button>
                  </form>
                ) : (
                  ''
                ),
            },
          ]}
        />
      </>,
    );
  });

  web.post('/ledger/periods', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireLedgerRole(session, 'manage');
    const form = await c.req.parseBody();
    const status = form.status === 'open' ? 'open' : 'closed';
    await runner.withTenant(tenantContextOf(c, session), (tx) =>
      ledger.setPeriodStatus(
        tx,
        String(form.period),
        status,
        status === 'closed' ? 'Closed from the periods page' : 'Reopened from the periods page',
      ),
    );
    return c.redirect('/ledger/periods');
  });

  web.get('/ledger/management-accounts', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireLedgerRole(session, 'read');
    const period = await currentPeriod(c, session);
    const report = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      ledger.costCentreReport(tx, period),
    );
    return render(
      c,
      { title: 'Management accounts', section: 'ledger', session },
      <>
        <BackLink href="/ledger">Trial balance</BackLink>
        <h1 class="nhsuk-heading-l">Management accounts {period}</h1>
        <Table
          caption="Income and expenditure by cost centre"
          rows={report.centres}
          columns={[
            { header: 'Cost centre', cell: (centre) => `${centre.code} ${centre.name}` },
            { header: 'Division', cell: (centre) => centre.division },
            {
              header: 'Income (month)',
              cell: (centre) => <Money pence={centre.incomePence} />,
              numeric: true,
            },
            {
              header: 'Expenditure (month)',
              cell: (centre) => <Money pence={centre.expenditurePence} />,
              numeric: true,
            },
            {
              header: 'Expenditure (year to date)',
              cell: (centre) => <Money pence={centre.yearToDateExpenditurePence} />,
              numeric: true,
            },
            {
              header: 'Annual budget',
              cell: (centre) => <Money pence={centre.annualBudgetPence} />,
              numeric: true,
            },
            {
              header: 'Under (over) budget to date',
              cell: (centre) => <Money pence={centre.varianceToDatePence} />,
              numeric: true,
            },
          ]}
        />
      </>,
    );
  });

  web.get('/ledger/mappings', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireLedgerRole(session, 'read');
    const { mappings, chart } = await runner.withTenant(tenantContextOf(c, session), async (tx) => ({
      mappings: await ledger.legacyMappings(tx),
      chart: await ledger.chart(tx),
    }));
    const unmapped = mappings.filter((mapping) => !mapping.accountCode);
    const canManage = hasAnyRole(session, ledgerPermissions.rolesFor('manage'));
    const options = [
      { value: '', label: 'Choose an account' },
      ...chart.map((account) => ({ value: account.code, label: `${account.code} ${account.name}` })),
    ];
    return render(
      c,
      { title: 'Account mappings', section: 'ledger', session },
      <>
        <BackLink href="/ledger">Trial balance</BackLink>
        <h1 class="nhsuk-heading-l">Legacy chart of accounts</h1>
        <p class="nhsuk-body">
          {mappings.length} legacy accounts; {unmapped.length} not yet mapped to the common chart.
        </p>
        {canManage ? (
          <form method="post" action="/ledger/mappings/import" enctype="multipart/form-data" novalidate>
            <div class="nhsuk-form-group">
              <label class="nhsuk-label" for="chart">
                Import a legacy chart (CSV with code, name and optionally "maps to")
              </label>
              <input class="nhsuk-file-upload" id="chart" name="chart" type="file" accept=".csv,.json" />
            </div>
            <Button secondary>Import chart</Button>
          </form>
        ) : null}
        <Table
          caption="Legacy accounts, unmapped first"
          rows={[...unmapped, ...mappings.filter((mapping) => mapping.accountCode)]}
          columns={[
            { header: 'Legacy code', cell: (m) => m.legacyCode },
            { header: 'Legacy name', cell: (m) => m.legacyName },
            {
              header: 'Common account',
              cell: (m) =>
                canManage && !m.accountCode ? (
                  <form
                    method="post"
                    action={`/ledger/mappings/${encodeURIComponent(m.legacyCode)}`}
                    novalidate
                  >
                    <SelectField
                      name="accountCode"
                      id={`map-${m.legacyCode}`}
                      label={`Map ${m.legacyCode} to`}
                      options={options}
                    />
                    <button class="nhsuk-button nhsuk-button--small" type="submit">
                      Map <span class="nhsuk-u-visually-hidden">{m.legacyCode}</span>
                    </button>
                  </form>
                ) : m.accountCode ? (
                  m.accountCode
                ) : (
                  <Tag colour="orange">Unmapped</Tag>
                ),
            },
          ]}
        />
      </>,
    );
  });

  web.post('/ledger/mappings/import', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireLedgerRole(session, 'manage');
    const file = (await c.req.parseBody()).chart;
    if (!(file instanceof File) || file.size === 0) return c.redirect('/ledger/mappings');
    await runner.withTenant(tenantContextOf(c, session), async (tx) =>
      ledger.importLegacyChart(tx, { fileName: file.name, text: await file.text() }),
    );
    return c.redirect('/ledger/mappings');
  });

  web.post('/ledger/mappings/:code', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireLedgerRole(session, 'manage');
    const accountCode = String((await c.req.parseBody()).accountCode ?? '');
    if (accountCode)
      await runner.withTenant(tenantContextOf(c, session), (tx) =>
        ledger.mapLegacyAccount(tx, c.req.param('code'), accountCode),
      );
    return c.redirect('/ledger/mappings');
  });
}
