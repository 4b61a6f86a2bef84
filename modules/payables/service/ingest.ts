import { newId } from '../../../kernel/ids';
import type { TenantTx } from '../../../kernel/tenancy';
import type { Finding } from '../../../standards/peppol-ubl';
import type { JournalInput } from '../../ledger';
import { type ExceptionReason, REASON_GUIDE } from '../domain/exceptions';
import { invoiceFingerprint, normaliseInvoiceNumber } from '../domain/fingerprint';
import type { CapturedInvoice } from '../domain/invoice';
import {
  MATCH_RULES_VERSION,
  type MatchFinding,
  type MatchResult,
  matchCreditToOrder,
  matchToOrder,
  toleranceQuantity,
} from '../domain/match';
import { type InvoiceCharging, invoiceJournal } from '../domain/postings';
import type { PreparedDocument } from '../domain/prepare';
import { formatQuantity, quantityOf } from '../domain/quantity';
import { isPayablesRule, payablesFinding } from '../domain/quarantine-rules';
import { supplierRejection } from '../domain/rejection';
import { dueDate } from '../domain/terms';
import type { PurchaseOrderForMatching, SupplierSummary } from '../ports';
import * as sql from '../sql/queries';
import { type PayablesDeps, RULE_VERSIONS, type SupplierProfile, supplierProfiles, today } from './context';
import { recordAgainstOrders } from './invoicing';

export type IngestedException = { reason: ExceptionReason; rule: string; detail: string };

type OutcomeBase = { fileName: string; documentId: string; contentSha256: string; alreadyReceived: boolean };

export type IngestOutcome =
  | (OutcomeBase & {
      outcome: 'invoice';
      invoiceId: string;
      kind: 'invoice' | 'credit-note';
      invoiceNumber: string;
      supplierName: string;
      status: sql.InvoiceStatus;
      exceptions: IngestedException[];
    })
  | (OutcomeBase & {
      outcome: 'quarantined';
      quarantineId: string;
      reasons: Finding[];
      rejection: { subject: string; body: string };
    });

export type IngestOptions = {
  /** Re-process a quarantined document already on file instead of treating it as already received. */
  reprocess?: { documentId: string; quarantineId: string };
  /** A person has checked that this is not a duplicate of an earlier invoice with the same number. */
  notDuplicate?: { by: string; reason: string };
  /** Named in the message to the supplier; the organisation code when not given. */
  organisationName?: string;
};

/** A document on its way to becoming an invoice, with everything decided about it so far. */
type Candidate = {
  index: number;
  prepared: PreparedDocument;
  documentId: string;
  invoice: CapturedInvoice;
  invoiceId: string;
  supplier: SupplierProfile;
  numberKey: bigint;
  amountKey: bigint;
  normalisedNumber: string;
  findings: MatchFinding[];
  match: MatchResult | null;
  charging: InvoiceCharging | null;
  route: sql.InvoiceRoute;
  approvalRule: string | null;
  requiredApproverRole: string | null;
};

const REASON_ORDER = (reason: string) => (reason.startsWith('MAINSTAY-') ? 1 : 0);

