import type { OpenAPIHono } from '@hono/zod-openapi';
import type { FC } from 'hono/jsx';
import type { AppEnv } from '../../../kernel/http';
import type { DataQuality, WorkforceReport } from '../../../modules/insight';
import type { Platform } from '../../platform/platform';
import { Button, SelectField, SummaryList, Table, Tag } from '../components';
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
  QualityReasons,
  QualityTag,
} from './insight-components';

const LEVELS = [
  { value: 'organisation', label: 'Organisation' },
  { value: 'staff-group', label: 'Staff group' },
  { value: 'team', label: 'Team' },
] as const;

type Level = (typeof LEVELS)[number]['value'];

const Severity: FC<{ level: 'alert' | 'watch' }> = ({ level }) =>
  level === 'alert' ? <Tag colour="red">Alert</Tag> : <Tag colour="yellow">Watch</Tag>;

/** Early-warning signals with what triggered each and the quality of the data behind it. */
const AlertTable: FC<{
  caption: string;
  alerts: readonly { severity: 'alert' | 'watch'; message: string; dataQuality: DataQuality }[];
  empty: string;
}> = ({ caption, alerts, empty }) => (
  <Table
    caption={caption}
    rows={alerts}
    columns={[
      { header: 'Severity', cell: (alert) => <Severity level={alert.severity} /> },
      { header: 'What triggered it', cell: (alert) => alert.message },
      { header: 'Data quality', cell: (alert) => <QualityTag quality={alert.dataQuality} /> },
    ]}
    empty={empty}
  />
);

type MeasureKey = 'turnover' | 'leaverRate' | 'stability' | 'sickness' | 'vacancy' | 'bankAgencyShare';

/** A measure's column: the value, with the ICS median in brackets. */
const againstMedian = (header: string, key: MeasureKey) => ({
  header,
  cell: (row: WorkforceReport['rows'][number]) =>
    `${percent(row[key].value)} (${percent(row.icsMedian[key])})`,
  numeric: true,
});

