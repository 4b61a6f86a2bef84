import { describe, expect, it } from 'vitest';
import { type DomainError, isDomainError } from '../../kernel/errors';
import { pence } from '../../kernel/money';
import {
  contractAwardNotice,
  contractDetailsNotice,
  ocdsAmountNumber,
  partyId,
  tenderNotice,
} from './notices';
import { buildRecordPackage, buildReleasePackage } from './packages';
import { UK_EXTENSIONS } from './schemas';
import type { NoticeBase, OcdsOrganisation, PackageInput } from './types';
import { validateRecordPackage, validateReleasePackage } from './validate';

const buyer: OcdsOrganisation = {
  name: 'Norfolk and Norwich University Hospitals NHS Foundation Trust',
  ppon: 'PBCP-5168-ZDGP',
  roles: [],
  buyerType: 'publicAuthoritySubCentralGovernment',
  address: {
    streetAddress: 'Colney Lane',
    locality: 'Norwich',
    postalCode: 'NR4 7UY',
    countryName: 'United Kingdom',
  },
  contactPoint: { name: 'Procurement', email: 'procurement@example.nhs.uk' },
};
const supplier: OcdsOrganisation = {
  name: 'Acme Medical Ltd',
  companiesHouseNumber: '01234567',
  roles: [],
  scale: 'sme',
};
const ocid = 'ocds-mainst-NNUH-2026-0042';

const base = (releaseId: string, date: string, noticeId: string): NoticeBase => ({
  ocid,
  releaseId,
  date,
  buyer,
  notice: {
    id: noticeId,
    title: 'Notice',
    url: `https://example.nhs.uk/notices/${noticeId}`,
    datePublished: date,
  },
});

const tender = tenderNotice({
  ...base(`${ocid}-tender-1`, '2026-09-01T09:00:00Z', 'UK4-0042'),
  tender: {
    id: 'NNUH-2026-0042',
    title: 'Infusion pumps and consumables',
    procurementMethod: 'open',
    mainProcurementCategory: 'goods',
    value: { net: pence(50_000_000n), gross: pence(60_000_000n) },
    items: [
      { id: '1', description: 'Volumetric infusion pump', cpv: '33194110', quantity: 120, unit: 'each' },
    ],
    tenderPeriod: { endDate: '2026-10-01T12:00:00Z' },
    aboveThreshold: true,
  },
});
const award = contractAwardNotice({
  ...base(`${ocid}-award-1`, '2026-10-20T09:00:00Z', 'UK6-0042'),
  tender: { id: 'NNUH-2026-0042' },
  award: {
    id: 'NNUH-2026-0042-A1',
    status: 'pending',
    date: '2026-10-20T09:00:00Z',
    value: { net: pence(41_250_050n), gross: pence(49_500_060n) },
    suppliers: [supplier],
    standstillPeriod: { startDate: '2026-10-20T09:00:00Z', endDate: '2026-10-28T23:59:59Z' },
    aboveThreshold: true,
  },
});
const contract = contractDetailsNotice({
  ...base(`${ocid}-contract-1`, '2026-11-02T09:00:00Z', 'UK7-0042'),
  award: { id: 'NNUH-2026-0042-A1', suppliers: [supplier] },
  contract: {
    id: 'NNUH-2026-0042-C1',
    status: 'active',
    value: { net: pence(41_250_050n), gross: pence(49_500_060n) },
    dateSigned: '2026-10-30T15:00:00Z',
    period: { startDate: '2026-11-01T00:00:00Z', endDate: '2029-10-31T23:59:59Z', durationInMonths: 36 },
  },
});

