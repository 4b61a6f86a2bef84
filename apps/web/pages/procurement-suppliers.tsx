import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { forbidden, isDomainError } from '../../../kernel/errors';
import type { AppEnv } from '../../../kernel/http';
import { formatSortCode, maskAccountNumber, suppliersPermissions } from '../../../modules/suppliers';
import type { Platform } from '../../platform/platform';
import {
  BackLink,
  Button,
  ErrorSummary,
  InputField,
  Notice,
  SelectField,
  SummaryList,
  Table,
  Tag,
  TextareaField,
} from '../components';
import { render, requireSession } from '../render';
import { hasAnyRole, tenantContextOf, type WebSession } from '../session';
import { formOf } from './procurement-shared';

type Permission = Parameters<typeof suppliersPermissions.rolesFor>[0];

function requireSupplierRole(session: WebSession, permission: Permission): void {
  if (!hasAnyRole(session, suppliersPermissions.rolesFor(permission))) {
    throw forbidden(
      'ROLE_REQUIRED',
      `This needs one of these roles: ${suppliersPermissions.rolesFor(permission).join(', ')}`,
    );
  }
}

/** The supplier master, and the call-back that puts a bank-detail change in force (mandate-fraud control). */
export function procurementSupplierPages(web: OpenAPIHono<AppEnv>, platform: Platform) {
  const { runner, suppliers } = platform;

  web.get('/procurement/suppliers', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireSupplierRole(session, 'read');
    const search = c.req.query('search')?.trim() || undefined;
    const list = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      suppliers.listSuppliers(tx, { search, limit: 200 }),
    );
    const waiting = list.filter((supplier) => supplier.pendingBankChange);
    return render(
      c,
      { title: 'Suppliers', section: 'suppliers', session },
      <>
        <span class="nhsuk-caption-l">{session.organisationName}</span>
        <h1 class="nhsuk-heading-l">Suppliers</h1>
        {waiting.length > 0 ? (
          <Notice
            title={`${waiting.length} bank-detail change${waiting.length === 1 ? '' : 's'} waiting for a call-back`}
          >
            <ul class="nhsuk-list">
              {waiting.map((supplier) => (
                <li>
                  <a href={`/procurement/suppliers/${supplier.id}`}>{supplier.name}</a>
                </li>
              ))}
            </ul>
          </Notice>
        ) : null}
        <form method="get" action="/procurement/suppliers" novalidate>
          <InputField name="search" label="Name, VAT or Companies House number" value={search ?? ''} />
          <Button secondary>Find</Button>
        </form>
        <Table
          caption="Suppliers"
          rows={list}
          empty="No suppliers match."
          columns={[
            { header: 'Supplier', cell: (s) => <a href={`/procurement/suppliers/${s.id}`}>{s.name}</a> },
            { header: 'VAT number', cell: (s) => s.vatNumber ?? '—' },
            {
              header: 'Terms',
              cell: (s) => (s.paymentTermsDays === null ? 'Standard' : `${s.paymentTermsDays} days`),
            },
            {
              header: 'Bank details',
              cell: (s) =>
                s.pendingBankChange ? (
                  <Tag colour="yellow">Change waiting</Tag>
                ) : (
                  <Tag colour="grey">No change</Tag>
                ),
            },
          ]}
        />
      </>,
    );
  });

  async function supplierPage(
    c: Context<AppEnv>,
    session: WebSession,
    id: string,
    error?: { field: string; message: string },
  ) {
    const seesBank = hasAnyRole(session, suppliersPermissions.rolesFor('bank-details'));
    const { supplier, history } = await runner.withTenant(tenantContextOf(c, session), async (tx) => ({
      supplier: await suppliers.getSupplier(tx, id),
      history: seesBank ? await suppliers.bankDetailsHistory(tx, id) : [],
    }));
    const pending = history.find((record) => record.status === 'pending');
    const canVerify = pending !== undefined && pending.enteredBy !== session.caller.actor.id;
    const contactsBefore = pending
      ? supplier.contacts.filter((contact) => contact.addedAt < pending.enteredAt && contact.telephone)
      : [];
    const done = c.req.query('done');
    return render(
      c,
      { title: supplier.name, section: 'suppliers', session, status: error ? 422 : 200 },
      <>
        <BackLink href="/procurement/suppliers">Suppliers</BackLink>
        <ErrorSummary errors={error ? [{ href: `#${error.field}`, message: error.message }] : []} />
        {done ? <Notice success title={done} /> : null}
        <span class="nhsuk-caption-l">Supplier</span>
        <h1 class="nhsuk-heading-l">{supplier.name}</h1>
        <SummaryList
          rows={[
            { key: 'VAT number', value: supplier.vatNumber ?? '—' },
            { key: 'Companies House', value: supplier.companiesHouseNumber ?? '—' },
            {
              key: 'PEPPOL address',
              value: supplier.endpointId ? `${supplier.endpointScheme}:${supplier.endpointId}` : '—',
            },
            {
              key: 'Payment terms',
              value:
                supplier.paymentTermsDays === null
                  ? 'The standard terms'
                  : `${supplier.paymentTermsDays} days`,
            },
          ]}
        />
        <Table
          caption="Contacts on file"
          rows={supplier.contacts}
          empty="No contacts on file."
          columns={[
            { header: 'Name', cell: (contact) => contact.name },
            { header: 'Telephone', cell: (contact) => contact.telephone ?? '—' },
            { header: 'Email', cell: (contact) => contact.email ?? '—' },
            { header: 'On file since', cell: (contact) => contact.addedAt.slice(0, 10) },
          ]}
        />
        {seesBank ? (
          <Table
            caption="Bank details"
            rows={history}
            columns={[
              { header: 'Sort code', cell: (record) => formatSortCode(record.sortCode) },
              {
                header: 'Account',
                cell: (record) =>
                  record.status === 'pending'
                    ? record.accountNumber
                    : maskAccountNumber(record.accountNumber),
              },
              {
                header: 'Entered',
                cell: (record) => `${record.enteredAt.slice(0, 10)} by ${record.enteredBy}`,
              },
              { header: 'Source', cell: (record) => record.source },
              {
                header: 'Status',
                cell: (record) =>
                  record.status === 'verified' ? (
                    <Tag colour="green">In force</Tag>
                  ) : record.status === 'pending' ? (
                    <Tag colour="yellow">Waiting for a call-back</Tag>
                  ) : (
                    <Tag colour="grey">{record.status}</Tag>
                  ),
              },
            ]}
          />
        ) : null}
        {pending && seesBank && !canVerify ? (
          <p class="nhsuk-body">You entered this change, so someone else must verify it.</p>
        ) : null}
        {pending && canVerify ? (
          <form method="post" action={`/procurement/suppliers/${supplier.id}/verification`} novalidate>
            <input type="hidden" name="bankDetailsId" value={pending.id} />
            <h2 class="nhsuk-heading-m">Verify the change by calling back</h2>
            <p class="nhsuk-body">
              Call a contact who was on file before the change, on the number we hold — never one given with
              the request — and ask them to confirm sort code {formatSortCode(pending.sortCode)} and account{' '}
              {pending.accountNumber}.
            </p>
            <SelectField
              name="contactId"
              label="Who you called"
              error={error?.field === 'contactId' ? error.message : undefined}
              options={[
                { value: '', label: 'Choose a contact on file' },
                ...contactsBefore.map((contact) => ({
                  value: contact.id,
                  label: `${contact.name}, ${contact.telephone}`,
                })),
              ]}
            />
            <TextareaField
              name="note"
              label="What they said"
              hint="Who you spoke to and what they confirmed, or why the change is wrong"
              rows={3}
              error={error?.field === 'note' ? error.message : undefined}
            />
            <Button name="outcome" value="confirmed">
              Confirmed: put the new details in force
            </Button>{' '}
            <Button secondary name="outcome" value="rejected">
              Reject the change
            </Button>
          </form>
        ) : null}
      </>,
    );
  }

  web.get('/procurement/suppliers/:id', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireSupplierRole(session, 'read');
    return supplierPage(c, session, c.req.param('id'));
  });

  web.post('/procurement/suppliers/:id/verification', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireSupplierRole(session, 'bank-details');
    const form = await formOf(c);
    const outcome = form.outcome === 'rejected' ? 'rejected' : 'confirmed';
    try {
      await runner.withTenant(tenantContextOf(c, session), (tx) =>
        suppliers.recordBankDetailsVerification(tx, c.req.param('id'), {
          bankDetailsId: form.bankDetailsId ?? '',
          contactId: form.contactId ?? '',
          outcome,
          note: form.note ?? '',
        }),
      );
      const done =
        outcome === 'confirmed'
          ? 'The new bank details are in force'
          : 'The change was rejected: the details on file stay in force';
      return c.redirect(`/procurement/suppliers/${c.req.param('id')}?done=${encodeURIComponent(done)}`);
    } catch (error) {
      if (!isDomainError(error) || error.kind === 'not-found') throw error;
      const field = error.issues[0]?.path === 'note' ? 'note' : 'contactId';
      return supplierPage(c, session, c.req.param('id'), { field, message: error.message });
    }
  });
}