export function createIngestion(deps: PayablesDeps) {
  const { ledger, framework, suppliers, procurement } = deps;

  /**
   * Turns prepared documents into invoices or quarantine records, in a handful of set-based
   * statements per batch: already-received documents are recognised by their hash, the seller
   * is found in the suppliers register, duplicates are looked up in the shared register, each
   * invoice is matched to its order, those within tolerance are approved and posted, and every
   * other one is queued with its reasons. Every document ends as an invoice or a quarantine record.
   */
  async function ingestPrepared(
    tx: TenantTx,
    documents: readonly PreparedDocument[],
    options: IngestOptions = {},
  ): Promise<IngestOutcome[]> {
    const outcomes: (IngestOutcome | undefined)[] = new Array(documents.length);
    const organisation = options.organisationName ?? tx.ctx.organisationId;

    // 1. The same bytes twice are one document.
    const known = options.reprocess
      ? new Map<string, sql.KnownDocument>()
      : new Map(
          (await sql.selectKnownDocuments(tx, [...new Set(documents.map((d) => d.contentSha256))])).map(
            (k) => [k.contentSha256, k],
          ),
        );
    const firstInBatch = new Map<string, number>();
    const repeats: { index: number; of: number }[] = [];
    const fresh: number[] = [];
    documents.forEach((document, index) => {
      if (known.has(document.contentSha256)) return;
      const first = firstInBatch.get(document.contentSha256);
      if (first !== undefined) repeats.push({ index, of: first });
      else {
        firstInBatch.set(document.contentSha256, index);
        fresh.push(index);
      }
    });
    const documentIds = new Map<number, string>(
      fresh.map((index) => [index, options.reprocess?.documentId ?? newId('doc')]),
    );

    // 2. Who sent each valid document.
    const profiles = supplierProfiles(deps, tx);
    const lookups = new Map<string, SupplierSummary | null>();
    const quarantines: { index: number; reasons: Finding[]; supplierId: string | null }[] = [];
    const candidates: Candidate[] = [];
    const sellerOf = (invoice: NonNullable<PreparedDocument['invoice']>) => {
      const identifiers = {
        vatNumber: invoice.seller.vatNumber,
        companiesHouseNumber: invoice.seller.companiesHouseNumber,
        endpointScheme: invoice.seller.endpointScheme,
        endpointId: invoice.seller.endpointId,
        gln: invoice.seller.gln,
      };
      return { identifiers, lookupKey: JSON.stringify(identifiers) };
    };
    if (suppliers.findSuppliersByIdentifiers) {
      const sellers = new Map(
        fresh.flatMap((index) => {
          const { invoice, supplierId } = documents[index]!;
          if (!invoice || supplierId) return [];
          const { identifiers, lookupKey } = sellerOf(invoice);
          return [[lookupKey, identifiers] as const];
        }),
      );
      const found = await suppliers.findSuppliersByIdentifiers(tx, [...sellers.values()]);
      for (const [position, lookupKey] of [...sellers.keys()].entries())
        lookups.set(lookupKey, found[position] ?? null);
      await profiles.prime(found.flatMap((supplier) => (supplier ? [supplier.id] : [])));
    }
    for (const index of fresh) {
      const prepared = documents[index]!;
      const invoice = prepared.invoice;
      if (!invoice) {
        quarantines.push({ index, reasons: prepared.findings, supplierId: null });
        continue;
      }
      let supplier: SupplierSummary | null;
      if (prepared.supplierId) {
        supplier = await suppliers.getSupplier(tx, prepared.supplierId);
      } else {
        const { identifiers, lookupKey } = sellerOf(invoice);
        if (!lookups.has(lookupKey))
          lookups.set(lookupKey, await suppliers.findSupplierByIdentifiers(tx, identifiers));
        supplier = lookups.get(lookupKey) ?? null;
      }
      if (!supplier || supplier.status === 'inactive') {
        const named = [
          invoice.seller.endpointId
            ? `endpoint ${invoice.seller.endpointScheme ?? ''}:${invoice.seller.endpointId}`
            : null,
          invoice.seller.vatNumber ? `VAT ${invoice.seller.vatNumber}` : null,
          invoice.seller.companiesHouseNumber ? `company ${invoice.seller.companiesHouseNumber}` : null,
        ].filter((part) => part !== null);
        quarantines.push({
          index,
          supplierId: supplier?.id ?? null,
          reasons: [
            payablesFinding(
              'MAINSTAY-SUPPLIER-UNKNOWN',
              supplier
                ? `${supplier.name} is no longer an active supplier.`
                : `Seller "${invoice.seller.name ?? 'unnamed'}" (${named.join(', ') || 'no identifiers'}) was not found.`,
              '/*/cac:AccountingSupplierParty',
            ),
          ],
        });
        continue;
      }
      const profile = await profiles.of(supplier, invoice.seller.vatNumber);
      const fingerprint = invoiceFingerprint({
        supplierKey: profile.key,
        kind: invoice.kind,
        number: invoice.number,
        grossPence: invoice.grossPence,
        issueDate: invoice.issueDate,
      });
      candidates.push({
        index,
        prepared,
        documentId: documentIds.get(index)!,
        invoice,
        invoiceId: newId('inv'),
        supplier: profile,
        ...fingerprint,
        findings: [],
        match: null,
        charging: null,
        route: 'po',
        approvalRule: null,
        requiredApproverRole: null,
      });
    }

    // 3. Duplicates, in this organisation or any other, before anything can become payable.
    const earlier = await sql.selectFingerprints(
      tx,
      candidates.map((c) => c.numberKey),
      candidates.map((c) => c.amountKey),
    );
    const duplicateOf = (_candidate: Candidate, match: { organisationId: string; invoiceId: string }) =>
      match.organisationId === tx.ctx.organisationId
        ? `invoice ${match.invoiceId} in this organisation`
        : `invoice ${match.invoiceId} received by ${match.organisationId}`;
    const stopDuplicate = (candidate: Candidate, what: string) =>
      quarantines.push({
        index: candidate.index,
        supplierId: candidate.supplier.id,
        reasons: [
          payablesFinding(
            'MAINSTAY-DUPLICATE-INVOICE',
            `${candidate.invoice.number} from ${candidate.supplier.name} ${what}.`,
            '/*/cbc:ID',
          ),
        ],
      });
    const numbersSeen = new Map<bigint, Candidate>();
    const amountsSeen = new Map<bigint, Candidate>();
    const survivors: Candidate[] = [];
    for (const candidate of candidates) {
      const overriding = options.notDuplicate !== undefined;
      const sameNumber = overriding
        ? undefined
        : earlier.find((row) => row.numberKey === candidate.numberKey);
      const sameNumberHere = overriding ? undefined : numbersSeen.get(candidate.numberKey);
      if (sameNumber || sameNumberHere) {
        stopDuplicate(
          candidate,
          `was already received as ${
            sameNumber
              ? duplicateOf(candidate, sameNumber)
              : `${sameNumberHere!.invoice.number} in the same batch (${sameNumberHere!.prepared.fileName})`
          }`,
        );
        continue;
      }
      numbersSeen.set(candidate.numberKey, candidate);
      const sameAmount =
        earlier.find(
          (row) => row.amountKey === candidate.amountKey && row.numberKey !== candidate.numberKey,
        ) ??
        (amountsSeen.has(candidate.amountKey)
          ? {
              organisationId: tx.ctx.organisationId,
              invoiceId: amountsSeen.get(candidate.amountKey)!.invoiceId,
            }
          : undefined);
      if (sameAmount) {
        candidate.findings.push({
          reason: 'suspected-duplicate',
          rule: 'PAYABLES-DUPLICATE-AMOUNT-DATE',
          detail: `Same supplier, amount and date as ${duplicateOf(candidate, sameAmount)}, under another number.`,
          invoiceLineNo: null,
          amountPence: candidate.invoice.grossPence,
        });
      }
      amountsSeen.set(candidate.amountKey, candidate);
      survivors.push(candidate);
    }
    const lost = new Set(
      await sql.insertFingerprints(
        tx,
        tx.ctx.organisationId,
        survivors.map((c) => ({
          numberKey: c.numberKey,
          amountKey: c.amountKey,
          invoiceId: c.invoiceId,
          overrides: options.notDuplicate !== undefined,
        })),
      ),
    );
    const accepted = survivors.filter((candidate) => {
      if (!lost.has(candidate.invoiceId)) return true;
      stopDuplicate(candidate, 'was received by another organisation at the same moment');
      return false;
    });

    // 4. Match each invoice to its order (or find what it credits), under this organisation's tolerance.
    const tolerance = await framework.resolve(tx, 'payables.matchTolerance');
    const chart = new Set((await ledger.chart(tx)).filter((a) => a.postable).map((a) => a.code));
    const centres = new Set((await ledger.costCentres(tx)).filter((c) => c.active).map((c) => c.code));
    const orders = new Map<string, PurchaseOrderForMatching | null>();
    if (procurement.purchaseOrdersForMatching) {
      const references = [...new Set(accepted.flatMap((c) => c.invoice.orderReference ?? []))];
      if (references.length > 0) {
        const found = await procurement.purchaseOrdersForMatching(tx, references);
        for (const [index, reference] of references.entries()) orders.set(reference, found[index] ?? null);
      }
    }
    const orderFor = async (reference: string) => {
      if (!orders.has(reference))
        orders.set(reference, await procurement.purchaseOrderForMatching(tx, reference));
      return orders.get(reference) ?? null;
    };
    const credited = await precedingInvoices(tx, accepted);
    for (const candidate of accepted) {
      const { invoice } = candidate;
      if (invoice.prepaidPence !== 0n) {
        candidate.findings.push({
          reason: 'prepaid-amount',
          rule: 'PAYABLES-PREPAID',
          detail: `The supplier says ${invoice.prepaidPence}p was paid in advance (BT-113).`,
          invoiceLineNo: null,
          amountPence: invoice.prepaidPence,
        });
      }
      if (invoice.kind === 'credit-note') {
        await matchCredit(tx, candidate, credited.get(candidate.invoiceId) ?? null, orderFor);
      } else if (invoice.orderReference === null) {
        candidate.route = 'non-po';
        const coded =
          invoice.lines.length > 0 && invoice.lines.every((l) => l.accountCode && l.costCentreCode);
        if (coded) {
          candidate.charging = {
            kind: 'coded',
            lines: invoice.lines.map((l) => ({
              netPence: l.netPence,
              accountCode: l.accountCode!,
              costCentreCode: l.costCentreCode!,
            })),
          };
        } else {
          candidate.findings.push({
            reason: 'no-po',
            rule: 'PAYABLES-PO-REFERENCE',
            detail:
              'The invoice quotes no purchase order (BT-13): it needs coding and approval by the budget holder.',
            invoiceLineNo: null,
            amountPence: invoice.netPence,
          });
        }
      } else {
        const order = await orderFor(invoice.orderReference);
        if (!order) {
          candidate.findings.push({
            reason: 'po-not-found',
            rule: 'PAYABLES-PO-FOUND',
            detail: `No purchase order ${invoice.orderReference} in this organisation.`,
            invoiceLineNo: null,
            amountPence: null,
          });
        } else {
          candidate.match = matchToOrder({
            invoice,
            supplierId: candidate.supplier.id,
            order,
            tolerance: tolerance.value,
          });
          candidate.findings.push(...candidate.match.findings);
          candidate.charging = { kind: 'matched', lines: candidate.match.lines };
          candidate.approvalRule =
            candidate.match.mode === 'three-way' ? 'PAYABLES-MATCH-3WAY' : 'PAYABLES-MATCH-2WAY';
        }
      }
      if (candidate.charging && candidate.findings.length === 0) {
        const invalid = codingProblems(candidate.charging, chart, centres);
        if (invalid) {
          candidate.findings.push({
            reason: 'coding-invalid',
            rule: 'PAYABLES-CODING-OPEN',
            detail: invalid,
            invoiceLineNo: null,
            amountPence: null,
          });
        }
      }
      if (candidate.findings.length === 0 && candidate.match) {
        // A later invoice in this batch against the same order sees what this one took.
        const order = orders.get(invoice.orderReference ?? '') ?? null;
        if (order) takeFromOrder(order, candidate.match, invoice.kind === 'credit-note' ? -1n : 1n);
      }
    }

    // 5. Approve and post what matched (procurement records what each takes from its order); queue the rest.
    const quantitySlack = toleranceQuantity(tolerance.value.quantityUnits);
    const ready = accepted.filter(
      (c) =>
        c.findings.length === 0 &&
        c.charging !== null &&
        !(c.route === 'non-po' && c.invoice.kind === 'invoice'),
    );
    const toRecord = ready.filter((c) => c.match !== null);
    const recorded = await recordAgainstOrders(
      procurement,
      tx,
      toRecord.map((candidate) => ({
        invoice: {
          id: candidate.invoiceId,
          kind: candidate.invoice.kind,
          purchaseOrderId: candidate.match!.purchaseOrderId,
        },
        lines: candidate.match!.lines,
        netOf: (lineNo: number) =>
          candidate.invoice.lines.find((line) => line.lineNo === lineNo)?.netPence ?? 0n,
      })),
      quantitySlack,
    );
    toRecord.forEach((candidate, index) => {
      const result = recorded[index]!;
      if ('refused' in result) {
        candidate.findings.push({
          reason: 'quantity-over-ordered',
          rule: 'PAYABLES-ORDER-RECORD',
          detail: `The order would not take this invoice: ${result.refused}`,
          invoiceLineNo: null,
          amountPence: null,
        });
        return;
      }
      candidate.match = { ...candidate.match!, lines: result };
      candidate.charging = { kind: 'matched', lines: result };
    });
    const approvable = ready.filter((candidate) => candidate.findings.length === 0);
    const awaitingApproval = accepted.filter(
      (c) => c.findings.length === 0 && c.route === 'non-po' && c.invoice.kind === 'invoice',
    );
    const thresholds = awaitingApproval.length
      ? await framework.resolve(tx, 'procurement.approvalThresholds')
      : null;
    for (const candidate of awaitingApproval) {
      candidate.requiredApproverRole =
        thresholds?.value.find(
          (level) => level.upToPence === null || candidate.invoice.netPence <= BigInt(level.upToPence),
        )?.role ?? null;
    }
    // 6. Keep every document and quarantine record before posting: the ledger holds the
    //    organisation's journal numbering from posting to commit, so another batch waits for
    //    only what comes after it.
    const newDocuments = fresh
      .filter((_index) => !options.reprocess)
      .map((index) => {
        const d = documents[index]!;
        return {
          id: documentIds.get(index)!,
          contentSha256: d.contentSha256,
          fileName: d.fileName,
          mediaType: d.mediaType,
          channel: d.channel,
          content: d.content,
        };
      });
    await sql.insertDocuments(tx, tx.ctx.organisationId, tx.ctx.actor.id, tx.now, newDocuments);

    const quarantineRows = quarantines.map((entry) => {
      const d = documents[entry.index]!;
      const reasons = [...entry.reasons].sort((a, b) => REASON_ORDER(a.rule) - REASON_ORDER(b.rule));
      const rejection = supplierRejection(reasons, {
        organisationName: organisation,
        supplierName: d.sellerName ?? undefined,
        invoiceNumber: d.invoiceNumber ?? undefined,
        issueDate: d.issueDate ?? undefined,
        fileName: d.fileName,
      });
      return {
        entry,
        row: {
          id: options.reprocess?.quarantineId ?? newId('qtn'),
          documentId: documentIds.get(entry.index)!,
          reasons,
          documentType: d.documentType,
          invoiceNumber: d.invoiceNumber,
          sellerName: d.sellerName,
          supplierId: entry.supplierId,
          rejectionSubject: rejection.subject,
          rejectionBody: rejection.body,
        },
      };
    });
    if (!options.reprocess)
      await sql.insertQuarantines(
        tx,
        tx.ctx.organisationId,
        tx.now,
        quarantineRows.map((q) => q.row),
      );

    // 7. Post what was approved and write the invoices down.
    const postingDate = today(tx);
    const journals: { candidate: Candidate; journal: JournalInput }[] = [];
    for (const candidate of approvable) {
      const journal = invoiceJournal(
        {
          id: candidate.invoiceId,
          kind: candidate.invoice.kind,
          number: candidate.invoice.number,
          supplierName: candidate.supplier.name,
          netPence: candidate.invoice.netPence,
          vatPence: candidate.invoice.vatPence,
          grossPence: candidate.invoice.grossPence,
          nhsSupplier: candidate.supplier.nhsBody,
        },
        candidate.charging!,
        postingDate,
      );
      if (journal) journals.push({ candidate, journal });
    }
    const posted = await ledger.postJournals(
      tx,
      journals.map((entry) => entry.journal),
    );
    const journalIds = new Map(journals.map((entry, i) => [entry.candidate.invoiceId, posted[i]!.id]));

    const approvedBy = options.notDuplicate?.by ?? 'system';
    const invoiceRows: sql.NewInvoice[] = accepted.map((candidate) => {
      const approved = approvable.includes(candidate);
      const status: sql.InvoiceStatus = approved
        ? 'approved'
        : candidate.findings.length === 0
          ? 'awaiting-approval'
          : 'exception';
      const receivedOn = today(tx);
      return {
        id: candidate.invoiceId,
        documentId: candidate.documentId,
        kind: candidate.invoice.kind,
        source: candidate.prepared.channel === 'manual' ? 'manual' : 'peppol',
        supplierId: candidate.supplier.id,
        supplierName: candidate.supplier.name,
        supplierKey: candidate.supplier.key,
        nhsSupplier: candidate.supplier.nhsBody,
        invoiceNumber: candidate.invoice.number,
        normalisedNumber: candidate.normalisedNumber,
        issueDate: candidate.invoice.issueDate,
        receivedOn,
        statedDueDate: candidate.invoice.statedDueDate,
        dueDate: dueDate(candidate.invoice.issueDate, receivedOn, candidate.supplier.termsDays),
        currency: candidate.invoice.currency,
        orderReference: candidate.invoice.orderReference,
        purchaseOrderId: candidate.match?.purchaseOrderId ?? null,
        precedingInvoiceNumbers: candidate.invoice.precedingInvoiceNumbers,
        netPence: candidate.invoice.netPence,
        vatPence: candidate.invoice.vatPence,
        grossPence: candidate.invoice.grossPence,
        prepaidPence: candidate.invoice.prepaidPence,
        amountDuePence: candidate.invoice.amountDuePence,
        route: candidate.route,
        matchMode: candidate.match?.mode ?? null,
        status,
        firstPassMatched: candidate.route === 'po' && candidate.findings.length === 0,
        touchless: approved && options.notDuplicate === undefined,
        numberKey: candidate.numberKey,
        amountKey: candidate.amountKey,
        requiredApproverRole: candidate.requiredApproverRole,
        receivedAt: tx.now,
        paidOn: null,
        approvedAt: approved ? tx.now : null,
        approvedBy: approved ? approvedBy : null,
        approvalRule: approved ? candidate.approvalRule : null,
        approvalRuleVersion: approved
          ? `${MATCH_RULES_VERSION}; standard ${tolerance.standardVersion}`
          : null,
        journalId: journalIds.get(candidate.invoiceId) ?? null,
        lines: candidate.invoice.lines.map((line) => {
          const matched = candidate.match?.lines.find((m) => m.invoiceLineNo === line.lineNo);
          return {
            lineNo: line.lineNo,
            lineId: line.lineId,
            description: line.description,
            quantity: formatQuantity(line.quantity),
            unitCode: line.unitCode,
            unitPrice: line.unitPrice,
            netPence: line.netPence,
            vatRateBasisPoints: line.vatRateBasisPoints,
            vatCategory: line.vatCategory,
            orderLineReference: line.orderLineReference,
            gtin: line.gtin,
            sellerItemCode: line.sellerItemCode,
            poLineNo: matched?.poLineNo ?? null,
            matchMode: matched?.mode ?? null,
            expectedPence: matched?.expectedPence ?? null,
            variancePence: matched?.variancePence ?? null,
            grniReleasePence: matched?.grniReleasePence ?? null,
            accountCode: matched?.accountCode ?? line.accountCode,
            costCentreCode: matched?.costCentreCode ?? line.costCentreCode,
          };
        }),
      };
    });
    await sql.insertInvoices(tx, tx.ctx.organisationId, invoiceRows);

    const exceptionRows: (sql.NewException & { candidate: Candidate })[] = accepted.flatMap((candidate) =>
      candidate.findings.map((finding) => ({
        candidate,
        id: newId('exc'),
        invoiceId: candidate.invoiceId,
        reason: finding.reason,
        rule: finding.rule,
        lineNo: finding.invoiceLineNo,
        detail: finding.detail,
        amountPence: finding.amountPence,
        suggestedAction: REASON_GUIDE[finding.reason].suggested,
      })),
    );
    await sql.insertExceptions(tx, tx.ctx.organisationId, tx.now, exceptionRows);

    const matchVersion = {
      ruleVersion: MATCH_RULES_VERSION,
      standardVersion: tolerance.standardVersion,
      variationId: tolerance.variationId,
    };
    await sql.insertDecisions(tx, tx.ctx.organisationId, tx.now, [
      ...quarantineRows.map(({ entry, row }) => {
        const fatal = row.reasons.filter((r) => r.severity === 'fatal');
        const rules = [...new Set(fatal.map((r) => r.rule))];
        const duplicate = rules.includes('MAINSTAY-DUPLICATE-INVOICE');
        return {
          id: newId('dec'),
          subjectType: 'quarantine' as const,
          subjectId: row.id,
          decision: duplicate ? 'duplicate-stopped' : 'quarantined',
          rule: rules[0] ?? 'MAINSTAY-VALIDATOR-ERROR',
          ruleVersion: duplicate
            ? RULE_VERSIONS.duplicates
            : rules.every(isPayablesRule)
              ? RULE_VERSIONS.intake
              : RULE_VERSIONS.validation,
          standardVersion: null,
          variationId: null,
          detail: { rules, fileName: documents[entry.index]!.fileName },
        };
      }),
      ...approvable.map((candidate) => ({
        id: newId('dec'),
        subjectType: 'invoice' as const,
        subjectId: candidate.invoiceId,
        decision: 'approved',
        rule: candidate.approvalRule ?? 'PAYABLES-APPROVE',
        ...matchVersion,
        detail: {
          tolerance: tolerance.value,
          purchaseOrderId: candidate.match?.purchaseOrderId ?? null,
          totalVariancePence: candidate.match?.totalVariancePence ?? 0n,
          journalId: journalIds.get(candidate.invoiceId) ?? null,
        },
      })),
      ...exceptionRows.map((exception) => ({
        id: newId('dec'),
        subjectType: 'invoice' as const,
        subjectId: exception.invoiceId,
        decision: 'exception-raised',
        rule: exception.rule,
        ...(exception.rule.startsWith('PAYABLES-DUPLICATE')
          ? { ruleVersion: RULE_VERSIONS.duplicates, standardVersion: null, variationId: null }
          : matchVersion),
        detail: { reason: exception.reason, exceptionId: exception.id, tolerance: tolerance.value },
      })),
    ]);

    for (const { row } of quarantineRows) {
      tx.audit({
        action: 'payables.document.quarantined',
        entityType: 'quarantine',
        entityId: row.id,
        after: {
          documentId: row.documentId,
          rules: row.reasons.filter((r) => r.severity === 'fatal').map((r) => r.rule),
        },
      });
    }
    for (const invoice of invoiceRows) {
      tx.audit({
        action: 'payables.invoice.received',
        entityType: 'invoice',
        entityId: invoice.id,
        after: {
          number: invoice.invoiceNumber,
          supplierId: invoice.supplierId,
          grossPence: invoice.grossPence,
          status: invoice.status,
          journalId: invoice.journalId,
        },
      });
    }

    // 8. One outcome per document, in the order given.
    for (const { entry, row } of quarantineRows) {
      outcomes[entry.index] = {
        fileName: documents[entry.index]!.fileName,
        documentId: row.documentId,
        contentSha256: documents[entry.index]!.contentSha256,
        alreadyReceived: false,
        outcome: 'quarantined',
        quarantineId: row.id,
        reasons: row.reasons,
        rejection: { subject: row.rejectionSubject, body: row.rejectionBody },
      };
    }
    for (const invoice of invoiceRows) {
      const candidate = accepted.find((c) => c.invoiceId === invoice.id)!;
      outcomes[candidate.index] = {
        fileName: candidate.prepared.fileName,
        documentId: invoice.documentId,
        contentSha256: candidate.prepared.contentSha256,
        alreadyReceived: false,
        outcome: 'invoice',
        invoiceId: invoice.id,
        kind: invoice.kind,
        invoiceNumber: invoice.invoiceNumber,
        supplierName: invoice.supplierName,
        status: invoice.status,
        exceptions: candidate.findings.map((f) => ({ reason: f.reason, rule: f.rule, detail: f.detail })),
      };
    }
    for (const repeat of repeats) {
      const first = outcomes[repeat.of]!;
      outcomes[repeat.index] = {
        ...first,
        fileName: documents[repeat.index]!.fileName,
        alreadyReceived: true,
      };
    }
    const earlierOutcomes = await knownOutcomes(tx, [...known.values()]);
    documents.forEach((document, index) => {
      const earlierOutcome = earlierOutcomes.get(document.contentSha256);
      if (earlierOutcome) outcomes[index] = { ...earlierOutcome, fileName: document.fileName };
    });
    return outcomes.map((outcome) => outcome!);
  }

  /** For credit notes: the invoices they name (BT-25), from the same supplier. */
  async function precedingInvoices(tx: TenantTx, candidates: readonly Candidate[]) {
    const credits = candidates.filter((c) => c.invoice.kind === 'credit-note');
    const found = new Map<string, sql.InvoiceRow>();
    if (credits.length === 0) return found;
    const numbers = credits.flatMap((c) => c.invoice.precedingInvoiceNumbers.map(normaliseInvoiceNumber));
    const rows = numbers.length
      ? await sql.selectInvoices(tx, { normalisedNumbers: numbers, limit: 10_000 })
      : [];
    for (const credit of credits) {
      const wanted = new Set(credit.invoice.precedingInvoiceNumbers.map(normaliseInvoiceNumber));
      const invoice = rows.find(
        (row) =>
          row.kind === 'invoice' &&
          row.supplierId === credit.supplier.id &&
          wanted.has(row.normalisedNumber) &&
          ['approved', 'in-payment-run', 'paid'].includes(row.status),
      );
      if (invoice) found.set(credit.invoiceId, invoice);
    }
    return found;
  }

  async function matchCredit(
    tx: TenantTx,
    candidate: Candidate,
    original: sql.InvoiceRow | null,
    orderFor: (reference: string) => Promise<PurchaseOrderForMatching | null>,
  ): Promise<void> {
    const { invoice } = candidate;
    const reference = invoice.orderReference ?? original?.orderReference ?? null;
    const order = reference ? await orderFor(reference) : null;
    candidate.approvalRule = 'PAYABLES-CREDIT-APPLY';
    if (original && invoice.grossPence > original.grossPence) {
      candidate.findings.push({
        reason: 'credit-note-unmatched',
        rule: 'PAYABLES-CREDIT-AMOUNT',
        detail: `The credit (${invoice.grossPence}p) is more than invoice ${original.invoiceNumber} (${original.grossPence}p).`,
        invoiceLineNo: null,
        amountPence: invoice.grossPence,
      });
      return;
    }
    if (order) {
      candidate.match = matchCreditToOrder({ credit: invoice, supplierId: candidate.supplier.id, order });
      candidate.findings.push(...candidate.match.findings);
      candidate.charging = { kind: 'matched', lines: candidate.match.lines };
      return;
    }
    candidate.route = 'non-po';
    if (original?.route === 'non-po') {
      const coding = (await sql.selectLines(tx, [original.id])).find(
        (line) => line.accountCode && line.costCentreCode,
      );
      if (coding?.accountCode && coding.costCentreCode) {
        candidate.charging = {
          kind: 'coded',
          lines: [
            {
              netPence: invoice.netPence,
              accountCode: coding.accountCode,
              costCentreCode: coding.costCentreCode,
            },
          ],
        };
        return;
      }
    }
    candidate.findings.push({
      reason: 'credit-note-unmatched',
      rule: 'PAYABLES-CREDIT-REFERENCE',
      detail: original
        ? `Credit against non-PO invoice ${original.invoiceNumber}: code it to the account the invoice was charged to.`
        : 'The credit note names no invoice or order of this supplier that it can be set against.',
      invoiceLineNo: null,
      amountPence: invoice.netPence,
    });
  }

  /** The outcome an already-received document had, so a retry answers as the first attempt did. */
  async function knownOutcomes(tx: TenantTx, known: readonly sql.KnownDocument[]) {
    const result = new Map<string, IngestOutcome>();
    if (known.length === 0) return result;
    const invoices = await sql.selectInvoices(tx, {
      ids: known.flatMap((k) => k.invoiceId ?? []),
      limit: known.length,
    });
    const exceptions = await sql.selectExceptions(tx, {
      invoiceIds: invoices.map((i) => i.id),
      statuses: ['open', 'waiting'],
      limit: 10_000,
    });
    const quarantines = await sql.selectQuarantines(tx, {
      ids: known.flatMap((k) => k.quarantineId ?? []),
      limit: known.length,
    });
    for (const document of known) {
      const base = {
        fileName: '',
        documentId: document.documentId,
        contentSha256: document.contentSha256,
        alreadyReceived: true,
      };
      const invoice = invoices.find((i) => i.id === document.invoiceId);
      const quarantine = quarantines.find((q) => q.id === document.quarantineId);
      if (invoice) {
        result.set(document.contentSha256, {
          ...base,
          outcome: 'invoice',
          invoiceId: invoice.id,
          kind: invoice.kind,
          invoiceNumber: invoice.invoiceNumber,
          supplierName: invoice.supplierName,
          status: invoice.status,
          exceptions: exceptions
            .filter((e) => e.invoiceId === invoice.id)
            .map((e) => ({ reason: e.reason, rule: e.rule, detail: e.detail })),
        });
      } else if (quarantine) {
        result.set(document.contentSha256, {
          ...base,
          outcome: 'quarantined',
          quarantineId: quarantine.id,
          reasons: quarantine.reasons,
          rejection: { subject: quarantine.rejectionSubject, body: quarantine.rejectionBody },
        });
      }
    }
    return result;
  }

  return { ingestPrepared };
}

/** Account or cost centre not open in the ledger: named, so the invoice is queued rather than failing its batch. */
function codingProblems(
  charging: InvoiceCharging,
  chart: ReadonlySet<string>,
  centres: ReadonlySet<string>,
): string | null {
  for (const line of charging.lines) {
    if (!chart.has(line.accountCode))
      return `Account ${line.accountCode} is not a postable account of the common chart.`;
    if (!centres.has(line.costCentreCode))
      return `Cost centre ${line.costCentreCode} is not open in the ledger.`;
  }
  return null;
}

/** Moves quantities onto the cached order's lines so the next invoice in the batch matches against them. */
function takeFromOrder(order: PurchaseOrderForMatching, match: MatchResult, sign: bigint): void {
  for (const line of match.lines) {
    const poLine = order.lines.find((l) => l.lineNo === line.poLineNo);
    if (!poLine) continue;
    const invoiced = quantityOf(poLine.invoicedQuantity) + sign * line.quantity;
    poLine.invoicedQuantity = formatQuantity(invoiced);
  }
}
