import type { Queryable } from '../../../kernel/db';
import type { Pence } from '../../../kernel/money';
import type { LocalDate } from '../../../kernel/time';
import type { Finding } from '../../../standards/peppol-ubl';
import type { ExceptionReason, ResolutionAction } from '../domain/exceptions';
import type { DocumentKind } from '../domain/fingerprint';

/** bytea comes back as Buffer (pg) or Uint8Array (PGlite); both are Uint8Array. */
const bytesOf = (value: unknown): Uint8Array =>
  value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBuffer);

const iso = (value: Date | string | null): string | null =>
  value === null ? null : value instanceof Date ? value.toISOString() : new Date(value).toISOString();

// ---------------------------------------------------------------- documents

export type DocumentRow = {
  id: string;
  contentSha256: string;
  fileName: string;
  mediaType: string;
  channel: string;
  sizeBytes: number;
  receivedAt: string;
  receivedBy: string;
};

export type NewDocument = {
  id: string;
  contentSha256: string;
  fileName: string;
  mediaType: string;
  channel: string;
  content: Uint8Array;
};

export async function insertDocuments(
  q: Queryable,
  organisationId: string,
  receivedBy: string,
  receivedAt: Date,
  documents: readonly NewDocument[],
): Promise<void> {
  if (documents.length === 0) return;
  // Base64 text, not one binary parameter cut apart on the server: PGlite encodes a large binary
  // parameter ten times slower than this; on PostgreSQL the difference was within run-to-run noise.
  await q.query(
    `insert into payables.document (organisation_id, id, content_sha256, file_name, media_type, channel, size_bytes,
       content, received_at, received_by)
     select $1, d.id, d.hash, d.name, d.media, d.channel, d.size, decode(d.content, 'base64'), $2, $3
     from unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[], $10::text[])
       as d(id, hash, name, media, channel, size, content)`,
    [
      organisationId,
      receivedAt,
      receivedBy,
      documents.map((d) => d.id),
      documents.map((d) => d.contentSha256),
      documents.map((d) => d.fileName),
      documents.map((d) => d.mediaType),
      documents.map((d) => d.channel),
      documents.map((d) => d.content.length),
      documents.map((d) =>
        Buffer.from(d.content.buffer, d.content.byteOffset, d.content.length).toString('base64'),
      ),
    ],
  );
}

/** What already became of documents with these contents: the invoice or quarantine record each produced. */
export type KnownDocument = {
  contentSha256: string;
  documentId: string;
  invoiceId: string | null;
  quarantineId: string | null;
};

export async function selectKnownDocuments(
  q: Queryable,
  hashes: readonly string[],
): Promise<KnownDocument[]> {
  if (hashes.length === 0) return [];
  const result = await q.query<{
    content_sha256: string;
    id: string;
    invoice_id: string | null;
    quarantine_id: string | null;
  }>(
    `select d.content_sha256, d.id,
       (select i.id from payables.invoice i where i.organisation_id = d.organisation_id and i.document_id = d.id
         order by i.id desc limit 1) as invoice_id,
       (select qr.id from payables.quarantine qr where qr.organisation_id = d.organisation_id and qr.document_id = d.id
         order by qr.id desc limit 1) as quarantine_id
     from payables.document d where d.content_sha256 = any ($1::text[])`,
    [hashes],
  );
  return result.rows.map((row) => ({
    contentSha256: row.content_sha256,
    documentId: row.id,
    invoiceId: row.invoice_id,
    quarantineId: row.quarantine_id,
  }));
}

export async function selectDocument(
  q: Queryable,
  id: string,
): Promise<(DocumentRow & { content: Uint8Array }) | null> {
  const result = await q.query<{
    id: string;
    content_sha256: string;
    file_name: string;
    media_type: string;
    channel: string;
    size_bytes: number;
    content: unknown;
    received_at: Date;
    received_by: string;
  }>('select * from payables.document where id = $1', [id]);
  const row = result.rows[0];
  if (!row) return null;
  return {
    id: row.id,
    contentSha256: row.content_sha256,
    fileName: row.file_name,
    mediaType: row.media_type,
    channel: row.channel,
    sizeBytes: row.size_bytes,
    receivedAt: iso(row.received_at)!,
    receivedBy: row.received_by,
    content: bytesOf(row.content),
  };
}

// ---------------------------------------------------------------- quarantine

export type QuarantineStatus = 'open' | 'rejected' | 'released';

export type QuarantineRow = {
  id: string;
  documentId: string;
  fileName: string;
  contentSha256: string;
  channel: string;
  receivedAt: string;
  reasons: Finding[];
  ruleIds: string[];
  documentType: string | null;
  invoiceNumber: string | null;
  sellerName: string | null;
  supplierId: string | null;
  rejectionSubject: string;
  rejectionBody: string;
  status: QuarantineStatus;
  quarantinedAt: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
  invoiceId: string | null;
};

export type NewQuarantine = {
  id: string;
  documentId: string;
  reasons: readonly Finding[];
  documentType: string | null;
  invoiceNumber: string | null;
  sellerName: string | null;
  supplierId: string | null;
  rejectionSubject: string;
  rejectionBody: string;
};

