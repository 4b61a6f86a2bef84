import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  type AppEnv,
  addRoute,
  type Caller,
  idempotentHeaders,
  idempotentWrite,
  jsonContent,
  newRouter,
  organisationHeaders,
  pageOf,
  pageQuery,
  problemFor,
  replayHeaders,
  sendJson,
  standardErrors,
  tenantOf,
  toApiJson,
} from '../../../kernel/http';
import type { TenantRunner } from '../../../kernel/tenancy';
import type { IncomingFile } from '../domain/prepare';
import { remittanceCsv, remittanceHtml, remittanceText } from '../domain/remittance';
import { payablesError } from '../errors';
import { payablesPermissions } from '../permissions';
import type { IngestOutcome, PayablesService } from '../service';
import type { PaymentRunDetail } from '../service/payments';
import type { InvoiceStatus } from '../sql/queries';
import {
  BankAccountSchema,
  DecisionSchema,
  IngestResultSchema,
  InvoiceDetailSchema,
  InvoiceSchema,
  invoiceForApi,
  ManualInvoiceSchema,
  MeasuresSchema,
  PaymentRunDetailSchema,
  PaymentRunSchema,
  QuarantineSchema,
  QueueItemSchema,
  ResolutionSchema,
} from './schemas';

const tags = ['Payables'];
const roles = (permission: Parameters<typeof payablesPermissions.rolesFor>[0]) => ({
  allowedRoles: payablesPermissions.rolesFor(permission),
});

const problemContent = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: z.object({ code: z.string() }).passthrough() } },
});

const organisationNameOf = (caller: Caller, organisationId: string) =>
  caller.memberships.find((m) => m.organisationId === organisationId)?.organisationName;

/**
 * When any document is quarantined the answer is a problem naming every file and rule,
 * with every outcome beside it: the quarantined documents are already kept, the others
 * already accepted (committed before answering), so a client never needs to send them again.
 */
function outcomesResponse(c: Context<AppEnv>, outcomes: IngestOutcome[]) {
  const quarantined = outcomes.filter((o) => o.outcome === 'quarantined');
  if (quarantined.length === 0) {
    const created = outcomes.some((o) => !o.alreadyReceived);
    return sendJson(c, { outcomes }, created ? 201 : 200);
  }
  const issues = quarantined.flatMap((o) =>
    o.outcome === 'quarantined'
      ? o.reasons
          .filter((r) => r.severity === 'fatal')
          .slice(0, 50)
          .map((r) => ({ path: `${o.fileName}: ${r.location}`, rule: r.rule, message: r.message }))
      : [],
  );
  const error = payablesError(
    'INVOICE_QUARANTINED',
    `${quarantined.length} of ${outcomes.length} document${outcomes.length === 1 ? ' was' : 's were'} quarantined: kept with ${
      quarantined.length === 1 ? 'its reasons' : 'their reasons'
    } (${[...new Set(issues.map((i) => i.rule))].slice(0, 10).join(', ')}); ${
      outcomes.length - quarantined.length
    } accepted`,
    issues,
  );
  const body = { ...problemFor(error, c.get('requestId')), outcomes: toApiJson(outcomes) };
  return c.body(JSON.stringify(body), 422, { 'content-type': 'application/problem+json; charset=utf-8' });
}

const runForApi = (run: PaymentRunDetail) => ({
  ...run,
  payments: run.payments.map(({ accountNumber, nhsSupplier: _nhs, paymentRunId: _run, ...payment }) => ({
    ...payment,
    accountEnding: accountNumber.slice(-4),
  })),
});

