import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../kernel/http';
import type { Platform } from '../../platform/platform';
import { Table } from '../components';
import { render, requireSession } from '../render';
import { benchmarkPages } from './insight-benchmarks';
import {
  Chart,
  ChartScript,
  FigureHeading,
  FilterForm,
  filtersOf,
  Headline,
  InsightStyles,
  InsightTabs,
  insightViewer,
  percent,
  pounds,
  QualityTag,
  queryOf,
} from './insight-components';
import { dataPages } from './insight-data';
import { purchasingPages } from './insight-purchasing';
import { workforcePages } from './insight-workforce';

/**
 * Operational insight: what no single trust can see. An organisation sees
 * its own figures against its peers; at an integrated care board, a system
 * leader sees every member by name. Every figure carries the data-quality
 * label of the data behind it.
 */
export function insightPages(web: OpenAPIHono<AppEnv>, platform: Platform) {
  const { analytics } = platform.insight;

  web.get('/insight', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    const who = await insightViewer(c, session, platform);
    const filters = filtersOf(c, who.system);
    const prices = await analytics.priceVariation(who.viewer, { ...filters, limit: 5 });
    const categories = await analytics.spend(who.viewer, { ...filters, dimension: 'category', limit: 8 });
    const workforce = await analytics.workforce(who.viewer, { ...filters, level: 'organisation' });
    const warnings = await analytics.earlyWarning(who.viewer, { ...filters, leaverRisk: false });
    const alerts = warnings.teamAlerts.filter((alert) => alert.severity === 'alert');
    const query = queryOf({ ...filters });
    return render(
      c,
      { title: 'Insight', section: 'insight', session },
      <>
        <InsightStyles />
        <span class="nhsuk-caption-l">{who.heading}</span>
        <h1 class="nhsuk-heading-l">Insight</h1>
        <InsightTabs current="/insight" system={who.system} />
        <FilterForm action="/insight" filters={filters} members={who.system ? who.members : undefined} />
        <p class="nhsuk-body">
          Figures for {prices.period.from} to {prices.period.to}.{' '}
          {who.system
            ? `Every member organisation is shown by name.`
            : `Other organisations appear only in totals and medians.`}
        </p>
        <div class="ms-headlines">
          <Headline
            label="Saving if everyone paid the median price"
            value={pounds(prices.savingIfMedianPence)}
            note={`${prices.comparableItems} items bought by two or more organisations`}
            quality={prices.dataQuality}
            href={`/insight/price-variation${query}`}
          />
          <Headline
            label="Saving if everyone paid the contracted price"
            value={pounds(prices.savingIfBenchmarkPence)}
            quality={prices.dataQuality}
            href={`/insight/price-variation${query}`}
          />
          <Headline
            label="Ordered in the period"
            value={pounds(categories.totalPence)}
            note={`${pounds(categories.rows.reduce((sum, row) => sum + (row.offContractPence ?? 0n), 0n))} on no contract`}
            quality={categories.dataQuality}
            href={`/insight/spend${query}`}
          />
          <Headline
            label="Team early-warning alerts"
            value={String(alerts.length)}
            note={`${warnings.teamAlerts.length - alerts.length} more to watch`}
            quality={workforce.dataQuality}
            href={`/insight/early-warning${query}`}
          />
        </div>

        <FigureHeading quality={prices.dataQuality}>Largest price variations</FigureHeading>
        <Table
          caption="Items with the largest saving if every organisation paid the median price"
          rows={prices.items}
          columns={[
            {
              header: 'Item',
              cell: (item) => (
                <a href={`/insight/price-variation${queryOf({ ...filters, item: item.itemId })}`}>
                  {item.description}
                </a>
              ),
            },
            { header: 'Lowest', cell: (item) => pounds(item.minPricePence, 2), numeric: true },
            { header: 'Median', cell: (item) => pounds(item.medianPricePence, 2), numeric: true },
            { header: 'Highest', cell: (item) => pounds(item.maxPricePence, 2), numeric: true },
            {
              header: 'Saving at the median',
              cell: (item) => pounds(item.savingIfMedianPence),
              numeric: true,
            },
            { header: 'Data quality', cell: () => <QualityTag quality={prices.dataQuality} /> },
          ]}
          empty="No item has been bought by two or more organisations in this period."
        />

        <FigureHeading quality={categories.dataQuality}>Spend by category</FigureHeading>
        <Chart
          id="overview-categories"
          type="bar"
          horizontal
          description="Order value by category in the period."
          labels={categories.rows.map((row) => row.label)}
          series={[
            { label: 'Order value (£)', data: categories.rows.map((row) => Number(row.valuePence) / 100) },
          ]}
        />
        <Table
          caption="Order value by category"
          rows={categories.rows}
          columns={[
            {
              header: 'Category',
              cell: (row) => (
                <a href={`/insight/drill${queryOf({ ...filters, category: row.key })}`}>{row.label}</a>
              ),
            },
            { header: 'Value', cell: (row) => pounds(row.valuePence), numeric: true },
            { header: 'Share', cell: (row) => percent(row.share), numeric: true },
            { header: 'Data quality', cell: (row) => <QualityTag quality={row.dataQuality} /> },
          ]}
          empty="No purchase orders have been imported for this period."
        />

        <FigureHeading quality={workforce.dataQuality}>Workforce against the ICS median</FigureHeading>
        <Table
          caption="Workforce measures by organisation"
          rows={workforce.rows}
          columns={[
            { header: 'Organisation', cell: (row) => row.name },
            { header: 'Turnover', cell: (row) => percent(row.turnover.value), numeric: true },
            { header: 'ICS median', cell: (row) => percent(row.icsMedian.turnover), numeric: true },
            { header: 'Sickness', cell: (row) => percent(row.sickness.value), numeric: true },
            { header: 'Vacancy', cell: (row) => percent(row.vacancy.value), numeric: true },
            {
              header: 'Bank and agency share of pay',
              cell: (row) => percent(row.bankAgencyShare.value),
              numeric: true,
            },
            { header: 'Data quality', cell: (row) => <QualityTag quality={row.dataQuality} /> },
          ]}
          empty="No workforce extracts have been imported."
        />

        <FigureHeading quality={workforce.dataQuality}>Team alerts</FigureHeading>
        {alerts.length === 0 ? (
          <p class="nhsuk-body">No team has an alert.</p>
        ) : (
          <ul class="nhsuk-list nhsuk-list--bullet">
            {alerts.slice(0, 6).map((alert) => (
              <li>
                {alert.message} <QualityTag quality={alert.dataQuality} />
              </li>
            ))}
          </ul>
        )}
        <ChartScript />
      </>,
    );
  });

  purchasingPages(web, platform);
  workforcePages(web, platform);
  benchmarkPages(web, platform);
  dataPages(web, platform);
}