export async function insertQuarantines(
  q: Queryable,
  organisationId: string,
  at: Date,
  rows: readonly NewQuarantine[],
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `insert into payables.quarantine (organisation_id, id, document_id, reasons, rule_ids, document_type, invoice_number,
       seller_name, supplier_id, rejection_subject, rejection_body, status, quarantined_at)
     select $1, r.id, r.document_id, r.reasons::jsonb, array(select jsonb_array_elements_text(r.rule_ids::jsonb)),
       r.document_type, r.invoice_number, r.seller_name, r.supplier_id, r.subject, r.body, 'open', $2
     from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
       $11::text[], $12::text[])
       as r(id, document_id, reasons, rule_ids, document_type, invoice_number, seller_name, supplier_id, subject, body)`,
    [
      organisationId,
      at,
      rows.map((r) => r.id),
      rows.map((r) => r.documentId),
      rows.map((r) => JSON.stringify(r.reasons)),
      rows.map((r) =>
        JSON.stringify([...new Set(r.reasons.filter((f) => f.severity === 'fatal').map((f) => f.rule))]),
      ),
      rows.map((r) => r.documentType),
      rows.map((r) => r.invoiceNumber),
      rows.map((r) => r.sellerName),
      rows.map((r) => r.supplierId),
      rows.map((r) => r.rejectionSubject),
      rows.map((r) => r.rejectionBody),
    ],
  );
}

type QuarantineDbRow = {
  id: string;
  document_id: string;
  file_name: string;
  content_sha256: string;
  channel: string;
  received_at: Date;
  reasons: Finding[] | string;
  rule_ids: string[];
  document_type: string | null;
  invoice_number: string | null;
  seller_name: string | null;
  supplier_id: string | null;
  rejection_subject: string;
  rejection_body: string;
  status: QuarantineStatus;
  quarantined_at: Date;
  resolved_by: string | null;
  resolved_at: Date | null;
  resolution_note: string | null;
  invoice_id: string | null;
};

const quarantineOf = (row: QuarantineDbRow): QuarantineRow => ({
  id: row.id,
  documentId: row.document_id,
  fileName: row.file_name,
  contentSha256: row.content_sha256,
  channel: row.channel,
  receivedAt: iso(row.received_at)!,
  reasons: typeof row.reasons === 'string' ? (JSON.parse(row.reasons) as Finding[]) : row.reasons,
  ruleIds: row.rule_ids,
  documentType: row.document_type,
  invoiceNumber: row.invoice_number,
  sellerName: row.seller_name,
  supplierId: row.supplier_id,
  rejectionSubject: row.rejection_subject,
  rejectionBody: row.rejection_body,
  status: row.status,
  quarantinedAt: iso(row.quarantined_at)!,
  resolvedBy: row.resolved_by,
  resolvedAt: iso(row.resolved_at),
  resolutionNote: row.resolution_note,
  invoiceId: row.invoice_id,
});

const QUARANTINE_SELECT = `select qr.*, d.file_name, d.content_sha256, d.channel, d.received_at
  from payables.quarantine qr
  join payables.document d on d.organisation_id = qr.organisation_id and d.id = qr.document_id`;

export async function selectQuarantines(
  q: Queryable,
  filter: { ids?: readonly string[]; statuses?: readonly QuarantineStatus[]; limit: number; before?: string },
): Promise<QuarantineRow[]> {
  const result = await q.query<QuarantineDbRow>(
    `${QUARANTINE_SELECT}
     where ($1::text[] is null or qr.id = any ($1)) and ($2::text[] is null or qr.status = any ($2))
       and ($3::text is null or qr.id < $3)
     order by qr.id desc limit $4`,
    [filter.ids ?? null, filter.statuses ?? null, filter.before ?? null, filter.limit],
  );
  return result.rows.map(quarantineOf);
}

export async function updateQuarantine(
  q: Queryable,
  id: string,
  change: {
    status: QuarantineStatus;
    resolvedBy: string | null;
    resolvedAt: Date | null;
    note: string | null;
    invoiceId?: string | null;
    reasons?: readonly Finding[];
    rejectionSubject?: string;
    rejectionBody?: string;
  },
): Promise<void> {
  await q.query(
    `update payables.quarantine set status = $2, resolved_by = $3, resolved_at = $4, resolution_note = $5,
       invoice_id = coalesce($6, invoice_id),
       reasons = coalesce($7::jsonb, reasons),
       rule_ids = case when $8::jsonb is null then rule_ids else array(select jsonb_array_elements_text($8::jsonb)) end,
       rejection_subject = coalesce($9, rejection_subject), rejection_body = coalesce($10, rejection_body)
     where id = $1`,
    [
      id,
      change.status,
      change.resolvedBy,
      change.resolvedAt,
      change.note,
      change.invoiceId ?? null,
      change.reasons ? JSON.stringify(change.reasons) : null,
      change.reasons
        ? JSON.stringify([
            ...new Set(change.reasons.filter((f) => f.severity === 'fatal').map((f) => f.rule)),
          ])
        : null,
      change.rejectionSubject ?? null,
      change.rejectionBody ?? null,
    ],
  );
}

