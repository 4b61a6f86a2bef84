import ExcelJS from 'exceljs';
import type { Context } from 'hono';
import type { Child, FC } from 'hono/jsx';
import { forbidden } from '../../../kernel/errors';
import type { AppEnv } from '../../../kernel/http';
import type { ReadScope, TenantContext } from '../../../kernel/tenancy';
import { type DataQuality, insightPermissions } from '../../../modules/insight';
import type { Platform } from '../../platform/platform';
import { Button, SelectField, Tag } from '../components';
import { hasAnyRole, tenantContextOf, type WebSession } from '../session';

/** Roles that see a whole integrated care system, in the board's own organisation. */
const SYSTEM_ROLES = ['system-leader', 'shared-service-manager'];

/** Who is looking: the acting organisation, or — at a board, with a system role — every member. */
export type InsightViewer = {
  viewer: TenantContext | ReadScope;
  system: boolean;
  members: { id: string; name: string }[];
  heading: string;
};

export async function insightViewer(
  c: Context<AppEnv>,
  session: WebSession,
  platform: Platform,
): Promise<InsightViewer> {
  if (!hasAnyRole(session, insightPermissions.rolesFor('read'))) {
    throw forbidden(
      'ROLE_REQUIRED',
      `Insight needs one of these roles: ${insightPermissions.rolesFor('read').join(', ')}`,
    );
  }
  const organisation = await platform.organisations.getOrganisation(session.organisationId ?? '');
  if (organisation.kind === 'icb' && hasAnyRole(session, SYSTEM_ROLES)) {
    const members = await platform.organisations.systemMembers(organisation.id);
    return {
      viewer: {
        organisationIds: members.map((member) => member.id),
        actor: session.caller.actor,
        requestId: c.get('requestId'),
      },
      system: true,
      members: members
        .filter((member) => member.kind === 'trust')
        .map((member) => ({ id: member.id, name: member.name })),
      heading: `${organisation.name}: the whole system`,
    };
  }
  return {
    viewer: tenantContextOf(c, session),
    system: false,
    members: [{ id: organisation.id, name: organisation.name }],
    heading: organisation.name,
  };
}

/** The filters every dashboard accepts, read from the query string. */
export type PageFilters = {
  from?: string;
  to?: string;
  organisation?: string;
  category?: string;
  staffGroup?: string;
  team?: string;
  supplier?: string;
};

export function filtersOf(c: Context<AppEnv>, system: boolean): PageFilters {
  const value = (name: string) => {
    const text = c.req.query(name)?.trim();
    return text ? text : undefined;
  };
  return {
    from: value('from'),
    to: value('to'),
    organisation: system ? value('organisation') : undefined,
    category: value('category'),
    staffGroup: value('staffGroup'),
    team: value('team'),
    supplier: value('supplier'),
  };
}

/** The filters as a query string, for links that keep them (drill-down, export, other pages). */
export function queryOf(filters: Record<string, string | undefined>): string {
  const entries = Object.entries(filters).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '',
  );
  return entries.length === 0 ? '' : `?${new URLSearchParams(entries).toString()}`;
}

const QUALITY_COLOURS = {
  'fit-for-automation': 'green',
  'good-enough-for-decision': 'blue',
  'not-fit': 'red',
} as const;

/** The data-quality label shown beside a figure: what the data behind it is fit for. */
export const QualityTag: FC<{ quality: DataQuality | null | undefined }> = ({ quality }) =>
  quality ? (
    <span class="ms-quality" title={quality.reasons.slice(0, 4).join('; ') || quality.labelText}>
      <span class="nhsuk-u-visually-hidden">Data quality: </span>
      <Tag colour={QUALITY_COLOURS[quality.label]}>{quality.labelText}</Tag>
    </span>
  ) : (
    <span class="ms-quality">
      <Tag colour="grey">No data</Tag>
    </span>
  );

/** A section heading with the data-quality label of everything in the section beside it. */
export const FigureHeading: FC<{ id?: string; quality: DataQuality | null; children: Child }> = ({
  id,
  quality,
  children,
}) => (
  <div class="ms-figure-heading">
    <h2 class="nhsuk-heading-m" id={id}>
      {children}
    </h2>
    <QualityTag quality={quality} />
  </div>
);

/** Why a label is what it is, folded away. */
export const QualityReasons: FC<{ quality: DataQuality | null }> = ({ quality }) =>
  quality && quality.reasons.length > 0 ? (
    <details class="nhsuk-details">
      <summary class="nhsuk-details__summary">
        <span class="nhsuk-details__summary-text">Why the data is labelled “{quality.labelText}”</span>
      </summary>
      <div class="nhsuk-details__text">
        <p class="nhsuk-body-s">
          Completeness {quality.scores.completeness}, validity {quality.scores.validity}, consistency{' '}
          {quality.scores.consistency}, timeliness {quality.scores.timeliness} over{' '}
          {quality.rows.toLocaleString('en-GB')} rows in {quality.datasets} dataset(s).
        </p>
        <ul class="nhsuk-list nhsuk-list--bullet nhsuk-body-s">
          {quality.reasons.map((reason) => (
            <li>{reason}</li>
          ))}
        </ul>
      </div>
    </details>
  ) : null;

