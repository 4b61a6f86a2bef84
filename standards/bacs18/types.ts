import type { Pence } from '../../kernel/money';
import type { PlainDate } from './plain-date';

/** DAILY files carry one processing day (100-character records); MULTI files put a day on each record (106). */
export type Standard18Form = 'DAILY' | 'MULTI';

export type Standard18Payment = {
  sortCode: string;
  accountNumber: string;
  accountName: string;
  amount: Pence | bigint;
  reference: string;
  /** HMRC RTI random string for field 32-35 (`/` and three characters) on net-pay credits. */
  rtiString?: string;
  /** MULTI files only: the Bacs processing day for this payment; defaults to the file's. */
  processingDate?: PlainDate;
};

export type Standard18Input = {
  form: Standard18Form;
  serviceUserNumber: string;
  originator: {
    sortCode: string;
    accountNumber: string;
    /** Shown to payees as the service user's name (47-64) and used as the contra narrative. */
    name: string;
    /** The account name for the contra record (83-100); the name when not given. */
    accountName?: string;
  };
  /** The Bacs processing day of the file (UHL1); must be a Bacs working day. */
  processingDate: PlainDate;
  /** The day the file was made (HDR1 42-47). Injected so the file is reproducible. */
  creationDate: PlainDate;
  /** Six characters, unique per submission (VOL1 5-10, HDR1 22-27). */
  submissionSerial: string;
  /** UHL1 file number, 1-999. */
  fileNumber: number;
  payments: readonly Standard18Payment[];
};

export type Standard18Totals = {
  debitTotal: Pence;
  creditTotal: Pence;
  debitCount: number;
  creditCount: number;
};

export type Standard18File = {
  /** Records joined with CRLF, ending with one. */
  text: string;
  records: string[];
  totals: Standard18Totals;
};

export type ParsedPayment = {
  sortCode: string;
  accountNumber: string;
  accountName: string;
  amount: Pence;
  reference: string;
  rtiString?: string;
  processingDate: PlainDate;
  serviceUserName: string;
  originatingSortCode: string;
  originatingAccountNumber: string;
  /** 1-based line number in the file, for messages. */
  line: number;
};

export type ParsedContra = {
  amount: Pence;
  processingDate: PlainDate;
  sortCode: string;
  accountNumber: string;
  narrative: string;
  accountName: string;
  line: number;
};

export type ParsedStandard18 = {
  form: Standard18Form;
  serviceUserNumber: string;
  submissionSerial: string;
  fileNumber: number;
  processingDate: PlainDate;
  creationDate: PlainDate;
  payments: ParsedPayment[];
  contras: ParsedContra[];
  totals: Standard18Totals;
};
