import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../../kernel/http';
import type { Platform } from '../../platform/platform';
import { BackLink, Button, SelectField, Table } from '../components';
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
  MonthInputs,
  percent,
  pounds,
  QualityReasons,
  QualityTag,
  queryOf,
} from './insight-components';

const DIMENSIONS = [
  { value: 'category', label: 'Category' },
  { value: 'supplier', label: 'Supplier' },
  { value: 'organisation', label: 'Organisation' },
  { value: 'month', label: 'Month' },
] as const;

type Dimension = (typeof DIMENSIONS)[number]['value'];

/** Price variation, spend, off-contract spend and supplier consolidation, and the rows behind every figure. */
export function purchasingPages(web: OpenAPIHono<AppEnv>, platform: Platform) {
  const { analytics } = platform.insight;

  web.get('/insight/price-variation', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    const who = await insightViewer(c, session, platform);
    const filters = filtersOf(c, who.system);
    const item = c.req.query('item') || undefined;
    const report = await analytics.priceVariation(who.viewer, { ...filters, item, limit: item ? 1 : 50 });
    const categories = await analytics.spend(who.viewer, {
      ...filters,
      category: undefined,
      dimension: 'category',
      limit: 200,
    });
    const exported = await exportIfAsked(
      c,
      'price-variation',
      [
        { header: 'Item', value: (row) => row.description },
        { header: 'Category', value: (row) => row.category },
        { header: 'Organisations', value: (row) => row.organisations },
        { header: 'Lowest price (£ per unit)', value: (row) => row.minPricePence / 100 },
        { header: 'Median price (£ per unit)', value: (row) => row.medianPricePence / 100 },
        { header: 'Highest price (£ per unit)', value: (row) => row.maxPricePence / 100 },
        {
          header: 'Contracted price (£ per unit)',
          value: (row) => (row.benchmarkPricePence === null ? null : row.benchmarkPricePence / 100),
        },
        { header: 'Saving at the median (£)', value: (row) => Number(row.savingIfMedianPence) / 100 },
        {
          header: 'Saving at the contracted price (£)',
          value: (row) =>
            row.savingIfBenchmarkPence === null ? null : Number(row.savingIfBenchmarkPence) / 100,
        },
        { header: 'Data quality', value: () => report.dataQuality.labelText },
      ],
      report.items,
    );
    if (exported) return exported;
    const detail = item ? report.items[0] : undefined;
    return render(
      c,
      { title: 'Price variation', section: 'insight', session },
      <>
        <InsightStyles />
        <span class="nhsuk-caption-l">{who.heading}</span>
        <h1 class="nhsuk-heading-l">Price variation</h1>
        <InsightTabs current="/insight/price-variation" system={who.system} />
        {detail ? (
          <BackLink href={`/insight/price-variation${queryOf({ ...filters })}`}>Every item</BackLink>
        ) : null}
        <FilterForm
          action="/insight/price-variation"
          filters={filters}
          members={who.system ? who.members : undefined}
          categories={categories.rows.map((row) => row.key)}
          hidden={item ? { item } : {}}
        />
        <p class="nhsuk-body">
          The same item, unified across organisations, compared by price per unit ({report.period.from} to{' '}
          {report.period.to}, {report.view.peers} organisations compared). The saving is what{' '}
          {who.system ? 'the members' : 'your organisation'} would have saved paying the median price, or the
          lowest contracted price, for the same quantity.
        </p>
        <FigureHeading quality={report.dataQuality}>
          {pounds(report.savingIfMedianPence)} at the median, {pounds(report.savingIfBenchmarkPence)} at the
          contracted price
        </FigureHeading>
        <QualityReasons quality={report.dataQuality} />
        {detail ? (
          <>
            <FigureHeading quality={report.dataQuality}>{detail.description}</FigureHeading>
            <Chart
              id="item-prices"
              type="bar"
              description={`Price per unit paid by each organisation for ${detail.description}.`}
              labels={detail.prices.map((price) => price.name)}
              series={[
                {
                  label: 'Price per unit (£)',
                  data: detail.prices.map((price) => price.unitPricePence / 100),
                },
              ]}
            />
            <Table
              caption={`Prices paid for ${detail.description}`}
              rows={detail.prices}
              columns={[
                {
                  header: 'Organisation',
                  cell: (price) => (price.you ? <strong>{price.name} (you)</strong> : price.name),
                },
                { header: 'Price per unit', cell: (price) => pounds(price.unitPricePence, 2), numeric: true },
                {
                  header: 'Units bought',
                  cell: (price) => price.quantity.toLocaleString('en-GB'),
                  numeric: true,
                },
                { header: 'Spend', cell: (price) => pounds(price.valuePence), numeric: true },
                { header: 'Data quality', cell: () => <QualityTag quality={report.dataQuality} /> },
              ]}
            />
            <p class="nhsuk-body">
              Lowest {pounds(detail.minPricePence, 2)}, median {pounds(detail.medianPricePence, 2)}, highest{' '}
              {pounds(detail.maxPricePence, 2)} (a spread of {percent(detail.spread, 0)}); contracted price{' '}
              {pounds(detail.benchmarkPricePence, 2)}.{' '}
              <a href={`/insight/drill${queryOf({ ...filters, item: detail.itemId })}`}>
                The order lines behind these prices
              </a>
            </p>
          </>
        ) : (
          <>
            <ExportLinks
              path="/insight/price-variation"
              query={{ ...filters }}
              what="every item in this table"
            />
            <Table
              caption="Items by the saving if every organisation paid the median price"
              rows={report.items}
              columns={[
                {
                  header: 'Item',
                  cell: (row) => (
                    <a href={`/insight/price-variation${queryOf({ ...filters, item: row.itemId })}`}>
                      {row.description}
                    </a>
                  ),
                },
                { header: 'Organisations', cell: (row) => String(row.organisations), numeric: true },
                { header: 'Lowest', cell: (row) => pounds(row.minPricePence, 2), numeric: true },
                { header: 'Median', cell: (row) => pounds(row.medianPricePence, 2), numeric: true },
                { header: 'Highest', cell: (row) => pounds(row.maxPricePence, 2), numeric: true },
                { header: 'Contracted', cell: (row) => pounds(row.benchmarkPricePence, 2), numeric: true },
                {
                  header: 'Saving at the median',
                  cell: (row) => pounds(row.savingIfMedianPence),
                  numeric: true,
                },
                {
                  header: 'Saving at the contracted price',
                  cell: (row) => pounds(row.savingIfBenchmarkPence),
                  numeric: true,
                },
                { header: 'Data quality', cell: () => <QualityTag quality={report.dataQuality} /> },
              ]}
              empty="No item has been bought by two or more organisations in this period."
            />
          </>
        )}
        <ChartScript />
      </>,
    );
  });

  web.get('/insight/spend', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    const who = await insightViewer(c, session, platform);
    const filters = filtersOf(c, who.system);
    const dimension: Dimension = DIMENSIONS.some((entry) => entry.value === c.req.query('dimension'))
      ? (c.req.query('dimension') as Dimension)
      : 'category';
    const source = c.req.query('source') === 'spend' ? 'spend' : 'po-lines';
    const report = await analytics.spend(who.viewer, { ...filters, dimension, source, limit: 100 });
    const exported = await exportIfAsked(
      c,
      `spend-by-${dimension}`,
      [
        {
          header: DIMENSIONS.find((entry) => entry.value === dimension)?.label ?? dimension,
          value: (row) => row.label,
        },
        { header: 'Value (£)', value: (row) => Number(row.valuePence) / 100 },
        { header: 'Share', value: (row) => row.share },
        { header: 'Lines', value: (row) => row.lines },
        {
          header: 'On no contract (£)',
          value: (row) => (row.offContractPence === null ? null : Number(row.offContractPence) / 100),
        },
        { header: 'Data quality', value: (row) => row.dataQuality.labelText },
      ],
      report.rows,
    );
    if (exported) return exported;
    const offContract = await analytics.offContract(who.viewer, filters);
    const consolidation = await analytics.consolidation(who.viewer, filters);
    const drillKey = (row: { key: string }) =>
      dimension === 'category'
        ? { category: row.key }
        : dimension === 'supplier'
          ? { supplier: row.key }
          : dimension === 'organisation'
            ? { organisation: who.system ? row.key : undefined }
            : { from: row.key, to: row.key };
    return render(
      c,
      { title: 'Spend', section: 'insight', session },
      <>
        <InsightStyles />
        <span class="nhsuk-caption-l">{who.heading}</span>
        <h1 class="nhsuk-heading-l">Spend</h1>
        <InsightTabs current="/insight/spend" system={who.system} />
        <form method="get" action="/insight/spend" class="ms-filters" novalidate>
          <div class="ms-filter-row">
            <SelectField
              name="dimension"
              label="Show spend by"
              value={dimension}
              options={DIMENSIONS.map((entry) => ({ value: entry.value, label: entry.label }))}
            />
            <SelectField
              name="source"
              label="From"
              value={source}
              options={[
                { value: 'po-lines', label: 'Purchase orders' },
                { value: 'spend', label: 'Payments over £25,000' },
              ]}
            />
            <MonthInputs filters={filters} />
            {who.system ? (
              <SelectField
                name="organisation"
                label="Organisation"
                value={filters.organisation ?? ''}
                options={[
                  { value: '', label: 'All member organisations' },
                  ...who.members.map((member) => ({ value: member.id, label: member.name })),
                ]}
              />
            ) : null}
          </div>
          {filters.category ? <input type="hidden" name="category" value={filters.category} /> : null}
          <Button secondary>Show</Button>
        </form>
        <FigureHeading quality={report.dataQuality}>
          {pounds(report.totalPence)} by {dimension}, {report.period.from} to {report.period.to}
          {filters.category ? ` (${filters.category})` : ''}
        </FigureHeading>
        <QualityReasons quality={report.dataQuality} />
        <Chart
          id="spend-chart"
          type={dimension === 'month' ? 'line' : 'bar'}
          horizontal={dimension !== 'month'}
          description={`Spend by ${dimension} from ${source === 'spend' ? 'payments over £25,000' : 'purchase orders'}.`}
          labels={report.rows.slice(0, 20).map((row) => row.label)}
          series={[
            { label: 'Value (£)', data: report.rows.slice(0, 20).map((row) => Number(row.valuePence) / 100) },
          ]}
        />
        <ExportLinks path="/insight/spend" query={{ ...filters, dimension, source }} what="this table" />
        <Table
          caption={`Spend by ${dimension}`}
          rows={report.rows}
          columns={[
            {
              header: DIMENSIONS.find((entry) => entry.value === dimension)?.label ?? dimension,
              cell: (row) => (
                <a href={`/insight/drill${queryOf({ ...filters, ...drillKey(row), kind: source })}`}>
                  {row.label}
                </a>
              ),
            },
            { header: 'Value', cell: (row) => pounds(row.valuePence), numeric: true },
            { header: 'Share', cell: (row) => percent(row.share), numeric: true },
            { header: 'On no contract', cell: (row) => pounds(row.offContractPence), numeric: true },
            { header: 'Data quality', cell: (row) => <QualityTag quality={row.dataQuality} /> },
          ]}
          empty="Nothing was imported for this period."
        />

        <FigureHeading quality={offContract.dataQuality}>Off-contract and off-framework spend</FigureHeading>
        <Table
          caption="Orders on no contract and agency shifts booked off framework, by organisation"
          rows={offContract.byOrganisation}
          columns={[
            { header: 'Organisation', cell: (row) => row.organisation.name },
            { header: 'Order value', cell: (row) => pounds(row.valuePence), numeric: true },
            {
              header: 'On no contract',
              cell: (row) => (
                <a
                  href={`/insight/drill${queryOf({ ...filters, organisation: who.system ? (row.organisation.id ?? undefined) : undefined, offContract: 'true' })}`}
                >
                  {pounds(row.offContractPence)}
                </a>
              ),
              numeric: true,
            },
            { header: 'Share', cell: (row) => percent(row.share), numeric: true },
            {
              header: 'Agency off framework',
              cell: (row) => pounds(row.offFrameworkAgencyPence),
              numeric: true,
            },
            { header: 'Data quality', cell: (row) => <QualityTag quality={row.dataQuality} /> },
          ]}
        />

        <FigureHeading quality={consolidation.dataQuality}>Supplier consolidation</FigureHeading>
        <Table
          caption="Categories bought from several suppliers: the long tail beyond 80% of the spend"
          rows={consolidation.categories}
          columns={[
            { header: 'Category', cell: (row) => row.category },
            { header: 'Suppliers', cell: (row) => String(row.suppliers), numeric: true },
            { header: 'Largest supplier', cell: (row) => `${row.topSupplier} (${percent(row.topShare, 0)})` },
            { header: 'Tail suppliers', cell: (row) => String(row.tailSuppliers), numeric: true },
            { header: 'Tail value', cell: (row) => pounds(row.tailValuePence), numeric: true },
            { header: 'Data quality', cell: () => <QualityTag quality={consolidation.dataQuality} /> },
          ]}
          empty="No category was bought from more than one supplier."
        />
        <h3 class="nhsuk-heading-s">One supplier under several names</h3>
        <Table
          caption="Suppliers recorded under more than one name, resolved to one supplier"
          rows={consolidation.supplierNameVariants}
          columns={[
            { header: 'Supplier', cell: (row) => row.name },
            { header: 'Names used', cell: (row) => row.names.join(' · ') },
            { header: 'Organisations', cell: (row) => row.organisations.join(', ') || '—' },
            { header: 'Matched on', cell: (row) => `${row.reason} (confidence ${row.confidence})` },
            { header: 'Data quality', cell: () => <QualityTag quality={consolidation.dataQuality} /> },
          ]}
          empty="No supplier appears under more than one name."
        />
        <ChartScript />
      </>,
    );
  });

  web.get('/insight/drill', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    const who = await insightViewer(c, session, platform);
    const filters = filtersOf(c, who.system);
    const kind = c.req.query('kind') === 'spend' ? 'spend' : 'po-lines';
    const item = c.req.query('item') || undefined;
    const offContract = c.req.query('offContract') === 'true';
    const report = await analytics.drill(who.viewer, { ...filters, kind, item, offContract, limit: 1000 });
    const keys = Object.keys(report.rows[0] ?? {});
    const text = (value: unknown): string | number | null =>
      value === null || value === undefined
        ? null
        : value instanceof Date
          ? value.toISOString().slice(0, 10)
          : typeof value === 'bigint'
            ? Number(value)
            : typeof value === 'number' || typeof value === 'string'
              ? value
              : String(value);
    const exported = await exportIfAsked(
      c,
      `${kind}-rows`,
      keys.map((key) => ({ header: key, value: (row: Record<string, unknown>) => text(row[key]) })),
      report.rows,
    );
    if (exported) return exported;
    const moneyKey = kind === 'spend' ? 'amount_pence' : 'value_pence';
    return render(
      c,
      { title: 'The rows behind a figure', section: 'insight', session },
      <>
        <InsightStyles />
        <span class="nhsuk-caption-l">{who.heading}</span>
        <h1 class="nhsuk-heading-l">The rows behind the figure</h1>
        <InsightTabs current="" system={who.system} />
        <FigureHeading quality={report.dataQuality}>
          {report.rows.length.toLocaleString('en-GB')} {kind === 'spend' ? 'payments' : 'order lines'},{' '}
          {report.period.from} to {report.period.to}
        </FigureHeading>
        <p class="nhsuk-body-s">
          {[
            filters.category ? `category ${filters.category}` : '',
            item ? 'one unified item' : '',
            filters.supplier ? 'one supplier' : '',
            offContract ? 'on no contract only' : '',
          ]
            .filter(Boolean)
            .join(', ') || 'Every row in the period'}
          . Each row names the file and line it was imported from.
        </p>
        <ExportLinks
          path="/insight/drill"
          query={{ ...filters, kind, item, offContract: offContract ? 'true' : undefined }}
          what="every row"
        />
        <Table
          caption="Imported rows"
          rows={report.rows.slice(0, 200)}
          columns={[
            { header: 'Organisation', cell: (row) => String(row.organisation ?? '') },
            { header: 'Date', cell: (row) => String(text(row.order_date ?? row.payment_date) ?? '') },
            { header: 'Supplier', cell: (row) => String(row.supplier ?? '') },
            {
              header: kind === 'spend' ? 'Expense type' : 'Description',
              cell: (row) => String((kind === 'spend' ? row.category : row.description) ?? ''),
            },
            { header: 'Value', cell: (row) => pounds(text(row[moneyKey]) as number), numeric: true },
            {
              header: 'Source',
              cell: (row) => `${String(row.source_file ?? '')}, line ${String(row.source_line ?? '')}`,
            },
          ]}
          empty="No rows match."
        />
        {report.rows.length > 200 ? (
          <p class="nhsuk-body-s">The first 200 rows are shown; the download has them all.</p>
        ) : null}
      </>,
    );
  });
}
