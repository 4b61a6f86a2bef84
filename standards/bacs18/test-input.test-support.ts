import { pence } from '../../kernel/money';
import type { Standard18Input } from './types';

/** A small net-pay run used across the Standard 18 tests. */
export function sampleInput(overrides: Partial<Standard18Input> = {}): Standard18Input {
  return {
    form: 'DAILY',
    serviceUserNumber: '123456',
    originator: {
      sortCode: '401234',
      accountNumber: '12345678',
      name: 'Norfolk NHS Trust',
      accountName: 'NNUH Payroll',
    },
    processingDate: '2026-11-26',
    creationDate: '2026-11-23',
    submissionSerial: 'PAY001',
    fileNumber: 7,
    payments: [
      {
        sortCode: '200000',
        accountNumber: '55779911',
        accountName: 'Zoë Brontë-Smith',
        amount: pence(250_075n),
        reference: 'PAY NOV 2026',
        rtiString: '/A7Q',
      },
      {
        sortCode: '309634',
        accountNumber: '00123456',
        accountName: "Seán O'Brien",
        amount: pence(189_300n),
        reference: 'PAY NOV 2026',
        rtiString: '/K2Z',
      },
      {
        sortCode: '601613',
        accountNumber: '31926819',
        accountName: 'Acme Medical Supplies Limited',
        amount: pence(1n),
        reference: 'INV-0001/22',
      },
    ],
    ...overrides,
  };
}
