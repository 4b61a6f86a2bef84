import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { forbidden, isDomainError, type ValidationIssue } from '../../../kernel/errors';
import type { AppEnv } from '../../../kernel/http';
import { parsePounds } from '../../../kernel/money';
import { addDays, londonDate } from '../../../kernel/time';
import {
  type IngestOutcome,
  type ManualInvoiceInput,
  payablesPermissions,
  type QueueItem,
  REASON_GUIDE,
  type ResolutionAction,
} from '../../../modules/payables';
import type { Platform } from '../../platform/platform';
import {
  BackLink,
  Button,
  Card,
  ErrorSummary,
  InputField,
  Money,
  Notice,
  SelectField,
  SummaryList,
  Table,
  Tag,
} from '../components';
import { render, requireSession } from '../render';
import { hasAnyRole, tenantContextOf, type WebSession } from '../session';

type Permission = Parameters<typeof payablesPermissions.rolesFor>[0];

function requireRole(session: WebSession, permission: Permission): void {
  if (!hasAnyRole(session, payablesPermissions.rolesFor(permission))) {
    throw forbidden(
      'ROLE_REQUIRED',
      `This needs one of these roles in ${session.organisationName}: ${payablesPermissions.rolesFor(permission).join(', ')}`,
    );
  }
}

export const ACTION_LABELS: Record<ResolutionAction, string> = {
  'accept-variance': 'Accept variance',
  'wait-for-receipt': 'Wait for receipt',
  'reject-to-supplier': 'Reject to supplier',
  'code-invoice': 'Code the invoice',
  'mark-not-duplicate': 'Not a duplicate',
  'accept-with-reason': 'Accept with reason',
};

const NEEDS_NOTE: readonly ResolutionAction[] = ['mark-not-duplicate', 'accept-with-reason'];

const STATUS_TAG: Record<
  string,
  { label: string; colour: 'green' | 'red' | 'orange' | 'blue' | 'grey' | 'yellow' }
> = {
  exception: { label: 'Exception', colour: 'orange' },
  'awaiting-approval': { label: 'Awaiting approval', colour: 'yellow' },
  approved: { label: 'Approved', colour: 'green' },
  'in-payment-run': { label: 'In a payment run', colour: 'blue' },
  paid: { label: 'Paid', colour: 'grey' },
  rejected: { label: 'Rejected', colour: 'red' },
};

const StatusTag = ({ status }: { status: string }) => {
  const tag = STATUS_TAG[status] ?? { label: status, colour: 'grey' as const };
  return <Tag colour={tag.colour}>{tag.label}</Tag>;
};

const withoutRuleId = (message: string) => message.replace(/^\[[^\]]+\]-\s*/, '');
const percentOf = (basisPoints: number | null) =>
  basisPoints === null ? '—' : `${(basisPoints / 100).toFixed(1)}%`;

/** One exception's one-click resolutions, as a small form (a reason box where the action needs one). */
const ResolveForm = ({ item, back }: { item: QueueItem; back: string }) => {
  const direct = item.actions.filter((action) => action !== 'code-invoice');
  const needsNote = direct.some((action) => NEEDS_NOTE.includes(action as ResolutionAction));
  return (
    <form method="post" action={`/payables/exceptions/${item.id}`} novalidate>
      <input type="hidden" name="back" value={back} />
      {needsNote || direct.includes('reject-to-supplier') ? (
        <div class="nhsuk-form-group">
          <label class="nhsuk-label nhsuk-label--s" for={`note-${item.id}`}>
            Reason or message{' '}
            <span class="nhsuk-u-visually-hidden">
              for {item.invoice.invoiceNumber} from {item.invoice.supplierName}
            </span>
          </label>
          <input class="nhsuk-input" id={`note-${item.id}`} name="note" type="text" />
        </div>
      ) : null}
      {direct.map((action) => (
        <button
          class={`nhsuk-button nhsuk-button--small${action === item.suggestedAction ? '' : ' nhsuk-button--secondary'}`}
          data-module="nhsuk-button"
          type="submit"
          name="action"
          value={action}
        >
          {ACTION_LABELS[action as ResolutionAction]}
          <span class="nhsuk-u-visually-hidden">
            {' '}
            for {item.invoice.invoiceNumber} ({item.label})
          </span>
        </button>
      ))}
      {item.actions.includes('code-invoice') ? (
        <p class="nhsuk-body-s">
          <a href={`/payables/invoices/${item.invoiceId}#coding`}>
            Code {item.invoice.invoiceNumber} to a cost centre and account
          </a>
        </p>
      ) : null}
    </form>
  );
};