// ---------------------------------------------------------------- invoices

export type InvoiceStatus =
  | 'exception'
  | 'awaiting-approval'
  | 'approved'
  | 'in-payment-run'
  | 'paid'
  | 'rejected';
export type InvoiceRoute = 'po' | 'non-po';

export type InvoiceRow = {
  id: string;
  documentId: string;
  kind: DocumentKind;
  source: 'peppol' | 'manual' | 'history';
  supplierId: string;
  supplierName: string;
  supplierKey: string;
  nhsSupplier: boolean;
  invoiceNumber: string;
  normalisedNumber: string;
  issueDate: LocalDate;
  receivedAt: string;
  receivedOn: LocalDate;
  statedDueDate: LocalDate | null;
  dueDate: LocalDate;
  currency: string;
  orderReference: string | null;
  purchaseOrderId: string | null;
  precedingInvoiceNumbers: string[];
  netPence: Pence;
  vatPence: Pence;
  grossPence: Pence;
  prepaidPence: Pence;
  amountDuePence: Pence;
  route: InvoiceRoute;
  matchMode: string | null;
  status: InvoiceStatus;
  firstPassMatched: boolean;
  touchless: boolean;
  numberKey: bigint;
  amountKey: bigint;
  codedBy: string | null;
  codedAt: string | null;
  requiredApproverRole: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  approvalRule: string | null;
  approvalRuleVersion: string | null;
  journalId: string | null;
  rejectedAt: string | null;
  rejectedBy: string | null;
  rejectionSubject: string | null;
  rejectionBody: string | null;
  paymentRunId: string | null;
  paidOn: LocalDate | null;
};

type InvoiceDbRow = {
  id: string;
  document_id: string;
  kind: DocumentKind;
  source: 'peppol' | 'manual' | 'history';
  supplier_id: string;
  supplier_name: string;
  supplier_key: string;
  nhs_supplier: boolean;
  invoice_number: string;
  normalised_number: string;
  issue_date: LocalDate;
  received_at: Date;
  received_on: LocalDate;
  stated_due_date: LocalDate | null;
  due_date: LocalDate;
  currency: string;
  order_reference: string | null;
  purchase_order_id: string | null;
  preceding_invoice_numbers: string[];
  net_pence: bigint;
  vat_pence: bigint;
  gross_pence: bigint;
  prepaid_pence: bigint;
  amount_due_pence: bigint;
  route: InvoiceRoute;
  match_mode: string | null;
  status: InvoiceStatus;
  first_pass_matched: boolean;
  touchless: boolean;
  number_key: bigint;
  amount_key: bigint;
  coded_by: string | null;
  coded_at: Date | null;
  required_approver_role: string | null;
  approved_at: Date | null;
  approved_by: string | null;
  approval_rule: string | null;
  approval_rule_version: string | null;
  journal_id: string | null;
  rejected_at: Date | null;
  rejected_by: string | null;
  rejection_subject: string | null;
  rejection_body: string | null;
  payment_run_id: string | null;
  paid_on: LocalDate | null;
};

const invoiceOf = (row: InvoiceDbRow): InvoiceRow => ({
  id: row.id,
  documentId: row.document_id,
  kind: row.kind,
  source: row.source,
  supplierId: row.supplier_id,
  supplierName: row.supplier_name,
  supplierKey: row.supplier_key,
  nhsSupplier: row.nhs_supplier,
  invoiceNumber: row.invoice_number,
  normalisedNumber: row.normalised_number,
  issueDate: row.issue_date,
  receivedAt: iso(row.received_at)!,
  receivedOn: row.received_on,
  statedDueDate: row.stated_due_date,
  dueDate: row.due_date,
  currency: row.currency,
  orderReference: row.order_reference,
  purchaseOrderId: row.purchase_order_id,
  precedingInvoiceNumbers: row.preceding_invoice_numbers,
  netPence: row.net_pence as Pence,
  vatPence: row.vat_pence as Pence,
  grossPence: row.gross_pence as Pence,
  prepaidPence: row.prepaid_pence as Pence,
  amountDuePence: row.amount_due_pence as Pence,
  route: row.route,
  matchMode: row.match_mode,
  status: row.status,
  firstPassMatched: row.first_pass_matched,
  touchless: row.touchless,
  numberKey: row.number_key,
  amountKey: row.amount_key,
  codedBy: row.coded_by,
  codedAt: iso(row.coded_at),
  requiredApproverRole: row.required_approver_role,
  approvedAt: iso(row.approved_at),
  approvedBy: row.approved_by,
  approvalRule: row.approval_rule,
  approvalRuleVersion: row.approval_rule_version,
  journalId: row.journal_id,
  rejectedAt: iso(row.rejected_at),
  rejectedBy: row.rejected_by,
  rejectionSubject: row.rejection_subject,
  rejectionBody: row.rejection_body,
  paymentRunId: row.payment_run_id,
  paidOn: row.paid_on,
});

