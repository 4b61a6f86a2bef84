import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { isDomainError, type ValidationIssue } from '../../../kernel/errors';
import type { AppEnv } from '../../../kernel/http';
import type { OrderableItem, Requisition } from '../../../modules/procurement';
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
import { tenantContextOf, type WebSession } from '../session';
import {
  type Basket,
  formOf,
  may,
  RequisitionTag,
  readBasket,
  requireProcurementRole,
  writeBasket,
} from './procurement-shared';

const UNIT_WORDS: Record<string, string> = {
  XBX: 'box',
  XPK: 'pack',
  EA: 'each',
  XBO: 'bottle',
  XRO: 'roll',
  PR: 'pair',
  XCS: 'case',
  XBG: 'bag',
  SET: 'set',
};
const unitWord = (code: string) => UNIT_WORDS[code] ?? code;

/** Ordering from the catalogue (phone first), the basket, requisitions and the approver's decision. */
export function procurementPages(web: OpenAPIHono<AppEnv>, platform: Platform) {
  const { runner, procurement, ledger } = platform;
  const ctxOf = (c: Context<AppEnv>, session: WebSession) => tenantContextOf(c, session);

  web.get('/procurement', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireProcurementRole(session, 'read');
    const { mine, waiting } = await runner.withTenant(ctxOf(c, session), async (tx) => ({
      mine: await procurement.requisitions(tx, { requesterId: session.caller.actor.id, limit: 10 }),
      waiting: await procurement.approvalQueue(tx, 100),
    }));
    const basket = readBasket(c, session.organisationId ?? '');
    return render(
      c,
      { title: 'Ordering', section: 'procurement', session },
      <>
        <span class="nhsuk-caption-l">{session.organisationName}</span>
        <h1 class="nhsuk-heading-l">Ordering</h1>
        {may(session, 'requisition') ? (
          <form method="get" action="/procurement/catalogue" novalidate>
            <InputField
              name="q"
              label="Search the catalogue"
              hint="For example: gloves, dressing 10cm, a GTIN or supplier code"
            />
            <Button>Search</Button>
          </form>
        ) : null}
        <ul class="nhsuk-list">
          {basket.lines.length > 0 ? (
            <li>
              <a href="/procurement/basket">Your basket ({basket.lines.length})</a>
            </li>
          ) : null}
          <li>
            <a href="/procurement/approvals">Waiting for your approval ({waiting.length})</a>
          </li>
          <li>
            <a href="/procurement/orders">Purchase orders</a>
          </li>
          {may(session, 'manage-catalogue') ? (
            <li>
              <a href="/procurement/suppliers">Suppliers and bank-detail checks</a>
            </li>
          ) : null}
        </ul>
        <h2 class="nhsuk-heading-m">Your requisitions</h2>
        <RequisitionTable rows={mine} empty="You have not raised any requisitions yet." />
      </>,
    );
  });

  web.get('/procurement/catalogue', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireProcurementRole(session, 'requisition');
    const query = c.req.query('q')?.trim() ?? '';
    const found = query
      ? await runner.withTenant(ctxOf(c, session), (tx) =>
          procurement.searchCatalogue(tx, { query, limit: 20 }),
        )
      : [];
    const basket = readBasket(c, session.organisationId ?? '');
    const added = c.req.query('added');
    return render(
      c,
      { title: query ? `Catalogue: ${query}` : 'Catalogue', section: 'procurement', session },
      <>
        <BackLink href="/procurement">Ordering</BackLink>
        {added ? (
          <Notice success title={`Added to your basket: ${added}`}>
            <p class="nhsuk-body">
              <a href="/procurement/basket">Go to your basket ({basket.lines.length})</a>
            </p>
          </Notice>
        ) : null}
        <h1 class="nhsuk-heading-l">Order from the catalogue</h1>
        <form method="get" action="/procurement/catalogue" novalidate>
          <InputField
            name="q"
            label="Search the catalogue"
            value={query}
            hint="Words from the description, a GTIN or a supplier code"
          />
          <Button secondary>Search</Button>
        </form>
        {basket.lines.length > 0 && !added ? (
          <p class="nhsuk-body">
            <a href="/procurement/basket">Your basket ({basket.lines.length})</a>
          </p>
        ) : null}
        {query && found.length === 0 ? (
          <p class="nhsuk-body">Nothing orderable here matches “{query}”.</p>
        ) : null}
        {found.map((item) => (
          <CatalogueCard item={item} query={query} />
        ))}
      </>,
    );
  });

  web.post('/procurement/basket/add', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireProcurementRole(session, 'requisition');
    const form = await formOf(c);
    const item = await runner.withTenant(ctxOf(c, session), (tx) =>
      procurement.catalogueItem(tx, form.itemId ?? ''),
    );
    const basket = readBasket(c, session.organisationId ?? '');
    const quantity = (form.quantity ?? '1').trim() || '1';
    const existing = basket.lines.find((line) => line.itemId === item.id);
    if (existing) existing.quantity = quantity;
    else basket.lines.push({ itemId: item.id, quantity });
    writeBasket(c, basket);
    const back = new URLSearchParams({ q: form.q ?? '', added: item.description });
    return c.redirect(`/procurement/catalogue?${back}`);
  });

  async function basketPage(
    c: Context<AppEnv>,
    session: WebSession,
    basket: Basket,
    issues: readonly ValidationIssue[] = [],
  ) {
    const ctx = ctxOf(c, session);
    const { items, centres } = await runner.withTenant(ctx, async (tx) => {
      const found = await procurement.searchCatalogue(tx, {
        ids: basket.lines.map((line) => line.itemId),
        availableOnly: false,
      });
      return {
        items: basket.lines.map((line) => found.find((item) => item.id === line.itemId) ?? null),
        centres: (await ledger.costCentres(tx)).filter((centre) => centre.active),
      };
    });
    const fieldOf = (path: string) => {
      const match = /^lines\[(\d+)\]\.(\w+)$/.exec(path);
      if (!match) return path === 'lines' ? 'costCentre' : path;
      return match[2] === 'costCentreCode'
        ? 'costCentre'
        : `qty-${basket.lines[Number(match[1])]?.itemId ?? ''}`;
    };
    const errors = issues.map((issue) => ({ field: fieldOf(issue.path), message: issue.message }));
    const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
    const total = basket.lines.reduce((sum, line, index) => {
      const item = items[index];
      const whole = /^\d+$/.test(line.quantity) ? BigInt(line.quantity) : 0n;
      return item ? sum + item.pricePence * whole : sum;
    }, 0n);
    return render(
      c,
      { title: 'Your basket', section: 'procurement', session, status: issues.length ? 422 : 200 },
      <>
        <BackLink href="/procurement/catalogue">Catalogue</BackLink>
        <ErrorSummary errors={errors.map((error) => ({ href: `#${error.field}`, message: error.message }))} />
        <h1 class="nhsuk-heading-l">Your basket</h1>
        {basket.lines.length === 0 ? (
          <p class="nhsuk-body">
            Your basket is empty. <a href="/procurement/catalogue">Search the catalogue</a>
          </p>
        ) : (
          <form method="post" action="/procurement/basket" novalidate>
            {basket.lines.map((line, index) => {
              const item = items[index];
              return (
                <div class="nhsuk-card">
                  <div class="nhsuk-card__content">
                    <h2 class="nhsuk-card__heading nhsuk-heading-s">
                      {item?.description ?? 'No longer in the catalogue'}
                    </h2>
                    {item ? (
                      <p class="nhsuk-body-s">
                        <Money pence={item.pricePence} /> a {unitWord(item.unitCode)} of {item.packSize} ·{' '}
                        {item.supplierName}
                      </p>
                    ) : null}
                    <InputField
                      name={`qty-${line.itemId}`}
                      label="Quantity"
                      value={line.quantity}
                      width={3}
                      inputmode="decimal"
                      error={errorOf(`qty-${line.itemId}`)}
                    />
                    <button
                      class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                      type="submit"
                      name="remove"
                      value={line.itemId}
                    >
                      Remove <span class="nhsuk-u-visually-hidden">{item?.description ?? line.itemId}</span>
                    </button>
                  </div>
                </div>
              );
            })}
            <SelectField
              name="costCentre"
              label="Cost centre"
              hint="Whose budget pays for this order"
              value={basket.costCentre || centres[0]?.code}
              error={errorOf('costCentre')}
              options={centres.map((centre) => ({
                value: centre.code,
                label: `${centre.code} ${centre.name}`,
              }))}
            />
            <p class="nhsuk-body">
              About <Money pence={total} /> before VAT.
            </p>
            <Button name="submit" value="yes">
              Submit order
            </Button>{' '}
            <Button secondary name="update" value="yes">
              Update basket
            </Button>
          </form>
        )}
      </>,
    );
  }

  web.get('/procurement/basket', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireProcurementRole(session, 'requisition');
    return basketPage(c, session, readBasket(c, session.organisationId ?? ''));
  });

  web.post('/procurement/basket', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireProcurementRole(session, 'requisition');
    const form = await formOf(c);
    const previous = readBasket(c, session.organisationId ?? '');
    const basket: Basket = {
      organisationId: previous.organisationId,
      costCentre: form.costCentre ?? previous.costCentre,
      lines: previous.lines
        .filter((line) => line.itemId !== form.remove)
        .map((line) => ({ ...line, quantity: (form[`qty-${line.itemId}`] ?? line.quantity).trim() })),
    };
    writeBasket(c, basket);
    if (form.submit !== 'yes' || basket.lines.length === 0) return c.redirect('/procurement/basket');
    try {
      const { requisition } = await runner.withTenant(ctxOf(c, session), (tx) =>
        procurement.submitRequisition(tx, {
          lines: basket.lines.map((line) => ({
            itemId: line.itemId,
            quantity: line.quantity,
            costCentreCode: basket.costCentre,
          })),
        }),
      );
      writeBasket(c, { ...basket, lines: [] });
      return c.redirect(`/procurement/requisitions/${requisition.id}?done=submitted`);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const issues = error.issues.length
        ? error.issues
        : [{ path: 'costCentre', rule: error.code, message: error.message }];
      return basketPage(c, session, basket, issues);
    }
  });

  web.get('/procurement/approvals', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireProcurementRole(session, 'read');
    const waiting = await runner.withTenant(ctxOf(c, session), (tx) => procurement.approvalQueue(tx, 100));
    const done = c.req.query('done');
    return render(
      c,
      { title: 'Waiting for your approval', section: 'procurement', session },
      <>
        <BackLink href="/procurement">Ordering</BackLink>
        {done ? <Notice success title={done} /> : null}
        <h1 class="nhsuk-heading-l">Waiting for your approval</h1>
        <RequisitionTable rows={waiting} empty="Nothing is waiting for you." />
      </>,
    );
  });

  async function requisitionPage(
    c: Context<AppEnv>,
    session: WebSession,
    id: string,
    error?: { field: string; message: string },
  ) {
    const ctx = ctxOf(c, session);
    const { requisition, canDecide, orders, names } = await runner.withTenant(ctx, async (tx) => {
      const found = await procurement.requisition(tx, id);
      const queue = found.status === 'pending-approval' ? await procurement.approvalQueue(tx, 200) : [];
      return {
        requisition: found,
        canDecide: queue.some((entry) => entry.id === id),
        orders: await procurement.purchaseOrders(tx, { requisitionId: id }),
        names: new Map(
          (await platform.organisations.listMembers(tx)).map((member) => [member.userId, member.displayName]),
        ),
      };
    });
    const nameOf = (userId: string) => names.get(userId) ?? userId;
    const done = c.req.query('done');
    return render(
      c,
      {
        title: `Requisition ${requisition.number}`,
        section: 'procurement',
        session,
        status: error ? 422 : 200,
      },
      <>
        <BackLink href="/procurement">Ordering</BackLink>
        <ErrorSummary errors={error ? [{ href: `#${error.field}`, message: error.message }] : []} />
        {done === 'submitted' && requisition.status === 'ordered' ? (
          <Notice success title={`Ordered: ${orders.map((order) => order.number).join(', ')}`}>
            <p class="nhsuk-body">
              Everything was on contract and within the limits, so the order went straight to the supplier.
            </p>
          </Notice>
        ) : null}
        {done === 'submitted' && requisition.status === 'pending-approval' ? (
          <Notice title={`Sent for approval to a ${requisition.awaitingLevel?.role.replace('-', ' ')}`}>
            <ul class="nhsuk-list nhsuk-list--bullet">
              {requisition.touchlessBlockers.map((reason) => (
                <li>{reason}</li>
              ))}
            </ul>
          </Notice>
        ) : null}
        {done && done !== 'submitted' ? <Notice success title={done} /> : null}
        <span class="nhsuk-caption-l">Requisition</span>
        <h1 class="nhsuk-heading-l">{requisition.number}</h1>
        <SummaryList
          rows={[
            { key: 'Status', value: <RequisitionTag status={requisition.status} /> },
            { key: 'Total before VAT', value: <Money pence={requisition.totalNetPence} /> },
            { key: 'Requested by', value: nameOf(requisition.requesterId) },
            { key: 'Submitted', value: requisition.submittedAt.slice(0, 16).replace('T', ' ') },
            ...(requisition.awaitingLevel
              ? [
                  {
                    key: 'Waiting for',
                    value: `${requisition.awaitingLevel.role} (level ${requisition.awaitingLevel.level} of ${requisition.approvalRoute.length})`,
                  },
                ]
              : []),
            ...(requisition.closingReason ? [{ key: 'Reason', value: requisition.closingReason }] : []),
          ]}
        />
        <Table
          caption="Lines"
          rows={requisition.lines}
          columns={[
            { header: 'Item', cell: (line) => line.description },
            {
              header: 'Quantity',
              cell: (line) => `${line.quantity} ${unitWord(line.unitCode)}`,
              numeric: true,
            },
            { header: 'Price', cell: (line) => <Money pence={line.unitPricePence} />, numeric: true },
            { header: 'Net', cell: (line) => <Money pence={line.netPence} />, numeric: true },
            { header: 'Coding', cell: (line) => `${line.accountCode} / ${line.costCentreCode}` },
            {
              header: 'Contract',
              cell: (line) =>
                line.onContract ? (
                  <Tag colour="green">On contract</Tag>
                ) : (
                  <Tag colour="orange">Off contract</Tag>
                ),
            },
          ]}
        />
        {requisition.decisions.length > 0 ? (
          <Table
            caption="Decisions"
            rows={requisition.decisions}
            columns={[
              { header: 'Level', cell: (d) => `${d.level}: ${d.role}` },
              { header: 'Decision', cell: (d) => d.decision },
              {
                header: 'By',
                cell: (d) =>
                  d.onBehalfOf ? `${nameOf(d.decidedBy)} for ${nameOf(d.onBehalfOf)}` : nameOf(d.decidedBy),
              },
              { header: 'Reason', cell: (d) => d.reason ?? '' },
            ]}
          />
        ) : null}
        {orders.length > 0 ? (
          <>
            <h2 class="nhsuk-heading-m">Purchase orders</h2>
            <ul class="nhsuk-list">
              {orders.map((order) => (
                <li>
                  <a href={`/procurement/orders/${order.id}`}>{order.number}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {canDecide ? (
          <form method="post" action={`/procurement/requisitions/${requisition.id}/decision`} novalidate>
            <h2 class="nhsuk-heading-m">Your decision</h2>
            <TextareaField
              name="reason"
              label="Reason"
              hint="Needed if you reject: the requester sees it"
              rows={3}
              error={error?.field === 'reason' ? error.message : undefined}
            />
            <Button name="decision" value="approved">
              Approve
            </Button>{' '}
            <Button secondary name="decision" value="rejected">
              Reject
            </Button>
          </form>
        ) : null}
      </>,
    );
  }

  web.get('/procurement/requisitions/:id', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireProcurementRole(session, 'read');
    return requisitionPage(c, session, c.req.param('id'));
  });

  web.post('/procurement/requisitions/:id/decision', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireProcurementRole(session, 'read');
    const form = await formOf(c);
    const decision = form.decision === 'rejected' ? 'rejected' : 'approved';
    try {
      const { requisition, purchaseOrders } = await runner.withTenant(ctxOf(c, session), (tx) =>
        procurement.decideRequisition(tx, c.req.param('id'), { decision, reason: form.reason }),
      );
      const done =
        decision === 'rejected'
          ? `Requisition ${requisition.number} rejected`
          : purchaseOrders.length > 0
            ? `Requisition ${requisition.number} approved: ordered ${purchaseOrders.map((order) => order.number).join(', ')}`
            : `Requisition ${requisition.number} approved: it now goes to a ${requisition.awaitingLevel?.role}`;
      return c.redirect(`/procurement/approvals?done=${encodeURIComponent(done)}`);
    } catch (error) {
      if (!isDomainError(error) || error.kind === 'not-found') throw error;
      return requisitionPage(c, session, c.req.param('id'), { field: 'reason', message: error.message });
    }
  });
}

const CatalogueCard = ({ item, query }: { item: OrderableItem; query: string }) => (
  <div class="nhsuk-card">
    <div class="nhsuk-card__content">
      <h2 class="nhsuk-card__heading nhsuk-heading-s">{item.description}</h2>
      <p class="nhsuk-body-s">
        <Money pence={item.pricePence} /> a {unitWord(item.unitCode)} of {item.packSize} · {item.supplierName}{' '}
        {item.onContract ? <Tag colour="green">On contract</Tag> : <Tag colour="orange">Off contract</Tag>}
      </p>
      <form method="post" action="/procurement/basket/add" novalidate>
        <input type="hidden" name="itemId" value={item.id} />
        <input type="hidden" name="q" value={query} />
        <div class="nhsuk-form-group">
          <label class="nhsuk-label" for={`quantity-${item.id}`}>
            Quantity <span class="nhsuk-u-visually-hidden">of {item.description}</span>
          </label>
          <input
            class="nhsuk-input nhsuk-input--width-3"
            id={`quantity-${item.id}`}
            name="quantity"
            type="text"
            inputmode="decimal"
            value="1"
          />
        </div>
        <button class="nhsuk-button nhsuk-button--small" data-module="nhsuk-button" type="submit">
          Add <span class="nhsuk-u-visually-hidden">{item.description}</span> to basket
        </button>
      </form>
    </div>
  </div>
);

const RequisitionTable = ({ rows, empty }: { rows: readonly Requisition[]; empty: string }) => (
  <Table
    caption="Requisitions"
    rows={rows}
    empty={empty}
    columns={[
      { header: 'Requisition', cell: (r) => <a href={`/procurement/requisitions/${r.id}`}>{r.number}</a> },
      {
        header: 'Items',
        cell: (r) =>
          r.lines
            .map((line) => line.description)
            .join('; ')
            .slice(0, 80),
      },
      { header: 'Total', cell: (r) => <Money pence={r.totalNetPence} />, numeric: true },
      { header: 'Status', cell: (r) => <RequisitionTag status={r.status} /> },
    ]}
  />
);
