/** The shared service's own performance, per member organisation, as every member sees it. */
export const SHARED_SERVICE_KPIS = {
  'payslip-accuracy': {
    label: 'Payslip accuracy',
    unit: 'share',
    module: 'payroll',
    description: 'Payslips issued with no correction afterwards, of all payslips issued',
    better: 'higher',
  },
  'touchless-invoice-rate': {
    label: 'Touchless invoices',
    unit: 'share',
    module: 'payables',
    description: 'Supplier invoices matched, approved and scheduled for payment with no person touching them',
    better: 'higher',
  },
  'invoices-paid-in-30-days': {
    label: 'Invoices paid within 30 days',
    unit: 'share',
    module: 'payables',
    description: 'Better Payment Practice Code: undisputed invoices paid within 30 days, by number',
    better: 'higher',
  },
  'requisition-to-order-hours': {
    label: 'Requisition to order',
    unit: 'hours',
    module: 'procurement',
    description: 'Median time from a requisition being raised to its purchase order being sent',
    better: 'lower',
  },
  'query-resolution-hours': {
    label: 'Query resolution',
    unit: 'hours',
    module: 'service desk',
    description: 'Median time from a query arriving to its resolution',
    better: 'lower',
  },
} as const;

export type SharedServiceKpi = keyof typeof SHARED_SERVICE_KPIS;

export const SHARED_SERVICE_KPI_KEYS = Object.keys(SHARED_SERVICE_KPIS) as SharedServiceKpi[];

/** One measured value: `value` is a share (0–1) or hours, over `sample` cases. */
export type KpiMeasurement = {
  kpi: SharedServiceKpi;
  organisationId: string;
  value: number | null;
  sample: number;
  note: string | null;
};

/**
 * Where a KPI comes from: another module's service, wired in by the
 * composition root once that module exists. Each source measures its KPIs
 * for one organisation over a period (inclusive months, YYYY-MM).
 */
export type KpiSource = {
  module: string;
  kpis: readonly SharedServiceKpi[];
  measure(organisationId: string, period: { from: string; to: string }): Promise<KpiMeasurement[]>;
};
