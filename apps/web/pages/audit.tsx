import type { OpenAPIHono } from '@hono/zod-openapi';
import { listAuditEntries, verifyAuditChain } from '../../../kernel/audit';
import { forbidden } from '../../../kernel/errors';
import type { AppEnv } from '../../../kernel/http';
import { organisationPermissions } from '../../../modules/organisations';
import type { Platform } from '../../platform/platform';
import { Button, Notice, Table, Tag } from '../components';
import { render, requireSession } from '../render';
import { hasAnyRole, tenantContextOf } from '../session';

/** The audit trail of the current organisation, and a check of its hash chain. */
export function auditPages(web: OpenAPIHono<AppEnv>, platform: Platform) {
  web.get('/audit', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    if (!hasAnyRole(session, organisationPermissions.rolesFor('read-audit')))
      throw forbidden('ROLE_REQUIRED', 'The audit trail needs an audit role');
    const ctx = tenantContextOf(c, session);
    const verify = c.req.query('verify') === '1';
    const { entries, verification } = await platform.runner.withTenant(ctx, async (tx) => ({
      entries: await listAuditEntries(tx, { limit: 100 }),
      verification: verify ? await verifyAuditChain(tx, ctx.organisationId) : null,
    }));
    return render(
      c,
      { title: 'Audit trail', section: 'audit', session },
      <>
        <span class="nhsuk-caption-l">{session.organisationName}</span>
        <h1 class="nhsuk-heading-l">Audit trail</h1>
        {verification ? (
          verification.ok ? (
            <Notice
              success
              title={`All ${verification.entries} entries verified: nothing has been altered, removed or reordered.`}
            />
          ) : (
            <Notice title="The audit trail has been tampered with">
              <ul class="nhsuk-list">
                {verification.problems.map((problem) => (
                  <li>
                    Entry {problem.seq}: {problem.kind} — {problem.detail}
                  </li>
                ))}
              </ul>
            </Notice>
          )
        ) : null}
        <form method="get" action="/audit" novalidate>
          <input type="hidden" name="verify" value="1" />
          <Button secondary>Verify the hash chain</Button>
        </form>
        <Table
          caption="The 100 most recent entries"
          rows={entries}
          columns={[
            { header: 'When', cell: (e) => e.occurredAt.slice(0, 19).replace('T', ' ') },
            {
              header: 'Who',
              cell: (e) => `${e.actor.kind === 'user' ? '' : `${e.actor.kind}: `}${e.actor.id}`,
            },
            { header: 'What', cell: (e) => <Tag colour="grey">{e.action}</Tag> },
            { header: 'Item', cell: (e) => `${e.entityType} ${e.entityId}` },
            { header: 'Why', cell: (e) => e.reason ?? '' },
          ]}
        />
      </>,
    );
  });
}
