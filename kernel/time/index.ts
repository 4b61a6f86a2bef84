export { type Clock, fixedClock, systemClock } from './clock';
export {
  type AccountingPeriodRef,
  accountingPeriod,
  accountingPeriodOf,
  financialYearLabel,
} from './financial-year';
export { addDays, daysBetween, isLocalDate, type LocalDate, localDate, londonDate } from './local-date';
