import type { Pence } from '../../../kernel/money';
import { londonDate } from '../../../kernel/time';
import {
  defaultEarlyWarningRules,
  type EarlyWarningRules,
  evaluateLeaverRisk,
  type LeaverRiskEvaluation,
  type TeamAlert,
  type TeamMeasure,
  type TeamSeries,
  teamEarlyWarnings,
} from '../domain/attrition';
import {
  benchmarkCorporateCosts,
  CORPORATE_FUNCTIONS,
  type CorporateBenchmark,
  type CorporateFunction,
  corporateFunctionOf,
} from '../domain/corporate-cost';
import type { DataQuality } from '../domain/data-quality';
import { leaverHistory } from '../domain/leaver-history';
import { financePressure, type PressureAlert, procurementPressure } from '../domain/pressure-signals';
import {
  type KpiMeasurement,
  type KpiSource,
  SHARED_SERVICE_KPI_KEYS,
  SHARED_SERVICE_KPIS,
  type SharedServiceKpi,
} from '../domain/shared-service-kpis';
import {
  median,
  monthlyTeamMeasures,
  type OrganisationWorkforce,
  type WorkforceFigures,
  type WorkforceLevel,
  workforceFigures,
} from '../domain/workforce-metrics';
import * as duck from '../sql/analytics-queries';
import {
  type AnalyticsFilters,
  type AnalyticsView,
  type MonthPeriod,
  periodOf,
  qualityOf,
  shiftMonth,
  type Viewer,
  viewOf,
} from './analytics-view';
import type { Snapshot, SnapshotState } from './snapshot';
import { workforceOf } from './workforce-source';

export type OrganisationRef = { id: string | null; name: string; you: boolean };

export type ItemPrice = OrganisationRef & {
  unitPricePence: number;
  quantity: number;
  valuePence: bigint;
};

export type PriceVariationItem = {
  itemId: string;
  description: string;
  category: string;
  organisations: number;
  minPricePence: number;
  medianPricePence: number;
  maxPricePence: number;
  /** The lowest contracted price any organisation paid; null when no one bought it on contract. */
  benchmarkPricePence: number | null;
  /** (max − min) / min, as the NAO reports the spread. */
  spread: number;
  valuePence: bigint;
  savingIfMedianPence: Pence;
  savingIfBenchmarkPence: Pence | null;
  prices: ItemPrice[];
};

export type PriceVariation = {
  period: MonthPeriod;
  view: { organisations: string[]; peers: number; named: boolean };
  comparableItems: number;
  savingIfMedianPence: Pence;
  savingIfBenchmarkPence: Pence;
  items: PriceVariationItem[];
  dataQuality: DataQuality;
};

export type SpendSource = 'po-lines' | 'spend';

export type SpendBreakdown = {
  period: MonthPeriod;
  source: SpendSource;
  dimension: duck.SpendDimension;
  totalPence: bigint;
  rows: {
    key: string;
    label: string;
    valuePence: bigint;
    share: number;
    lines: number;
    offContractPence: bigint | null;
    organisations: number;
    dataQuality: DataQuality;
  }[];
  dataQuality: DataQuality;
};

export type WorkforceRow = WorkforceFigures & {
  name: string;
  icsMedian: {
    turnover: number | null;
    leaverRate: number | null;
    stability: number | null;
    sickness: number | null;
    vacancy: number | null;
    bankAgencyShare: number | null;
  };
  dataQuality: DataQuality;
};

export type WorkforceReport = {
  period: MonthPeriod;
  level: WorkforceLevel;
  rows: WorkforceRow[];
  dataQuality: DataQuality;
};

export type LeaverRiskReport = {
  organisation: string;
  name: string;
  featureDate: string;
  followUpEnd: string;
  staff: number;
  leavers: number;
  evaluation: LeaverRiskEvaluation | null;
  /** Why there is no evaluation (too little history, too few leavers). */
  unavailable: string | null;
  dataQuality: DataQuality;
};