export type NewInvoiceLine = {
  lineNo: number;
  lineId: string;
  description: string;
  quantity: string;
  unitCode: string | null;
  unitPrice: string | null;
  netPence: bigint;
  vatRateBasisPoints: number | null;
  vatCategory: string | null;
  orderLineReference: string | null;
  gtin: string | null;
  sellerItemCode: string | null;
  poLineNo: number | null;
  matchMode: string | null;
  expectedPence: bigint | null;
  variancePence: bigint | null;
  grniReleasePence: bigint | null;
  accountCode: string | null;
  costCentreCode: string | null;
};

export type NewInvoice = Omit<
  InvoiceRow,
  | 'receivedAt'
  | 'paidOn'
  | 'codedBy'
  | 'codedAt'
  | 'approvedAt'
  | 'rejectedAt'
  | 'rejectedBy'
  | 'rejectionSubject'
  | 'rejectionBody'
  | 'paymentRunId'
> & { receivedAt: Date; approvedAt: Date | null; paidOn: LocalDate | null; lines: readonly NewInvoiceLine[] };

/** Invoices and their lines in two set-based statements, however many there are. */
export async function insertInvoices(
  q: Queryable,
  organisationId: string,
  invoices: readonly NewInvoice[],
): Promise<void> {
  if (invoices.length === 0) return;
  const column = <T>(pick: (invoice: NewInvoice) => T) => invoices.map(pick);
  await q.query(
    `insert into payables.invoice (organisation_id, received_at, id, document_id, kind, source, supplier_id, supplier_name,
       supplier_key, nhs_supplier, invoice_number, normalised_number, issue_date, received_on, stated_due_date, due_date,
       currency, order_reference, purchase_order_id, preceding_invoice_numbers, net_pence, vat_pence, gross_pence,
       prepaid_pence, amount_due_pence, route, match_mode, status, first_pass_matched, touchless, number_key, amount_key,
       required_approver_role, approved_at, approved_by, approval_rule, approval_rule_version, journal_id, paid_on)
     select $1, i.received_at, i.id, i.document_id, i.kind, i.source, i.supplier_id, i.supplier_name, i.supplier_key, i.nhs_supplier,
       i.invoice_number, i.normalised_number, i.issue_date, i.received_on, i.stated_due_date, i.due_date, i.currency,
       i.order_reference, i.purchase_order_id,
       array(select jsonb_array_elements_text(i.preceding::jsonb)),
       i.net, i.vat, i.gross, i.prepaid, i.due, i.route, i.match_mode, i.status, i.first_pass, i.touchless,
       i.number_key, i.amount_key, i.required_role, i.approved_at, i.approved_by, i.approval_rule, i.rule_version,
       i.journal_id, i.paid_on
     from unnest($2::timestamptz[], $39::date[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bool[],
       $11::text[], $12::text[], $13::date[], $14::date[], $15::date[], $16::date[], $17::text[], $18::text[],
       $19::text[], $20::text[], $21::int8[], $22::int8[], $23::int8[], $24::int8[], $25::int8[], $26::text[],
       $27::text[], $28::text[], $29::bool[], $30::bool[], $31::int8[], $32::int8[], $33::text[], $34::timestamptz[],
       $35::text[], $36::text[], $37::text[], $38::text[])
       as i(received_at, paid_on, id, document_id, kind, source, supplier_id, supplier_name, supplier_key, nhs_supplier, invoice_number,
         normalised_number, issue_date, received_on, stated_due_date, due_date, currency, order_reference,
         purchase_order_id, preceding, net, vat, gross, prepaid, due, route, match_mode, status, first_pass, touchless,
         number_key, amount_key, required_role, approved_at, approved_by, approval_rule, rule_version, journal_id)`,
    [
      organisationId,
      column((i) => i.receivedAt),
      column((i) => i.id),
      column((i) => i.documentId),
      column((i) => i.kind),
      column((i) => i.source),
      column((i) => i.supplierId),
      column((i) => i.supplierName),
      column((i) => i.supplierKey),
      column((i) => i.nhsSupplier),
      column((i) => i.invoiceNumber),
      column((i) => i.normalisedNumber),
      column((i) => i.issueDate),
      column((i) => i.receivedOn),
      column((i) => i.statedDueDate),
      column((i) => i.dueDate),
      column((i) => i.currency),
      column((i) => i.orderReference),
      column((i) => i.purchaseOrderId),
      column((i) => JSON.stringify(i.precedingInvoiceNumbers)),
      column((i) => i.netPence),
      column((i) => i.vatPence),
      column((i) => i.grossPence),
      column((i) => i.prepaidPence),
      column((i) => i.amountDuePence),
      column((i) => i.route),
      column((i) => i.matchMode),
      column((i) => i.status),
      column((i) => i.firstPassMatched),
      column((i) => i.touchless),
      column((i) => i.numberKey),
      column((i) => i.amountKey),
      column((i) => i.requiredApproverRole),
      column((i) => i.approvedAt),
      column((i) => i.approvedBy),
      column((i) => i.approvalRule),
      column((i) => i.approvalRuleVersion),
      column((i) => i.journalId),
      column((i) => i.paidOn),
    ],
  );
  await insertLines(
    q,
    organisationId,
    invoices.flatMap((invoice) => invoice.lines.map((line) => ({ invoiceId: invoice.id, line }))),
  );
}

