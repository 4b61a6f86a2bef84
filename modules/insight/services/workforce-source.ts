import type { OrganisationWorkforce, StaffRecord } from '../domain/workforce-metrics';
import type { PayRow, WorkforceRow } from '../sql/analytics-queries';

const isoDate = (value: Date | null): string | null =>
  value === null ? null : value.toISOString().slice(0, 10);

/** One organisation's workforce rows from the snapshot, as the records the NHS measures are computed from. */
export function workforceOf(
  organisation: string,
  rows: readonly WorkforceRow[],
  pay: readonly PayRow[],
): OrganisationWorkforce {
  const staff: StaffRecord[] = [];
  const data: OrganisationWorkforce = {
    organisation,
    staff,
    leavers: [],
    sickness: [],
    vacancies: [],
    temporaryStaffing: [],
    pay: pay.map((row) => ({
      month: row.month,
      team: row.cost_centre_name,
      kind: row.pay_kind,
      amountPence: row.amount_pence,
    })),
  };
  const leavers = data.leavers as OrganisationWorkforce['leavers'][number][];
  const sickness = data.sickness as OrganisationWorkforce['sickness'][number][];
  const vacancies = data.vacancies as OrganisationWorkforce['vacancies'][number][];
  const temporary = data.temporaryStaffing as OrganisationWorkforce['temporaryStaffing'][number][];
  for (const row of rows) {
    const recordDate = isoDate(row.record_date);
    switch (row.kind) {
      case 'staff-in-post':
        if (row.employee_id !== null && recordDate !== null) {
          staff.push({
            employeeId: row.employee_id,
            asAt: recordDate,
            staffGroup: row.staff_group,
            team: row.team,
            fte: row.contracted_fte,
            band: row.band,
            startDate: isoDate(row.start_date),
            ageBand: row.age_band,
            contractType: row.contract_type,
          });
        }
        break;
      case 'leavers':
        if (row.employee_id !== null && recordDate !== null) {
          leavers.push({
            employeeId: row.employee_id,
            leavingDate: recordDate,
            staffGroup: row.staff_group,
            team: row.team,
            destination: row.destination,
          });
        }
        break;
      case 'sickness':
        if (row.employee_id !== null && recordDate !== null) {
          sickness.push({
            employeeId: row.employee_id,
            start: recordDate,
            end: isoDate(row.end_date),
            daysLost: row.days_lost ?? 0,
            fteDaysLost: row.fte_days_lost,
            fte: row.contracted_fte,
            staffGroup: row.staff_group,
            team: row.team,
          });
        }
        break;
      case 'vacancies':
        if (row.period !== null && row.vacancy_fte !== null) {
          vacancies.push({
            month: row.period,
            team: row.team,
            staffGroup: row.staff_group,
            establishmentFte: row.establishment_fte,
            staffInPostFte: row.staff_in_post_fte,
            vacancyFte: row.vacancy_fte,
          });
        }
        break;
      case 'temporary-staffing':
        if (
          row.period !== null &&
          row.cost_pence !== null &&
          (row.staffing_type === 'bank' || row.staffing_type === 'agency')
        ) {
          temporary.push({
            month: row.period,
            team: row.team,
            staffGroup: row.staff_group,
            type: row.staffing_type,
            costPence: row.cost_pence,
            onFramework: row.on_framework,
          });
        }
        break;
    }
  }
  return data;
}
