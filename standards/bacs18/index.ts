export { BACS_PERMITTED_CHARACTERS, foldToAscii, toBacsName, toBacsText } from './charset';
export { fromBacsJulianDate, toBacsJulianDate } from './julian-date';
export { parseStandard18 } from './parser';
export { type PlainDate, parsePlainDate } from './plain-date';
export type {
  ParsedContra,
  ParsedPayment,
  ParsedStandard18,
  Standard18File,
  Standard18Form,
  Standard18Input,
  Standard18Payment,
  Standard18Totals,
} from './types';
export { MAX_FILE_TOTAL, MAX_RECORD_AMOUNT } from './validate-input';
export {
  addBacsWorkingDays,
  isBacsWorkingDay,
  nextBacsWorkingDay,
  previousBacsWorkingDay,
} from './working-days';
export { writeStandard18 } from './writer';