async function insertLines(
  q: Queryable,
  organisationId: string,
  lines: readonly { invoiceId: string; line: NewInvoiceLine }[],
): Promise<void> {
  if (lines.length === 0) return;
  const column = <T>(pick: (line: NewInvoiceLine) => T) => lines.map((entry) => pick(entry.line));
  await q.query(
    `insert into payables.invoice_line (organisation_id, invoice_id, line_no, line_id, description, quantity, unit_code,
       unit_price, net_pence, vat_rate_basis_points, vat_category, order_line_reference, gtin, seller_item_code,
       po_line_no, match_mode, expected_pence, variance_pence, grni_release_pence, account_code, cost_centre_code)
     select $1, l.* from unnest($2::text[], $3::int[], $4::text[], $5::text[], $6::numeric[], $7::text[], $8::numeric[],
       $9::int8[], $10::int[], $11::text[], $12::text[], $13::text[], $14::text[], $15::int[], $16::text[], $17::int8[],
       $18::int8[], $19::int8[], $20::text[], $21::text[]) as l`,
    [
      organisationId,
      lines.map((entry) => entry.invoiceId),
      column((l) => l.lineNo),
      column((l) => l.lineId),
      column((l) => l.description),
      column((l) => l.quantity),
      column((l) => l.unitCode),
      column((l) => l.unitPrice),
      column((l) => l.netPence),
      column((l) => l.vatRateBasisPoints),
      column((l) => l.vatCategory),
      column((l) => l.orderLineReference),
      column((l) => l.gtin),
      column((l) => l.sellerItemCode),
      column((l) => l.poLineNo),
      column((l) => l.matchMode),
      column((l) => l.expectedPence),
      column((l) => l.variancePence),
      column((l) => l.grniReleasePence),
      column((l) => l.accountCode),
      column((l) => l.costCentreCode),
    ],
  );
}

/** Replaces an invoice's lines (after re-matching or coding): the lines carry the match and the coding. */
export async function updateLines(
  q: Queryable,
  invoiceId: string,
  lines: readonly Pick<
    NewInvoiceLine,
    | 'lineNo'
    | 'poLineNo'
    | 'matchMode'
    | 'expectedPence'
    | 'variancePence'
    | 'grniReleasePence'
    | 'accountCode'
    | 'costCentreCode'
  >[],
): Promise<void> {
  if (lines.length === 0) return;
  await q.query(
    `update payables.invoice_line l set po_line_no = u.po_line_no, match_mode = u.match_mode, expected_pence = u.expected,
       variance_pence = u.variance, grni_release_pence = u.grni, account_code = u.account_code,
       cost_centre_code = u.cost_centre_code
     from unnest($2::int[], $3::int[], $4::text[], $5::int8[], $6::int8[], $7::int8[], $8::text[], $9::text[])
       as u(line_no, po_line_no, match_mode, expected, variance, grni, account_code, cost_centre_code)
     where l.invoice_id = $1 and l.line_no = u.line_no`,
    [
      invoiceId,
      lines.map((l) => l.lineNo),
      lines.map((l) => l.poLineNo),
      lines.map((l) => l.matchMode),
      lines.map((l) => l.expectedPence),
      lines.map((l) => l.variancePence),
      lines.map((l) => l.grniReleasePence),
      lines.map((l) => l.accountCode),
      lines.map((l) => l.costCentreCode),
    ],
  );
}

export type InvoiceFilter = {
  ids?: readonly string[];
  statuses?: readonly InvoiceStatus[];
  supplierId?: string;
  normalisedNumbers?: readonly string[];
  paymentRunId?: string;
  dueBy?: LocalDate;
  before?: string;
  limit: number;
};

export async function selectInvoices(q: Queryable, filter: InvoiceFilter): Promise<InvoiceRow[]> {
  const result = await q.query<InvoiceDbRow>(
    `select * from payables.invoice
     where ($1::text[] is null or id = any ($1)) and ($2::text[] is null or status = any ($2))
       and ($3::text is null or supplier_id = $3) and ($4::text[] is null or normalised_number = any ($4))
       and ($5::text is null or payment_run_id = $5) and ($6::date is null or due_date <= $6)
       and ($7::text is null or id < $7)
     order by id desc limit $8`,
    [
      filter.ids ?? null,
      filter.statuses ?? null,
      filter.supplierId ?? null,
      filter.normalisedNumbers ?? null,
      filter.paymentRunId ?? null,
      filter.dueBy ?? null,
      filter.before ?? null,
      filter.limit,
    ],
  );
  return result.rows.map(invoiceOf);
}

export type InvoiceLineRow = NewInvoiceLine & { invoiceId: string };

