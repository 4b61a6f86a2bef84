import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../testing/database';
import { contextFor } from '../../../testing/platform';
import type { IncomingFile } from '../domain/prepare';
import { openPayablesHarness, type PayablesHarness } from './harness.test-support';
import { ublInvoice } from './ubl.test-support';

/** A small seeded generator (mulberry32): the same seed, the same mutants, so a failure can be replayed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

type Random = ReturnType<typeof random>;

/** Ways a file goes wrong in transit or at the sender, from a byte to the meaning of a field. */
const MUTATIONS: readonly ((xml: string, r: Random) => string)[] = [
  (xml, r) => xml.slice(0, r.int(xml.length)),
  (xml, r) => {
    const at = r.int(xml.length);
    return xml.slice(0, at) + xml.slice(at + 1 + r.int(40));
  },
  (xml, r) => {
    const at = r.int(xml.length);
    return xml.slice(0, at) + String.fromCharCode(r.int(0x3000)) + xml.slice(at);
  },
  (xml, r) => {
    const at = r.int(xml.length);
    const length = r.int(200);
    return xml.slice(0, at) + xml.slice(at, at + length) + xml.slice(at);
  },
  (xml, r) => xml.replace(/>(-?\d+\.\d\d)</, () => `>${(r.next() * 10_000).toFixed(r.pick([0, 1, 2, 3]))}<`),
  (xml, r) =>
    xml.replace(/<cbc:ID>[^<]*</, `<cbc:ID>${r.pick(['', 'INV-1', 'inv 1', 'X'.repeat(300), '&amp;'])}<`),
  (xml, r) => xml.replace(r.pick(['GB123456789', '01234567']), r.pick(['GB999999973', '', 'NOT-A-NUMBER'])),
  (xml, r) => xml.replace(/currencyID="GBP"/g, `currencyID="${r.pick(['EUR', 'gbp', '', 'XXX'])}"`),
  (xml, r) =>
    xml.replace(
      /<cbc:IssueDate>[^<]*</,
      `<cbc:IssueDate>${r.pick(['2026-02-30', 'yesterday', '', '2026-06-01'])}<`,
    ),
  (xml, r) =>
    xml.replace(/<cac:InvoiceLine>[\s\S]*?<\/cac:InvoiceLine>/, r.next() < 0.5 ? '' : '<cac:InvoiceLine/>'),
  (xml, r) =>
    xml.replace(
      /urn:oasis:names:specification:ubl:schema:xsd:Invoice-2/,
      r.pick(['urn:x', 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2']),
    ),
  (xml) => `<!DOCTYPE x [<!ENTITY a "aaaa">]>${xml}`,
  (xml, r) =>
    xml.replace(
      /<cbc:InvoicedQuantity([^>]*)>[^<]*</,
      `<cbc:InvoicedQuantity$1>${r.pick(['-3', '0.0000001', '1e3', 'ten'])}<`,
    ),
  (_xml, r) => Array.from({ length: r.int(64) }, () => String.fromCharCode(r.int(256))).join(''),
];

describe.each(testEngines())('fuzzing invoice intake on %s', (engine) => {
  let h: PayablesHarness;
  beforeAll(async () => {
    h = await openPayablesHarness(engine, 'F');
  });
  afterAll(async () => h.platform.db.close());

  it('keeps every one of thousands of mutated files as an invoice or a quarantine record, without a crash', async () => {
    const r = random(20_261_123);
    const files: IncomingFile[] = Array.from({ length: 2_000 }, (_, index) => {
      let xml = ublInvoice({
        number: `FZ-${index % 400}`,
        orderReference: null,
        seed: index,
        lines: 1 + (index % 3),
        issueDate: '2026-05-01',
      }).xml;
      const rounds = r.next() < 0.2 ? 0 : 1 + r.int(3);
      for (let round = 0; round < rounds; round += 1) xml = r.pick(MUTATIONS)(xml, r);
      return { fileName: `mutant-${index}.xml`, content: new TextEncoder().encode(xml), channel: 'api' };
    });
    const outcomes = [];
    for (let start = 0; start < files.length; start += 250) {
      const batch = files.slice(start, start + 250);
      const result = await h.platform.runner.withTenant(contextFor(h.ids.trustA, 'fuzz'), (tx) =>
        h.payables.receiveDocuments(tx, batch),
      );
      expect(result).toHaveLength(batch.length);
      outcomes.push(...result);
    }
    expect(outcomes.every((o) => o.outcome === 'invoice' || o.outcome === 'quarantined')).toBe(true);
    expect(outcomes.filter((o) => o.outcome === 'quarantined').length).toBeGreaterThan(1_000);
    expect(outcomes.filter((o) => o.outcome === 'invoice').length).toBeGreaterThan(100);
    expect(
      outcomes.filter(
        (o) =>
          o.outcome === 'quarantined' &&
          o.reasons.some((reason) => reason.rule === 'MAINSTAY-VALIDATOR-ERROR'),
      ),
    ).toEqual([]);

    const counts = await h.platform.runner.withTenant(contextFor(h.ids.trustA), async (tx) => {
      const row = await tx.query<{ documents: bigint; orphans: bigint; doubled: bigint }>(
        `select (select count(*) from payables.document)::int8 as documents,
           (select count(*) from payables.document d where not exists (select 1 from payables.invoice i where i.document_id = d.id)
              and not exists (select 1 from payables.quarantine q where q.document_id = d.id))::int8 as orphans,
           (select count(*) from payables.document d where exists (select 1 from payables.invoice i where i.document_id = d.id)
              and exists (select 1 from payables.quarantine q where q.document_id = d.id))::int8 as doubled`,
      );
      return row.rows[0]!;
    });
    expect(Number(counts.documents)).toBe(
      new Set(files.map((f) => Buffer.from(f.content).toString('base64'))).size,
    );
    expect(Number(counts.orphans)).toBe(0);
    expect(Number(counts.doubled)).toBe(0);
  });
});
