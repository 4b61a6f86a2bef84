import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isDomainError, type ValidationIssue } from '../../../kernel/errors';
import type { AppEnv } from '../../../kernel/http';
import { formatPounds } from '../../../kernel/money';
import { formatQuantity, orderTotals, parseQuantity } from '../../../modules/procurement';
import type { Platform } from '../../platform/platform';
import { BackLink, Button, ErrorSummary, InputField, Money, Notice, SummaryList, Table } from '../components';
import { render, requireSession } from '../render';
import { tenantContextOf, type WebSession } from '../session';
import { formOf, may, OrderTag, requireProcurementRole } from './procurement-shared';

/** Purchase orders: the list, one order with its receipts, recording a delivery, and the printable and PEPPOL forms. */
export function procurementOrderPages(web: OpenAPIHono<AppEnv>, platform: Platform) {
  const { runner, procurement } = platform;

  web.get('/procurement/orders', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireProcurementRole(session, 'read');
    const show = c.req.query('show') === 'all' ? 'all' : 'open';
    const search = c.req.query('search')?.trim() || undefined;
    const orders = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      procurement.purchaseOrders(tx, {
        statuses: show === 'open' ? ['issued'] : undefined,
        search,
        limit: 100,
      }),
    );
    return render(
      c,
      { title: 'Purchase orders', section: 'procurement', session },
      <>
        <BackLink href="/procurement">Ordering</BackLink>
        <h1 class="nhsuk-heading-l">{show === 'open' ? 'Orders waiting for delivery' : 'Purchase orders'}</h1>
        <form method="get" action="/procurement/orders" novalidate>
          <InputField name="search" label="Order number" value={search ?? ''} width={20} />
          <input type="hidden" name="show" value={show} />
          <Button secondary>Find</Button>
        </form>
        <p class="nhsuk-body">
          {show === 'open' ? (
            <a href="/procurement/orders?show=all">Show every order</a>
          ) : (
            <a href="/procurement/orders">Show only open orders</a>
          )}
        </p>
        <Table
          caption="Purchase orders"
          rows={orders}
          empty="No orders."
          columns={[
            {
              header: 'Order',
              cell: (order) => <a href={`/procurement/orders/${order.id}`}>{order.number}</a>,
            },
            { header: 'Date', cell: (order) => order.orderDate },
            {
              header: 'Items',
              cell: (order) =>
                order.lines
                  .map((line) => line.description)
                  .join('; ')
                  .slice(0, 80),
            },
            { header: 'Total', cell: (order) => <Money pence={order.totalNetPence} />, numeric: true },
            { header: 'Status', cell: (order) => <OrderTag status={order.status} /> },
          ]}
        />
      </>,
    );
  });

  async function orderPage(
    c: Context<AppEnv>,
    session: WebSession,
    id: string,
    issues: readonly ValidationIssue[] = [],
    values: Record<string, string> = {},
  ) {
    const { order, supplier, receipts, names } = await runner.withTenant(
      tenantContextOf(c, session),
      async (tx) => {
        const found = await procurement.purchaseOrder(tx, id);
        return {
          order: found,
          supplier: await platform.suppliers.getSupplier(tx, found.supplierId),
          receipts: await procurement.goodsReceipts(tx, id),
          names: new Map(
            (await platform.organisations.listMembers(tx)).map((member) => [
              member.userId,
              member.displayName,
            ]),
          ),
        };
      },
    );
    const fieldOf = (path: string) => {
      const match = /^lines\[(\d+)\]/.exec(path);
      return match
        ? `receive-${requestedLines(values)[Number(match[1])] ?? ''}`
        : path === 'purchaseOrderId'
          ? 'receive'
          : path;
    };
    const errors = issues.map((issue) => ({ field: fieldOf(issue.path), message: issue.message }));
    const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
    const outstanding = order.lines.filter(
      (line) => (parseQuantity(line.orderedQuantity) ?? 0n) > (parseQuantity(line.receivedQuantity) ?? 0n),
    );
    const done = c.req.query('done');
    return render(
      c,
      { title: `Order ${order.number}`, section: 'procurement', session, status: issues.length ? 422 : 200 },
      <>
        <BackLink href="/procurement/orders">Purchase orders</BackLink>
        <ErrorSummary errors={errors.map((error) => ({ href: `#${error.field}`, message: error.message }))} />
        {done ? <Notice success title={done} /> : null}
        <span class="nhsuk-caption-l">Purchase order</span>
        <h1 class="nhsuk-heading-l">{order.number}</h1>
        <SummaryList
          rows={[
            { key: 'Status', value: <OrderTag status={order.status} /> },
            { key: 'Supplier', value: supplier.name },
            { key: 'Order date', value: order.orderDate },
            { key: 'Total before VAT', value: <Money pence={order.totalNetPence} /> },
            {
              key: 'Raised',
              value:
                order.raisedVia === 'touchless'
                  ? 'Automatically (on contract, within limits)'
                  : `After approval by ${names.get(order.raisedBy) ?? order.raisedBy}`,
            },
            { key: 'Version', value: String(order.version) },
          ]}
        />
        <p class="nhsuk-body">
          <a href={`/procurement/orders/${order.id}/print`}>Printable order</a>
          {' · '}
          <a href={`/api/v1/procurement/purchase-orders/${order.id}/order.xml`}>PEPPOL order (XML)</a>
        </p>
        <Table
          caption="Lines"
          rows={order.lines}
          columns={[
            { header: 'Line', cell: (line) => String(line.lineNo) },
            { header: 'Item', cell: (line) => line.description },
            { header: 'Ordered', cell: (line) => line.orderedQuantity, numeric: true },
            { header: 'Received', cell: (line) => line.receivedQuantity, numeric: true },
            { header: 'Invoiced', cell: (line) => line.invoicedQuantity, numeric: true },
            { header: 'Net', cell: (line) => <Money pence={line.netPence} />, numeric: true },
          ]}
        />
        {order.status !== 'cancelled' &&
        order.status !== 'closed' &&
        outstanding.length > 0 &&
        may(session, 'receive') ? (
          <form method="post" action={`/procurement/orders/${order.id}/receipt`} novalidate id="receive">
            <h2 class="nhsuk-heading-m">Record a delivery</h2>
            <p class="nhsuk-body">Enter what arrived. Leave a line blank if none of it came.</p>
            {outstanding.map((line) => {
              const left = formatQuantity(
                (parseQuantity(line.orderedQuantity) ?? 0n) - (parseQuantity(line.receivedQuantity) ?? 0n),
              );
              return (
                <InputField
                  name={`receive-${line.lineNo}`}
                  label={`Line ${line.lineNo}: ${line.description}`}
                  hint={`${left} still to come`}
                  value={values[`receive-${line.lineNo}`] ?? ''}
                  width={3}
                  inputmode="decimal"
                  error={errorOf(`receive-${line.lineNo}`)}
                />
              );
            })}
            <InputField
              name="note"
              label="Note (optional)"
              hint="For example: delivery note number"
              value={values.note ?? ''}
            />
            <Button>Record delivery</Button>
          </form>
        ) : null}
        {receipts.length > 0 ? (
          <Table
            caption="Deliveries and returns"
            rows={receipts}
            columns={[
              { header: 'Receipt', cell: (r) => `${r.number}${r.kind === 'return' ? ' (return)' : ''}` },
              { header: 'Date', cell: (r) => r.receivedOn },
              {
                header: 'Lines',
                cell: (r) => r.lines.map((line) => `line ${line.lineNo}: ${line.quantity}`).join(', '),
              },
              {
                header: 'Accrued',
                cell: (r) => <Money pence={r.lines.reduce((sum, line) => sum + line.valuePence, 0n)} />,
                numeric: true,
              },
            ]}
          />
        ) : null}
      </>,
    );
  }

  /** The line numbers the receive form was filled in for, in order. */
  const requestedLines = (form: Record<string, string>) =>
    Object.keys(form)
      .filter((key) => key.startsWith('receive-') && form[key]!.trim() !== '')
      .map((key) => key.slice('receive-'.length));

  web.get('/procurement/orders/:id', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireProcurementRole(session, 'read');
    return orderPage(c, session, c.req.param('id'));
  });

  web.post('/procurement/orders/:id/receipt', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireProcurementRole(session, 'receive');
    const form = await formOf(c);
    const lines = requestedLines(form).map((lineNo) => ({
      lineNo: Number(lineNo),
      quantity: form[`receive-${lineNo}`]!.trim(),
    }));
    if (lines.length === 0) {
      return orderPage(
        c,
        session,
        c.req.param('id'),
        [
          {
            path: 'receive',
            rule: 'lines-required',
            message: 'Enter the quantity that arrived on at least one line',
          },
        ],
        form,
      );
    }
    try {
      const receipt = await runner.withTenant(tenantContextOf(c, session), (tx) =>
        procurement.recordReceipt(tx, c.req.param('id'), { lines, note: form.note }),
      );
      const done = `Delivery ${receipt.number} recorded: ${receipt.lines.map((line) => `line ${line.lineNo} × ${line.quantity}`).join(', ')}`;
      return c.redirect(`/procurement/orders/${c.req.param('id')}?done=${encodeURIComponent(done)}`);
    } catch (error) {
      if (!isDomainError(error) || error.kind === 'not-found') throw error;
      const issues = error.issues.length
        ? error.issues
        : [{ path: 'receive', rule: error.code, message: error.message }];
      return orderPage(c, session, c.req.param('id'), issues, form);
    }
  });

  web.get('/procurement/orders/:id/print', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireProcurementRole(session, 'read');
    const doc = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      procurement.orderDocument(tx, c.req.param('id')),
    );
    const totals = orderTotals(doc.lines);
    return c.html(
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`Purchase order ${doc.number}`}</title>
          <link rel="stylesheet" href="/assets/nhsuk/nhsuk-frontend.min.css" />
          <link rel="stylesheet" href="/assets/web/mainstay.css" />
        </head>
        <body>
          <main class="nhsuk-width-container nhsuk-main-wrapper" id="main-content">
            <h1 class="nhsuk-heading-l">Purchase order {doc.number}</h1>
            <p class="nhsuk-body">
              {doc.orderDate} · version {doc.version} · requisition {doc.requisitionNumber}
            </p>
            <SummaryList
              rows={[
                { key: 'From', value: doc.buyer.name },
                {
                  key: 'Deliver to',
                  value: doc.buyer.deliveryAddress
                    ? [
                        ...doc.buyer.deliveryAddress.lines,
                        doc.buyer.deliveryAddress.town,
                        doc.buyer.deliveryAddress.postcode,
                      ].join(', ')
                    : '—',
                },
                {
                  key: 'Contact',
                  value: doc.buyer.contact
                    ? [doc.buyer.contact.name, doc.buyer.contact.email, doc.buyer.contact.telephone]
                        .filter(Boolean)
                        .join(', ')
                    : '—',
                },
                { key: 'To', value: doc.supplier.name },
                { key: 'Supplier VAT number', value: doc.supplier.vatNumber ?? '—' },
                {
                  key: 'Payment terms',
                  value: `${doc.paymentTermsDays} days from receipt of a valid invoice`,
                },
              ]}
            />
            <Table
              caption="Order lines"
              rows={doc.lines}
              columns={[
                { header: 'Line', cell: (line) => String(line.lineNo) },
                { header: 'Item', cell: (line) => line.description },
                { header: 'Your code', cell: (line) => line.supplierItemCode ?? '' },
                { header: 'GTIN', cell: (line) => line.gtin ?? '' },
                {
                  header: 'Quantity',
                  cell: (line) => `${formatQuantity(line.quantity)} ${line.unitCode}`,
                  numeric: true,
                },
                { header: 'Price', cell: (line) => <Money pence={line.unitPricePence} />, numeric: true },
                { header: 'Net', cell: (line) => <Money pence={line.netPence} />, numeric: true },
                { header: 'VAT', cell: (line) => `${line.vatRateBasisPoints / 100}%`, numeric: true },
              ]}
            />
            <p class="nhsuk-body">
              Net {formatPounds(totals.netPence)} · VAT {formatPounds(totals.vatPence)} · Total{' '}
              {formatPounds(totals.grossPence)}
            </p>
            <p class="nhsuk-body-s">
              Quote {doc.number} on your invoice. Invoices by PEPPOL to the buyer’s electronic address are
              paid fastest.
            </p>
          </main>
        </body>
      </html>,
    );
  });
}