export async function selectLines(q: Queryable, invoiceIds: readonly string[]): Promise<InvoiceLineRow[]> {
  if (invoiceIds.length === 0) return [];
  const result = await q.query<{
    invoice_id: string;
    line_no: number;
    line_id: string;
    description: string;
    quantity: string;
    unit_code: string | null;
    unit_price: string | null;
    net_pence: bigint;
    vat_rate_basis_points: number | null;
    vat_category: string | null;
    order_line_reference: string | null;
    gtin: string | null;
    seller_item_code: string | null;
    po_line_no: number | null;
    match_mode: string | null;
    expected_pence: bigint | null;
    variance_pence: bigint | null;
    grni_release_pence: bigint | null;
    account_code: string | null;
    cost_centre_code: string | null;
  }>(
    `select invoice_id, line_no, line_id, description, quantity::text as quantity, unit_code, unit_price::text as unit_price,
       net_pence, vat_rate_basis_points, vat_category, order_line_reference, gtin, seller_item_code, po_line_no,
       match_mode, expected_pence, variance_pence, grni_release_pence, account_code, cost_centre_code
     from payables.invoice_line where invoice_id = any ($1::text[]) order by invoice_id, line_no`,
    [invoiceIds],
  );
  return result.rows.map((row) => ({
    invoiceId: row.invoice_id,
    lineNo: row.line_no,
    lineId: row.line_id,
    description: row.description,
    quantity: row.quantity,
    unitCode: row.unit_code,
    unitPrice: row.unit_price,
    netPence: row.net_pence,
    vatRateBasisPoints: row.vat_rate_basis_points,
    vatCategory: row.vat_category,
    orderLineReference: row.order_line_reference,
    gtin: row.gtin,
    sellerItemCode: row.seller_item_code,
    poLineNo: row.po_line_no,
    matchMode: row.match_mode,
    expectedPence: row.expected_pence,
    variancePence: row.variance_pence,
    grniReleasePence: row.grni_release_pence,
    accountCode: row.account_code,
    costCentreCode: row.cost_centre_code,
  }));
}

/** Sets the fields a state change touches; untouched fields are left as they are. */
export async function updateInvoice(
  q: Queryable,
  id: string,
  change: {
    status?: InvoiceStatus;
    route?: InvoiceRoute;
    purchaseOrderId?: string | null;
    matchMode?: string | null;
    touchless?: boolean;
    codedBy?: string;
    codedAt?: Date;
    requiredApproverRole?: string | null;
    approvedAt?: Date;
    approvedBy?: string;
    approvalRule?: string;
    approvalRuleVersion?: string;
    journalId?: string | null;
    rejectedAt?: Date;
    rejectedBy?: string;
    rejectionSubject?: string;
    rejectionBody?: string;
  },
): Promise<void> {
  const assignments: string[] = [];
  const values: unknown[] = [id];
  const columns: Record<string, string> = {
    status: 'status',
    route: 'route',
    purchaseOrderId: 'purchase_order_id',
    matchMode: 'match_mode',
    touchless: 'touchless',
    codedBy: 'coded_by',
    codedAt: 'coded_at',
    requiredApproverRole: 'required_approver_role',
    approvedAt: 'approved_at',
    approvedBy: 'approved_by',
    approvalRule: 'approval_rule',
    approvalRuleVersion: 'approval_rule_version',
    journalId: 'journal_id',
    rejectedAt: 'rejected_at',
    rejectedBy: 'rejected_by',
    rejectionSubject: 'rejection_subject',
    rejectionBody: 'rejection_body',
  };
  for (const [key, value] of Object.entries(change)) {
    if (value === undefined) continue;
    values.push(value);
    assignments.push(`${columns[key]} = $${values.length}`);
  }
  if (assignments.length === 0) return;
  await q.query(`update payables.invoice set ${assignments.join(', ')} where id = $1`, values);
}

/** Approved invoices of a batch, with their journals, in one statement. */
export async function markApproved(
  q: Queryable,
  rows: readonly { id: string; journalId: string | null }[],
  approval: { at: Date; by: string; rule: string; ruleVersion: string },
): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `update payables.invoice i set status = 'approved', approved_at = $3, approved_by = $4, approval_rule = $5,
       approval_rule_version = $6, journal_id = u.journal_id
     from unnest($1::text[], $2::text[]) as u(id, journal_id) where i.id = u.id`,
    [
      rows.map((r) => r.id),
      rows.map((r) => r.journalId),
      approval.at,
      approval.by,
      approval.rule,
      approval.ruleVersion,
    ],
  );
}

// ---------------------------------------------------------------- exceptions

export type ExceptionStatus = 'open' | 'waiting' | 'resolved';

export type ExceptionRow = {
  id: string;
  invoiceId: string;
  reason: ExceptionReason;
  rule: string;
  lineNo: number | null;
  detail: string;
  amountPence: Pence | null;
  suggestedAction: ResolutionAction;
  status: ExceptionStatus;
  raisedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: ResolutionAction | 'rematched' | 'superseded' | null;
  note: string | null;
};