export type EarlyWarning = {
  period: MonthPeriod;
  teamAlerts: (TeamAlert & { name: string; dataQuality: DataQuality })[];
  financeAlerts: (PressureAlert & { dataQuality: DataQuality })[];
  procurementAlerts: (PressureAlert & { dataQuality: DataQuality })[];
  leaverRisk: LeaverRiskReport[];
};

export type CorporateCosts = {
  period: MonthPeriod;
  organisations: (CorporateBenchmark & { you: boolean; dataQuality: DataQuality })[];
  totalSavingPence: Pence;
  dataQuality: DataQuality;
};

export type Consolidation = {
  period: MonthPeriod;
  categories: {
    category: string;
    valuePence: bigint;
    suppliers: number;
    organisations: number;
    topSupplier: string;
    topShare: number;
    tailSuppliers: number;
    tailValuePence: bigint;
  }[];
  supplierNameVariants: {
    supplierId: string;
    name: string;
    names: string[];
    organisations: string[];
    reason: string;
    confidence: number;
  }[];
  dataQuality: DataQuality;
};

export type OffContract = {
  period: MonthPeriod;
  byOrganisation: {
    organisation: OrganisationRef;
    valuePence: bigint;
    offContractPence: bigint;
    share: number;
    offFrameworkAgencyPence: bigint;
    dataQuality: DataQuality;
  }[];
  byCategory: { category: string; offContractPence: bigint; valuePence: bigint }[];
  dataQuality: DataQuality;
};

export type DrillKind = 'po-lines' | 'spend';

const num = (value: bigint | number | null | undefined): number =>
  value === null || value === undefined ? 0 : Number(value);
const big = (value: bigint | number | null | undefined): bigint =>
  value === null || value === undefined ? 0n : typeof value === 'bigint' ? value : BigInt(Math.round(value));

export type SharedServiceKpis = {
  period: MonthPeriod;
  kpis: {
    kpi: SharedServiceKpi;
    label: string;
    unit: 'share' | 'hours';
    better: 'higher' | 'lower';
    description: string;
    /** The module that measures it; null values mean it is not yet running on Mainstay. */
    module: string;
    available: boolean;
    organisations: { id: string; name: string; value: number | null; sample: number; note: string | null }[];
  }[];
};

/**
 * Monthly team rates are noisy: a run of four rising months (three rises in a
 * row, about a 1-in-24 chance for a steady team) and a clear margin over the
 * ICS median — in points as well as proportion — before a team is flagged.
 */
const TEAM_ALERT_RULES: EarlyWarningRules = {
  ...defaultEarlyWarningRules,
  risingMonths: 4,
  marginAboveMedian: {
    ...defaultEarlyWarningRules.marginAboveMedian,
    turnover: { relative: 0.5, absolute: 0.03 },
    'sickness-absence': { relative: 0.25, absolute: 0.025 },
    'agency-share': { relative: 0.5, absolute: 0.02 },
  },
};

export type AnalyticsDeps = { snapshot: Snapshot; clock: { now(): Date }; kpiSources?: readonly KpiSource[] };

/**
 * The figures no single organisation can see on its own, computed over the
 * analytical snapshot: price variation, spend, off-contract spend, supplier
 * consolidation, workforce measures against the system median, early warning
 * and corporate-cost benchmarks. Every figure carries the data-quality label
 * of the data it came from. Methods take who is looking (an organisation's
 * context, or a system read scope) rather than a transaction: the figures come
 * from the snapshot, which refreshes itself from PostgreSQL in its own
 * transactions first, so call them outside any transaction.
 */
