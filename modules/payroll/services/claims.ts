import { newId } from '../../../kernel/ids';
import type { TenantTx } from '../../../kernel/tenancy';
import { type ClaimInput, claimInputSchema } from '../domain/claims';
import { type ClaimCsvRejection, readClaimsCsv } from '../domain/claims-csv';
import { issuesFromZod, payrollError } from '../errors';
import * as sql from '../sql/queries';
import type { PayrollDeps } from './context';

export type ClaimsImport = {
  importId: string;
  imported: number;
  claimIds: string[];
  rejections: ClaimCsvRejection[];
};

export function createClaimsService(_deps: PayrollDeps) {
  async function unknownEmployees(tx: TenantTx, claims: readonly ClaimInput[]): Promise<Set<string>> {
    const ids = [...new Set(claims.map((claim) => claim.employeeId))];
    const known = new Set((await sql.selectEmployees(tx, { ids, limit: ids.length })).map((row) => row.id));
    return new Set(ids.filter((id) => !known.has(id)));
  }

  return {
    /** Claims through the API: all or none, each problem naming the claim and field. */
    async recordClaims(tx: TenantTx, raw: readonly unknown[]): Promise<string[]> {
      const claims: ClaimInput[] = [];
      const issues = raw.flatMap((item, index) => {
        const parsed = claimInputSchema.safeParse(item);
        if (parsed.success) claims.push(parsed.data as ClaimInput);
        return parsed.success ? [] : issuesFromZod(parsed.error, `claims[${index}]`);
      });
      const unknown = await unknownEmployees(tx, claims);
      claims.forEach((claim, index) => {
        if (unknown.has(claim.employeeId))
          issues.push({
            path: `claims[${index}].employeeId`,
            rule: 'employee-known',
            message: `no employee ${claim.employeeId}`,
          });
      });
      if (issues.length > 0)
        throw payrollError('CLAIM_INVALID', `${issues.length} problem(s) with the claims`, issues);
      const stored = claims.map((claim) => ({ ...claim, id: newId('clm') }));
      await sql.insertClaims(tx, tx.ctx.organisationId, stored, 'api', tx.ctx.actor.id, tx.now);
      tx.audit({
        action: 'payroll.claims.recorded',
        entityType: 'claim',
        entityId: stored[0]?.id ?? 'none',
        after: { claims: stored.length },
      });
      return stored.map((claim) => claim.id);
    },

    /** A timesheet CSV: good rows become claims, bad rows are kept with their reasons (never silently dropped). */
    async importClaimsCsv(tx: TenantTx, file: { fileName: string; text: string }): Promise<ClaimsImport> {
      const numbers = new Set<string>();
      for (const line of file.text.split(/\r?\n/).slice(1))
        numbers.add(line.split(',')[0]?.trim().replace(/^"|"$/g, '') ?? '');
      const employees = await sql.selectEmployees(tx, {
        payrollNumbers: [...numbers],
        limit: numbers.size + 1,
      });
      const idOf = new Map(employees.map((row) => [row.payrollNumber, row.id]));
      const read = readClaimsCsv(file.text, (payrollNumber) => idOf.get(payrollNumber) ?? null);
      const importId = newId('imp');
      const stored = read.claims.map(({ claim }) => ({ ...claim, id: newId('clm') }));
      await sql.insertClaims(tx, tx.ctx.organisationId, stored, `csv:${importId}`, tx.ctx.actor.id, tx.now);
      await sql.insertClaimRejections(
        tx,
        tx.ctx.organisationId,
        importId,
        file.fileName,
        read.rejections,
        tx.ctx.actor.id,
        tx.now,
      );
      tx.audit({
        action: 'payroll.claims.imported',
        entityType: 'claims-import',
        entityId: importId,
        after: { fileName: file.fileName, imported: stored.length, rejected: read.rejections.length },
      });
      return {
        importId,
        imported: stored.length,
        claimIds: stored.map((claim) => claim.id),
        rejections: read.rejections,
      };
    },

    async claims(tx: TenantTx, filter: { employeeId?: string; limit?: number } = {}) {
      return sql.selectClaims(tx, {
        employeeId: filter.employeeId,
        limit: Math.min(filter.limit ?? 100, 500),
      });
    },

    async claimRejections(tx: TenantTx, importId?: string) {
      return sql.selectClaimRejections(tx, importId ?? null);
    },
  };
}