const packageInput = (releases = [tender, award, contract]): PackageInput => ({
  uri: `https://example.nhs.uk/ocds/${ocid}.json`,
  publishedDate: '2026-11-02T10:00:00Z',
  publisher: {
    name: 'Norfolk and Norwich University Hospitals NHS Foundation Trust',
    scheme: 'GB-PPON',
    uid: 'PBCP-5168-ZDGP',
  },
  license: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  releases,
});

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('Procurement Act notices as OCDS releases', () => {
  it('shapes a contract award as a UK6 release', () => {
    expect(award).toMatchObject({
      ocid,
      tag: ['award'],
      buyer: { id: 'GB-PPON-PBCP-5168-ZDGP' },
      awards: [
        {
          status: 'pending',
          standstillPeriod: { startDate: '2026-10-20T09:00:00Z', endDate: '2026-10-28T23:59:59Z' },
          value: { amount: 412500.5, amountGross: 495000.6, currency: 'GBP' },
          suppliers: [{ id: 'GB-COH-01234567', name: 'Acme Medical Ltd' }],
          documents: [{ documentType: 'awardNotice', noticeType: 'UK6' }],
        },
      ],
    });
    const parties = award.parties as { id: string; roles: string[]; identifier: { scheme: string } }[];
    expect(parties.find((entry) => entry.roles.includes('buyer'))?.identifier.scheme).toBe('GB-PPON');
    expect(parties.find((entry) => entry.roles.includes('supplier'))?.id).toBe('GB-COH-01234567');
    expect(JSON.stringify(award)).toContain('"amount":412500.5,"amountGross":495000.6');
  });

  it('labels tender and contract details notices UK4 and UK7', () => {
    expect(tender).toMatchObject({
      tag: ['tender'],
      tender: { documents: [{ documentType: 'tenderNotice', noticeType: 'UK4' }] },
    });
    expect(contract).toMatchObject({
      tag: ['contract'],
      contracts: [{ awardID: 'NNUH-2026-0042-A1', documents: [{ noticeType: 'UK7' }] }],
    });
  });

  it('writes a release package that validates against OCDS 1.1.5 and the UK extension, formats included', () => {
    const document = buildReleasePackage(packageInput());
    expect(document.extensions).toEqual([...UK_EXTENSIONS]);
    for (const profile of ['core', 'uk'] as const) {
      expect(validateReleasePackage(document, { profile, checkFormats: true }).errors).toEqual([]);
    }
  });

  it('writes a record package whose compiled release holds the whole process', () => {
    const document = buildRecordPackage(packageInput([award, contract, tender]));
    expect(validateRecordPackage(document, { profile: 'uk', checkFormats: true }).errors).toEqual([]);
    const [record] = document.records as {
      ocid: string;
      releases: unknown[];
      compiledRelease: Record<string, unknown>;
    }[];
    expect(record?.releases).toHaveLength(3);
    expect(record?.compiledRelease).toMatchObject({
      tag: ['compiled'],
      id: `${ocid}-2026-11-02T09:00:00Z`,
      tender: { title: 'Infusion pumps and consumables', documents: [{ noticeType: 'UK4' }] },
      awards: [{ id: 'NNUH-2026-0042-A1', standstillPeriod: { endDate: '2026-10-28T23:59:59Z' } }],
      contracts: [{ id: 'NNUH-2026-0042-C1' }],
    });
  });

  it('is deterministic: the same input gives the same JSON', () => {
    expect(JSON.stringify(buildReleasePackage(packageInput()))).toBe(
      JSON.stringify(buildReleasePackage(packageInput())),
    );
  });

  it('checks the extension fields by their extension schemas in the UK profile', () => {
    const tenderBody = tender.tender as Record<string, unknown>;
    const broken = {
      ...tender,
      tender: { ...tenderBody, suitability: { sme: 'yes' }, techniques: { hasFrameworkAgreement: 'true' } },
    };
    const document = { ...buildReleasePackage(packageInput([tender])), releases: [broken] };
    expect(validateReleasePackage(document).valid).toBe(true);
    expect(
      validateReleasePackage(document, { profile: 'uk' })
        .errors.map((error) => error.path)
        .sort(),
    ).toEqual(['releases/0/tender/suitability/sme', 'releases/0/tender/techniques/hasFrameworkAgreement']);
  });

  it('catches a malformed UK field that the core schema lets through', () => {
    const broken = {
      ...award,
      awards: [{ id: 'a', standstillPeriod: '10 days', documents: [{ id: 'd', noticeType: 6 }] }],
    };
    const document = { ...buildReleasePackage(packageInput([tender])), releases: [broken] };
    expect(validateReleasePackage(document).valid).toBe(true);
    const uk = validateReleasePackage(document, { profile: 'uk' });
    expect(uk.errors.map((error) => error.path).sort()).toEqual([
      'releases/0/awards/0/documents/0/noticeType',
      'releases/0/awards/0/standstillPeriod',
    ]);
  });

  it('refuses to build a package that does not conform, naming the JSON path', () => {
    const error = refusal(() => buildReleasePackage(packageInput([{ ...award, date: 'next Tuesday' }])));
    expect(error.code).toBe('ocds.invalid-package');
    expect(error.issues).toContainEqual(
      expect.objectContaining({ path: 'releases/0/date', rule: 'ocds-schema-format' }),
    );
  });

  it('publishes amounts exactly and refuses ones a JSON number cannot hold', () => {
    expect(ocdsAmountNumber(12_345_678_901n)).toBe(123456789.01);
    expect(JSON.stringify(ocdsAmountNumber(10n))).toBe('0.1');
    expect(ocdsAmountNumber(-5n)).toBe(-0.05);
    expect(() => ocdsAmountNumber(2n ** 60n)).toThrow(/too large/);
  });

  it('needs a PPON or Companies House number for every organisation', () => {
    expect(partyId({ name: 'X', roles: [], ppon: 'ABCD-1234-EFGH' })).toBe('GB-PPON-ABCD-1234-EFGH');
    expect(
      refusal(() => partyId({ name: 'Sole trader', roles: [] }, 'award.suppliers[0]')).issues[0],
    ).toMatchObject({
      path: 'award.suppliers[0]',
      rule: 'party-identifier',
    });
  });
});