export type NewException = {
  id: string;
  invoiceId: string;
  reason: ExceptionReason;
  rule: string;
  lineNo: number | null;
  detail: string;
  amountPence: bigint | null;
  suggestedAction: ResolutionAction;
};

export async function insertExceptions(
  q: Queryable,
  organisationId: string,
  at: Date,
  rows: readonly NewException[],
) {
  if (rows.length === 0) return;
  await q.query(
    `insert into payables.exception (organisation_id, id, invoice_id, reason, rule, line_no, detail, amount_pence,
       suggested_action, status, raised_at)
     select $1, e.id, e.invoice_id, e.reason, e.rule, e.line_no, e.detail, e.amount, e.suggested, 'open', $2
     from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::int8[], $10::text[])
       as e(id, invoice_id, reason, rule, line_no, detail, amount, suggested)`,
    [
      organisationId,
      at,
      rows.map((r) => r.id),
      rows.map((r) => r.invoiceId),
      rows.map((r) => r.reason),
      rows.map((r) => r.rule),
      rows.map((r) => r.lineNo),
      rows.map((r) => r.detail),
      rows.map((r) => r.amountPence),
      rows.map((r) => r.suggestedAction),
    ],
  );
}

type ExceptionDbRow = {
  id: string;
  invoice_id: string;
  reason: ExceptionReason;
  rule: string;
  line_no: number | null;
  detail: string;
  amount_pence: bigint | null;
  suggested_action: ResolutionAction;
  status: ExceptionStatus;
  raised_at: Date;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolution: ExceptionRow['resolution'];
  note: string | null;
};

const exceptionOf = (row: ExceptionDbRow): ExceptionRow => ({
  id: row.id,
  invoiceId: row.invoice_id,
  reason: row.reason,
  rule: row.rule,
  lineNo: row.line_no,
  detail: row.detail,
  amountPence: row.amount_pence as Pence | null,
  suggestedAction: row.suggested_action,
  status: row.status,
  raisedAt: iso(row.raised_at)!,
  resolvedAt: iso(row.resolved_at),
  resolvedBy: row.resolved_by,
  resolution: row.resolution,
  note: row.note,
});

export async function selectExceptions(
  q: Queryable,
  filter: {
    ids?: readonly string[];
    invoiceIds?: readonly string[];
    statuses?: readonly ExceptionStatus[];
    reasons?: readonly ExceptionReason[];
    limit: number;
  },
): Promise<ExceptionRow[]> {
  const result = await q.query<ExceptionDbRow>(
    `select * from payables.exception
     where ($1::text[] is null or id = any ($1)) and ($2::text[] is null or invoice_id = any ($2))
       and ($3::text[] is null or status = any ($3)) and ($4::text[] is null or reason = any ($4))
     order by raised_at, id limit $5`,
    [
      filter.ids ?? null,
      filter.invoiceIds ?? null,
      filter.statuses ?? null,
      filter.reasons ?? null,
      filter.limit,
    ],
  );
  return result.rows.map(exceptionOf);
}

export async function resolveExceptions(
  q: Queryable,
  ids: readonly string[],
  resolution: {
    status: ExceptionStatus;
    at: Date | null;
    by: string | null;
    resolution: ExceptionRow['resolution'];
    note: string | null;
  },
): Promise<void> {
  if (ids.length === 0) return;
  await q.query(
    `update payables.exception set status = $2, resolved_at = $3, resolved_by = $4, resolution = $5, note = $6
     where id = any ($1::text[])`,
    [ids, resolution.status, resolution.at, resolution.by, resolution.resolution, resolution.note],
  );
}

/** The people who approved something on each invoice: whoever approved it, coded it, or accepted one of its exceptions. */
export async function selectApprovers(
  q: Queryable,
  invoiceIds: readonly string[],
): Promise<Map<string, string[]>> {
  if (invoiceIds.length === 0) return new Map();
  const result = await q.query<{ invoice_id: string; people: string[] }>(
    `select invoice_id, array_agg(distinct person) as people from (
       select id as invoice_id, approved_by as person from payables.invoice
        where id = any ($1::text[]) and approved_by is not null
       union all
       select invoice_id, resolved_by from payables.exception
        where invoice_id = any ($1::text[]) and resolved_by is not null
          and resolution in ('accept-variance', 'accept-with-reason', 'mark-not-duplicate', 'code-invoice')
     ) approvals group by invoice_id`,
    [invoiceIds],
  );
  return new Map(result.rows.map((row) => [row.invoice_id, row.people]));
}

// ---------------------------------------------------------------- decisions

export type DecisionRow = {
  id: string;
  subjectType: 'invoice' | 'quarantine' | 'payment-run';
  subjectId: string;
  decision: string;
  rule: string;
  ruleVersion: string;
  standardVersion: string | null;
  variationId: string | null;
  detail: Record<string, unknown>;
  decidedAt: string;
};

export type NewDecision = Omit<DecisionRow, 'decidedAt'>;

