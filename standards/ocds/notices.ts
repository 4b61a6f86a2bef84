import { invalid } from '../../kernel/errors';
import { formatDecimalPounds } from '../../kernel/money';
import type { Json, JsonObject } from './json';
import type {
  ContractAwardNoticeInput,
  ContractDetailsNoticeInput,
  NoticeBase,
  OcdsAmount,
  OcdsOrganisation,
  OcdsRelease,
  TenderNoticeInput,
} from './types';

const MAX_EXACT_PENCE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * OCDS amounts are JSON numbers in pounds. The pence are written as their
 * exact two-decimal text and read as a JSON parser would read that text, so
 * the published number is exactly the decimal we hold.
 */
export function ocdsAmountNumber(pence: bigint, path = 'amount'): number {
  if (pence > MAX_EXACT_PENCE || pence < -MAX_EXACT_PENCE) {
    throw invalid('ocds.amount-too-large', `${path}: ${pence} pence is too large to publish exactly`, [
      { path, rule: 'exact-json-number', message: 'amount beyond the exact range of a JSON number' },
    ]);
  }
  return Number(formatDecimalPounds(pence));
}

function value(amount: OcdsAmount, path: string): JsonObject {
  return {
    amount: ocdsAmountNumber(amount.net, `${path}.net`),
    ...(amount.gross === undefined ? {} : { amountGross: ocdsAmountNumber(amount.gross, `${path}.gross`) }),
    currency: amount.currency ?? 'GBP',
  };
}

/** Drops undefined fields so the JSON carries only what we know. */
function compact(fields: Record<string, Json | undefined>): JsonObject {
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, Json] => entry[1] !== undefined),
  );
}

/** The organisation's identifier: its PPON where it has one, otherwise its Companies House number. */
export function partyId(organisation: OcdsOrganisation, path = 'organisation'): string {
  if (organisation.ppon) return `GB-PPON-${organisation.ppon}`;
  if (organisation.companiesHouseNumber) return `GB-COH-${organisation.companiesHouseNumber}`;
  throw invalid(
    'ocds.party-identifier-missing',
    `${path}: "${organisation.name}" needs a PPON or a Companies House number`,
    [
      {
        path,
        rule: 'party-identifier',
        message: 'an organisation in a notice needs a PPON or a Companies House number',
      },
    ],
  );
}

function party(organisation: OcdsOrganisation, path: string): JsonObject {
  const identifier = organisation.ppon
    ? { scheme: 'GB-PPON', id: organisation.ppon, legalName: organisation.name }
    : { scheme: 'GB-COH', id: organisation.companiesHouseNumber ?? '', legalName: organisation.name };
  const additional =
    organisation.ppon && organisation.companiesHouseNumber
      ? [{ scheme: 'GB-COH', id: organisation.companiesHouseNumber, legalName: organisation.name }]
      : undefined;
  const details = compact({
    classifications: organisation.buyerType
      ? [{ scheme: 'UK_CA_TYPE', id: organisation.buyerType }]
      : undefined,
    scale: organisation.scale,
    vcse: organisation.vcse,
  });
  return compact({
    id: partyId(organisation, path),
    name: organisation.name,
    identifier,
    additionalIdentifiers: additional,
    address: organisation.address && compact(organisation.address),
    contactPoint: organisation.contactPoint && compact(organisation.contactPoint),
    roles: organisation.roles,
    details: Object.keys(details).length > 0 ? details : undefined,
  });
}

const reference = (organisation: OcdsOrganisation, path: string): JsonObject => ({
  id: partyId(organisation, path),
  name: organisation.name,
});

/** Parties merged by id, so an organisation in two roles appears once with both. */
function parties(entries: [OcdsOrganisation, string][]): JsonObject[] {
  const byId = new Map<string, JsonObject>();
  for (const [organisation, path] of entries) {
    const next = party(organisation, path);
    const id = String(next.id);
    const existing = byId.get(id);
    if (!existing) byId.set(id, next);
    else {
      const roles = [...new Set([...(existing.roles as string[]), ...organisation.roles])];
      byId.set(id, { ...existing, roles });
    }
  }
  return [...byId.values()];
}

function noticeDocument(base: NoticeBase, documentType: string, noticeType: string): JsonObject {
  return compact({
    id: base.notice.id,
    documentType,
    noticeType,
    title: base.notice.title,
    url: base.notice.url,
    datePublished: base.notice.datePublished ?? base.date,
    format: base.notice.url ? 'text/html' : undefined,
  });
}

