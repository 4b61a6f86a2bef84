import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { forbidden, isDomainError } from '../../../kernel/errors';
import type { AppEnv } from '../../../kernel/http';
import {
  type ColumnProfile,
  insightPermissions,
  SOURCE_KINDS,
  type SourceKind,
} from '../../../modules/insight';
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
} from '../components';
import { render, requireSession } from '../render';
import { hasAnyRole, tenantContextOf, type WebSession } from '../session';
import { InsightStyles, InsightTabs, pounds, QualityReasons, QualityTag } from './insight-components';

const KIND_LABELS: Record<SourceKind, string> = {
  spend: 'Payments over £25,000',
  'po-lines': 'Purchase-order lines',
  gl: 'General ledger',
  'staff-in-post': 'Staff in post',
  starters: 'Starters',
  leavers: 'Leavers',
  sickness: 'Sickness absence',
  vacancies: 'Vacancies and establishment',
  'temporary-staffing': 'Bank and agency use',
};

function requireInsightRole(session: WebSession, permission: 'read' | 'import' | 'review'): void {
  if (!hasAnyRole(session, insightPermissions.rolesFor(permission))) {
    throw forbidden(
      'ROLE_REQUIRED',
      `This needs one of these roles in ${session.organisationName}: ${insightPermissions.rolesFor(permission).join(', ')}`,
    );
  }
}

