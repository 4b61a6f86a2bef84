import { systemActor, type TenantRunner } from '../../kernel/tenancy';
import type { PayablesService } from '../payables';
import type { ProcurementService } from '../procurement';
import type { KpiMeasurement, KpiSource } from './domain/shared-service-kpis';

/** The period's first and last day, as the modules' measures take them. */
function dates(period: { from: string; to: string }): { from: string; to: string } {
  const [year, month] = period.to.split('-').map(Number) as [number, number];
  return {
    from: `${period.from}-01`,
    to: new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10),
  };
}

const fromBasisPoints = (value: number | null): number | null => (value === null ? null : value / 10_000);

/** Touchless invoices and invoices paid within 30 days, from payables' own measures. */
export function payablesKpiSource(runner: TenantRunner, payables: PayablesService): KpiSource {
  return {
    module: 'payables',
    kpis: ['touchless-invoice-rate', 'invoices-paid-in-30-days'],
    async measure(organisationId, period): Promise<KpiMeasurement[]> {
      const measures = await runner.withTenant({ organisationId, actor: systemActor }, (tx) =>
        payables.measures(tx, dates(period)),
      );
      return [
        {
          kpi: 'touchless-invoice-rate',
          organisationId,
          value: fromBasisPoints(measures.touchlessInvoiceRateBasisPoints),
          sample: measures.invoices.received,
          note: null,
        },
        {
          kpi: 'invoices-paid-in-30-days',
          organisationId,
          value: fromBasisPoints(measures.bppc.countBasisPoints),
          sample: measures.bppc.paidCount,
          note: null,
        },
      ];
    },
  };
}

/** Requisition-to-order time, from procurement's own measures (the median, in hours). */
export function procurementKpiSource(runner: TenantRunner, procurement: ProcurementService): KpiSource {
  return {
    module: 'procurement',
    kpis: ['requisition-to-order-hours'],
    async measure(organisationId, period): Promise<KpiMeasurement[]> {
      const measures = await runner.withTenant({ organisationId, actor: systemActor }, (tx) =>
        procurement.measures(tx, dates(period)),
      );
      const seconds = measures.requisitionToOrderSeconds.median;
      return [
        {
          kpi: 'requisition-to-order-hours',
          organisationId,
          value: seconds === null ? null : seconds / 3600,
          sample: measures.purchaseOrdersRaised,
          note:
            measures.touchlessRate === null
              ? null
              : `${Math.round(measures.touchlessRate * 100)}% raised with no human step`,
        },
      ];
    },
  };
}