export async function insertDecisions(
  q: Queryable,
  organisationId: string,
  at: Date,
  rows: readonly NewDecision[],
) {
  if (rows.length === 0) return;
  await q.query(
    `insert into payables.decision (organisation_id, id, subject_type, subject_id, decision, rule, rule_version,
       standard_version, variation_id, detail, decided_at)
     select $1, d.id, d.subject_type, d.subject_id, d.decision, d.rule, d.rule_version, d.standard_version,
       d.variation_id, d.detail::jsonb, $2
     from unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
       $11::text[]) as d(id, subject_type, subject_id, decision, rule, rule_version, standard_version, variation_id, detail)`,
    [
      organisationId,
      at,
      rows.map((r) => r.id),
      rows.map((r) => r.subjectType),
      rows.map((r) => r.subjectId),
      rows.map((r) => r.decision),
      rows.map((r) => r.rule),
      rows.map((r) => r.ruleVersion),
      rows.map((r) => r.standardVersion),
      rows.map((r) => r.variationId),
      rows.map((r) =>
        JSON.stringify(r.detail, (_key, value) => (typeof value === 'bigint' ? Number(value) : value)),
      ),
    ],
  );
}

export async function selectDecisions(q: Queryable, subjectIds: readonly string[]): Promise<DecisionRow[]> {
  if (subjectIds.length === 0) return [];
  const result = await q.query<{
    id: string;
    subject_type: DecisionRow['subjectType'];
    subject_id: string;
    decision: string;
    rule: string;
    rule_version: string;
    standard_version: string | null;
    variation_id: string | null;
    detail: Record<string, unknown> | string;
    decided_at: Date;
  }>('select * from payables.decision where subject_id = any ($1::text[]) order by decided_at, id', [
    subjectIds,
  ]);
  return result.rows.map((row) => ({
    id: row.id,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    decision: row.decision,
    rule: row.rule,
    ruleVersion: row.rule_version,
    standardVersion: row.standard_version,
    variationId: row.variation_id,
    detail: typeof row.detail === 'string' ? (JSON.parse(row.detail) as Record<string, unknown>) : row.detail,
    decidedAt: iso(row.decided_at)!,
  }));
}

// ---------------------------------------------------------------- the shared duplicate register

export type FingerprintMatch = {
  numberKey: bigint;
  amountKey: bigint;
  organisationId: string;
  invoiceId: string;
};

/**
 * Earlier invoices, in any organisation, with one of these number keys or amount keys. Reads
 * only the platform-level register of hashes; two index probes however many keys are asked.
 */
export async function selectFingerprints(
  q: Queryable,
  numberKeys: readonly bigint[],
  amountKeys: readonly bigint[],
): Promise<FingerprintMatch[]> {
  if (numberKeys.length === 0 && amountKeys.length === 0) return [];
  const result = await q.query<{
    number_key: bigint;
    amount_key: bigint;
    organisation_id: string;
    invoice_id: string;
  }>(
    `select number_key, amount_key, organisation_id, invoice_id from payables.invoice_fingerprint
      where number_key = any ($1::int8[]) and not overrides
     union
     select number_key, amount_key, organisation_id, invoice_id from payables.invoice_fingerprint
      where amount_key = any ($2::int8[])`,
    [numberKeys, amountKeys],
  );
  return result.rows.map((row) => ({
    numberKey: row.number_key,
    amountKey: row.amount_key,
    organisationId: row.organisation_id,
    invoiceId: row.invoice_id,
  }));
}

/**
 * Records invoices in the register. Returns the invoice ids that were NOT recorded because
 * another transaction recorded the same number first: those are duplicates that arrived at
 * the same instant, and the caller quarantines them.
 */
export async function insertFingerprints(
  q: Queryable,
  organisationId: string,
  rows: readonly { numberKey: bigint; amountKey: bigint; invoiceId: string; overrides: boolean }[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const result = await q.query<{ invoice_id: string }>(
    `insert into payables.invoice_fingerprint (number_key, amount_key, organisation_id, invoice_id, overrides)
     select f.number_key, f.amount_key, $1, f.invoice_id, f.overrides
     from unnest($2::int8[], $3::int8[], $4::text[], $5::bool[]) as f(number_key, amount_key, invoice_id, overrides)
     on conflict (number_key) where not overrides do nothing
     returning invoice_id`,
    [
      organisationId,
      rows.map((r) => r.numberKey),
      rows.map((r) => r.amountKey),
      rows.map((r) => r.invoiceId),
      rows.map((r) => r.overrides),
    ],
  );
  const recorded = new Set(result.rows.map((row) => row.invoice_id));
  return rows.filter((row) => !recorded.has(row.invoiceId)).map((row) => row.invoiceId);
}

/** A rejected invoice leaves the register, so the supplier can send a corrected one under the same number. */
export async function deleteFingerprint(
  q: Queryable,
  organisationId: string,
  invoice: { id: string; numberKey: bigint; amountKey: bigint },
): Promise<void> {
  await q.query(
    `delete from payables.invoice_fingerprint
     where (number_key = $2 or amount_key = $3) and organisation_id = $1 and invoice_id = $4`,
    [organisationId, invoice.numberKey, invoice.amountKey, invoice.id],
  );
}