export function payablesRoutes(deps: { runner: TenantRunner; payables: PayablesService }) {
  const { runner, payables } = deps;
  const app = newRouter();

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payables/documents',
      tags,
      summary: 'Receive PEPPOL BIS Billing 3.0 UBL invoices and credit notes',
      description:
        'Send one document as the raw XML body (`Content-Type: application/xml`, name it with `?fileName=`), or several as ' +
        '`multipart/form-data` file fields. Each is validated against every EN 16931 and PEPPOL rule, identified, checked for ' +
        'duplicates in every member organisation, matched and — within tolerance — approved and posted. Receiving the same ' +
        'bytes again returns the first outcome (idempotent on the content hash). If any document is quarantined the answer ' +
        'is a 422 problem naming each file and rule, with every outcome in `outcomes`.',
      request: {
        headers: organisationHeaders,
        query: z.object({ fileName: z.string().max(255).optional() }),
        body: {
          required: false,
          content: {
            'application/xml': { schema: z.string().openapi({ format: 'binary' }) },
            'text/xml': { schema: z.string().openapi({ format: 'binary' }) },
            'multipart/form-data': {
              schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }).passthrough(),
            },
          },
        },
      },
      responses: {
        200: jsonContent(IngestResultSchema, 'Every document had been received before'),
        201: jsonContent(IngestResultSchema, 'Received: invoices with their status and any exceptions'),
        ...standardErrors,
        422: problemContent('At least one document was quarantined (kept, with the rules it breaks)'),
      },
    }),
    async (c) => {
      const { ctx, caller } = tenantOf(c, roles('receive'));
      const contentType = c.req.header('content-type') ?? '';
      const files: IncomingFile[] = [];
      if (/^multipart\/form-data/i.test(contentType)) {
        const form = await c.req.parseBody({ all: true });
        for (const value of Object.values(form).flat()) {
          if (value instanceof File) {
            files.push({
              fileName: value.name || 'upload.xml',
              content: new Uint8Array(await value.arrayBuffer()),
              channel: 'api',
            });
          }
        }
      } else {
        const content = new Uint8Array(await c.req.arrayBuffer());
        files.push({ fileName: c.req.valid('query').fileName ?? 'upload.xml', content, channel: 'api' });
      }
      if (files.length === 0) {
        throw payablesError('UPLOAD_INVALID', 'No document was sent', [
          {
            path: 'body',
            rule: 'document-required',
            message: 'Send the XML as the body, or as file fields of a multipart form',
          },
        ]);
      }
      const outcomes = await runner.withTenant(ctx, (tx) =>
        payables.receiveDocuments(tx, files, {
          organisationName: organisationNameOf(caller, ctx.organisationId),
        }),
      );
      return outcomesResponse(c, outcomes);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payables/invoices',
      tags,
      summary: 'Capture a paper invoice by hand',
      description:
        'Amounts in pence as printed. The invoice then goes through the same duplicate checks, matching and approval as an electronic one.',
      request: {
        headers: idempotentHeaders,
        body: { required: true, content: { 'application/json': { schema: ManualInvoiceSchema } } },
      },
      responses: {
        201: jsonContent(IngestResultSchema, 'Captured'),
        200: jsonContent(IngestResultSchema, 'Already captured (same details)'),
        ...standardErrors,
        422: problemContent('The input breaks a rule, or the invoice was quarantined (a duplicate)'),
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, roles('receive'));
      const body = c.req.valid('json');
      const result = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'payables.captureManual', body, () => payables.captureManual(tx, body)),
      );
      const outcome = result.result as IngestOutcome;
      if (outcome.outcome === 'quarantined') return outcomesResponse(c, [outcome]);
      return sendJson(
        c,
        { outcomes: [outcome] },
        result.replayed || outcome.alreadyReceived ? 200 : 201,
        replayHeaders(result),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payables/invoices',
      tags,
      summary: 'Supplier invoices and credit notes, newest first',
      request: {
        headers: organisationHeaders,
        query: pageQuery.extend({
          status: z
            .enum(['exception', 'awaiting-approval', 'approved', 'in-payment-run', 'paid', 'rejected'])
            .optional(),
          supplierId: z.string().optional(),
        }),
      },
      responses: { 200: jsonContent(pageOf(InvoiceSchema), 'Invoices'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, roles('read'));
      const query = c.req.valid('query');
      const limit = query.limit ?? 50;
      const items = await runner.withTenant(ctx, (tx) =>
        payables.invoices(tx, {
          statuses: query.status ? [query.status as InvoiceStatus] : undefined,
          supplierId: query.supplierId,
          before: query.cursor,
          limit,
        }),
      );
      return sendJson(c, {
        items: items.map(invoiceForApi),
        nextCursor: items.length === limit ? (items.at(-1)?.id ?? null) : null,
      });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payables/invoices/{id}',
      tags,
      summary: 'An invoice with its lines, exceptions and every automatic decision (rule and version)',
      request: { headers: organisationHeaders, params: z.object({ id: z.string() }) },
      responses: { 200: jsonContent(InvoiceDetailSchema, 'The invoice'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, roles('read'));
      const detail = await runner.withTenant(ctx, (tx) => payables.invoice(tx, c.req.valid('param').id));
      return sendJson(c, { ...detail, invoice: invoiceForApi(detail.invoice) });
    },
  );

  const documentRoute = (
    path: string,
    summary: string,
    documentIdOf: (id: string, c: Context<AppEnv>) => Promise<string>,
  ) =>
    addRoute(
      app,
      createRoute({
        method: 'get',
        path,
        tags,
        summary,
        request: { headers: organisationHeaders, params: z.object({ id: z.string() }) },
        responses: {
          200: {
            description: 'The document exactly as received',
            content: {
              'application/xml': { schema: z.string() },
              'application/json': { schema: z.unknown() },
            },
          },
          ...standardErrors,
        },
      }),
      async (c) => {
        const { ctx } = tenantOf(c, roles('read'));
        const documentId = await documentIdOf(c.req.valid('param').id, c);
        const document = await runner.withTenant(ctx, (tx) => payables.document(tx, documentId));
        return c.body(new Uint8Array(document.content), 200, {
          'content-type': `${document.mediaType}; charset=utf-8`,
          'content-disposition': `attachment; filename="${document.fileName.replace(/["\\\r\n]/g, '_')}"`,
        });
      },
    );

  documentRoute(
    '/api/v1/payables/invoices/{id}/document',
    'The original document an invoice came from',
    async (id, c) => {
      const { ctx } = tenantOf(c, roles('read'));
      return (await runner.withTenant(ctx, (tx) => payables.invoice(tx, id))).invoice.documentId;
    },
  );
  documentRoute(
    '/api/v1/payables/quarantine/{id}/document',
    'The original bytes of a quarantined document',
    async (id, c) => {
      const { ctx } = tenantOf(c, roles('read'));
      return (await runner.withTenant(ctx, (tx) => payables.quarantineItem(tx, id))).documentId;
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payables/invoices/{id}/approval',
      tags,
      summary: 'Approve a coded non-PO invoice within your delegated authority',
      request: { headers: organisationHeaders, params: z.object({ id: z.string() }) },
      responses: { 200: jsonContent(InvoiceSchema, 'Approved and posted'), ...standardErrors },
    }),
    async (c) => {
      const { ctx, roles: held } = tenantOf(c, roles('approve'));
      const invoice = await runner.withTenant(ctx, (tx) =>
        payables.approveInvoice(tx, c.req.valid('param').id, held),
      );
      return sendJson(c, invoiceForApi(invoice));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payables/rematch',
      tags,
      summary: 'Match again the invoices waiting for goods to be received',
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(
          z.object({ checked: z.number().int(), cleared: z.number().int(), approved: z.number().int() }),
          'What changed',
        ),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, roles('resolve'));
      return sendJson(c, await runner.withTenant(ctx, (tx) => payables.rematch(tx)));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payables/exceptions',
      tags,
      summary: 'The exception queue: reason, suggested resolution and one-click actions, oldest first',
      request: {
        headers: organisationHeaders,
        query: z.object({
          status: z.enum(['open', 'waiting', 'resolved']).optional(),
          limit: pageQuery.shape.limit,
        }),
      },
      responses: {
        200: jsonContent(z.object({ items: z.array(QueueItemSchema) }), 'The queue'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, roles('read'));
      const query = c.req.valid('query');
      const items = await runner.withTenant(ctx, (tx) =>
        payables.exceptionQueue(tx, { statuses: [query.status ?? 'open'], limit: query.limit }),
      );
      return sendJson(c, { items });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payables/exceptions/{id}/resolution',
      tags,
      summary:
        'Resolve an exception in one step (accept variance, wait for receipt, reject to supplier, code, not a duplicate…)',
      request: {
        headers: organisationHeaders,
        params: z.object({ id: z.string() }),
        body: { required: true, content: { 'application/json': { schema: ResolutionSchema } } },
      },
      responses: {
        200: jsonContent(
          z.object({ invoiceId: z.string(), invoiceStatus: InvoiceSchema.shape.status }),
          'Resolved',
        ),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx, roles: held } = tenantOf(c, roles('resolve'));
      const result = await runner.withTenant(ctx, (tx) =>
        payables.resolveException(tx, c.req.valid('param').id, c.req.valid('json'), held),
      );
      return sendJson(c, result);
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payables/quarantine',
      tags,
      summary: 'Quarantined documents, each with its reasons (rule ids) and the message for the supplier',
      request: {
        headers: organisationHeaders,
        query: pageQuery.extend({ status: z.enum(['open', 'rejected', 'released']).optional() }),
      },
      responses: { 200: jsonContent(pageOf(QuarantineSchema), 'Quarantine'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, roles('read'));
      const query = c.req.valid('query');
      const limit = query.limit ?? 50;
      const items = await runner.withTenant(ctx, (tx) =>
        payables.quarantined(tx, { statuses: [query.status ?? 'open'], before: query.cursor, limit }),
      );
      return sendJson(c, { items, nextCursor: items.length === limit ? (items.at(-1)?.id ?? null) : null });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payables/quarantine/{id}',
      tags,
      summary: 'One quarantined document',
      request: { headers: organisationHeaders, params: z.object({ id: z.string() }) },
      responses: {
        200: jsonContent(QuarantineSchema.extend({ decisions: z.array(DecisionSchema) }), 'The document'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, roles('read'));
      return sendJson(
        c,
        await runner.withTenant(ctx, (tx) => payables.quarantineItem(tx, c.req.valid('param').id)),
      );
    },
  );

  const quarantineAction = (
    action: 'rejection' | 'retry' | 'release',
    summary: string,
    body: z.ZodObject<z.ZodRawShape> | null,
    run: (c: Context<AppEnv>, id: string, input: Record<string, unknown>) => Promise<unknown>,
  ) =>
    addRoute(
      app,
      createRoute({
        method: 'post',
        path: `/api/v1/payables/quarantine/{id}/${action}`,
        tags,
        summary,
        request: {
          headers: organisationHeaders,
          params: z.object({ id: z.string() }),
          ...(body ? { body: { required: true, content: { 'application/json': { schema: body } } } } : {}),
        },
        responses: { 200: jsonContent(z.object({}).passthrough(), 'Done'), ...standardErrors },
      }),
      async (c) => {
        const input = body ? ((await c.req.json()) as Record<string, unknown>) : {};
        return sendJson(c, await run(c, c.req.param('id') ?? '', input));
      },
    );

  quarantineAction(
    'rejection',
    'The rejection message has been sent to the supplier: close the document (it stays kept)',
    z.object({ note: z.string().optional() }),
    (c, id, input) => {
      const { ctx } = tenantOf(c, roles('resolve'));
      return runner.withTenant(ctx, (tx) =>
        payables.rejectQuarantined(tx, id, typeof input.note === 'string' ? input.note : null),
      );
    },
  );
  quarantineAction(
    'retry',
    'Process a quarantined document again (e.g. after its supplier was set up)',
    null,
    (c, id) => {
      const { ctx, caller } = tenantOf(c, roles('resolve'));
      return runner.withTenant(ctx, (tx) =>
        payables.retryQuarantined(tx, id, {
          organisationName: organisationNameOf(caller, ctx.organisationId),
        }),
      );
    },
  );
  quarantineAction(
    'release',
    'Release a document stopped as a duplicate: it is not one (the reason is kept)',
    z.object({ reason: z.string().min(1) }),
    (c, id, input) => {
      const { ctx } = tenantOf(c, roles('resolve'));
      return runner.withTenant(ctx, (tx) => payables.releaseDuplicate(tx, id, String(input.reason ?? '')));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payables/bank-account',
      tags,
      summary: 'The organisation’s paying bank account and Bacs service user number',
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(BankAccountSchema.nullable(), 'The account (null until set)'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, roles('pay'));
      const account = await runner.withTenant(ctx, (tx) => payables.bankAccount(tx));
      return sendJson(
        c,
        account && {
          sortCode: account.sortCode,
          accountNumber: account.accountNumber,
          accountName: account.accountName,
          serviceUserNumber: account.serviceUserNumber,
        },
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'put',
      path: '/api/v1/payables/bank-account',
      tags,
      summary: 'Set the paying bank account and Bacs service user number',
      request: {
        headers: organisationHeaders,
        body: { required: true, content: { 'application/json': { schema: BankAccountSchema } } },
      },
      responses: { 200: jsonContent(BankAccountSchema, 'Saved'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, roles('manage-bank-account'));
      const saved = await runner.withTenant(ctx, (tx) => payables.setBankAccount(tx, c.req.valid('json')));
      return sendJson(c, {
        sortCode: saved.sortCode,
        accountNumber: saved.accountNumber,
        accountName: saved.accountName,
        serviceUserNumber: saved.serviceUserNumber,
      });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payables/payment-runs',
      tags,
      summary:
        'Propose a payment run: everything approved and due, one payment per supplier, to verified bank details only',
      request: {
        headers: idempotentHeaders,
        body: {
          required: false,
          content: {
            'application/json': {
              schema: z.object({ processingDate: z.string().optional(), dueBy: z.string().optional() }),
            },
          },
        },
      },
      responses: { 201: jsonContent(PaymentRunDetailSchema, 'Proposed'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, roles('pay'));
      const body = c.req.valid('json');
      const result = await runner.withTenant(ctx, (tx) =>
        idempotentWrite(c, tx, 'payables.proposePaymentRun', body, async () =>
          runForApi(await payables.proposePaymentRun(tx, body)),
        ),
      );
      return sendJson(c, result.result, 201, replayHeaders(result));
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payables/payment-runs',
      tags,
      summary: 'Payment runs, newest first',
      request: { headers: organisationHeaders },
      responses: {
        200: jsonContent(z.object({ items: z.array(PaymentRunSchema) }), 'Runs'),
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, roles('pay'));
      return sendJson(c, { items: await runner.withTenant(ctx, (tx) => payables.paymentRuns(tx)) });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payables/payment-runs/{id}',
      tags,
      summary: 'A payment run with its payments and holds',
      request: { headers: organisationHeaders, params: z.object({ id: z.string() }) },
      responses: { 200: jsonContent(PaymentRunDetailSchema, 'The run'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, roles('pay'));
      return sendJson(
        c,
        runForApi(await runner.withTenant(ctx, (tx) => payables.paymentRun(tx, c.req.valid('param').id))),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payables/payment-runs/{id}/approval',
      tags,
      summary:
        'Approve a run (never one paying an invoice you approved): writes the Bacs file and posts the payments',
      request: { headers: organisationHeaders, params: z.object({ id: z.string() }) },
      responses: { 200: jsonContent(PaymentRunDetailSchema, 'Approved'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, roles('pay'));
      return sendJson(
        c,
        runForApi(
          await runner.withTenant(ctx, (tx) => payables.approvePaymentRun(tx, c.req.valid('param').id)),
        ),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'post',
      path: '/api/v1/payables/payment-runs/{id}/cancellation',
      tags,
      summary: 'Cancel a proposed run: its invoices become payable again',
      request: {
        headers: organisationHeaders,
        params: z.object({ id: z.string() }),
        body: {
          required: true,
          content: { 'application/json': { schema: z.object({ reason: z.string().min(1) }) } },
        },
      },
      responses: { 200: jsonContent(PaymentRunDetailSchema, 'Cancelled'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, roles('pay'));
      return sendJson(
        c,
        runForApi(
          await runner.withTenant(ctx, (tx) =>
            payables.cancelPaymentRun(tx, c.req.valid('param').id, c.req.valid('json').reason),
          ),
        ),
      );
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payables/payment-runs/{id}/bacs',
      tags,
      summary: 'The approved run’s Bacs Standard 18 file',
      request: { headers: organisationHeaders, params: z.object({ id: z.string() }) },
      responses: {
        200: { description: 'Standard 18 records, CRLF', content: { 'text/plain': { schema: z.string() } } },
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, roles('pay'));
      const file = await runner.withTenant(ctx, (tx) => payables.bacsFile(tx, c.req.valid('param').id));
      return c.body(file.text, 200, {
        'content-type': 'text/plain; charset=us-ascii',
        'content-disposition': `attachment; filename="${file.fileName}"`,
      });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payables/payment-runs/{id}/remittances/{paymentId}',
      tags,
      summary: 'Remittance advice for one supplier’s payment (JSON, text, HTML or CSV)',
      request: {
        headers: organisationHeaders,
        params: z.object({ id: z.string(), paymentId: z.string() }),
        query: z.object({ format: z.enum(['json', 'text', 'html', 'csv']).optional() }),
      },
      responses: {
        200: {
          description: 'The remittance advice',
          content: {
            'application/json': { schema: z.object({}).passthrough() },
            'text/plain': { schema: z.string() },
            'text/html': { schema: z.string() },
            'text/csv': { schema: z.string() },
          },
        },
        ...standardErrors,
      },
    }),
    async (c) => {
      const { ctx, caller } = tenantOf(c, roles('pay'));
      const { id, paymentId } = c.req.valid('param');
      const advice = await runner.withTenant(ctx, (tx) =>
        payables.remittance(tx, id, paymentId, organisationNameOf(caller, ctx.organisationId)),
      );
      const format = c.req.valid('query').format ?? 'json';
      if (format === 'json') return sendJson(c, advice);
      const [text, type] =
        format === 'text'
          ? [remittanceText(advice), 'text/plain']
          : format === 'html'
            ? [remittanceHtml(advice), 'text/html']
            : [remittanceCsv(advice), 'text/csv'];
      return c.body(text, 200, { 'content-type': `${type}; charset=utf-8` });
    },
  );

  addRoute(
    app,
    createRoute({
      method: 'get',
      path: '/api/v1/payables/measures',
      tags,
      summary:
        'The shared service’s measures for the organisation: touchless PO rate and requisition-to-order time, first-pass match, touchless invoices, cycle times, duplicates stopped, BPPC',
      request: { headers: organisationHeaders, query: z.object({ from: z.string(), to: z.string() }) },
      responses: { 200: jsonContent(MeasuresSchema, 'The measures'), ...standardErrors },
    }),
    async (c) => {
      const { ctx } = tenantOf(c, roles('measures'));
      return sendJson(c, await runner.withTenant(ctx, (tx) => payables.measures(tx, c.req.valid('query'))));
    },
  );

  return app;
}
