import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../testing/database';
import { contextFor } from '../../../testing/platform';
import type { IncomingFile } from '../domain/prepare';
import { processInbox } from '../inbox/inbox';
import { openPayablesHarness, type PayablesHarness } from './harness.test-support';
import { ublInvoice } from './ubl.test-support';

describe.each(testEngines())('the watched inbox folder on %s', (engine) => {
  let h: PayablesHarness;
  let directory: string;
  const receive = (files: IncomingFile[]) =>
    h.platform.runner.withTenant(contextFor(h.ids.trustA, 'inbox'), (tx) =>
      h.payables.receiveDocuments(tx, files),
    );
  const pass = () => processInbox({ directory, settleMs: 0 }, receive);

  beforeAll(async () => {
    h = await openPayablesHarness(engine, 'X');
    directory = await mkdtemp(join(tmpdir(), 'mainstay-inbox-'));
  });
  afterAll(async () => h.platform.db.close());

  it('moves invoices to processed/ and bad files to quarantine/ with their reasons beside them', async () => {
    await writeFile(
      join(directory, 'good.xml'),
      ublInvoice({ number: 'BOX-1', orderReference: null, seed: 61, issueDate: '2026-05-11' }).xml,
    );
    await writeFile(join(directory, 'bad.xml'), '<Invoice><oops></Invoice>');
    await writeFile(join(directory, 'still-arriving.xml.part'), '<Invoice');
    expect(await pass()).toEqual({ picked: 2, accepted: 1, quarantined: 1, alreadyReceived: 0 });
    expect(await readdir(join(directory, 'processed'))).toEqual(['good.xml']);
    expect((await readdir(join(directory, 'quarantine'))).sort()).toEqual(['bad.xml', 'bad.xml.reasons.txt']);
    expect(await readFile(join(directory, 'quarantine', 'bad.xml.reasons.txt'), 'utf8')).toContain(
      'MAINSTAY-XML-WELLFORMED',
    );
    expect(existsSync(join(directory, 'still-arriving.xml.part'))).toBe(true);
  });

  it('leaves a file that is still being written until it has settled', async () => {
    await writeFile(
      join(directory, 'fresh.xml'),
      ublInvoice({ number: 'BOX-2', orderReference: null, seed: 62, issueDate: '2026-05-12' }).xml,
    );
    expect(await processInbox({ directory, settleMs: 60_000 }, receive)).toMatchObject({ picked: 0 });
    expect(existsSync(join(directory, 'fresh.xml'))).toBe(true);
    expect(await pass()).toMatchObject({ picked: 1, accepted: 1 });
  });

  it('after a crash between recording and moving, records nothing twice and still moves the file', async () => {
    const xml = ublInvoice({ number: 'BOX-3', orderReference: null, seed: 63, issueDate: '2026-05-13' }).xml;
    await writeFile(join(directory, 'crashed.xml'), xml);
    await receive([{ fileName: 'crashed.xml', content: new TextEncoder().encode(xml), channel: 'inbox' }]);
    expect(await pass()).toEqual({ picked: 1, accepted: 1, quarantined: 0, alreadyReceived: 1 });
    expect(await readdir(join(directory, 'processed'))).toContain('crashed.xml');
    const invoices = await h.platform.runner.withTenant(contextFor(h.ids.trustA), (tx) =>
      h.payables.invoices(tx, { limit: 500 }),
    );
    expect(invoices.filter((invoice) => invoice.invoiceNumber === 'BOX-3')).toHaveLength(1);
  });

  it('keeps files where they are when the database cannot take them, and never overwrites a name in processed/', async () => {
    const xml = ublInvoice({ number: 'BOX-4', orderReference: null, seed: 64, issueDate: '2026-05-14' }).xml;
    await writeFile(join(directory, 'good.xml'), xml);
    const refused = await processInbox({ directory, settleMs: 0, log: () => undefined }, async () => {
      throw new Error('database unavailable');
    });
    expect(refused.picked).toBe(0);
    expect(existsSync(join(directory, 'good.xml'))).toBe(true);
    await pass();
    const processed = await readdir(join(directory, 'processed'));
    expect(processed.filter((name) => name.startsWith('good.'))).toHaveLength(2);
  });
});
