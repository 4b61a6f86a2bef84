import type { ValidationIssue } from '../../../kernel/errors';
import { newId } from '../../../kernel/ids';
import type { TenantTx } from '../../../kernel/tenancy';
import { isLocalDate, type LocalDate } from '../../../kernel/time';
import { checkPeppolParticipant, type Supplier } from '../../suppliers';
import {
  catalogueColumns,
  fileColumnOfField,
  readCatalogueRows,
  rejectionsCsv,
} from '../domain/catalogue-import';
import { type CatalogueItemInput, readCatalogueItem, searchTextOf } from '../domain/catalogue-item';
import { readTableFile } from '../domain/table-file';
import { procurementError } from '../errors';
import * as sql from '../sql/catalogue-queries';
import type { CatalogueImportReport, Contract, OrderableItem, Scope } from '../types';
import { expenditureAccounts, type ProcurementDeps, today } from './context';

const IMPORT_ROWS_MAX = 100_000;

/** A row-level-security refusal: only a shared-service provider may write the national catalogue. */
function nationalRefusal(error: unknown): unknown {
  return (error as { code?: string }).code === '42501'
    ? procurementError(
        'NATIONAL_CATALOGUE_PROVIDER_ONLY',
        'Only the shared-service provider maintains the national catalogue and frameworks: save it as a local item or contract',
        [
          {
            path: 'scope',
            rule: 'national-owner',
            message: 'Use scope "local" for this organisation’s own items',
          },
        ],
      )
    : error;
}

/** What callers see of an item: the internal supplier references stay inside the module. */
export function publicItem(item: sql.OrderableItemRow): OrderableItem {
  const { ownerSupplierId: _owner, supplierIdentifiers: _identifiers, ...visible } = item;
  return visible;
}

export type OrderingProfile = sql.OrderingProfileRow;