/** Bringing data in: imports with their quality, rejected rows, column mappings, and matches to review. */
export function dataPages(web: OpenAPIHono<AppEnv>, platform: Platform) {
  const { runner, insight } = platform;

  async function importsPage(
    c: Context<AppEnv>,
    session: WebSession,
    error?: string,
    status: 200 | 422 = 200,
  ) {
    const ctx = tenantContextOf(c, session);
    const { batches, profiles, quality } = await runner.withTenant(ctx, async (tx) => ({
      batches: await insight.ingestion.batches(tx, { limit: 100 }),
      profiles: await insight.ingestion.profiles(tx),
      quality: await insight.ingestion.organisationQuality(tx, await insight.ingestion.thresholds(tx)),
    }));
    const own = quality.find((entry) => entry.organisationId === session.organisationId);
    const canImport = hasAnyRole(session, insightPermissions.rolesFor('import'));
    return render(
      c,
      { title: 'Data and imports', section: 'insight', session, status },
      <>
        <InsightStyles />
        {error ? <ErrorSummary errors={[{ href: '#file', message: error }]} /> : null}
        <span class="nhsuk-caption-l">{session.organisationName}</span>
        <h1 class="nhsuk-heading-l">Data and imports</h1>
        <InsightTabs current="/insight/imports" system={false} />
        <h2 class="nhsuk-heading-m">
          This organisation’s data <QualityTag quality={own?.overall} />
        </h2>
        <QualityReasons quality={own?.overall ?? null} />
        <Table
          caption="Data quality by kind of data"
          rows={own?.byKind ?? []}
          columns={[
            { header: 'Data', cell: (row) => KIND_LABELS[row.kind] },
            { header: 'Rows', cell: (row) => row.quality.rows.toLocaleString('en-GB'), numeric: true },
            { header: 'Completeness', cell: (row) => String(row.quality.scores.completeness), numeric: true },
            { header: 'Validity', cell: (row) => String(row.quality.scores.validity), numeric: true },
            { header: 'Consistency', cell: (row) => String(row.quality.scores.consistency), numeric: true },
            { header: 'Timeliness', cell: (row) => String(row.quality.scores.timeliness), numeric: true },
            { header: 'Fit for', cell: (row) => <QualityTag quality={row.quality} /> },
          ]}
          empty="Nothing has been imported yet."
        />
        {canImport ? (
          <form method="post" action="/insight/imports" enctype="multipart/form-data" novalidate>
            <h2 class="nhsuk-heading-m">Import an extract</h2>
            <SelectField
              name="kind"
              label="What the file holds"
              options={SOURCE_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))}
            />
            <div class={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
              <label class="nhsuk-label" for="file">
                File (CSV or XLSX, as your system exports it)
              </label>
              {error ? (
                <span class="nhsuk-error-message" id="file-error">
                  <span class="nhsuk-u-visually-hidden">Error:</span> {error}
                </span>
              ) : null}
              <input
                class="nhsuk-file-upload"
                id="file"
                name="file"
                type="file"
                aria-describedby={error ? 'file-error' : undefined}
              />
            </div>
            <InputField
              name="source"
              label="Feed name (optional)"
              hint="The column mapping is saved under this name and reused for the next file from the same feed"
              width={20}
            />
            <Button>Import</Button>
          </form>
        ) : null}
        <h2 class="nhsuk-heading-m">Imports</h2>
        <Table
          caption="Imports, newest first"
          rows={batches}
          columns={[
            {
              header: 'File',
              cell: (batch) => <a href={`/insight/imports/${batch.id}`}>{batch.fileName}</a>,
            },
            { header: 'Data', cell: (batch) => KIND_LABELS[batch.kind] },
            {
              header: 'Rows',
              cell: (batch) =>
                batch.status === 'failed' ? (
                  <Tag colour="red">Refused</Tag>
                ) : (
                  `${batch.imported} imported, ${batch.rejected} rejected`
                ),
            },
            { header: 'Imported', cell: (batch) => batch.importedAt.slice(0, 16).replace('T', ' ') },
            { header: 'Data quality', cell: (batch) => <QualityTag quality={batch.qualityLabel} /> },
          ]}
          empty="Nothing has been imported yet."
        />
        <h2 class="nhsuk-heading-m">Column mappings</h2>
        <Table
          caption="How each feed’s columns map onto the common definitions"
          rows={profiles}
          columns={[
            {
              header: 'Feed',
              cell: (profile) => <a href={`/insight/mappings/${profile.source}`}>{profile.source}</a>,
            },
            { header: 'Data', cell: (profile) => KIND_LABELS[profile.kind] },
            {
              header: 'Status',
              cell: (profile) =>
                profile.status === 'confirmed' ? (
                  <Tag colour="green">Confirmed</Tag>
                ) : (
                  <Tag colour="yellow">Detected: to confirm</Tag>
                ),
            },
            { header: 'Version', cell: (profile) => String(profile.version), numeric: true },
          ]}
          empty="No mapping has been saved yet."
        />
      </>,
    );
  }

  web.get('/insight/imports', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireInsightRole(session, 'read');
    return importsPage(c, session);
  });

  web.post('/insight/imports', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireInsightRole(session, 'import');
    const form = await c.req.parseBody();
    const file = form.file;
    const kind = SOURCE_KINDS.find((candidate) => candidate === form.kind);
    if (!(file instanceof File) || file.size === 0)
      return importsPage(c, session, 'Choose a file to import', 422);
    if (!kind) return importsPage(c, session, 'Choose what the file holds', 422);
    const source = String(form.source ?? '').trim();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const outcome = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      insight.ingestion.importFile(tx, {
        bytes,
        fileName: file.name,
        kind,
        ...(source ? { source } : {}),
      }),
    );
    return c.redirect(`/insight/imports/${outcome.batchId}?done=${outcome.status}`);
  });

  web.get('/insight/imports/:id', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireInsightRole(session, 'read');
    const batch = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      insight.ingestion.batch(tx, c.req.param('id')),
    );
    const done = c.req.query('done');
    const summary = (batch.summary ?? {}) as {
      warnings?: { message: string }[];
      profile?: {
        change: string;
        newHeaders: string[];
        missingHeaders: string[];
        autoMapped: { header: string; field: string }[];
      } | null;
      rejectionsByRule?: Record<string, number>;
    };
    const error = batch.error as { message?: string; issues?: { path: string; message: string }[] } | null;
    return render(
      c,
      { title: batch.fileName, section: 'insight', session },
      <>
        <InsightStyles />
        <BackLink href="/insight/imports">Data and imports</BackLink>
        {done === 'imported' ? <Notice success title={`${batch.fileName} was imported`} /> : null}
        {done === 'repeat' ? (
          <Notice title="This file had been imported before: nothing was stored again" />
        ) : null}
        {done === 'failed' ? <Notice title="The file was refused: no row was imported" /> : null}
        <h1 class="nhsuk-heading-l">{batch.fileName}</h1>
        <SummaryList
          rows={[
            { key: 'Data', value: KIND_LABELS[batch.kind] },
            { key: 'Feed', value: batch.source },
            {
              key: 'Rows',
              value: `${batch.dataRows}: ${batch.imported} imported (${batch.alreadyPresent} already held), ${batch.rejected} rejected`,
            },
            { key: 'Total', value: pounds(batch.totalPence, 2) },
            { key: 'Period', value: batch.periodStart ? `${batch.periodStart} to ${batch.periodEnd}` : '—' },
            {
              key: 'Read as',
              value: `${batch.format ?? 'unknown'}, ${batch.encoding ?? 'unknown encoding'}`,
            },
            { key: 'Data quality', value: <QualityTag quality={batch.qualityLabel} /> },
          ]}
        />
        <QualityReasons quality={batch.qualityLabel} />
        {error ? (
          <Notice title={error.message ?? 'The file was refused'}>
            <ul class="nhsuk-list nhsuk-list--bullet">
              {(error.issues ?? []).map((issue) => (
                <li>{issue.message}</li>
              ))}
            </ul>
          </Notice>
        ) : null}
        {batch.rejected > 0 ? (
          <p class="nhsuk-body">
            <a href={`/insight/imports/${batch.id}/rejections.csv`}>
              Download the {batch.rejected} rejected row(s) with their reasons (CSV)
            </a>
          </p>
        ) : null}
        {summary.profile && summary.profile.change !== 'reused' ? (
          <>
            <h2 class="nhsuk-heading-m">Column mapping</h2>
            <p class="nhsuk-body">
              The mapping for feed <a href={`/insight/mappings/${batch.source}`}>{batch.source}</a> was{' '}
              {summary.profile.change}.
              {summary.profile.newHeaders.length > 0
                ? ` New headers: ${summary.profile.newHeaders.join(', ')}.`
                : ''}
              {summary.profile.missingHeaders.length > 0
                ? ` Headers no longer in the file: ${summary.profile.missingHeaders.join(', ')}.`
                : ''}
            </p>
          </>
        ) : null}
        {(summary.warnings ?? []).length > 0 ? (
          <ul class="nhsuk-list nhsuk-list--bullet">
            {(summary.warnings ?? []).map((warning) => (
              <li>{warning.message}</li>
            ))}
          </ul>
        ) : null}
      </>,
    );
  });

  web.get('/insight/imports/:id/rejections.csv', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireInsightRole(session, 'read');
    const file = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      insight.ingestion.rejectionsCsv(tx, c.req.param('id')),
    );
    return c.body(file.csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${file.fileName.replace(/"/g, '')}"`,
    });
  });

  async function mappingPage(c: Context<AppEnv>, session: WebSession, source: string, error?: string) {
    const profiles = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      insight.ingestion.profiles(tx),
    );
    const saved = profiles.find((profile) => profile.source === source);
    if (!saved) throw forbidden('INSIGHT_PROFILE_UNKNOWN', `No mapping is saved for the feed "${source}"`);
    const profile = saved.profile as ColumnProfile;
    const mapped = new Map(profile.columns.map((column) => [column.header, column.field]));
    const fields = [...new Set(profile.columns.map((column) => column.field))];
    return render(
      c,
      { title: `Column mapping: ${source}`, section: 'insight', session, status: error ? 422 : 200 },
      <>
        <BackLink href="/insight/imports">Data and imports</BackLink>
        {error ? <ErrorSummary errors={[{ href: '#header-0', message: error }]} /> : null}
        <h1 class="nhsuk-heading-l">Column mapping: {source}</h1>
        <p class="nhsuk-body">
          {KIND_LABELS[saved.kind]}, version {saved.version},{' '}
          {saved.status === 'confirmed'
            ? 'confirmed by a person'
            : 'detected from the headers and waiting to be confirmed'}
          . Each header of the last file is shown with the field it is read as; choose “Not used” to keep a
          column only as extra detail.
        </p>
        <form method="post" action={`/insight/mappings/${source}`} novalidate>
          {saved.headers.map((header, index) => (
            <SelectField
              name={`header-${index}`}
              id={`header-${index}`}
              label={header || `Column ${index + 1}`}
              value={mapped.get(header) ?? ''}
              options={[
                { value: '', label: 'Not used' },
                ...[...new Set([...fields, ...allFieldsOf(saved.kind)])].map((field) => ({
                  value: field,
                  label: field,
                })),
              ]}
            />
          ))}
          <Button>Confirm this mapping</Button>
        </form>
      </>,
    );
  }

  const allFieldsOf = (kind: SourceKind): string[] => insight.ingestion.fieldsOf(kind);

  web.get('/insight/mappings/:source', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireInsightRole(session, 'read');
    return mappingPage(c, session, c.req.param('source'));
  });

  web.post('/insight/mappings/:source', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireInsightRole(session, 'import');
    const source = c.req.param('source');
    const ctx = tenantContextOf(c, session);
    const profiles = await runner.withTenant(ctx, (tx) => insight.ingestion.profiles(tx));
    const saved = profiles.find((profile) => profile.source === source);
    if (!saved) throw forbidden('INSIGHT_PROFILE_UNKNOWN', `No mapping is saved for the feed "${source}"`);
    const form = await c.req.parseBody();
    const columns = saved.headers.flatMap((header, index) => {
      const field = String(form[`header-${index}`] ?? '');
      return field ? [{ header, field, confidence: 1, match: 'manual' as const }] : [];
    });
    const profile = {
      version: 1,
      kind: saved.kind,
      columns,
      ignoredHeaders: saved.headers.filter((header) => !columns.some((column) => column.header === header)),
    };
    try {
      await runner.withTenant(ctx, (tx) => insight.ingestion.confirmProfile(tx, source, profile));
    } catch (error) {
      if (isDomainError(error))
        return mappingPage(c, session, source, error.issues[0]?.message ?? error.message);
      throw error;
    }
    return c.redirect('/insight/imports');
  });

  web.get('/insight/reviews', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireInsightRole(session, 'read');
    const status = c.req.query('status') === 'decided' ? 'decided' : 'open';
    const reviews = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      insight.harmonisation.reviews(tx, status === 'open' ? { status: 'open' } : {}),
    );
    const shown = status === 'open' ? reviews : reviews.filter((review) => review.status !== 'open');
    const canDecide = hasAnyRole(session, insightPermissions.rolesFor('review'));
    const canRun = hasAnyRole(session, ['shared-service-manager', 'administrator']);
    return render(
      c,
      { title: 'Matches to review', section: 'insight', session },
      <>
        <InsightStyles />
        <span class="nhsuk-caption-l">{session.organisationName}</span>
        <h1 class="nhsuk-heading-l">Matches to review</h1>
        <InsightTabs current="/insight/reviews" system={false} />
        {c.req.query('done') ? <Notice success title="The decision was recorded" /> : null}
        <p class="nhsuk-body">
          Harmonisation links this organisation’s supplier names and catalogue items to the same supplier or
          product at other organisations. Matches it is not sure of wait here for someone who knows; every
          decision is audited and kept by later runs.{' '}
          {status === 'open' ? (
            <a href="/insight/reviews?status=decided">Decisions already made</a>
          ) : (
            <a href="/insight/reviews">Open questions</a>
          )}
        </p>
        {canRun ? (
          <form method="post" action="/insight/harmonise" class="nhsuk-u-margin-bottom-4" novalidate>
            <Button secondary>Run harmonisation now</Button>
          </form>
        ) : null}
        {shown.length === 0 ? <p class="nhsuk-body">Nothing to show.</p> : null}
        {shown.map((review) => (
          <div class="nhsuk-card">
            <div class="nhsuk-card__content">
              <h2 class="nhsuk-card__heading nhsuk-heading-s">
                {review.subject === 'supplier' ? 'Supplier' : 'Catalogue item'}: “{review.recordName}”
              </h2>
              <p class="nhsuk-body">
                The same as “{review.candidateName}” at {review.candidateOrganisationId}
                {review.candidateUnifiedName ? ` (${review.candidateUnifiedName})` : ''}? {review.detail} —
                confidence {review.confidence}.
              </p>
              {review.status === 'open' ? (
                canDecide ? (
                  <form method="post" action={`/insight/reviews/${review.id}`} novalidate>
                    <InputField
                      name="reason"
                      id={`reason-${review.id}`}
                      label="Why (recorded with the decision)"
                      width={30}
                    />
                    <div class="nhsuk-button-group">
                      <Button name="decision" value="accept">
                        Accept: the same
                      </Button>{' '}
                      <Button secondary name="decision" value="reject">
                        Reject: different
                      </Button>
                    </div>
                  </form>
                ) : (
                  <p class="nhsuk-body-s">A procurement officer or finance controller decides.</p>
                )
              ) : (
                <p class="nhsuk-body-s">
                  {review.status === 'accepted' ? (
                    <Tag colour="green">Accepted</Tag>
                  ) : (
                    <Tag colour="grey">Rejected</Tag>
                  )}{' '}
                  by {review.decidedBy} at {review.decidedAt?.slice(0, 16).replace('T', ' ')}:{' '}
                  {review.decisionReason}
                </p>
              )}
            </div>
          </div>
        ))}
      </>,
    );
  });

  web.post('/insight/reviews/:id', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireInsightRole(session, 'review');
    const form = await c.req.parseBody();
    const reason =
      String(form.reason ?? '').trim() ||
      (form.decision === 'accept' ? 'the same supplier or product' : 'not the same');
    await runner.withTenant(tenantContextOf(c, session), (tx) =>
      insight.harmonisation.decide(tx, c.req.param('id'), { accept: form.decision === 'accept', reason }),
    );
    return c.redirect('/insight/reviews?done=1');
  });

  web.post('/insight/harmonise', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    if (!hasAnyRole(session, ['shared-service-manager', 'administrator']))
      throw forbidden(
        'ROLE_REQUIRED',
        'A harmonisation run needs the shared-service manager or administrator role',
      );
    await insight.harmonisation.run();
    return c.redirect('/insight/reviews?done=1');
  });
}