function releaseShell(base: NoticeBase, tag: string, extraParties: [OcdsOrganisation, string][]): JsonObject {
  return {
    ocid: base.ocid,
    id: base.releaseId,
    date: base.date,
    tag: [tag],
    initiationType: 'tender',
    language: base.language ?? 'en',
    parties: parties([
      [{ ...base.buyer, roles: [...new Set(['buyer', ...base.buyer.roles])] }, 'buyer'],
      ...extraParties,
    ]),
    buyer: reference(base.buyer, 'buyer'),
  };
}

/** A UK4 tender notice: the release that opens a competitive procurement. */
export function tenderNotice(input: TenderNoticeInput): OcdsRelease {
  const tender = input.tender;
  return {
    ...releaseShell(input, 'tender', []),
    tender: compact({
      id: tender.id,
      title: tender.title,
      description: tender.description,
      status: tender.status ?? 'active',
      procurementMethod: tender.procurementMethod,
      procurementMethodDetails: tender.procurementMethodDetails,
      mainProcurementCategory: tender.mainProcurementCategory,
      value: tender.value && value(tender.value, 'tender.value'),
      items: tender.items?.map((item) =>
        compact({
          id: item.id,
          description: item.description,
          classification: item.cpv ? { scheme: 'CPV', id: item.cpv } : undefined,
          quantity: item.quantity,
          unit: item.unit ? { name: item.unit } : undefined,
          deliveryAddresses: item.deliveryAddresses?.map((address) => compact(address)),
        }),
      ),
      tenderPeriod: compact({
        startDate: tender.tenderPeriod.startDate,
        endDate: tender.tenderPeriod.endDate,
      }),
      enquiryPeriod: tender.enquiryPeriodEndDate ? { endDate: tender.enquiryPeriodEndDate } : undefined,
      aboveThreshold: tender.aboveThreshold,
      suitability: tender.suitability && compact(tender.suitability),
      techniques: tender.frameworkAgreement && {
        hasFrameworkAgreement: true,
        frameworkAgreement: compact(tender.frameworkAgreement),
      },
      otherRequirements: tender.reservedParticipation && {
        reservedParticipation: tender.reservedParticipation,
      },
      documents: [noticeDocument(input, 'tenderNotice', 'UK4')],
    }),
  };
}

/** A UK6 contract award notice: the award decision, published before the standstill period ends. */
export function contractAwardNotice(input: ContractAwardNoticeInput): OcdsRelease {
  const { award, tender } = input;
  const suppliers = award.suppliers.map((supplier, index): [OcdsOrganisation, string] => [
    { ...supplier, roles: [...new Set(['supplier', ...supplier.roles])] },
    `award.suppliers[${index}]`,
  ]);
  return {
    ...releaseShell(input, 'award', suppliers),
    tender: compact({
      id: tender.id,
      title: tender.title,
      procurementMethod: tender.procurementMethod,
      mainProcurementCategory: tender.mainProcurementCategory,
    }),
    awards: [
      compact({
        id: award.id,
        title: award.title,
        description: award.description,
        status: award.status,
        date: award.date,
        value: value(award.value, 'award.value'),
        suppliers: award.suppliers.map((supplier, index) => reference(supplier, `award.suppliers[${index}]`)),
        standstillPeriod: {
          startDate: award.standstillPeriod.startDate,
          endDate: award.standstillPeriod.endDate,
        },
        aboveThreshold: award.aboveThreshold,
        documents: [noticeDocument(input, 'awardNotice', 'UK6')],
      }),
    ],
  };
}

/** A UK7 contract details notice: the contract as signed. */
export function contractDetailsNotice(input: ContractDetailsNoticeInput): OcdsRelease {
  const { award, contract } = input;
  const suppliers = award.suppliers.map((supplier, index): [OcdsOrganisation, string] => [
    { ...supplier, roles: [...new Set(['supplier', ...supplier.roles])] },
    `award.suppliers[${index}]`,
  ]);
  return {
    ...releaseShell(input, 'contract', suppliers),
    awards: [
      {
        id: award.id,
        suppliers: award.suppliers.map((supplier, index) => reference(supplier, `award.suppliers[${index}]`)),
      },
    ],
    contracts: [
      compact({
        id: contract.id,
        awardID: award.id,
        title: contract.title,
        description: contract.description,
        status: contract.status,
        value: value(contract.value, 'contract.value'),
        dateSigned: contract.dateSigned,
        period: compact({
          startDate: contract.period.startDate,
          endDate: contract.period.endDate,
          durationInMonths: contract.period.durationInMonths,
        }),
        documents: [noticeDocument(input, 'contractNotice', 'UK7')],
      }),
    ],
  };
}
