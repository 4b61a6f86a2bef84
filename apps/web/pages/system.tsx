import type { OpenAPIHono } from '@hono/zod-openapi';
import { forbidden } from '../../../kernel/errors';
import type { AppEnv } from '../../../kernel/http';
import { accountingPeriodOf, londonDate } from '../../../kernel/time';
import type { Platform } from '../../platform/platform';
import { Button, Money, SelectField, Table, Tag } from '../components';
import { render, requireSession } from '../render';
import { hasAnyRole } from '../session';

const SYSTEM_ROLES = ['system-leader', 'shared-service-manager'];

/** The whole integrated care system at once, through an explicit read scope over its members. */
export function systemPages(web: OpenAPIHono<AppEnv>, platform: Platform) {
  web.get('/system', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    if (!hasAnyRole(session, SYSTEM_ROLES))
      throw forbidden('ROLE_REQUIRED', 'The system view needs a system role');
    const organisation = await platform.organisations.getOrganisation(session.organisationId!);
    if (organisation.kind !== 'icb')
      throw forbidden(
        'SYSTEM_VIEW_NEEDS_BOARD',
        'Switch to the integrated care board to see its whole system',
      );
    const members = await platform.organisations.systemMembers(organisation.id);
    const period = c.req.query('period') || accountingPeriodOf(londonDate(platform.clock.now())).key;
    const scope = {
      organisationIds: members.map((member) => member.id),
      actor: session.caller.actor,
      requestId: c.get('requestId'),
    };
    const { tb, conformance } = await platform.runner.withReadScope(scope, async (tx) => {
      const reports = [];
      for (const member of members.filter((m) => m.kind === 'trust'))
        reports.push({ member, report: await platform.framework.conformance(tx, member.id) });
      return { tb: await platform.ledger.consolidatedTrialBalance(tx, period), conformance: reports };
    });
    const periods = Array.from(
      { length: 12 },
      (_, index) => `${period.slice(0, 7)}/P${String(index + 1).padStart(2, '0')}`,
    );
    return render(
      c,
      { title: 'Integrated care system', section: 'system', session },
      <>
        <span class="nhsuk-caption-l">{organisation.name}</span>
        <h1 class="nhsuk-heading-l">The whole system</h1>
        <h2 class="nhsuk-heading-m">Conformance to the standard</h2>
        <Table
          caption="Conformance by member organisation"
          rows={conformance}
          columns={[
            { header: 'Organisation', cell: (row) => row.member.name },
            {
              header: 'Status',
              cell: (row) =>
                row.member.status === 'onboarding' ? (
                  <Tag colour="yellow">Joining</Tag>
                ) : (
                  <Tag colour="green">Member</Tag>
                ),
            },
            {
              header: 'On the standard',
              cell: (row) => `${(row.report.share * 100).toFixed(0)}%`,
              numeric: true,
            },
            {
              header: 'Variations',
              cell: (row) => String(row.report.variations.filter((v) => !v.localChoice).length),
              numeric: true,
            },
            {
              header: 'Not justified',
              cell: (row) => String(row.report.variations.filter((v) => !v.justified).length),
              numeric: true,
            },
          ]}
        />
        <h2 class="nhsuk-heading-m">Consolidated trial balance</h2>
        <form method="get" action="/system" novalidate>
          <SelectField
            name="period"
            label="Accounting period"
            value={period}
            options={periods.map((key) => ({ value: key, label: key }))}
          />
          <Button secondary>Show</Button>
        </form>
        <p class="nhsuk-body">
          {tb.balanced ? <Tag colour="green">Balanced</Tag> : <Tag colour="red">Does not balance</Tag>}
        </p>
        <Table
          caption={`Consolidated trial balance ${period}`}
          rows={tb.lines}
          columns={[
            { header: 'Account', cell: (line) => `${line.accountCode} ${line.accountName}` },
            { header: 'Debits', cell: (line) => <Money pence={line.debitsPence} />, numeric: true },
            { header: 'Credits', cell: (line) => <Money pence={line.creditsPence} />, numeric: true },
            { header: 'Closing', cell: (line) => <Money pence={line.closingPence} />, numeric: true },
          ]}
        />
      </>,
    );
  });
}