export type ChartSeries = { label: string; data: (number | null)[]; colour?: string };

const PALETTE = ['#005eb8', '#ffb81c', '#009639', '#d5281b', '#7c2855', '#00a9ce', '#425563', '#ed8b00'];

/**
 * A Chart.js chart drawn in the browser from data written into the page; the
 * figures are always also in a table on the page, which is the accessible
 * alternative (the canvas is described by its label, the table holds the data).
 */
export const Chart: FC<{
  id: string;
  type: 'bar' | 'line';
  description: string;
  labels: readonly string[];
  series: readonly ChartSeries[];
  horizontal?: boolean;
  percent?: boolean;
}> = ({ id, type, description, labels, series, horizontal, percent }) => {
  const config = {
    type,
    data: {
      labels,
      datasets: series.map((entry, index) => ({
        label: entry.label,
        data: entry.data,
        backgroundColor: entry.colour ?? PALETTE[index % PALETTE.length],
        borderColor: entry.colour ?? PALETTE[index % PALETTE.length],
      })),
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: series.length > 1 } },
      percent: percent ?? false,
    },
  };
  return (
    <figure class="ms-chart-figure">
      <div class="ms-chart">
        <canvas id={id} role="img" aria-label={description} data-chart={id} />
      </div>
      <figcaption class="nhsuk-body-s">{description} The figures are in the table below.</figcaption>
      <script
        type="application/json"
        id={`${id}-config`}
        dangerouslySetInnerHTML={{ __html: JSON.stringify(config).replaceAll('<', '\\u003c') }}
      />
    </figure>
  );
};

/** Loads Chart.js once per page and draws every chart on it. */
export const ChartScript: FC = () => (
  <>
    <script src="/assets/chartjs/chart.umd.min.js" />
    <script
      dangerouslySetInnerHTML={{
        __html: `document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
  var config = JSON.parse(document.getElementById(canvas.id + '-config').textContent);
  if (config.options.percent) {
    var axis = config.options.indexAxis === 'y' ? 'x' : 'y';
    config.options.scales = {}; config.options.scales[axis] = { ticks: { callback: function (v) { return v + '%'; } } };
  }
  if (window.Chart) new window.Chart(canvas, config);
});`,
      }}
    />
  </>
);

/** The period filter: first and last month. */
export const MonthInputs: FC<{ filters: PageFilters }> = ({ filters }) => (
  <>
    {(
      [
        ['from', 'From (month)'],
        ['to', 'To (month)'],
      ] as const
    ).map(([name, label]) => (
      <div class="nhsuk-form-group">
        <label class="nhsuk-label" for={name}>
          {label}
        </label>
        <input
          class="nhsuk-input nhsuk-input--width-10"
          id={name}
          name={name}
          type="month"
          value={filters[name] ?? ''}
        />
      </div>
    ))}
  </>
);

/** The filter form every dashboard carries: period, and organisation, category, staff group where they apply. */
export const FilterForm: FC<{
  action: string;
  filters: PageFilters;
  members?: { id: string; name: string }[];
  categories?: string[];
  staffGroups?: string[];
  hidden?: Record<string, string>;
}> = ({ action, filters, members, categories, staffGroups, hidden }) => (
  <form method="get" action={action} class="ms-filters" novalidate>
    {Object.entries(hidden ?? {}).map(([name, value]) => (
      <input type="hidden" name={name} value={value} />
    ))}
    <div class="ms-filter-row">
      <MonthInputs filters={filters} />
      {members && members.length > 1 ? (
        <SelectField
          name="organisation"
          label="Organisation"
          value={filters.organisation ?? ''}
          options={[
            { value: '', label: 'All member organisations' },
            ...members.map((member) => ({ value: member.id, label: member.name })),
          ]}
        />
      ) : null}
      {categories ? (
        <SelectField
          name="category"
          label="Category"
          value={filters.category ?? ''}
          options={[
            { value: '', label: 'All categories' },
            ...categories.map((category) => ({ value: category, label: category })),
          ]}
        />
      ) : null}
      {staffGroups ? (
        <SelectField
          name="staffGroup"
          label="Staff group"
          value={filters.staffGroup ?? ''}
          options={[
            { value: '', label: 'All staff groups' },
            ...staffGroups.map((group) => ({ value: group, label: group })),
          ]}
        />
      ) : null}
    </div>
    <Button secondary>Apply filters</Button>
  </form>
);