/** Supplier invoices for the accounts payable clerk: the exception queue, upload, quarantine, capture, approval. */
export function payablesPages(web: OpenAPIHono<AppEnv>, platform: Platform) {
  const { runner, payables, ledger } = platform;

  web.get('/payables', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'read');
    const today = londonDate(platform.clock.now());
    const data = await runner.withTenant(tenantContextOf(c, session), async (tx) => ({
      exceptions: await payables.exceptionQueue(tx, { limit: 1000 }),
      waiting: await payables.exceptionQueue(tx, { statuses: ['waiting'], limit: 1000 }),
      awaiting: await payables.awaitingApproval(tx, 100),
      quarantine: await payables.quarantined(tx, { limit: 500 }),
      measures: await payables.measures(tx, { from: addDays(today, -365), to: today }),
    }));
    const canApprove = hasAnyRole(session, payablesPermissions.rolesFor('approve'));
    const m = data.measures;
    return render(
      c,
      { title: 'Supplier invoices', section: 'payables', session },
      <>
        {c.req.query('done') ? <Notice success title={c.req.query('done') ?? ''} /> : null}
        <span class="nhsuk-caption-l">{session.organisationName}</span>
        <h1 class="nhsuk-heading-l">Supplier invoices</h1>
        <div class="ms-cards">
          <Card href="/payables/exceptions" title={`Exceptions: ${data.exceptions.length}`}>
            Invoices waiting for a person, each with its reason and a suggested resolution.{' '}
            {data.waiting.length} more are waiting for goods to be received.
          </Card>
          <Card href="/payables/quarantine" title={`Quarantine: ${data.quarantine.length}`}>
            Documents that could not become invoices, kept with the rules they break and a message for the
            supplier.
          </Card>
          <Card href="/payables/upload" title="Upload invoices">
            PEPPOL BIS Billing 3.0 UBL invoices and credit notes, validated against every EN 16931 and PEPPOL
            rule.
          </Card>
          <Card href="/payables/capture" title="Capture a paper invoice">
            Key in an invoice that arrived on paper; it is matched and checked like an electronic one.
          </Card>
        </div>
        <h2 class="nhsuk-heading-m">The last twelve months</h2>
        <SummaryList
          rows={[
            { key: 'Invoices received', value: String(m.invoices.received) },
            { key: 'Touchless (no person involved)', value: percentOf(m.touchlessInvoiceRateBasisPoints) },
            { key: 'Matched first time', value: percentOf(m.firstPassMatchRateBasisPoints) },
            {
              key: 'Paid within 30 days (Better Payment Practice Code)',
              value: `${percentOf(m.bppc.countBasisPoints)} of ${m.bppc.paidCount} (target ${percentOf(m.bppc.targetBasisPoints)})`,
            },
            { key: 'Duplicates stopped', value: String(m.duplicatesStopped.total) },
            {
              key: 'Median time from receipt to approval',
              value:
                m.invoices.medianReceiptToApprovalHours === null
                  ? '—'
                  : `${m.invoices.medianReceiptToApprovalHours} hours`,
            },
          ]}
        />
        <h2 class="nhsuk-heading-m" id="approvals">
          Awaiting approval
        </h2>
        <Table
          caption="Non-PO invoices coded and waiting for a budget holder"
          rows={data.awaiting}
          empty="No invoice is waiting for approval."
          columns={[
            { header: 'Invoice', cell: (i) => <a href={`/payables/invoices/${i.id}`}>{i.invoiceNumber}</a> },
            { header: 'Supplier', cell: (i) => i.supplierName },
            { header: 'Before VAT', cell: (i) => <Money pence={i.netPence} />, numeric: true },
            { header: 'Needs', cell: (i) => i.requiredApproverRole ?? '—' },
            {
              header: 'Action',
              cell: (i) =>
                canApprove ? (
                  <form
                    method="post"
                    action={`/payables/invoices/${i.id}/approve`}
                    class="ms-inline-form"
                    novalidate
                  >
                    <button class="nhsuk-button nhsuk-button--small" data-module="nhsuk-button" type="submit">
                      Approve <span class="nhsuk-u-visually-hidden">{i.invoiceNumber}</span>
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

  const queuePage = async (
    c: Context<AppEnv>,
    session: WebSession,
    error?: { id: string; message: string },
  ) => {
    const status = c.req.query('status') === 'waiting' ? 'waiting' : 'open';
    const items = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      payables.exceptionQueue(tx, { statuses: [status], limit: 200 }),
    );
    const canResolve = hasAnyRole(session, payablesPermissions.rolesFor('resolve'));
    return render(
      c,
      { title: 'Invoice exceptions', section: 'payables', session, status: error ? 422 : 200 },
      <>
        <BackLink href="/payables">Supplier invoices</BackLink>
        {error ? <ErrorSummary errors={[{ href: `#note-${error.id}`, message: error.message }]} /> : null}
        {c.req.query('done') ? <Notice success title={c.req.query('done') ?? ''} /> : null}
        <h1 class="nhsuk-heading-l">{status === 'open' ? 'Invoice exceptions' : 'Waiting for goods'}</h1>
        <p class="nhsuk-body">
          {status === 'open' ? (
            <>
              Oldest first. The suggested resolution is the first button.{' '}
              <a href="/payables/exceptions?status=waiting">Invoices waiting for goods</a>
            </>
          ) : (
            <>
              Mainstay checks these again when receipts are recorded.{' '}
              <a href="/payables/exceptions">Open exceptions</a>
            </>
          )}
        </p>
        {status === 'waiting' && canResolve ? (
          <form method="post" action="/payables/rematch" novalidate>
            <Button secondary>Check receipts now</Button>
          </form>
        ) : null}
        <Table
          caption={status === 'open' ? 'Exceptions to clear' : 'Waiting for goods to be received'}
          rows={items}
          empty="Nothing is waiting for you."
          columns={[
            {
              header: 'Invoice',
              cell: (item) => (
                <>
                  <a href={`/payables/invoices/${item.invoiceId}`}>{item.invoice.invoiceNumber}</a>
                  <br />
                  {item.invoice.supplierName}
                </>
              ),
            },
            { header: 'Amount', cell: (item) => <Money pence={item.invoice.grossPence} />, numeric: true },
            {
              header: 'Reason',
              cell: (item) => (
                <>
                  <strong>{item.label}</strong>
                  <br />
                  {item.detail} <span class="nhsuk-body-s">({item.rule})</span>
                </>
              ),
            },
            { header: 'Suggested', cell: (item) => item.suggestion },
            {
              header: 'Resolve',
              cell: (item) =>
                canResolve && status === 'open' ? (
                  <ResolveForm item={item} back="/payables/exceptions" />
                ) : (
                  ''
                ),
            },
          ]}
        />
      </>,
    );
  };

  web.get('/payables/exceptions', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'read');
    return queuePage(c, session);
  });

  web.post('/payables/exceptions/:id', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'resolve');
    const form = await c.req.parseBody();
    const back = String(form.back ?? '/payables/exceptions');
    const action = String(form.action ?? '');
    try {
      const result = await runner.withTenant(tenantContextOf(c, session), (tx) =>
        payables.resolveException(
          tx,
          c.req.param('id'),
          {
            action,
            note: String(form.note ?? ''),
            coding: form.accountCode
              ? { accountCode: String(form.accountCode), costCentreCode: String(form.costCentreCode ?? '') }
              : undefined,
          },
          session.roles,
        ),
      );
      const done = `${ACTION_LABELS[action as ResolutionAction] ?? 'Resolved'}: the invoice is now ${STATUS_TAG[result.invoiceStatus]?.label.toLowerCase() ?? result.invoiceStatus}`;
      const target = back.startsWith('/payables/') ? back : '/payables/exceptions';
      return c.redirect(`${target}${target.includes('?') ? '&' : '?'}done=${encodeURIComponent(done)}`);
    } catch (error) {
      if (!isDomainError(error) || error.kind === 'not-found') throw error;
      const message = [error.message, ...error.issues.map((issue) => issue.message)].join(': ');
      if (back.startsWith('/payables/invoices/'))
        return invoicePage(c, session, back.split('/')[3] ?? '', message);
      return queuePage(c, session, { id: c.req.param('id'), message });
    }
  });

  web.post('/payables/rematch', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'resolve');
    const result = await runner.withTenant(tenantContextOf(c, session), (tx) => payables.rematch(tx));
    return c.redirect(
      `/payables/exceptions?status=waiting&done=${encodeURIComponent(`${result.checked} checked, ${result.approved} approved now their goods have arrived`)}`,
    );
  });

  const invoicePage = async (c: Context<AppEnv>, session: WebSession, id: string, error?: string) => {
    const ctx = tenantContextOf(c, session);
    const data = await runner.withTenant(ctx, async (tx) => ({
      detail: await payables.invoice(tx, id),
      queue: (await payables.exceptionQueue(tx, { limit: 1000 })).filter((item) => item.invoiceId === id),
      accounts: (await ledger.chart(tx)).filter((a) => a.postable && a.type === 'expenditure'),
      centres: (await ledger.costCentres(tx)).filter((centre) => centre.active),
    }));
    const { invoice, lines, exceptions, decisions } = data.detail;
    const canResolve = hasAnyRole(session, payablesPermissions.rolesFor('resolve'));
    const canApprove = hasAnyRole(session, payablesPermissions.rolesFor('approve'));
    const codable = data.queue.find((item) => item.actions.includes('code-invoice'));
    return render(
      c,
      { title: `Invoice ${invoice.invoiceNumber}`, section: 'payables', session, status: error ? 422 : 200 },
      <>
        <BackLink href="/payables/exceptions">Exceptions</BackLink>
        {error ? (
          <ErrorSummary errors={[{ href: codable ? '#accountCode' : '#main-content', message: error }]} />
        ) : null}
        {c.req.query('done') ? <Notice success title={c.req.query('done') ?? ''} /> : null}
        <span class="nhsuk-caption-l">{invoice.supplierName}</span>
        <h1 class="nhsuk-heading-l">
          {invoice.kind === 'credit-note' ? 'Credit note' : 'Invoice'} {invoice.invoiceNumber}
        </h1>
        <p class="nhsuk-body">
          <StatusTag status={invoice.status} />
        </p>
        <SummaryList
          rows={[
            { key: 'Issued', value: invoice.issueDate },
            {
              key: 'Received',
              value: `${invoice.receivedOn} (${invoice.source === 'manual' ? 'captured by hand' : 'PEPPOL'})`,
            },
            { key: 'Due', value: invoice.dueDate },
            { key: 'Purchase order', value: invoice.orderReference ?? 'None quoted' },
            { key: 'Before VAT', value: <Money pence={invoice.netPence} /> },
            { key: 'VAT', value: <Money pence={invoice.vatPence} /> },
            { key: 'Total', value: <Money pence={invoice.grossPence} /> },
            ...(invoice.approvedBy
              ? [
                  {
                    key: 'Approved',
                    value: `${invoice.approvedAt} by ${invoice.approvedBy} (${invoice.approvalRule})`,
                  },
                ]
              : []),
            ...(invoice.rejectionSubject ? [{ key: 'Rejected', value: invoice.rejectionSubject }] : []),
            {
              key: 'Original document',
              value: <a href={`/payables/invoices/${invoice.id}/document`}>Download as received</a>,
            },
            ...(invoice.journalId
              ? [
                  {
                    key: 'Ledger',
                    value: <a href={`/ledger/journals/${invoice.journalId}`}>The journal posted</a>,
                  },
                ]
              : []),
          ]}
        />
        {invoice.status === 'awaiting-approval' && canApprove ? (
          <form method="post" action={`/payables/invoices/${invoice.id}/approve`} novalidate>
            <p class="nhsuk-body">Needs approval by a {invoice.requiredApproverRole ?? 'budget holder'}.</p>
            <Button>Approve invoice</Button>
          </form>
        ) : null}
        {data.queue.length > 0 && canResolve ? (
          <>
            <h2 class="nhsuk-heading-m">To resolve</h2>
            {data.queue.map((item) => (
              <div class="nhsuk-inset-text">
                <p class="nhsuk-body">
                  <strong>{item.label}</strong>: {item.detail} ({item.rule})
                </p>
                <p class="nhsuk-body-s">{item.suggestion}</p>
                <ResolveForm item={item} back={`/payables/invoices/${invoice.id}`} />
              </div>
            ))}
          </>
        ) : null}
        {codable && canResolve ? (
          <form method="post" action={`/payables/exceptions/${codable.id}`} novalidate id="coding">
            <h2 class="nhsuk-heading-m">Code the invoice</h2>
            <input type="hidden" name="action" value="code-invoice" />
            <input type="hidden" name="back" value={`/payables/invoices/${invoice.id}`} />
            <SelectField
              name="accountCode"
              label="Account to charge"
              options={[
                { value: '', label: 'Choose an account' },
                ...data.accounts.map((a) => ({ value: a.code, label: `${a.code} ${a.name}` })),
              ]}
            />
            <SelectField
              name="costCentreCode"
              label="Cost centre"
              options={[
                { value: '', label: 'Choose a cost centre' },
                ...data.centres.map((cc) => ({ value: cc.code, label: `${cc.code} ${cc.name}` })),
              ]}
            />
            <Button>Code the invoice</Button>
          </form>
        ) : null}
        <Table
          caption="Lines"
          rows={lines}
          columns={[
            { header: 'Line', cell: (l) => l.lineId },
            { header: 'Item', cell: (l) => l.description },
            { header: 'Quantity', cell: (l) => `${l.quantity} ${l.unitCode ?? ''}`, numeric: true },
            { header: 'Amount', cell: (l) => <Money pence={l.netPence} />, numeric: true },
            { header: 'Order line', cell: (l) => (l.poLineNo === null ? '—' : String(l.poLineNo)) },
            { header: 'At order price', cell: (l) => <Money pence={l.expectedPence} />, numeric: true },
            {
              header: 'Charged to',
              cell: (l) => (l.accountCode ? `${l.accountCode} / ${l.costCentreCode ?? '—'}` : '—'),
            },
          ]}
        />
        <Table
          caption="Exceptions"
          rows={exceptions}
          empty="None: the invoice matched."
          columns={[
            { header: 'Reason', cell: (e) => REASON_GUIDE[e.reason].label },
            { header: 'Rule', cell: (e) => e.rule },
            { header: 'Detail', cell: (e) => e.detail },
            {
              header: 'Outcome',
              cell: (e) =>
                e.status === 'resolved'
                  ? `${e.resolution} by ${e.resolvedBy}${e.note ? `: ${e.note}` : ''}`
                  : e.status,
            },
          ]}
        />
        <Table
          caption="Automatic decisions (rule and version)"
          rows={decisions}
          columns={[
            { header: 'When', cell: (d) => d.decidedAt },
            { header: 'Decision', cell: (d) => d.decision },
            { header: 'Rule', cell: (d) => d.rule },
            {
              header: 'Version',
              cell: (d) =>
                `${d.ruleVersion}${d.standardVersion ? `; standard ${d.standardVersion}` : ''}${d.variationId ? `; variation ${d.variationId}` : ''}`,
            },
          ]}
        />
      </>,
    );
  };

  web.get('/payables/invoices/:id', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'read');
    return invoicePage(c, session, c.req.param('id'));
  });

  web.post('/payables/invoices/:id/approve', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'approve');
    try {
      const invoice = await runner.withTenant(tenantContextOf(c, session), (tx) =>
        payables.approveInvoice(tx, c.req.param('id'), session.roles),
      );
      return c.redirect(
        `/payables/invoices/${invoice.id}?done=${encodeURIComponent('Approved and posted to the ledger')}`,
      );
    } catch (error) {
      if (!isDomainError(error) || error.kind === 'not-found') throw error;
      return invoicePage(c, session, c.req.param('id'), error.message);
    }
  });

  const downloadDocument = async (c: Context<AppEnv>, session: WebSession, documentId: string) => {
    const document = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      payables.document(tx, documentId),
    );
    return c.body(new Uint8Array(document.content), 200, {
      'content-type': `${document.mediaType}; charset=utf-8`,
      'content-disposition': `attachment; filename="${document.fileName.replace(/["\\\r\n]/g, '_')}"`,
    });
  };

  web.get('/payables/invoices/:id/document', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'read');
    const detail = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      payables.invoice(tx, c.req.param('id')),
    );
    return downloadDocument(c, session, detail.invoice.documentId);
  });

  const uploadForm = (c: Context<AppEnv>, session: WebSession, error?: string) =>
    render(
      c,
      { title: 'Upload invoices', section: 'payables', session, status: error ? 422 : 200 },
      <>
        <BackLink href="/payables">Supplier invoices</BackLink>
        {error ? <ErrorSummary errors={[{ href: '#documents', message: error }]} /> : null}
        <h1 class="nhsuk-heading-l">Upload invoices</h1>
        <p class="nhsuk-body">
          PEPPOL BIS Billing 3.0 UBL invoices and credit notes (XML). Each file is checked against every EN
          16931 and PEPPOL rule; anything that cannot be accepted is kept in quarantine with its reasons.
        </p>
        <form method="post" action="/payables/upload" enctype="multipart/form-data" novalidate>
          <div class={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
            <label class="nhsuk-label" for="documents">
              Invoice files
            </label>
            {error ? (
              <span class="nhsuk-error-message" id="documents-error">
                <span class="nhsuk-u-visually-hidden">Error:</span> {error}
              </span>
            ) : null}
            <input
              class="nhsuk-file-upload"
              id="documents"
              name="documents"
              type="file"
              accept=".xml,application/xml"
              multiple
            />
          </div>
          <Button>Upload</Button>
        </form>
      </>,
    );

  web.get('/payables/upload', (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'receive');
    return uploadForm(c, session);
  });

  const outcomesPage = (c: Context<AppEnv>, session: WebSession, outcomes: IngestOutcome[]) => {
    const quarantined = outcomes.filter((o) => o.outcome === 'quarantined').length;
    return render(
      c,
      { title: 'Upload results', section: 'payables', session },
      <>
        <BackLink href="/payables/upload">Upload more</BackLink>
        <h1 class="nhsuk-heading-l">Upload results</h1>
        <p class="nhsuk-body">
          {outcomes.length - quarantined} of {outcomes.length} accepted; {quarantined} quarantined.
        </p>
        {outcomes.map((outcome) =>
          outcome.outcome === 'invoice' ? (
            <div class="nhsuk-card">
              <div class="nhsuk-card__content">
                <h2 class="nhsuk-card__heading nhsuk-heading-s">
                  {outcome.fileName}: <Tag colour="green">Accepted</Tag>
                </h2>
                <p class="nhsuk-card__description">
                  <a href={`/payables/invoices/${outcome.invoiceId}`}>
                    {outcome.kind === 'credit-note' ? 'Credit note' : 'Invoice'} {outcome.invoiceNumber}
                  </a>{' '}
                  from {outcome.supplierName}: {STATUS_TAG[outcome.status]?.label ?? outcome.status}
                  {outcome.exceptions.length
                    ? ` (${outcome.exceptions.map((e) => REASON_GUIDE[e.reason].label).join(', ')})`
                    : ''}
                  {outcome.alreadyReceived ? '. This file had been received before.' : ''}
                </p>
              </div>
            </div>
          ) : (
            <div class="nhsuk-card">
              <div class="nhsuk-card__content">
                <h2 class="nhsuk-card__heading nhsuk-heading-s">
                  {outcome.fileName}: <Tag colour="red">Quarantined</Tag>
                </h2>
                <ul class="nhsuk-list nhsuk-list--bullet">
                  {outcome.reasons
                    .filter((r) => r.severity === 'fatal')
                    .slice(0, 10)
                    .map((r) => (
                      <li>
                        <strong>{r.rule}</strong>: {withoutRuleId(r.message)}
                      </li>
                    ))}
                </ul>
                <p class="nhsuk-card__description">
                  <a href={`/payables/quarantine/${outcome.quarantineId}`}>
                    The document in quarantine and the message for the supplier
                  </a>
                </p>
              </div>
            </div>
          ),
        )}
      </>,
    );
  };

  web.post('/payables/upload', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'receive');
    const form = await c.req.parseBody({ all: true });
    const files: File[] = [form.documents]
      .flat()
      .filter((value): value is File => value instanceof File && value.size > 0);
    if (files.length === 0) return uploadForm(c, session, 'Choose one or more invoice files to upload');
    const incoming = await Promise.all(
      files.map(async (file) => ({
        fileName: file.name,
        content: new Uint8Array(await file.arrayBuffer()),
        channel: 'web' as const,
      })),
    );
    const outcomes = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      payables.receiveDocuments(tx, incoming, { organisationName: session.organisationName ?? undefined }),
    );
    return outcomesPage(c, session, outcomes);
  });

  web.get('/payables/quarantine', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'read');
    const items = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      payables.quarantined(tx, { limit: 200 }),
    );
    return render(
      c,
      { title: 'Quarantine', section: 'payables', session },
      <>
        <BackLink href="/payables">Supplier invoices</BackLink>
        {c.req.query('done') ? <Notice success title={c.req.query('done') ?? ''} /> : null}
        <h1 class="nhsuk-heading-l">Quarantine</h1>
        <p class="nhsuk-body">
          Nothing is dropped: each document is kept as received, with every rule it breaks.
        </p>
        <Table
          caption="Documents that could not become invoices"
          rows={items}
          empty="Nothing is in quarantine."
          columns={[
            { header: 'File', cell: (q) => <a href={`/payables/quarantine/${q.id}`}>{q.fileName}</a> },
            { header: 'Received', cell: (q) => q.receivedAt.slice(0, 10) },
            { header: 'Invoice', cell: (q) => q.invoiceNumber ?? '—' },
            { header: 'Seller', cell: (q) => q.sellerName ?? '—' },
            {
              header: 'Rules',
              cell: (q) => q.ruleIds.slice(0, 5).join(', ') + (q.ruleIds.length > 5 ? '…' : ''),
            },
          ]}
        />
      </>,
    );
  });

  const quarantinePage = async (c: Context<AppEnv>, session: WebSession, id: string, error?: string) => {
    const item = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      payables.quarantineItem(tx, id),
    );
    const canResolve = hasAnyRole(session, payablesPermissions.rolesFor('resolve'));
    const fatal = item.reasons.filter((r) => r.severity === 'fatal');
    return render(
      c,
      { title: `Quarantined ${item.fileName}`, section: 'payables', session, status: error ? 422 : 200 },
      <>
        <BackLink href="/payables/quarantine">Quarantine</BackLink>
        {error ? <ErrorSummary errors={[{ href: '#reason', message: error }]} /> : null}
        <span class="nhsuk-caption-l">Quarantined document</span>
        <h1 class="nhsuk-heading-l">{item.fileName}</h1>
        <SummaryList
          rows={[
            { key: 'Status', value: item.status },
            { key: 'Received', value: `${item.receivedAt} by ${item.channel}` },
            { key: 'Invoice number', value: item.invoiceNumber ?? 'Could not be read' },
            { key: 'Seller', value: item.sellerName ?? 'Could not be read' },
            { key: 'SHA-256', value: <span class="ms-mono">{item.contentSha256}</span> },
            {
              key: 'Original',
              value: <a href={`/payables/quarantine/${item.id}/document`}>Download as received</a>,
            },
          ]}
        />
        <Table
          caption="Why it was quarantined"
          rows={fatal.slice(0, 100)}
          columns={[
            { header: 'Rule', cell: (r) => <strong>{r.rule}</strong> },
            { header: 'What it requires', cell: (r) => withoutRuleId(r.message) },
            { header: 'Where', cell: (r) => <span class="ms-mono">{r.location}</span> },
          ]}
        />
        <h2 class="nhsuk-heading-m">Message for the supplier</h2>
        <div class="nhsuk-inset-text">
          <p class="nhsuk-body">
            <strong>{item.rejectionSubject}</strong>
          </p>
          <pre class="nhsuk-body-s" style="white-space: pre-wrap">
            {item.rejectionBody}
          </pre>
        </div>
        {item.status === 'open' && canResolve ? (
          <>
            <form method="post" action={`/payables/quarantine/${item.id}`} novalidate>
              <input type="hidden" name="action" value="rejected" />
              <Button>Mark the message as sent to the supplier</Button>
            </form>
            <form method="post" action={`/payables/quarantine/${item.id}`} novalidate>
              <input type="hidden" name="action" value="retry" />
              <Button secondary>Process it again</Button>
            </form>
            {item.ruleIds.includes('MAINSTAY-DUPLICATE-INVOICE') ? (
              <form method="post" action={`/payables/quarantine/${item.id}`} novalidate>
                <input type="hidden" name="action" value="release" />
                <InputField name="reason" label="Why it is not a duplicate" error={error} />
                <Button secondary>Release: not a duplicate</Button>
              </form>
            ) : null}
          </>
        ) : null}
      </>,
    );
  };

  web.get('/payables/quarantine/:id', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'read');
    return quarantinePage(c, session, c.req.param('id'));
  });

  web.get('/payables/quarantine/:id/document', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'read');
    const item = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      payables.quarantineItem(tx, c.req.param('id')),
    );
    return downloadDocument(c, session, item.documentId);
  });

  web.post('/payables/quarantine/:id', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'resolve');
    const form = await c.req.parseBody();
    const id = c.req.param('id');
    const ctx = tenantContextOf(c, session);
    try {
      if (form.action === 'rejected') {
        await runner.withTenant(ctx, (tx) => payables.rejectQuarantined(tx, id));
        return c.redirect(
          `/payables/quarantine?done=${encodeURIComponent('Closed: the supplier has the message')}`,
        );
      }
      const outcome = await runner.withTenant(ctx, (tx) =>
        form.action === 'release'
          ? payables.releaseDuplicate(tx, id, String(form.reason ?? ''))
          : payables.retryQuarantined(tx, id, { organisationName: session.organisationName ?? undefined }),
      );
      return outcome.outcome === 'invoice'
        ? c.redirect(
            `/payables/invoices/${outcome.invoiceId}?done=${encodeURIComponent('Processed: it is now an invoice')}`,
          )
        : quarantinePage(c, session, id, 'It was quarantined again: the reasons below still apply');
    } catch (error) {
      if (!isDomainError(error) || error.kind === 'not-found') throw error;
      return quarantinePage(c, session, id, error.issues[0]?.message ?? error.message);
    }
  });

  const LINES = 3;
  const captureForm = async (
    c: Context<AppEnv>,
    session: WebSession,
    values: Record<string, string>,
    errors: ValidationIssue[],
  ) => {
    const { suppliers, accounts, centres } = await runner.withTenant(
      tenantContextOf(c, session),
      async (tx) => ({
        suppliers: await platform.suppliers.listSuppliers(tx, { limit: 1000 }),
        accounts: (await ledger.chart(tx)).filter((a) => a.postable && a.type === 'expenditure'),
        centres: (await ledger.costCentres(tx)).filter((cc) => cc.active),
      }),
    );
    const fieldOf = (path: string) => {
      const line = /^lines\[(\d+)\]\.(\w+)$/.exec(path);
      return line
        ? `line${line[1]}.${line[2] === 'netPence' ? 'amount' : line[2] === 'vatRateBasisPoints' ? 'vatRate' : line[2]}`
        : path === 'vatPence'
          ? 'vat'
          : path;
    };
    const errorOf = (field: string) => errors.find((issue) => fieldOf(issue.path) === field)?.message;
    return render(
      c,
      { title: 'Capture a paper invoice', section: 'payables', session, status: errors.length ? 422 : 200 },
      <>
        <BackLink href="/payables">Supplier invoices</BackLink>
        <ErrorSummary
          errors={errors.map((issue) => ({
            href: `#${fieldOf(issue.path).replace('.', '-')}`,
            message: issue.message,
          }))}
        />
        <h1 class="nhsuk-heading-l">Capture a paper invoice</h1>
        <form method="post" action="/payables/capture" novalidate>
          <SelectField
            name="supplierId"
            label="Supplier"
            value={values.supplierId}
            error={errorOf('supplierId')}
            options={[
              { value: '', label: 'Choose the supplier' },
              ...suppliers.map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          <InputField
            name="invoiceNumber"
            label="Invoice number, as printed"
            value={values.invoiceNumber}
            error={errorOf('invoiceNumber')}
            width={20}
          />
          <InputField
            name="issueDate"
            label="Invoice date"
            hint="For example 2026-11-02"
            value={values.issueDate}
            error={errorOf('issueDate')}
            width={10}
          />
          <InputField
            name="orderReference"
            label="Purchase order number (if quoted)"
            value={values.orderReference}
            width={20}
          />
          {Array.from({ length: LINES }, (_, index) => (
            <fieldset class="nhsuk-fieldset nhsuk-u-margin-bottom-4">
              <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Line {index + 1}</legend>
              <InputField
                name={`line${index}.description`}
                id={`line${index}-description`}
                label="Description"
                value={values[`line${index}.description`]}
                error={errorOf(`line${index}.description`)}
              />
              <InputField
                name={`line${index}.quantity`}
                id={`line${index}-quantity`}
                label="Quantity"
                value={values[`line${index}.quantity`]}
                error={errorOf(`line${index}.quantity`)}
                width={5}
                inputmode="decimal"
              />
              <InputField
                name={`line${index}.amount`}
                id={`line${index}-amount`}
                label="Amount before VAT, in pounds"
                value={values[`line${index}.amount`]}
                error={errorOf(`line${index}.amount`)}
                width={10}
                inputmode="decimal"
              />
              <InputField
                name={`line${index}.vatRate`}
                id={`line${index}-vatRate`}
                label="VAT rate, %"
                value={values[`line${index}.vatRate`] ?? '20'}
                error={errorOf(`line${index}.vatRate`)}
                width={3}
                inputmode="decimal"
              />
            </fieldset>
          ))}
          <InputField
            name="vat"
            label="VAT total, in pounds"
            value={values.vat}
            error={errorOf('vat')}
            width={10}
            inputmode="decimal"
          />
          <SelectField
            name="accountCode"
            label="Account (for an invoice with no purchase order)"
            value={values.accountCode}
            options={[
              { value: '', label: 'None' },
              ...accounts.map((a) => ({ value: a.code, label: `${a.code} ${a.name}` })),
            ]}
          />
          <SelectField
            name="costCentreCode"
            label="Cost centre (for an invoice with no purchase order)"
            value={values.costCentreCode}
            error={errorOf('line0.costCentreCode')}
            options={[
              { value: '', label: 'None' },
              ...centres.map((cc) => ({ value: cc.code, label: `${cc.code} ${cc.name}` })),
            ]}
          />
          <Button>Capture invoice</Button>
        </form>
      </>,
    );
  };

  web.get('/payables/capture', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'receive');
    return captureForm(c, session, {}, []);
  });

  web.post('/payables/capture', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'receive');
    const values = Object.fromEntries(
      Object.entries(await c.req.parseBody()).map(([key, value]) => [key, String(value).trim()]),
    );
    const issues: ValidationIssue[] = [];
    const pence = (raw: string, path: string) => {
      const parsed = parsePounds(raw || '0');
      if (parsed.ok) return Number(parsed.pence);
      issues.push({ path, rule: 'amount', message: parsed.reason });
      return 0;
    };
    const lines: ManualInvoiceInput['lines'] = [];
    for (let index = 0; index < LINES; index += 1) {
      const description = values[`line${index}.description`] ?? '';
      const amount = values[`line${index}.amount`] ?? '';
      if (!description && !amount) continue;
      const rate = Number(values[`line${index}.vatRate`] || '0');
      lines.push({
        description,
        quantity: values[`line${index}.quantity`] || '1',
        netPence: pence(amount, `lines[${lines.length}].netPence`),
        vatRateBasisPoints: Number.isFinite(rate) ? Math.round(rate * 100) : -1,
        accountCode: values.accountCode || null,
        costCentreCode: values.costCentreCode || null,
      });
    }
    const input: ManualInvoiceInput = {
      supplierId: values.supplierId ?? '',
      invoiceNumber: values.invoiceNumber ?? '',
      issueDate: values.issueDate ?? '',
      orderReference: values.orderReference || null,
      vatPence: pence(values.vat ?? '', 'vatPence'),
      lines,
    };
    if (issues.length === 0) {
      try {
        const outcome = await runner.withTenant(tenantContextOf(c, session), (tx) =>
          payables.captureManual(tx, input),
        );
        return outcome.outcome === 'invoice'
          ? c.redirect(`/payables/invoices/${outcome.invoiceId}?done=${encodeURIComponent('Captured')}`)
          : c.redirect(`/payables/quarantine/${outcome.quarantineId}`);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        issues.push(
          ...(error.issues.length
            ? error.issues
            : [{ path: 'supplierId', rule: error.code, message: error.message }]),
        );
      }
    }
    return captureForm(c, session, values, issues);
  });
}
