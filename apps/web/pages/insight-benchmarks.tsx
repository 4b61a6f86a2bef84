import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../kernel/http';
import type { Platform } from '../../platform/platform';
import { Table } from '../components';
import { render, requireSession } from '../render';
import {
  Chart,
  ChartScript,
  ExportLinks,
  exportIfAsked,
  FigureHeading,
  FilterForm,
  filtersOf,
  InsightStyles,
  InsightTabs,
  insightViewer,
  percent,
  pounds,
  QualityReasons,
  QualityTag,
} from './insight-components';

const FUNCTIONS = [
  ['finance', 'Finance'],
  ['hr', 'HR'],
  ['payroll', 'Payroll'],
  ['procurement', 'Procurement'],
  ['it', 'IT'],
  ['estates', 'Estates'],
  ['governance', 'Governance'],
] as const;

/** Corporate-cost benchmarking against peers of the same type, and the shared service's own KPIs. */
export function benchmarkPages(web: OpenAPIHono<AppEnv>, platform: Platform) {
  const { analytics } = platform.insight;

  web.get('/insight/benchmarks', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    const who = await insightViewer(c, session, platform);
    const filters = filtersOf(c, who.system);
    const costs = await analytics.corporateCosts(who.viewer, filters);
    const exported = await exportIfAsked(
      c,
      'corporate-costs',
      [
        { header: 'Organisation', value: (row) => row.name },
        { header: 'Trust type', value: (row) => row.trustType },
        {
          header: 'Income (£)',
          value: (row) => (row.incomePence === null ? null : Number(row.incomePence) / 100),
        },
        { header: 'Corporate cost (£)', value: (row) => Number(row.totalPence) / 100 },
        {
          header: 'Per £100m income (£)',
          value: (row) =>
            row.perHundredMillion.total.value === null
              ? null
              : Number(row.perHundredMillion.total.value) / 100,
        },
        {
          header: 'Peer median per £100m (£)',
          value: (row) =>
            row.perHundredMillion.total.peerMedian === null
              ? null
              : Number(row.perHundredMillion.total.peerMedian) / 100,
        },
        {
          header: 'Saving at the median (£)',
          value: (row) =>
            row.perHundredMillion.total.savingPence === null
              ? null
              : Number(row.perHundredMillion.total.savingPence) / 100,
        },
        ...FUNCTIONS.map(([key, label]) => ({
          header: `${label} per £100m (£)`,
          value: (row: (typeof costs.organisations)[number]) => {
            const value = row.perHundredMillion.byFunction[key]?.value;
            return value === null || value === undefined ? null : Number(value) / 100;
          },
        })),
        {
          header: 'Payroll cost per payslip (£)',
          value: (row) => (row.perPayslip.value === null ? null : Number(row.perPayslip.value) / 100),
        },
        {
          header: 'Finance cost per invoice (£)',
          value: (row) => (row.perInvoice.value === null ? null : Number(row.perInvoice.value) / 100),
        },
        { header: 'Data quality', value: (row) => row.dataQuality.labelText },
      ],
      costs.organisations,
    );
    if (exported) return exported;
    const kpis = await analytics.kpis(who.viewer, filters);
    const hundredMillion = (value: bigint | null) => (value === null ? '—' : pounds(value));
    return render(
      c,
      { title: 'Benchmarks and KPIs', section: 'insight', session },
      <>
        <InsightStyles />
        <span class="nhsuk-caption-l">{who.heading}</span>
        <h1 class="nhsuk-heading-l">Benchmarks and KPIs</h1>
        <InsightTabs current="/insight/benchmarks" system={who.system} />
        <FilterForm
          action="/insight/benchmarks"
          filters={filters}
          members={who.system ? who.members : undefined}
        />
        <p class="nhsuk-body">
          Corporate costs ({costs.period.from} to {costs.period.to}) from the ledger’s corporate cost centres,
          or an imported general ledger, per £100m of income, against the median of trusts of the same type.
          The saving is what reaching that median would save.
        </p>
        <FigureHeading quality={costs.dataQuality}>
          Corporate costs: {pounds(costs.totalSavingPence)} if those above the median reached it
        </FigureHeading>
        <QualityReasons quality={costs.dataQuality} />
        <Chart
          id="corporate-chart"
          type="bar"
          description="Corporate cost per £100m of income by organisation, with the median of trusts of the same type."
          labels={costs.organisations.map((row) => row.name)}
          series={[
            {
              label: 'Per £100m income (£)',
              data: costs.organisations.map((row) =>
                row.perHundredMillion.total.value === null
                  ? null
                  : Number(row.perHundredMillion.total.value) / 100,
              ),
            },
            {
              label: 'Median of the same type (£)',
              data: costs.organisations.map((row) =>
                row.perHundredMillion.total.peerMedian === null
                  ? null
                  : Number(row.perHundredMillion.total.peerMedian) / 100,
              ),
            },
          ]}
        />
        <ExportLinks path="/insight/benchmarks" query={{ ...filters }} what="the corporate-cost table" />
        <Table
          caption="Corporate cost per £100m of income, against the median of trusts of the same type"
          rows={costs.organisations}
          columns={[
            { header: 'Organisation', cell: (row) => `${row.name} (${row.trustType ?? 'type unknown'})` },
            {
              header: 'Per £100m income',
              cell: (row) => hundredMillion(row.perHundredMillion.total.value),
              numeric: true,
            },
            {
              header: 'Median of the same type',
              cell: (row) =>
                `${hundredMillion(row.perHundredMillion.total.peerMedian)} (${row.perHundredMillion.total.peers} trusts)`,
              numeric: true,
            },
            {
              header: 'Saving at the median',
              cell: (row) => pounds(row.perHundredMillion.total.savingPence),
              numeric: true,
            },
            { header: 'Payroll per payslip', cell: (row) => pounds(row.perPayslip.value, 2), numeric: true },
            { header: 'Finance per invoice', cell: (row) => pounds(row.perInvoice.value, 2), numeric: true },
            { header: 'Notes', cell: (row) => row.notes.join('; ') || '—' },
            { header: 'Data quality', cell: (row) => <QualityTag quality={row.dataQuality} /> },
          ]}
          empty="No corporate costs are recorded for this period."
        />
        <Table
          caption="Corporate cost per £100m of income by function"
          rows={costs.organisations}
          columns={[
            { header: 'Organisation', cell: (row) => row.name },
            ...FUNCTIONS.map(([key, label]) => ({
              header: label,
              cell: (row: (typeof costs.organisations)[number]) =>
                hundredMillion(row.perHundredMillion.byFunction[key]?.value ?? null),
              numeric: true,
            })),
          ]}
        />

        <h2 class="nhsuk-heading-m">The shared service’s KPIs, for every member</h2>
        <p class="nhsuk-body">
          Measured from Mainstay’s own records by the modules that do the work; every member organisation sees
          every member’s figures ({kpis.period.from} to {kpis.period.to}).
        </p>
        <Table
          caption="Shared-service KPIs by member organisation"
          rows={kpis.kpis.flatMap((kpi) => kpi.organisations.map((organisation) => ({ kpi, organisation })))}
          columns={[
            { header: 'KPI', cell: (row) => row.kpi.label },
            { header: 'Organisation', cell: (row) => row.organisation.name },
            {
              header: 'Value',
              cell: (row) =>
                row.organisation.value === null
                  ? '—'
                  : row.kpi.unit === 'share'
                    ? percent(row.organisation.value)
                    : `${row.organisation.value.toFixed(1)} hours`,
              numeric: true,
            },
            { header: 'Cases', cell: (row) => String(row.organisation.sample), numeric: true },
            { header: 'Note', cell: (row) => row.organisation.note ?? '—' },
          ]}
        />
        <ChartScript />
      </>,
    );
  });
}