export function createAnalyticsService({ snapshot, clock, kpiSources = [] }: AnalyticsDeps) {
  const today = () => londonDate(clock.now()) as string;

  /** The months each source covers for a comparison group, read once per snapshot version. */
  const coverageMemo = new Map<string, Promise<Awaited<ReturnType<typeof duck.selectLatestMonths>>>>();
  let coverageVersion = -1;
  function coverageOf(state: SnapshotState, organisations: readonly string[]) {
    if (state.version !== coverageVersion) {
      coverageMemo.clear();
      coverageVersion = state.version;
    }
    const key = organisations.join(',');
    let known = coverageMemo.get(key);
    if (!known) {
      known = duck.selectLatestMonths(state.db, organisations);
      coverageMemo.set(key, known);
    }
    return known;
  }

  async function prepare(viewer: Viewer, filters: AnalyticsFilters, source: string) {
    const state = await snapshot.current();
    const view = viewOf(viewer, state, filters);
    const latest = await coverageOf(state, view.peers);
    const period = periodOf(filters, latest.find((row) => row.source === source)?.latest ?? null, today());
    return { state, view, period };
  }

  /**
   * The figures for one view, filters and snapshot version are computed once:
   * dashboards ask for the same ones again and again, and anything that
   * changes the data moves the snapshot's version.
   */
  const memo = new Map<string, Promise<unknown>>();
  let memoVersion = -1;
  const MEMO_ENTRIES = 200;
  async function remember<T>(
    name: string,
    viewer: Viewer,
    filters: object,
    compute: () => Promise<T>,
  ): Promise<T> {
    const state = await snapshot.current();
    if (state.version !== memoVersion) {
      memo.clear();
      memoVersion = state.version;
    }
    const key = JSON.stringify([name, viewOf(viewer, state, filters), filters]);
    const known = memo.get(key);
    if (known) return known as Promise<T>;
    const result = compute();
    memo.set(key, result);
    result.catch(() => memo.delete(key));
    if (memo.size > MEMO_ENTRIES) memo.delete(memo.keys().next().value ?? key);
    return result;
  }

  const nameOf = (state: SnapshotState, id: string): string =>
    state.organisations.get(id)?.organisation.name ?? id;

  const refOf = (state: SnapshotState, view: AnalyticsView, id: string): OrganisationRef =>
    view.named || view.organisations.includes(id)
      ? { id, name: nameOf(state, id), you: view.organisations.includes(id) && !view.named }
      : { id: null, name: 'Another organisation', you: false };

  const service = {
    /** Price variation per unified item, with the top opportunities by value (NAO / Spend Comparison Service method). */
    async priceVariation(
      viewer: Viewer,
      filters: AnalyticsFilters & { item?: string; limit?: number },
    ): Promise<PriceVariation> {
      return remember('priceVariation', viewer, filters, async () => {
        const { state, view, period } = await prepare(viewer, filters, 'po-lines');
        const query = {
          view: view.organisations,
          peers: view.peers,
          from: period.from,
          to: period.to,
          category: filters.category ?? null,
          item: filters.item ?? null,
          limit: Math.min(filters.limit ?? 25, 500),
        };
        // a standard period (trailing year, financial year) reads its prepared rollup; any other period the monthly one
        const periodKey =
          (await duck.selectStandardPeriods(state.db)).find(
            (standard) => standard.from_month === period.from && standard.to_month === period.to,
          )?.period_key ?? null;
        const { rows, totals } = await duck.selectPriceVariation(state.db, query, periodKey);
        const prices = await duck.selectItemPrices(
          state.db,
          query,
          periodKey,
          rows.map((row) => row.item_id),
        );
        const quality = (organisations: readonly string[]) =>
          qualityOf(state, view, organisations, ['po-lines'], { today: today() });
        return {
          period,
          view: { organisations: view.organisations, peers: view.peers.length, named: view.named },
          comparableItems: num(totals.items),
          savingIfMedianPence: big(totals.saving_median_pence) as Pence,
          savingIfBenchmarkPence: big(totals.saving_benchmark_pence) as Pence,
          items: rows.map((row) => ({
            itemId: row.item_id,
            description: row.description,
            category: row.category,
            organisations: num(row.organisations),
            minPricePence: row.min_price,
            medianPricePence: row.median_price,
            maxPricePence: row.max_price,
            benchmarkPricePence: row.benchmark_price,
            spread: row.min_price > 0 ? (row.max_price - row.min_price) / row.min_price : 0,
            valuePence: big(row.view_value_pence),
            savingIfMedianPence: big(row.saving_median_pence) as Pence,
            savingIfBenchmarkPence:
              row.saving_benchmark_pence === null ? null : (big(row.saving_benchmark_pence) as Pence),
            prices: prices
              .filter((price) => price.item_id === row.item_id)
              .map((price) => ({
                ...refOf(state, view, price.org),
                unitPricePence: price.unit_price,
                quantity: price.quantity,
                valuePence: big(price.value_pence),
              })),
          })),
          dataQuality: quality(view.peers),
        };
      });
    },

    /** Spend by category, supplier, organisation or month, from purchase orders or from payments. */
    async spend(
      viewer: Viewer,
      filters: AnalyticsFilters & { dimension: duck.SpendDimension; source?: SpendSource; limit?: number },
    ): Promise<SpendBreakdown> {
      return remember('spend', viewer, filters, async () => {
        const source = filters.source ?? 'po-lines';
        const { state, view, period } = await prepare(viewer, filters, source);
        const query = {
          view: view.organisations,
          dimension: filters.dimension,
          from: period.from,
          to: period.to,
          category: filters.category ?? null,
          supplier: filters.supplier ?? null,
          limit: Math.min(filters.limit ?? 50, 1000),
        };
        const rows =
          source === 'spend'
            ? await duck.selectPaymentSpend(state.db, query)
            : await duck.selectOrderSpend(state.db, query);
        const total = rows.reduce((sum, row) => sum + big(row.value_pence), 0n);
        const overall = qualityOf(state, view, view.organisations, [source], { today: today() });
        return {
          period,
          source,
          dimension: filters.dimension,
          totalPence: total,
          rows: rows.map((row) => ({
            key: row.key,
            label: filters.dimension === 'organisation' ? refOf(state, view, row.key).name : row.label,
            valuePence: big(row.value_pence),
            share: total === 0n ? 0 : Number(big(row.value_pence)) / Number(total),
            lines: num(row.lines),
            offContractPence: row.off_contract_pence === null ? null : big(row.off_contract_pence),
            organisations: num(row.organisations),
            dataQuality:
              filters.dimension === 'organisation'
                ? qualityOf(state, view, [row.key], [source], { today: today() })
                : overall,
          })),
          dataQuality: overall,
        };
      });
    },

    /** Orders on no contract, by organisation and category, and agency shifts booked off framework. */
    async offContract(viewer: Viewer, filters: AnalyticsFilters): Promise<OffContract> {
      return remember('offContract', viewer, filters, async () => {
        const { state, view, period } = await prepare(viewer, filters, 'po-lines');
        const monthly = await duck.selectOffContractByMonth(state.db, {
          view: view.organisations,
          ...period,
        });
        const categories = await duck.selectOrderSpend(state.db, {
          view: view.organisations,
          dimension: 'category',
          from: period.from,
          to: period.to,
          category: null,
          supplier: null,
          limit: 1000,
        });
        const workforce = await duck.selectWorkforce(state.db, view.organisations);
        return {
          period,
          byOrganisation: view.organisations.map((id) => {
            const rows = monthly.filter((row) => row.org === id);
            const value = rows.reduce((sum, row) => sum + big(row.value_pence), 0n);
            const off = rows.reduce((sum, row) => sum + big(row.off_contract_pence), 0n);
            const offFramework = workforce
              .filter(
                (row) =>
                  row.org === id &&
                  row.kind === 'temporary-staffing' &&
                  row.staffing_type === 'agency' &&
                  row.on_framework === false &&
                  row.period !== null &&
                  row.period >= period.from &&
                  row.period <= period.to,
              )
              .reduce((sum, row) => sum + big(row.cost_pence), 0n);
            return {
              organisation: refOf(state, view, id),
              valuePence: value,
              offContractPence: off,
              share: value === 0n ? 0 : Number(off) / Number(value),
              offFrameworkAgencyPence: offFramework,
              dataQuality: qualityOf(state, view, [id], ['po-lines', 'temporary-staffing'], {
                today: today(),
              }),
            };
          }),
          byCategory: categories
            .filter((row) => big(row.off_contract_pence) > 0n)
            .map((row) => ({
              category: row.key,
              offContractPence: big(row.off_contract_pence),
              valuePence: big(row.value_pence),
            }))
            .sort((a, b) => (a.offContractPence < b.offContractPence ? 1 : -1)),
          dataQuality: qualityOf(state, view, view.organisations, ['po-lines'], { today: today() }),
        };
      });
    },

    /** Categories bought from many suppliers (the tail beyond 80% of spend), and suppliers known under several names. */
    async consolidation(viewer: Viewer, filters: AnalyticsFilters): Promise<Consolidation> {
      return remember('consolidation', viewer, filters, async () => {
        const { state, view, period } = await prepare(viewer, filters, 'po-lines');
        const spread = await duck.selectSupplierSpread(state.db, {
          view: view.organisations,
          ...period,
          limit: 50,
        });
        const variants = await duck.selectSupplierNameVariants(state.db, view.organisations);
        return {
          period,
          categories: spread.map((row) => ({
            category: row.category,
            valuePence: big(row.value_pence),
            suppliers: num(row.suppliers),
            organisations: num(row.organisations),
            topSupplier: row.top_supplier,
            topShare: row.top_share,
            tailSuppliers: num(row.tail_suppliers),
            tailValuePence: big(row.tail_value_pence),
          })),
          supplierNameVariants: variants.map((row) => ({
            supplierId: row.unified_supplier_id,
            name: row.unified_name,
            names: [...row.names],
            organisations: row.organisations.filter((id) => view.named || view.organisations.includes(id)),
            reason: row.reason,
            confidence: row.confidence,
          })),
          dataQuality: qualityOf(state, view, view.organisations, ['po-lines', 'spend'], { today: today() }),
        };
      });
    },

    /** Turnover, leaver rate, stability, sickness, vacancy and bank/agency share, each beside the ICS median. */
    async workforce(
      viewer: Viewer,
      filters: AnalyticsFilters & { level?: WorkforceLevel },
    ): Promise<WorkforceReport> {
      return remember('workforce', viewer, filters, async () => {
        const { state, view, period } = await prepare(viewer, filters, 'workforce');
        const level = filters.level ?? 'organisation';
        const rows = await duck.selectWorkforce(state.db, view.peers);
        const pay = await duck.selectPayByMonth(state.db, { view: view.peers, ...period });
        const span = { start: `${period.from}-01`, end: monthEnd(period.to) };
        const figures = view.peers.flatMap((id) =>
          workforceFigures(
            workforceOf(
              id,
              rows.filter((row) => row.org === id),
              pay.filter((row) => row.org === id),
            ),
            span,
            level,
          ),
        );
        const medianOf = (group: WorkforceFigures, pick: (figures: WorkforceFigures) => number | null) =>
          median(figures.filter((other) => level === 'team' || other.group === group.group).map(pick));
        const wanted = (row: WorkforceFigures) =>
          view.organisations.includes(row.organisation) &&
          (filters.staffGroup === undefined || level !== 'staff-group' || row.group === filters.staffGroup) &&
          (filters.team === undefined || level !== 'team' || row.group === filters.team);
        return {
          period,
          level,
          rows: figures.filter(wanted).map((row) => ({
            ...row,
            name: nameOf(state, row.organisation),
            icsMedian: {
              turnover: medianOf(row, (other) => other.turnover.value),
              leaverRate: medianOf(row, (other) => other.leaverRate.value),
              stability: medianOf(row, (other) => other.stability.value),
              sickness: medianOf(row, (other) => other.sickness.value),
              vacancy: medianOf(row, (other) => other.vacancy.value),
              bankAgencyShare: medianOf(row, (other) => other.bankAgencyShare.value),
            },
            dataQuality: qualityOf(
              state,
              view,
              [row.organisation],
              ['staff-in-post', 'leavers', 'sickness', 'vacancies', 'temporary-staffing'],
              { today: today() },
            ),
          })),
          dataQuality: qualityOf(
            state,
            view,
            view.organisations,
            ['staff-in-post', 'leavers', 'sickness', 'vacancies', 'temporary-staffing'],
            { today: today() },
          ),
        };
      });
    },

    /**
     * Early warning: team alerts (turnover, sickness or agency share rising
     * for consecutive months, or well above the ICS median), finance pressure
     * (spend against budget at the run rate), procurement pressure
     * (off-contract ordering rising) and each organisation's leaver-risk model
     * trained on its own history with an honest evaluation.
     */
    async earlyWarning(
      viewer: Viewer,
      filters: AnalyticsFilters & { leaverRisk?: boolean },
    ): Promise<EarlyWarning> {
      return remember('earlyWarning', viewer, filters, async () => {
        const { state, view, period } = await prepare(viewer, filters, 'workforce');
        const rows = await duck.selectWorkforce(state.db, view.peers);
        const pay = await duck.selectPayByMonth(state.db, { view: view.peers, ...period });
        const months: string[] = [];
        for (let month = period.from; month <= period.to; month = shiftMonth(month, 1)) months.push(month);
        const series: TeamSeries[] = [];
        const workforce = new Map<string, OrganisationWorkforce>();
        for (const id of view.peers) {
          const data = workforceOf(
            id,
            rows.filter((row) => row.org === id),
            pay.filter((row) => row.org === id),
          );
          workforce.set(id, data);
          const byTeam = new Map<string, TeamSeries>();
          for (const point of monthlyTeamMeasures(data, months)) {
            const key = `${point.team}\u001f${point.measure}`;
            const entry = byTeam.get(key) ?? {
              organisation: id,
              team: point.team,
              measure: point.measure satisfies TeamMeasure,
              values: [],
            };
            (entry.values as { month: string; value: number }[]).push({
              month: point.month,
              value: point.value,
            });
            byTeam.set(key, entry);
          }
          series.push(...byTeam.values());
        }
        const teamAlerts = teamEarlyWarnings(series, { ...TEAM_ALERT_RULES, asOfMonth: period.to })
          .filter((alert) => view.organisations.includes(alert.organisation))
          .map((alert) => ({
            ...alert,
            name: nameOf(state, alert.organisation),
            dataQuality: qualityOf(
              state,
              view,
              [alert.organisation],
              ['staff-in-post', 'leavers', 'sickness'],
              {
                today: today(),
              },
            ),
          }));

        const financialYear = financialYearOf(period.to);
        const budgets = await duck.selectBudgetRunRate(state.db, {
          view: view.organisations,
          financialYear,
          from: financialYearStart(period.to),
          to: period.to,
        });
        const financeAlerts = financePressure(
          budgets.map((row) => ({
            organisation: row.org,
            costCentre: row.cost_centre,
            name: row.cost_centre_name ?? row.cost_centre,
            annualBudgetPence: big(row.budget_pence),
            spentPence: big(row.spent_pence),
            months: num(row.months),
          })),
        ).map((alert) => ({
          ...alert,
          dataQuality: qualityOf(state, view, [alert.organisation], ['gl'], { ledger: true, today: today() }),
        }));

        const offContract = await duck.selectOffContractByMonth(state.db, {
          view: view.organisations,
          ...period,
        });
        const procurementAlerts = view.organisations.flatMap((id) =>
          procurementPressure(
            id,
            offContract
              .filter((row) => row.org === id)
              .map((row) => ({
                month: row.month,
                partPence: big(row.off_contract_pence),
                wholePence: big(row.value_pence),
              })),
          ).map((alert) => ({
            ...alert,
            dataQuality: qualityOf(state, view, [id], ['po-lines'], { today: today() }),
          })),
        );

        const leaverRisk: LeaverRiskReport[] = [];
        if (filters.leaverRisk !== false) {
          for (const id of view.organisations) {
            const data = workforce.get(id);
            if (!data || data.staff.length === 0) continue;
            leaverRisk.push(leaverRiskOf(state, view, id, data));
          }
        }
        return { period, teamAlerts, financeAlerts, procurementAlerts, leaverRisk };
      });
    },

    /** Corporate costs per £100m of income, per payslip and per invoice, against the median of trusts of the same type. */
    async corporateCosts(viewer: Viewer, filters: AnalyticsFilters): Promise<CorporateCosts> {
      return remember('corporateCosts', viewer, filters, async () => {
        const { state, view, period } = await prepare(viewer, filters, 'ledger');
        const all = [...state.organisations.values()]
          .filter((facts) => facts.organisation.kind === 'trust')
          .map((facts) => facts.organisation.id);
        const areas = await duck.selectCostAreas(state.db, { view: all, ...period });
        const workforce = await duck.selectWorkforce(state.db, all);
        const inputs = all
          .map((id) => {
            const organisation = state.organisations.get(id)?.organisation;
            const costs = Object.fromEntries(CORPORATE_FUNCTIONS.map((fn) => [fn, 0n])) as Record<
              CorporateFunction,
              bigint
            >;
            let income = 0n;
            let anyCost = false;
            for (const row of areas.filter((area) => area.org === id)) {
              if (row.account_class === 'income') {
                income += big(row.amount_pence);
                continue;
              }
              const fn = corporateFunctionOf(row.division, row.cost_centre_name);
              if (fn) {
                costs[fn] += big(row.amount_pence);
                anyCost = true;
              }
            }
            const payslips = payslipsFrom(
              workforce.filter((row) => row.org === id),
              period,
            );
            return {
              organisation: id,
              name: organisation?.name ?? id,
              trustType: organisation?.trustType ?? null,
              incomePence: income > 0n ? income : (organisation?.annualIncomePence ?? null),
              costs,
              payslips,
              invoices: null,
              anyCost,
            };
          })
          .filter((input) => input.anyCost);
        const benchmarks = benchmarkCorporateCosts(inputs).filter((row) =>
          view.organisations.includes(row.organisation),
        );
        const rows = benchmarks.map((row) => ({
          ...row,
          you: !view.named,
          dataQuality: qualityOf(state, view, [row.organisation], ['gl'], { ledger: true, today: today() }),
        }));
        return {
          period,
          organisations: rows,
          totalSavingPence: rows.reduce(
            (sum, row) => sum + (row.perHundredMillion.total.savingPence ?? 0n),
            0n,
          ) as Pence,
          dataQuality: qualityOf(state, view, view.organisations, ['gl'], { ledger: true, today: today() }),
        };
      });
    },

    /** The rows behind a figure (purchase-order lines or payments), with the file and line each came from. */
    async drill(
      viewer: Viewer,
      filters: AnalyticsFilters & { kind: DrillKind; item?: string; offContract?: boolean; limit?: number },
    ): Promise<{ period: MonthPeriod; rows: Record<string, unknown>[]; dataQuality: DataQuality }> {
      const { state, view, period } = await prepare(viewer, filters, filters.kind);
      const query = {
        view: view.organisations,
        from: period.from,
        to: period.to,
        item: filters.item ?? null,
        category: filters.category ?? null,
        supplier: filters.supplier ?? null,
        organisation: filters.organisation ?? null,
        offContract: filters.offContract ?? false,
        limit: Math.min(filters.limit ?? 200, 5000),
      };
      const rows =
        filters.kind === 'spend'
          ? await duck.selectPaymentLines(state.db, query)
          : await duck.selectOrderLines(state.db, query);
      return {
        period,
        rows: rows.map((row) => ({
          ...row,
          organisation: refOf(state, view, String(row.organisation)).name,
        })),
        dataQuality: qualityOf(state, view, view.organisations, [filters.kind], { today: today() }),
      };
    },

    /**
     * The shared service's own KPIs for every member of the viewer's system
     * (performance visible to every member), from the modules that measure
     * them; a KPI whose module is not yet on Mainstay says so.
     */
    async kpis(viewer: Viewer, filters: AnalyticsFilters): Promise<SharedServiceKpis> {
      const state = await snapshot.current();
      const view = viewOf(viewer, state, filters);
      const members = view.named
        ? view.peers
        : [...state.organisations.values()]
            .filter(
              (facts) =>
                facts.organisation.kind === 'trust' &&
                facts.organisation.status === 'member' &&
                (view.system === null || facts.organisation.parentId === view.system),
            )
            .map((facts) => facts.organisation.id);
      const period = periodOf(filters, today().slice(0, 7), today());
      const measured: KpiMeasurement[] = [];
      for (const source of kpiSources) {
        for (const id of members) measured.push(...(await source.measure(id, period)));
      }
      return {
        period,
        kpis: SHARED_SERVICE_KPI_KEYS.map((kpi) => {
          const definition = SHARED_SERVICE_KPIS[kpi];
          const available = kpiSources.some((source) => source.kpis.includes(kpi));
          return {
            kpi,
            label: definition.label,
            unit: definition.unit,
            better: definition.better,
            description: definition.description,
            module: definition.module,
            available,
            organisations: members.map((id) => {
              const found = measured.find((entry) => entry.kpi === kpi && entry.organisationId === id);
              return {
                id,
                name: nameOf(state, id),
                value: found?.value ?? null,
                sample: found?.sample ?? 0,
                note:
                  found?.note ??
                  (available
                    ? 'nothing measured in the period'
                    : `${definition.module} is not yet running on Mainstay`),
              };
            }),
          };
        }),
      };
    },

    /** The months each source has data for in the caller's view (for the period filter). */
    async coverage(viewer: Viewer) {
      const state = await snapshot.current();
      const view = viewOf(viewer, state, {});
      return {
        builtAt: state.builtAt.toISOString(),
        view: {
          organisations: view.organisations,
          peers: view.peers.length,
          named: view.named,
          system: view.system,
        },
        sources: (await coverageOf(state, view.organisations)).map((row) => ({
          source: row.source,
          earliest: row.earliest,
          latest: row.latest,
        })),
        members: view.named
          ? view.organisations.map((id) => ({ id, name: nameOf(state, id) }))
          : [{ id: view.viewer, name: nameOf(state, view.viewer) }],
      };
    },
  };

  function leaverRiskOf(
    state: SnapshotState,
    view: AnalyticsView,
    id: string,
    data: OrganisationWorkforce,
  ): LeaverRiskReport {
    const dataQuality = qualityOf(state, view, [id], ['staff-in-post', 'leavers', 'sickness'], {
      today: today(),
    });
    const history = leaverHistory(data);
    const base = { organisation: id, name: nameOf(state, id), dataQuality };
    if (!history) {
      return {
        ...base,
        featureDate: '',
        followUpEnd: '',
        staff: 0,
        leavers: 0,
        evaluation: null,
        unavailable: 'at least six months of staff-in-post and leaver history are needed',
      };
    }
    const summary = {
      ...base,
      featureDate: history.featureDate,
      followUpEnd: history.followUpEnd,
      staff: history.staff,
      leavers: history.leavers,
    };
    try {
      return {
        ...summary,
        evaluation: evaluateLeaverRisk(history.table, { target: 'left within the year', positive: 'yes' }),
        unavailable: null,
      };
    } catch (error) {
      return { ...summary, evaluation: null, unavailable: (error as Error).message };
    }
  }

  return service;
}

function monthEnd(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, number, 0)).toISOString().slice(0, 10);
}

/** The NHS financial year (April to March) a month falls in, written as the ledger writes it: 2026-27. */
function financialYearOf(month: string): string {
  const year = Number(month.slice(0, 4));
  const start = Number(month.slice(5, 7)) >= 4 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

function financialYearStart(month: string): string {
  return `${financialYearOf(month).slice(0, 4)}-04`;
}

/** Payslips in the period: one a month for everyone in post (from the monthly staff-in-post snapshots). */
function payslipsFrom(rows: readonly duck.WorkforceRow[], period: MonthPeriod): number | null {
  const byMonth = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.kind !== 'staff-in-post' || row.record_date === null || row.employee_id === null) continue;
    const month = row.record_date.toISOString().slice(0, 7);
    if (month < period.from || month > period.to) continue;
    const set = byMonth.get(month) ?? new Set<string>();
    set.add(row.employee_id);
    byMonth.set(month, set);
  }
  if (byMonth.size === 0) return null;
  return [...byMonth.values()].reduce((sum, set) => sum + set.size, 0);
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
