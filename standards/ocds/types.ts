import type { Pence } from '../../kernel/money';
import type { JsonObject } from './json';

/** A release as published: plain JSON. */
export type OcdsRelease = JsonObject;

/** Net and VAT-inclusive amounts in integer pence; published as pounds in `amount` / `amountGross`. */
export type OcdsAmount = { net: Pence | bigint; gross?: Pence | bigint; currency?: string };

/** UK_CA_TYPE codes Find a Tender uses for the kind of buyer. */
export type UkBuyerType =
  | 'publicAuthorityCentralGovernment'
  | 'publicAuthoritySubCentralGovernment'
  | 'publicUndertaking'
  | 'privateUtility'
  | 'other';

export type OcdsOrganisation = {
  name: string;
  /** Public Procurement Organisation Number from the Central Digital Platform, e.g. "PBCP-5168-ZDGP". */
  ppon?: string;
  companiesHouseNumber?: string;
  roles: string[];
  address?: {
    streetAddress?: string;
    locality?: string;
    region?: string;
    postalCode?: string;
    countryName?: string;
  };
  contactPoint?: { name?: string; email?: string; telephone?: string; url?: string };
  buyerType?: UkBuyerType;
  scale?: 'sme' | 'large';
  vcse?: boolean;
};

export type NoticeBase = {
  /** Open Contracting ID: the publisher's registered prefix and the process's own id. */
  ocid: string;
  releaseId: string;
  /** When this release was made, ISO 8601 date-time with zone. */
  date: string;
  buyer: OcdsOrganisation;
  /** The published notice itself. */
  notice: { id: string; title?: string; url?: string; datePublished?: string };
  language?: string;
};

export type ProcurementCategory = 'goods' | 'services' | 'works';
export type ProcurementMethod = 'open' | 'selective' | 'limited' | 'direct';

export type TenderNoticeInput = NoticeBase & {
  tender: {
    id: string;
    title: string;
    description?: string;
    status?: 'planned' | 'active';
    procurementMethod: ProcurementMethod;
    procurementMethodDetails?: string;
    mainProcurementCategory: ProcurementCategory;
    value?: OcdsAmount;
    items?: {
      id: string;
      description?: string;
      cpv?: string;
      quantity?: number;
      unit?: string;
      /** Where the goods or services go (location extension `deliveryAddresses`). */
      deliveryAddresses?: { postalCode?: string; region?: string; countryName?: string }[];
    }[];
    tenderPeriod: { endDate: string; startDate?: string };
    enquiryPeriodEndDate?: string;
    aboveThreshold?: boolean;
    /** Whether the contract suits SMEs and VCSEs (suitability extension, with the UK `vcse` field). */
    suitability?: { sme?: boolean; vcse?: boolean };
    /** A framework agreement (techniques extension). */
    frameworkAgreement?: { maximumParticipants?: number; periodRationale?: string; description?: string };
    /** Reserved participation codes, e.g. "publicServiceMissionOrganization", "smeVcse" (otherRequirements extension and UK code list). */
    reservedParticipation?: string[];
  };
};

export type ContractAwardNoticeInput = NoticeBase & {
  tender: {
    id: string;
    title?: string;
    procurementMethod?: ProcurementMethod;
    mainProcurementCategory?: ProcurementCategory;
  };
  award: {
    id: string;
    title?: string;
    description?: string;
    /** `pending` while the standstill period runs. */
    status: 'pending' | 'active';
    date: string;
    value: OcdsAmount;
    suppliers: OcdsOrganisation[];
    standstillPeriod: { startDate: string; endDate: string };
    aboveThreshold?: boolean;
  };
};

export type ContractDetailsNoticeInput = NoticeBase & {
  award: { id: string; suppliers: OcdsOrganisation[] };
  contract: {
    id: string;
    title?: string;
    description?: string;
    status: 'pending' | 'active';
    value: OcdsAmount;
    dateSigned: string;
    period: { startDate: string; endDate: string; durationInMonths?: number };
  };
};

export type PublisherInput = { name: string; scheme?: string; uid?: string; uri?: string };

export type PackageInput = {
  uri: string;
  publishedDate: string;
  publisher: PublisherInput;
  license?: string;
  publicationPolicy?: string;
  releases: OcdsRelease[];
};