/** Workforce measures against the ICS median, and early warning. */
export function workforcePages(web: OpenAPIHono<AppEnv>, platform: Platform) {
  const { analytics } = platform.insight;

  web.get('/insight/workforce', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    const who = await insightViewer(c, session, platform);
    const filters = filtersOf(c, who.system);
    const level: Level = LEVELS.some((entry) => entry.value === c.req.query('level'))
      ? (c.req.query('level') as Level)
      : 'organisation';
    const report = await analytics.workforce(who.viewer, { ...filters, level });
    const groups = await analytics.workforce(who.viewer, {
      ...filters,
      staffGroup: undefined,
      level: 'staff-group',
    });
    const exported = await exportIfAsked(
      c,
      `workforce-by-${level}`,
      [
        { header: 'Organisation', value: (row) => row.name },
        {
          header:
            level === 'organisation'
              ? 'Group'
              : (LEVELS.find((entry) => entry.value === level)?.label ?? level),
          value: (row) => row.group,
        },
        { header: 'Headcount at start', value: (row) => row.headcountStart },
        { header: 'Headcount at end', value: (row) => row.headcountEnd },
        { header: 'Leavers', value: (row) => row.leavers },
        { header: 'Turnover', value: (row) => row.turnover.value },
        { header: 'Turnover ICS median', value: (row) => row.icsMedian.turnover },
        { header: 'Leaver rate (left the NHS)', value: (row) => row.leaverRate.value },
        { header: 'Stability index', value: (row) => row.stability.value },
        { header: 'Sickness absence rate', value: (row) => row.sickness.value },
        { header: 'Sickness ICS median', value: (row) => row.icsMedian.sickness },
        { header: 'Vacancy rate', value: (row) => row.vacancy.value },
        { header: 'Bank and agency share of pay', value: (row) => row.bankAgencyShare.value },
        { header: 'Data quality', value: (row) => row.dataQuality.labelText },
      ],
      report.rows,
    );
    if (exported) return exported;
    const rows = report.rows.filter(
      (row) => level !== 'team' || filters.team === undefined || row.group === filters.team,
    );
    const chartRows = rows.slice(0, 25);
    const label = (row: (typeof rows)[number]) =>
      level === 'organisation' ? row.name : `${row.group}${who.system ? ` (${row.organisation})` : ''}`;
    return render(
      c,
      { title: 'Workforce', section: 'insight', session },
      <>
        <InsightStyles />
        <span class="nhsuk-caption-l">{who.heading}</span>
        <h1 class="nhsuk-heading-l">Workforce</h1>
        <InsightTabs current="/insight/workforce" system={who.system} />
        <FilterForm
          action="/insight/workforce"
          filters={filters}
          members={who.system ? who.members : undefined}
          staffGroups={
            level === 'staff-group' ? [...new Set(groups.rows.map((row) => row.group))] : undefined
          }
          hidden={{ level }}
        />
        <form method="get" action="/insight/workforce" class="nhsuk-u-margin-bottom-4" novalidate>
          <SelectField
            name="level"
            label="Measure by"
            value={level}
            options={LEVELS.map((entry) => ({ value: entry.value, label: entry.label }))}
          />
          <Button secondary>Show</Button>
        </form>
        <p class="nhsuk-body">
          {report.period.from} to {report.period.to}. Turnover is leavers over the average of the headcount at
          the start and the end; the leaver rate counts only those leaving the NHS; the stability index is the
          share of staff in post at the start still employed at the end; sickness is FTE days lost over FTE
          days available; vacancy is vacant over funded FTE; bank and agency share is their cost over the
          whole pay bill.
        </p>
        <FigureHeading quality={report.dataQuality}>Against the ICS median</FigureHeading>
        <QualityReasons quality={report.dataQuality} />
        <Chart
          id="workforce-chart"
          type="bar"
          percent
          horizontal
          description={`Turnover and sickness absence by ${level}, in per cent.`}
          labels={chartRows.map(label)}
          series={[
            {
              label: 'Turnover (%)',
              data: chartRows.map((row) => (row.turnover.value === null ? null : row.turnover.value * 100)),
            },
            {
              label: 'Sickness absence (%)',
              data: chartRows.map((row) => (row.sickness.value === null ? null : row.sickness.value * 100)),
            },
          ]}
        />
        <ExportLinks path="/insight/workforce" query={{ ...filters, level }} what="this table" />
        <Table
          caption={`Workforce measures by ${level}, with the ICS median in brackets`}
          rows={rows}
          columns={[
            { header: LEVELS.find((entry) => entry.value === level)?.label ?? level, cell: label },
            {
              header: 'Headcount',
              cell: (row) => `${row.headcountStart} → ${row.headcountEnd}`,
              numeric: true,
            },
            againstMedian('Turnover', 'turnover'),
            againstMedian('Leaver rate', 'leaverRate'),
            againstMedian('Stability', 'stability'),
            againstMedian('Sickness', 'sickness'),
            againstMedian('Vacancy', 'vacancy'),
            againstMedian('Bank and agency', 'bankAgencyShare'),
            { header: 'Data quality', cell: (row) => <QualityTag quality={row.dataQuality} /> },
          ]}
          empty="No workforce extracts have been imported for this period."
        />
        <ChartScript />
      </>,
    );
  });

  web.get('/insight/early-warning', async (c) => {
    const session = requireSession(c);
    if (session instanceof Response) return session;
    const who = await insightViewer(c, session, platform);
    const filters = filtersOf(c, who.system);
    const report = await analytics.earlyWarning(who.viewer, filters);
    const measureLabel: Record<string, string> = {
      turnover: 'Turnover',
      'sickness-absence': 'Sickness absence',
      'agency-share': 'Agency share of pay',
      leavers: 'Leavers',
    };
    const rising = report.teamAlerts.find((alert) => alert.severity === 'alert');
    const risingMonths =
      rising?.triggers.flatMap((trigger) => (trigger.kind === 'rising' ? trigger.months : [])) ?? [];
    return render(
      c,
      { title: 'Early warning', section: 'insight', session },
      <>
        <InsightStyles />
        <span class="nhsuk-caption-l">{who.heading}</span>
        <h1 class="nhsuk-heading-l">Early warning</h1>
        <InsightTabs current="/insight/early-warning" system={who.system} />
        <FilterForm
          action="/insight/early-warning"
          filters={filters}
          members={who.system ? who.members : undefined}
        />
        <p class="nhsuk-body">
          Judged at {report.period.to}. A team is flagged when a measure has risen for four months running (an
          alert when it is also well above the ICS median); every alert says what triggered it.
        </p>
        <FigureHeading quality={report.teamAlerts[0]?.dataQuality ?? null}>Teams</FigureHeading>
        {rising && risingMonths.length > 0 ? (
          <Chart
            id="team-trend"
            type="line"
            percent
            description={`${measureLabel[rising.measure] ?? rising.measure} at ${rising.team} (${rising.name}) month by month, in per cent.`}
            labels={risingMonths.map((point) => point.month)}
            series={[
              {
                label: `${rising.team} (%)`,
                data: risingMonths.map((point) => point.value * 100),
                colour: '#d5281b',
              },
            ]}
          />
        ) : null}
        <Table
          caption="Team alerts, most serious first"
          rows={report.teamAlerts}
          columns={[
            { header: 'Severity', cell: (alert) => <Severity level={alert.severity} /> },
            { header: 'Team', cell: (alert) => `${alert.team} (${alert.name})` },
            { header: 'Measure', cell: (alert) => measureLabel[alert.measure] ?? alert.measure },
            { header: 'What triggered it', cell: (alert) => alert.message },
            { header: 'Data quality', cell: (alert) => <QualityTag quality={alert.dataQuality} /> },
          ]}
          empty="No team is rising or well above the ICS median."
        />

        <FigureHeading quality={report.financeAlerts[0]?.dataQuality ?? null}>Finance pressure</FigureHeading>
        <AlertTable
          caption="Cost centres heading for an overspend at this year's run rate"
          alerts={report.financeAlerts.slice(0, 20)}
          empty="No cost centre is heading for an overspend."
        />

        <FigureHeading quality={report.procurementAlerts[0]?.dataQuality ?? null}>
          Procurement pressure
        </FigureHeading>
        <AlertTable
          caption="Ordering outside contracts"
          alerts={report.procurementAlerts}
          empty="Ordering outside contracts is steady and low."
        />

        <FigureHeading quality={report.leaverRisk[0]?.dataQuality ?? null}>Leaver-risk model</FigureHeading>
        <p class="nhsuk-body">
          Trained on each organisation’s own history: everyone in post a year ago, described as they were
          then, and whether they left within the year. Evaluated on rows the model never saw (five-fold
          stratified cross-validation). Judge it against the always-“stays” baseline: predicting that nobody
          leaves is already right for most people.
        </p>
        {report.leaverRisk.map((model) => (
          <div class="nhsuk-card">
            <div class="nhsuk-card__content">
              <h3 class="nhsuk-card__heading nhsuk-heading-s">
                {model.name} <QualityTag quality={model.dataQuality} />
              </h3>
              {model.evaluation ? (
                <SummaryList
                  rows={[
                    {
                      key: 'Staff in post at',
                      value: `${model.featureDate}: ${model.staff}, of whom ${model.leavers} left by ${model.followUpEnd}`,
                    },
                    { key: 'ROC AUC', value: `${(model.evaluation.auc ?? 0).toFixed(3)} (0.5 is chance)` },
                    { key: 'Precision for leavers', value: percent(model.evaluation.precision) },
                    { key: 'Recall for leavers', value: percent(model.evaluation.recall) },
                    { key: 'Accuracy', value: percent(model.evaluation.accuracy) },
                    {
                      key: 'Always-“stays” baseline accuracy',
                      value: percent(model.evaluation.baselineAccuracy),
                    },
                  ]}
                />
              ) : (
                <p class="nhsuk-body">No model: {model.unavailable}</p>
              )}
            </div>
          </div>
        ))}
        <ChartScript />
      </>,
    );
  });
}