export function createCatalogueService(deps: ProcurementDeps) {
  const { suppliers, ledger } = deps;

  function itemWrite(
    fields: ReturnType<typeof readCatalogueItem>['fields'],
    supplier: Supplier,
  ): sql.ItemWrite {
    return {
      ...fields,
      supplierId: supplier.id,
      supplierName: supplier.name,
      supplierVatNumber: supplier.vatNumber,
      supplierCompaniesHouseNumber: supplier.companiesHouseNumber,
      supplierGln: supplier.gln,
      searchText: searchTextOf(fields, supplier.name),
    };
  }

  async function saveItems(
    tx: TenantTx,
    scope: Scope,
    rows: readonly (sql.ItemWrite & { id: string })[],
  ): Promise<{ id: string; inserted: boolean }[]> {
    let saved: { id: string; inserted: boolean }[];
    try {
      saved = await sql.upsertItems(tx, tx.ctx.organisationId, scope, rows, tx.ctx.actor.id, tx.now);
    } catch (error) {
      throw nationalRefusal(error);
    }
    if (scope === 'local') {
      await sql.upsertAvailability(
        tx,
        tx.ctx.organisationId,
        saved.map((row, index) => ({ itemId: row.id, available: true, supplierId: rows[index]!.supplierId })),
        tx.ctx.actor.id,
        tx.now,
      );
    }
    return saved;
  }

  async function requireContract(tx: TenantTx, contractId: string): Promise<Contract> {
    const [contract] = await sql.selectContracts(tx, { ids: [contractId] });
    if (!contract) throw procurementError('CONTRACT_NOT_FOUND', `No contract ${contractId}`);
    return contract;
  }

  const service = {
    /** Adds an item to the catalogue, or updates the one with the same supplier and supplier code. */
    async saveCatalogueItem(
      tx: TenantTx,
      input: CatalogueItemInput & { supplierId: string; scope?: Scope },
    ): Promise<OrderableItem> {
      const scope = input.scope ?? 'local';
      const accounts = await expenditureAccounts(tx, ledger);
      const { fields, issues } = readCatalogueItem(input, (code) => accounts.has(code));
      const [supplier] = await suppliers.listSuppliers(tx, { ids: [input.supplierId], limit: 1 });
      if (!supplier) {
        issues.push({
          path: 'supplierId',
          rule: 'supplier-known',
          message: `No supplier ${input.supplierId} on file here`,
        });
      }
      if (issues.length > 0 || !supplier) {
        const gtinOnly = issues.every((issue) => issue.path === 'gtin');
        throw procurementError(
          gtinOnly
            ? 'GTIN_INVALID'
            : issues.every((i) => i.rule === 'supplier-known')
              ? 'SUPPLIER_UNKNOWN'
              : 'CATALOGUE_ITEM_INVALID',
          issues.length === 1 ? issues[0]!.message : `${issues.length} problems with the item`,
          issues,
        );
      }
      const [saved] = await saveItems(tx, scope, [{ id: newId('itm'), ...itemWrite(fields, supplier) }]);
      tx.audit({
        action: saved!.inserted ? 'procurement.catalogue-item.created' : 'procurement.catalogue-item.updated',
        entityType: 'catalogue-item',
        entityId: saved!.id,
        after: { scope, supplierId: supplier.id, ...fields },
      });
      return service.catalogueItem(tx, saved!.id);
    },

    async catalogueItem(tx: TenantTx, itemId: string, onDate?: LocalDate): Promise<OrderableItem> {
      const [item] = await sql.selectOrderableItems(tx, {
        onDate: onDate ?? today(tx),
        ids: [itemId],
        limit: 1,
      });
      if (!item) throw procurementError('CATALOGUE_ITEM_NOT_FOUND', `No catalogue item ${itemId}`);
      return publicItem(item);
    },

    /** Items matching every word of the query (description, codes, GTIN, supplier), orderable ones and contract prices first. */
    async searchCatalogue(
      tx: TenantTx,
      options: {
        /** Only these items (the basket) */
        ids?: readonly string[];
        query?: string;
        onDate?: LocalDate;
        availableOnly?: boolean;
        scope?: Scope;
        limit?: number;
        offset?: number;
      } = {},
    ): Promise<OrderableItem[]> {
      const words = (options.query ?? '')
        .trim()
        .split(/\s+/)
        .filter((word) => word.length > 0)
        .slice(0, 8);
      const items = await sql.selectOrderableItems(tx, {
        onDate: options.onDate ?? today(tx),
        ids: options.ids,
        words,
        availableOnly: options.availableOnly ?? true,
        scope: options.scope,
        limit: Math.min(options.limit ?? Math.max(options.ids?.length ?? 0, 25), 200),
        offset: options.offset ?? 0,
      });
      return items.map(publicItem);
    },

    /**
     * Makes national catalogue items orderable here (or not): each is tied to
     * this organisation's own record of its supplier, found by the supplier's
     * identifiers. Items whose supplier is not on file here are listed, not
     * made available.
     */
    async setAvailability(
      tx: TenantTx,
      input: { itemIds?: readonly string[]; available: boolean },
    ): Promise<{ updated: number; supplierNotOnFile: { itemId: string; supplierName: string }[] }> {
      const items = await sql.selectOrderableItems(tx, {
        onDate: today(tx),
        ids: input.itemIds,
        scope: input.itemIds ? undefined : 'national',
        limit: IMPORT_ROWS_MAX,
      });
      if (input.itemIds) {
        const found = new Set(items.map((item) => item.id));
        const missing = input.itemIds.filter((id) => !found.has(id));
        if (missing.length > 0) {
          throw procurementError('CATALOGUE_ITEM_NOT_FOUND', `No catalogue item ${missing.join(', ')}`, [
            { path: 'itemIds', rule: 'item-known', message: `Unknown: ${missing.join(', ')}` },
          ]);
        }
      }
      const localSupplier = new Map<string, string | null>();
      const rows: { itemId: string; available: boolean; supplierId: string }[] = [];
      const supplierNotOnFile: { itemId: string; supplierName: string }[] = [];
      for (const item of items) {
        const key = JSON.stringify(item.supplierIdentifiers);
        if (!localSupplier.has(key)) {
          const found =
            item.ownerId === tx.ctx.organisationId
              ? item.ownerSupplierId
              : ((await suppliers.findSupplierByIdentifiers(tx, item.supplierIdentifiers))?.id ?? null);
          localSupplier.set(key, found);
        }
        const supplierId = localSupplier.get(key) ?? null;
        if (supplierId === null) supplierNotOnFile.push({ itemId: item.id, supplierName: item.supplierName });
        else rows.push({ itemId: item.id, available: input.available, supplierId });
      }
      await sql.upsertAvailability(tx, tx.ctx.organisationId, rows, tx.ctx.actor.id, tx.now);
      tx.audit({
        action: 'procurement.catalogue.availability-set',
        entityType: 'catalogue-availability',
        entityId: tx.ctx.organisationId,
        after: {
          available: input.available,
          items: rows.length,
          supplierNotOnFile: supplierNotOnFile.length,
        },
      });
      return { updated: rows.length, supplierNotOnFile };
    },

    /**
     * Imports catalogue items from a CSV or XLSX file (XLSX as bytes or base64).
     * Every row is either saved or kept as a rejection with each reason, so
     * nothing in the file is lost; rejections download as CSV to correct and
     * send again.
     */
    async importCatalogue(
      tx: TenantTx,
      input: { fileName: string; content: string | Uint8Array; scope?: Scope },
    ): Promise<CatalogueImportReport> {
      const scope = input.scope ?? 'local';
      let file: Awaited<ReturnType<typeof readTableFile>>;
      try {
        file = await readTableFile(input.fileName, input.content);
      } catch (error) {
        throw procurementError(
          'CATALOGUE_FILE_INVALID',
          `${input.fileName} could not be read: ${(error as Error).message}`,
          [
            {
              path: 'content',
              rule: 'file-readable',
              message: 'Send a CSV file, or an XLSX workbook (base64 in JSON)',
            },
          ],
        );
      }
      const shape = catalogueColumns(file.headers);
      if (shape.missing.length > 0 || file.rows.length > IMPORT_ROWS_MAX) {
        const issues: ValidationIssue[] =
          file.rows.length > IMPORT_ROWS_MAX
            ? [{ path: 'content', rule: 'rows-max', message: `At most ${IMPORT_ROWS_MAX} rows per file` }]
            : shape.missing.map((column) => ({
                path: `header, ${column}`,
                rule: 'column-required',
                message: `The file has no ${column} column`,
              }));
        throw procurementError(
          'CATALOGUE_FILE_INVALID',
          `${input.fileName}: ${issues.map((i) => i.message).join('; ')}`,
          issues,
        );
      }
      const rows = readCatalogueRows(file, shape);
      const accounts = await expenditureAccounts(tx, ledger);
      const contracts = new Map(
        (
          await sql.selectContracts(tx, {
            references: [...new Set(rows.flatMap((row) => row.contract?.reference ?? []))],
          })
        ).map((contract) => [contract.reference, contract]),
      );
      const supplierCache = new Map<string, Supplier | null>();
      const accepted: { row: (typeof rows)[number]; write: sql.ItemWrite & { id: string } }[] = [];
      const rejections: CatalogueImportReport['rejections'] = [];
      const seen = new Set<string>();
      for (const row of rows) {
        const issues = [...row.issues];
        let supplier: Supplier | null = null;
        const key = JSON.stringify(row.supplier);
        if (row.supplier.vatNumber || row.supplier.companiesHouseNumber || row.supplier.name) {
          if (!supplierCache.has(key)) {
            const byIdentifiers = await suppliers.findSupplierByIdentifiers(tx, row.supplier);
            const byName =
              byIdentifiers ??
              (row.supplier.name && !row.supplier.vatNumber && !row.supplier.companiesHouseNumber
                ? ((await suppliers.listSuppliers(tx, { search: row.supplier.name, limit: 20 })).find(
                    (candidate) => candidate.name.toLowerCase() === row.supplier.name!.toLowerCase(),
                  ) ?? null)
                : null);
            supplierCache.set(key, byName);
          }
          supplier = supplierCache.get(key) ?? null;
          if (!supplier) {
            issues.push({
              path: fileColumnOfField(
                shape,
                row.rowNumber,
                row.supplier.vatNumber
                  ? 'supplierVatNumber'
                  : row.supplier.companiesHouseNumber
                    ? 'supplierCompaniesHouseNumber'
                    : 'supplierName',
              ),
              rule: 'supplier-known',
              message: `No supplier ${row.supplier.vatNumber ?? row.supplier.companiesHouseNumber ?? row.supplier.name} is on file: add the supplier first`,
            });
          }
        }
        if (row.contract) {
          const contract = contracts.get(row.contract.reference);
          if (!contract || contract.scope !== scope) {
            issues.push({
              path: fileColumnOfField(shape, row.rowNumber, 'contractReference'),
              rule: 'contract-known',
              message: contract
                ? `${row.contract.reference} is a ${contract.scope} contract; this is a ${scope} import`
                : `No contract ${row.contract.reference}: create it before importing its prices`,
            });
          }
        }
        let write: (sql.ItemWrite & { id: string }) | null = null;
        if (row.item) {
          const checked = readCatalogueItem(row.item, (code) => accounts.has(code));
          issues.push(
            ...checked.issues.map((issue) => ({
              ...issue,
              path: fileColumnOfField(shape, row.rowNumber, issue.path),
            })),
          );
          if (supplier) {
            const duplicateKey = `${supplier.id}\u0000${checked.fields.supplierItemCode}`;
            if (seen.has(duplicateKey)) {
              issues.push({
                path: fileColumnOfField(shape, row.rowNumber, 'supplierItemCode'),
                rule: 'row-unique',
                message: `${checked.fields.supplierItemCode} from ${supplier.name} appears earlier in the file`,
              });
            }
            seen.add(duplicateKey);
            write = { id: newId('itm'), ...itemWrite(checked.fields, supplier) };
          }
        }
        if (issues.length > 0 || !write) rejections.push({ rowNumber: row.rowNumber, raw: row.raw, issues });
        else accepted.push({ row, write });
      }
      const saved = await saveItems(
        tx,
        scope,
        accepted.map((entry) => entry.write),
      );
      const pricesByContract = new Map<
        string,
        { itemId: string; validFrom: LocalDate; validTo: LocalDate; unitPricePence: bigint }[]
      >();
      for (const [index, entry] of accepted.entries()) {
        if (!entry.row.contract) continue;
        const contract = contracts.get(entry.row.contract.reference)!;
        const list = pricesByContract.get(contract.id) ?? [];
        list.push({
          itemId: saved[index]!.id,
          validFrom: contract.validFrom,
          validTo: contract.validTo,
          unitPricePence: entry.row.contract.pricePence,
        });
        pricesByContract.set(contract.id, list);
      }
      for (const [contractId, prices] of pricesByContract) {
        await sql.upsertContractPrices(
          tx,
          tx.ctx.organisationId,
          { id: contractId, scope },
          prices,
          tx.ctx.actor.id,
          tx.now,
        );
      }
      const importId = newId('cim');
      await sql.insertImport(
        tx,
        tx.ctx.organisationId,
        {
          id: importId,
          fileName: input.fileName,
          format: file.format,
          scope,
          rowsRead: rows.length,
          accepted: accepted.length,
          rejected: rejections.length,
          headers: file.headers,
          by: tx.ctx.actor.id,
          at: tx.now,
        },
        rejections,
      );
      tx.audit({
        action: 'procurement.catalogue.imported',
        entityType: 'catalogue-import',
        entityId: importId,
        after: {
          fileName: input.fileName,
          scope,
          rowsRead: rows.length,
          inserted: saved.filter((row) => row.inserted).length,
          updated: saved.filter((row) => !row.inserted).length,
          rejected: rejections.length,
          contractPrices: [...pricesByContract.values()].reduce((sum, prices) => sum + prices.length, 0),
        },
      });
      return {
        importId,
        fileName: input.fileName,
        format: file.format,
        scope,
        rowsRead: rows.length,
        accepted: accepted.length,
        rejected: rejections.length,
        headers: file.headers,
        rejections,
      };
    },

    async catalogueImport(tx: TenantTx, importId: string): Promise<CatalogueImportReport> {
      const found = await sql.selectImport(tx, importId);
      if (!found) throw procurementError('CATALOGUE_IMPORT_NOT_FOUND', `No catalogue import ${importId}`);
      return found;
    },

    /** An import's rejected rows as CSV: the row as read, then every problem. */
    async catalogueRejectionsCsv(tx: TenantTx, importId: string): Promise<string> {
      const report = await service.catalogueImport(tx, importId);
      return rejectionsCsv(report.headers, report.rejections);
    },

    async createContract(
      tx: TenantTx,
      input: {
        reference: string;
        title: string;
        kind: Contract['kind'];
        validFrom: string;
        validTo: string;
        supplierName?: string | null;
      },
    ): Promise<Contract> {
      const issues: ValidationIssue[] = [];
      const reference = input.reference.trim();
      if (!/^[A-Za-z0-9][A-Za-z0-9/._-]{1,49}$/.test(reference)) {
        issues.push({
          path: 'reference',
          rule: 'contract-reference-format',
          message: '2–50 letters, digits, / . _ or -',
        });
      }
      if (input.title.trim() === '')
        issues.push({ path: 'title', rule: 'contract-title-required', message: 'Give the contract a title' });
      if (!['national-framework', 'local-contract'].includes(input.kind)) {
        issues.push({
          path: 'kind',
          rule: 'contract-kind-known',
          message: 'national-framework or local-contract',
        });
      }
      for (const field of ['validFrom', 'validTo'] as const) {
        if (!isLocalDate(input[field]))
          issues.push({ path: field, rule: 'date-format', message: 'Use the form YYYY-MM-DD' });
      }
      if (issues.length === 0 && input.validFrom > input.validTo) {
        issues.push({
          path: 'validTo',
          rule: 'contract-dates-order',
          message: 'The contract must end on or after it starts',
        });
      }
      if (issues.length > 0) throw procurementError('CONTRACT_INVALID', issues[0]!.message, issues);
      const contract = {
        id: newId('con'),
        reference,
        title: input.title.trim(),
        kind: input.kind,
        scope: (input.kind === 'national-framework' ? 'national' : 'local') as Scope,
        supplierName: input.supplierName?.trim() || null,
        validFrom: input.validFrom as LocalDate,
        validTo: input.validTo as LocalDate,
      };
      let inserted: boolean;
      try {
        inserted = await sql.insertContract(tx, tx.ctx.organisationId, contract, tx.ctx.actor.id, tx.now);
      } catch (error) {
        throw nationalRefusal(error);
      }
      if (!inserted) throw procurementError('CONTRACT_EXISTS', `There is already a contract ${reference}`);
      tx.audit({
        action: 'procurement.contract.created',
        entityType: 'contract',
        entityId: contract.id,
        after: contract,
      });
      return requireContract(tx, contract.id);
    },

    async contracts(tx: TenantTx): Promise<Contract[]> {
      return sql.selectContracts(tx);
    },

    /** Sets contracted prices for catalogue items, over the contract's dates unless narrower ones are given. */
    async setContractPrices(
      tx: TenantTx,
      contractId: string,
      prices: readonly {
        itemId: string;
        unitPricePence: number | bigint;
        validFrom?: string | null;
        validTo?: string | null;
      }[],
    ): Promise<Contract> {
      const contract = await requireContract(tx, contractId);
      if (contract.ownerId !== tx.ctx.organisationId) {
        throw nationalRefusal({ code: '42501' });
      }
      const items = new Map(
        (
          await sql.selectOrderableItems(tx, {
            onDate: today(tx),
            ids: prices.map((p) => p.itemId),
            limit: prices.length,
          })
        ).map((item) => [item.id, item]),
      );
      const issues: ValidationIssue[] = [];
      const rows = prices.map((price, index) => {
        const item = items.get(price.itemId);
        if (!item)
          issues.push({
            path: `prices[${index}].itemId`,
            rule: 'item-known',
            message: `No catalogue item ${price.itemId}`,
          });
        else if (contract.scope === 'national' && item.scope !== 'national') {
          issues.push({
            path: `prices[${index}].itemId`,
            rule: 'national-price-national-item',
            message: 'A national framework prices national catalogue items only',
          });
        }
        const amount = BigInt(price.unitPricePence);
        if (amount < 0n)
          issues.push({
            path: `prices[${index}].unitPricePence`,
            rule: 'price-non-negative',
            message: 'A price cannot be negative',
          });
        const validFrom = price.validFrom || contract.validFrom;
        const validTo = price.validTo || contract.validTo;
        if (
          !isLocalDate(validFrom) ||
          !isLocalDate(validTo) ||
          validFrom > validTo ||
          validFrom < contract.validFrom ||
          validTo > contract.validTo
        ) {
          issues.push({
            path: `prices[${index}].validFrom`,
            rule: 'price-within-contract',
            message: `Price dates must be within the contract (${contract.validFrom} to ${contract.validTo})`,
          });
        }
        return {
          itemId: price.itemId,
          validFrom: validFrom as LocalDate,
          validTo: validTo as LocalDate,
          unitPricePence: amount,
        };
      });
      if (issues.length > 0)
        throw procurementError(
          'CONTRACT_INVALID',
          issues.length === 1 ? issues[0]!.message : `${issues.length} problems with the prices`,
          issues,
        );
      try {
        await sql.upsertContractPrices(tx, tx.ctx.organisationId, contract, rows, tx.ctx.actor.id, tx.now);
      } catch (error) {
        throw nationalRefusal(error);
      }
      tx.audit({
        action: 'procurement.contract.prices-set',
        entityType: 'contract',
        entityId: contract.id,
        after: rows.length <= 50 ? rows : { prices: rows.length },
      });
      return requireContract(tx, contract.id);
    },

    /** Who this organisation is on a PEPPOL order: its electronic address, delivery address and contact. */
    async saveOrderingProfile(tx: TenantTx, profile: OrderingProfile): Promise<OrderingProfile> {
      const issues: ValidationIssue[] = [];
      const endpoint = checkPeppolParticipant(profile.endpointScheme, profile.endpointId);
      if (!endpoint.ok) issues.push({ path: 'endpointId', rule: endpoint.rule, message: endpoint.message });
      if (profile.deliveryAddress.lines.length === 0 || profile.deliveryAddress.town.trim() === '') {
        issues.push({
          path: 'deliveryAddress',
          rule: 'delivery-address-required',
          message: 'Give the delivery address',
        });
      }
      if (profile.buyerName.trim() === '')
        issues.push({
          path: 'buyerName',
          rule: 'buyer-name-required',
          message: 'Give the organisation’s name',
        });
      if (profile.contact.name.trim() === '')
        issues.push({
          path: 'contact.name',
          rule: 'contact-name-required',
          message: 'Name a contact for suppliers',
        });
      if (issues.length > 0) throw procurementError('ORDERING_PROFILE_INVALID', issues[0]!.message, issues);
      const saved = { ...profile, endpointId: endpoint.ok ? endpoint.value : profile.endpointId };
      await sql.upsertOrderingProfile(tx, tx.ctx.organisationId, saved, tx.ctx.actor.id, tx.now);
      tx.audit({
        action: 'procurement.ordering-profile.saved',
        entityType: 'ordering-profile',
        entityId: tx.ctx.organisationId,
        after: saved,
      });
      return saved;
    },

    async orderingProfile(tx: TenantTx): Promise<OrderingProfile | null> {
      return sql.selectOrderingProfile(tx);
    },
  };
  return service;
}

export type CatalogueService = ReturnType<typeof createCatalogueService>;
