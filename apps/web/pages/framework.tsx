import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { forbidden, isDomainError } from '../../../kernel/errors';
import type { AppEnv } from '../../../kernel/http';
import {
  describeValue,
  isSettingKey,
  REASON_CATEGORIES,
  REASON_CATEGORY_LABELS,
  SETTING_KEYS,
  SETTINGS,
} from '../../../modules/framework';
import { frameworkPermissions } from '../../../modules/framework/permissions';
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

const percent = (share: number) => `${(share * 100).toFixed(0)}%`;

function requireRole(session: WebSession, permission: 'read' | 'propose' | 'decide' | 'gap-analysis'): void {
  if (!hasAnyRole(session, frameworkPermissions.rolesFor(permission))) {
    throw forbidden(
      'ROLE_REQUIRED',
      `This needs one of these roles in ${session.organisationName}: ${frameworkPermissions.rolesFor(permission).join(', ')}`,
    );
  }
}

/** Reads what a person typed as a setting value: a number, true/false, or JSON for structured settings. */
function readValue(raw: string): unknown {
  const text = raw.trim();
  if (text === 'true' || text === 'false') return text === 'true';
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The standard, the organisation's variations and conformance, proposals and decisions, gap analyses. */
export function frameworkPages(web: OpenAPIHono<AppEnv>, platform: Platform) {
  const { runner, framework } = platform;

  web.get('/framework', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'read');
    const report = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      framework.conformance(tx, session.organisationId!),
    );
    const canDecide = hasAnyRole(session, frameworkPermissions.rolesFor('decide'));
    const done = c.req.query('done');
    return render(
      c,
      { title: 'Standard and variations', section: 'framework', session },
      <>
        {done ? <Notice success title={done} /> : null}
        <span class="nhsuk-caption-l">{session.organisationName}</span>
        <h1 class="nhsuk-heading-l">Conformance to the standard</h1>
        <p class="ms-figure" data-testid="conformance-share">
          {percent(report.share)}
        </p>
        <p class="nhsuk-body">
          {report.onStandard} of {report.settingsCounted} settings are on the national standard{' '}
          {report.standardVersion}. Local choices the standard leaves to each organisation do not count
          against it.
        </p>
        <p class="nhsuk-body">
          <a href="/framework/standard">The national standard</a>
          {hasAnyRole(session, frameworkPermissions.rolesFor('propose')) ? (
            <>
              {' · '}
              <a href="/framework/variations/new">Propose a variation</a>
            </>
          ) : null}
          {hasAnyRole(session, frameworkPermissions.rolesFor('gap-analysis')) ? (
            <>
              {' · '}
              <a href="/framework/gap-analyses">Gap analyses</a>
            </>
          ) : null}
        </p>
        <h2 class="nhsuk-heading-m">Variations in force</h2>
        <Table
          caption="Local variations in force"
          rows={report.variations}
          columns={[
            { header: 'Setting', cell: (v) => v.title },
            { header: 'Standard', cell: (v) => describeValue(v.standardValue) },
            { header: 'Here', cell: (v) => describeValue(v.value) },
            { header: 'Reason', cell: (v) => `${REASON_CATEGORY_LABELS[v.reasonCategory]}: ${v.reason}` },
            {
              header: 'Assessment',
              cell: (v) =>
                v.localChoice ? (
                  <Tag colour="blue">Local choice</Tag>
                ) : v.justified ? (
                  <Tag colour="green">Justified</Tag>
                ) : (
                  <>
                    <Tag colour="red">Not justified</Tag>
                    <ul class="nhsuk-list nhsuk-body-s">
                      {v.concerns.map((concern) => (
                        <li>{concern}</li>
                      ))}
                    </ul>
                  </>
                ),
            },
          ]}
          empty="This organisation runs on the standard everywhere."
        />
        <h2 class="nhsuk-heading-m">Awaiting a decision</h2>
        <Table
          caption="Proposed variations"
          rows={report.proposed}
          columns={[
            { header: 'Setting', cell: (v) => SETTINGS[v.settingKey].title },
            { header: 'Proposed value', cell: (v) => describeValue(v.value) },
            { header: 'Reason', cell: (v) => v.reason },
            {
              header: 'Decision',
              cell: (v) =>
                canDecide ? (
                  <form method="post" action={`/framework/variations/${v.id}/decision`} novalidate>
                    <button class="nhsuk-button nhsuk-button--small" type="submit" name="approve" value="yes">
                      Approve <span class="nhsuk-u-visually-hidden">{SETTINGS[v.settingKey].title}</span>
                    </button>{' '}
                    <button
                      class="nhsuk-button nhsuk-button--secondary nhsuk-button--small"
                      type="submit"
                      name="approve"
                      value="no"
                    >
                      Reject <span class="nhsuk-u-visually-hidden">{SETTINGS[v.settingKey].title}</span>
                    </button>
                  </form>
                ) : (
                  <Tag colour="yellow">With the Design Authority</Tag>
                ),
            },
          ]}
          empty="No proposals are waiting."
        />
      </>,
    );
  });

  web.get('/framework/standard', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'read');
    const standard = await framework.standard();
    return render(
      c,
      { title: 'The national standard', section: 'framework', session },
      <>
        <BackLink href="/framework">Conformance</BackLink>
        <h1 class="nhsuk-heading-l">{standard.title}</h1>
        <p class="nhsuk-body">
          Version {standard.version}, in force from {standard.effectiveFrom}.
        </p>
        <Table
          caption="Settings of the standard"
          rows={SETTING_KEYS}
          columns={[
            { header: 'Setting', cell: (key) => SETTINGS[key].title },
            {
              header: 'Standard value',
              cell: (key) => <span class="ms-mono">{describeValue(standard.settings[key])}</span>,
            },
            { header: 'What it affects', cell: (key) => SETTINGS[key].affects },
          ]}
        />
      </>,
    );
  });

  const proposeForm = (
    c: Context<AppEnv>,
    session: WebSession,
    values: Record<string, string>,
    errors: { field: string; message: string }[],
    standardValue?: unknown,
  ) => {
    const key = values.settingKey && isSettingKey(values.settingKey) ? values.settingKey : null;
    const errorOf = (field: string) => errors.find((error) => error.field === field)?.message;
    return render(
      c,
      { title: 'Propose a variation', section: 'framework', session, status: errors.length ? 422 : 200 },
      <>
        <BackLink href="/framework">Conformance</BackLink>
        <ErrorSummary errors={errors.map((error) => ({ href: `#${error.field}`, message: error.message }))} />
        <h1 class="nhsuk-heading-l">Propose a local variation</h1>
        {key ? (
          <form method="post" action="/framework/variations/new" novalidate>
            <input type="hidden" name="settingKey" value={key} />
            <SummaryList
              rows={[
                { key: 'Setting', value: SETTINGS[key].title },
                { key: 'What it is', value: SETTINGS[key].description },
                { key: 'What changing it affects', value: SETTINGS[key].affects },
                { key: 'The standard', value: <span class="ms-mono">{describeValue(standardValue)}</span> },
              ]}
            />
            <TextareaField
              name="value"
              label="The value you propose"
              hint="A number, true or false, or the same form as the standard shown above"
              rows={4}
              value={values.value ?? describeValue(standardValue)}
              error={errorOf('value')}
            />
            <SelectField
              name="reasonCategory"
              label="Why the standard does not fit here"
              value={values.reasonCategory}
              error={errorOf('reasonCategory')}
              options={REASON_CATEGORIES.map((category) => ({
                value: category,
                label: REASON_CATEGORY_LABELS[category],
              }))}
            />
            <TextareaField
              name="reason"
              label="Explain the reason"
              rows={3}
              value={values.reason}
              error={errorOf('reason')}
            />
            <InputField
              name="reviewBy"
              label="Review by (optional)"
              hint="For example 2027-03-31"
              value={values.reviewBy}
              error={errorOf('reviewBy')}
              width={10}
            />
            <Button>Propose variation</Button>
          </form>
        ) : (
          <form method="get" action="/framework/variations/new" novalidate>
            <SelectField
              name="settingKey"
              label="Which setting?"
              error={errorOf('settingKey')}
              options={SETTING_KEYS.map((settingKey) => ({
                value: settingKey,
                label: SETTINGS[settingKey].title,
              }))}
            />
            <Button>Continue</Button>
          </form>
        )}
      </>,
    );
  };

  web.get('/framework/variations/new', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'propose');
    const settingKey = c.req.query('settingKey') ?? '';
    const standard = await framework.standard();
    return proposeForm(
      c,
      session,
      { settingKey },
      [],
      isSettingKey(settingKey) ? standard.settings[settingKey] : undefined,
    );
  });

  web.post('/framework/variations/new', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'propose');
    const form = Object.fromEntries(
      Object.entries(await c.req.parseBody()).map(([key, value]) => [key, String(value)]),
    );
    const settingKey = form.settingKey ?? '';
    const standard = await framework.standard();
    if (!isSettingKey(settingKey))
      return proposeForm(c, session, {}, [{ field: 'settingKey', message: 'Choose a setting' }]);
    try {
      await runner.withTenant(tenantContextOf(c, session), (tx) =>
        framework.proposeVariation(tx, {
          settingKey,
          value: readValue(form.value ?? ''),
          reasonCategory: form.reasonCategory ?? '',
          reason: form.reason ?? '',
          reviewBy: form.reviewBy?.trim() || null,
        }),
      );
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const errors = (
        error.issues.length ? error.issues : [{ path: 'value', message: error.message, rule: error.code }]
      ).map((issue) => ({
        field: issue.path.split('.')[0] === 'settingKey' ? 'value' : issue.path.split('.')[0]!,
        message:
          issue.path.startsWith('value') && issue.message !== error.message
            ? `${error.message}: ${issue.message}`
            : issue.message,
      }));
      return proposeForm(c, session, form, errors, standard.settings[settingKey]);
    }
    return c.redirect(
      `/framework?done=${encodeURIComponent(`Variation of ${SETTINGS[settingKey].title} proposed`)}`,
    );
  });

  web.post('/framework/variations/:id/decision', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'decide');
    const approve = (await c.req.parseBody()).approve === 'yes';
    await runner.withTenant(tenantContextOf(c, session), (tx) =>
      framework.decideVariation(tx, c.req.param('id'), { approve }),
    );
    return c.redirect(
      `/framework?done=${encodeURIComponent(approve ? 'Variation approved' : 'Variation rejected')}`,
    );
  });

  web.get('/framework/gap-analyses', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'gap-analysis');
    const analyses = await runner.withTenant(tenantContextOf(c, session), (tx) => framework.gapAnalyses(tx));
    const error = c.req.query('error');
    return render(
      c,
      { title: 'Gap analyses', section: 'framework', session, status: error ? 422 : 200 },
      <>
        <BackLink href="/framework">Conformance</BackLink>
        {error ? <ErrorSummary errors={[{ href: '#settings', message: error }]} /> : null}
        <span class="nhsuk-caption-l">{session.organisationName}</span>
        <h1 class="nhsuk-heading-l">Gap analysis</h1>
        <p class="nhsuk-body">
          Compare this organisation's current settings with the national standard before it joins. Upload its
          settings as JSON, or CSV with setting and value columns.
        </p>
        <form method="post" action="/framework/gap-analyses" enctype="multipart/form-data" novalidate>
          <div class={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
            <label class="nhsuk-label" for="settings">
              Current settings file
            </label>
            <input class="nhsuk-file-upload" id="settings" name="settings" type="file" accept=".json,.csv" />
          </div>
          <Button>Run gap analysis</Button>
        </form>
        <Table
          caption="Gap analyses, newest first"
          rows={analyses}
          columns={[
            { header: 'File', cell: (a) => <a href={`/framework/gap-analyses/${a.id}`}>{a.fileName}</a> },
            { header: 'Run', cell: (a) => a.createdAt.slice(0, 16).replace('T', ' ') },
            {
              header: 'Differences',
              cell: (a) =>
                String(a.summary.differs + a.summary['invalid-value'] + a.summary['unknown-setting']),
              numeric: true,
            },
            { header: 'Matching', cell: (a) => String(a.summary.matches), numeric: true },
          ]}
          empty="No gap analysis has been run for this organisation."
        />
      </>,
    );
  });

  web.post('/framework/gap-analyses', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'gap-analysis');
    const file = (await c.req.parseBody()).settings;
    if (!(file instanceof File) || file.size === 0)
      return c.redirect(
        `/framework/gap-analyses?error=${encodeURIComponent('Choose a settings file to upload')}`,
      );
    try {
      const analysis = await runner.withTenant(tenantContextOf(c, session), async (tx) =>
        framework.runGapAnalysis(tx, { fileName: file.name, text: await file.text() }),
      );
      return c.redirect(`/framework/gap-analyses/${analysis.id}`);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      const detail = error.issues[0] ? `${error.message} (${error.issues[0].message})` : error.message;
      return c.redirect(`/framework/gap-analyses?error=${encodeURIComponent(detail)}`);
    }
  });

  web.get('/framework/gap-analyses/:id', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    requireRole(session, 'gap-analysis');
    const analysis = await runner.withTenant(tenantContextOf(c, session), (tx) =>
      framework.gapAnalysis(tx, c.req.param('id')),
    );
    const statusTag = (status: string) =>
      ({
        matches: <Tag colour="green">Matches</Tag>,
        differs: <Tag colour="orange">Differs</Tag>,
        'not-supplied': <Tag colour="grey">Not supplied</Tag>,
        'unknown-setting': <Tag colour="purple">Not in the standard</Tag>,
        'invalid-value': <Tag colour="red">Invalid value</Tag>,
      })[status];
    const order = ['invalid-value', 'differs', 'unknown-setting', 'not-supplied', 'matches'];
    return render(
      c,
      { title: 'Gap analysis', section: 'framework', session },
      <>
        <BackLink href="/framework/gap-analyses">Gap analyses</BackLink>
        <h1 class="nhsuk-heading-l">Gap analysis: {analysis.fileName}</h1>
        <SummaryList
          rows={[
            { key: 'Against standard', value: analysis.standardVersion },
            { key: 'Differ from the standard', value: String(analysis.summary.differs) },
            { key: 'Invalid values', value: String(analysis.summary['invalid-value']) },
            {
              key: 'Local practices not in the standard',
              value: String(analysis.summary['unknown-setting']),
            },
            { key: 'Not supplied', value: String(analysis.summary['not-supplied']) },
            { key: 'Already match', value: String(analysis.summary.matches) },
          ]}
        />
        <Table
          caption="Every setting, differences first"
          rows={[...analysis.items].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status))}
          columns={[
            { header: 'Setting', cell: (item) => item.title ?? item.settingKey },
            { header: 'Status', cell: (item) => statusTag(item.status) },
            {
              header: 'Today',
              cell: (item) => <span class="ms-mono">{describeValue(item.currentValue)}</span>,
            },
            {
              header: 'Standard',
              cell: (item) => <span class="ms-mono">{describeValue(item.standardValue)}</span>,
            },
            { header: 'Changing it affects', cell: (item) => item.message ?? item.affects ?? '' },
          ]}
        />
      </>,
    );
  });
}
