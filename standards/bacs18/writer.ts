import type { Pence } from '../../kernel/money';
import { toBacsJulianDate } from './julian-date';
import {
  composeRecord,
  DAILY_RECORD_LENGTH,
  LABEL_LENGTH,
  leftJustify,
  MULTI_RECORD_LENGTH,
  spaces,
  zeroFill,
} from './layout';
import type { PlainDate } from './plain-date';
import type { Standard18File, Standard18Input } from './types';
import { MAX_RECORD_AMOUNT, type NormalisedInput, normaliseStandard18Input } from './validate-input';

export const CREDIT_TRANSACTION_CODE = '99';
export const DEBIT_CONTRA_TRANSACTION_CODE = '17';
export const CONTRA_REFERENCE = 'CONTRA';

type Contra = { processingDate: PlainDate; amount: bigint };

/**
 * One debit contra per processing day balances that day's credits; a day whose
 * credits exceed the 11-digit amount field gets as many contras as it needs.
 */
function contrasFor(input: NormalisedInput): Contra[] {
  const totals = new Map<PlainDate, bigint>();
  for (const payment of input.payments) {
    totals.set(payment.processingDate, (totals.get(payment.processingDate) ?? 0n) + payment.amount);
  }
  const contras: Contra[] = [];
  for (const processingDate of [...totals.keys()].sort()) {
    let remaining = totals.get(processingDate) ?? 0n;
    while (remaining > 0n) {
      const amount = remaining > MAX_RECORD_AMOUNT ? MAX_RECORD_AMOUNT : remaining;
      contras.push({ processingDate, amount });
      remaining -= amount;
    }
  }
  return contras;
}

type HeaderLabels = { vol1: string; hdr1: string; hdr2: string; uhl1: string };

function headerLabels(input: NormalisedInput): HeaderLabels {
  const sun = input.serviceUserNumber;
  const recordLength = input.form === 'DAILY' ? DAILY_RECORD_LENGTH : MULTI_RECORD_LENGTH;
  const vol1 = composeRecord('VOL1', LABEL_LENGTH, {
    label: 'VOL',
    labelNumber: '1',
    submissionSerial: input.submissionSerial,
    accessibility: ' ',
    reserved1: spaces(30),
    owner: sun,
    reserved2: spaces(32),
    standardLevel: '1',
  });
  const hdr1 = composeRecord('HDR1', LABEL_LENGTH, {
    label: 'HDR1',
    fileIdentifier: `A${sun}S   ${sun}`,
    setIdentification: input.submissionSerial,
    sectionNumber: '0001',
    sequenceNumber: '0001',
    generationNumber: spaces(4),
    generationVersion: spaces(2),
    creationDate: toBacsJulianDate(input.creationDate),
    expirationDate: toBacsJulianDate(input.processingDate),
    accessibility: ' ',
    blockCount: '000000',
    systemCode: spaces(13),
    reserved: spaces(7),
  });
  const hdr2 = composeRecord('HDR2', LABEL_LENGTH, {
    label: 'HDR2',
    recordFormat: 'F',
    blockLength: '02000',
    recordLength: zeroFill(recordLength, 5),
    reserved1: spaces(35),
    bufferOffset: '00',
    reserved2: spaces(28),
  });
  const uhl1 = composeRecord('UHL1', LABEL_LENGTH, {
    label: 'UHL1',
    processingDay: toBacsJulianDate(input.processingDate),
    receivingParty: `999999${spaces(4)}`,
    currency: '00',
    country: '000000',
    workCode: input.form === 'DAILY' ? '1 DAILY  ' : '4 MULTI  ',
    fileNumber: zeroFill(input.fileNumber, 3),
    reserved1: spaces(7),
    auditPrint: spaces(7),
    reserved2: spaces(26),
  });
  return { vol1, hdr1, hdr2, uhl1 };
}

/**
 * Writes a Bacs Standard 18 credit file (supplier payments or net pay): labels,
 * one `99` credit per payment in the order given, then `17` debit contras
 * drawing the total from the service user's account, then the trailer labels.
 * Input is checked first; a DomainError names every payment and field at fault.
 */
export function writeStandard18(raw: Standard18Input): Standard18File {
  const input = normaliseStandard18Input(raw);
  const multi = input.form === 'MULTI';
  const recordLength = multi ? MULTI_RECORD_LENGTH : DAILY_RECORD_LENGTH;
  const { vol1, hdr1, hdr2, uhl1 } = headerLabels(input);
  const records: string[] = [vol1, hdr1, hdr2, uhl1];
  const julianDates = new Map<PlainDate, string>();
  const julian = (date: PlainDate): string => {
    let written = julianDates.get(date);
    if (written === undefined) {
      written = toBacsJulianDate(date);
      julianDates.set(date, written);
    }
    return written;
  };

  const originating = { sortCode: input.originatorSortCode, account: input.originatorAccountNumber };
  let creditTotal = 0n;
  for (const payment of input.payments) {
    creditTotal += payment.amount;
    records.push(
      composeRecord('DATA', recordLength, {
        destinationSortCode: payment.sortCode,
        destinationAccount: payment.accountNumber,
        accountType: '0',
        transactionCode: CREDIT_TRANSACTION_CODE,
        originatingSortCode: originating.sortCode,
        originatingAccount: originating.account,
        freeFormat: payment.rtiString ?? spaces(4),
        amount: zeroFill(payment.amount, 11),
        serviceUserName: leftJustify(input.serviceUserName, 18),
        reference: leftJustify(payment.reference, 18),
        destinationName: leftJustify(payment.accountName, 18),
        processingDay: julian(payment.processingDate),
      }),
    );
  }

  const contras = contrasFor(input);
  let debitTotal = 0n;
  for (const contra of contras) {
    debitTotal += contra.amount;
    records.push(
      composeRecord('CONTRA', recordLength, {
        destinationSortCode: originating.sortCode,
        destinationAccount: originating.account,
        accountType: '0',
        transactionCode: DEBIT_CONTRA_TRANSACTION_CODE,
        originatingSortCodeAndAccount: `${originating.sortCode}${originating.account}`,
        freeFormat: spaces(4),
        amount: zeroFill(contra.amount, 11),
        narrative: leftJustify(input.serviceUserName, 18),
        reference: leftJustify(CONTRA_REFERENCE, 18),
        accountName: leftJustify(input.originatorAccountName, 18),
        processingDay: julian(contra.processingDate),
      }),
    );
  }

  const totals = {
    debitTotal: debitTotal as Pence,
    creditTotal: creditTotal as Pence,
    debitCount: contras.length,
    creditCount: input.payments.length,
  };
  records.push(`EOF1${hdr1.slice(4)}`, `EOF2${hdr2.slice(4)}`);
  records.push(
    composeRecord('UTL1', LABEL_LENGTH, {
      label: 'UTL1',
      debitTotal: zeroFill(totals.debitTotal, 13),
      creditTotal: zeroFill(totals.creditTotal, 13),
      debitCount: zeroFill(totals.debitCount, 7),
      creditCount: zeroFill(totals.creditCount, 7),
      reserved: spaces(36),
    }),
  );
  return { text: `${records.join('\r\n')}\r\n`, records, totals };
}