/** Download links for the table a page shows. */
export const ExportLinks: FC<{ path: string; query: Record<string, string | undefined>; what: string }> = ({
  path,
  query,
  what,
}) => (
  <p class="nhsuk-body-s ms-export">
    Download {what}: <a href={`${path}${queryOf({ ...query, format: 'csv' })}`}>CSV</a> ·{' '}
    <a href={`${path}${queryOf({ ...query, format: 'xlsx' })}`}>Excel (XLSX)</a>
  </p>
);

export type ExportColumn<T> = { header: string; value: (row: T) => string | number | null };

/** A spreadsheet would run a cell starting like a formula; a leading apostrophe keeps it text. */
const FORMULA = /^[=+@\t\r]|^-(?!\d)/;
const safeCell = (value: string | number | null) =>
  typeof value === 'string' && FORMULA.test(value) ? `'${value}` : (value ?? '');

/**
 * Answers the page's table as a CSV or XLSX download when the query asks for
 * one (format=csv or xlsx); null otherwise, and the page renders as usual.
 */
export async function exportIfAsked<T>(
  c: Context<AppEnv>,
  name: string,
  columns: readonly ExportColumn<T>[],
  rows: readonly T[],
): Promise<Response | null> {
  const format = c.req.query('format');
  if (format !== 'csv' && format !== 'xlsx') return null;
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(name.slice(0, 31));
  sheet.addRow(columns.map((column) => column.header));
  for (const row of rows) sheet.addRow(columns.map((column) => safeCell(column.value(row))));
  const buffer = format === 'csv' ? await workbook.csv.writeBuffer() : await workbook.xlsx.writeBuffer();
  return c.body(new Uint8Array(buffer), 200, {
    'content-type':
      format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'content-disposition': `attachment; filename="${name}.${format}"`,
  });
}

/** Pounds from pence, to whole pounds or with pence for unit prices. */
export function pounds(pence: number | bigint | null | undefined, places = 0): string {
  if (pence === null || pence === undefined) return '—';
  const value = Number(pence) / 100;
  return `£${value.toLocaleString('en-GB', { minimumFractionDigits: places, maximumFractionDigits: places })}`;
}

export const percent = (value: number | null | undefined, places = 1): string =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(places)}%`;

/** The insight area's own navigation. */
export const InsightTabs: FC<{ current: string; system: boolean }> = ({ current, system }) => {
  const tabs = [
    ['/insight', 'Overview'],
    ['/insight/price-variation', 'Price variation'],
    ['/insight/spend', 'Spend'],
    ['/insight/workforce', 'Workforce'],
    ['/insight/early-warning', 'Early warning'],
    ['/insight/benchmarks', 'Benchmarks and KPIs'],
    ...(system
      ? []
      : [
          ['/insight/imports', 'Data and imports'],
          ['/insight/reviews', 'Matches to review'],
        ]),
  ];
  return (
    <nav class="ms-subnav" aria-label="Insight">
      <ul class="nhsuk-list ms-subnav__list">
        {tabs.map(([href, label]) => (
          <li class="ms-subnav__item">
            {href === current ? <strong aria-current="page">{label}</strong> : <a href={href}>{label}</a>}
          </li>
        ))}
      </ul>
    </nav>
  );
};

/** The few layout rules the insight pages add to the NHS.UK frontend. */
export const InsightStyles: FC = () => (
  <style
    dangerouslySetInnerHTML={{
      __html: `
.ms-quality { display: inline-block; margin-left: 0.5rem; vertical-align: middle; }
.ms-figure-heading { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25rem 0.5rem; margin-top: 2rem; }
.ms-figure-heading h2 { margin-bottom: 0.5rem; }
.ms-filters { background: #f0f4f5; padding: 1rem 1rem 0.25rem; margin-bottom: 1.5rem; }
.ms-filter-row { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
.ms-filter-row .nhsuk-form-group { margin-bottom: 1rem; }
.ms-subnav__list { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin-bottom: 1.5rem; }
.ms-subnav__item { margin-bottom: 0; }
.ms-chart-figure { margin: 0 0 1rem; }
.ms-chart { position: relative; width: 100%; height: 18rem; }
.ms-headlines { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; margin-bottom: 1rem; }
.ms-headline { border-left: 4px solid #005eb8; padding: 0.25rem 0.75rem; }
.ms-headline p { margin-bottom: 0.25rem; }
`,
    }}
  />
);

/** One headline figure with its label and data-quality tag. */
export const Headline: FC<{
  label: string;
  value: string;
  note?: string;
  quality: DataQuality | null;
  href?: string;
}> = ({ label, value, note, quality, href }) => (
  <div class="ms-headline">
    <p class="nhsuk-body-s">{label}</p>
    <p class="ms-figure">{href ? <a href={href}>{value}</a> : value}</p>
    {note ? <p class="nhsuk-body-s">{note}</p> : null}
    <QualityTag quality={quality} />
  </div>
);
