import type { LocalDate } from '../../../kernel/time';
import type { SettingKey } from './catalogue';

export const REASON_CATEGORIES = [
  'legal-requirement',
  'clinical-safety',
  'local-service-model',
  'transitional',
  'local-choice',
  'legacy-practice',
] as const;

export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

export const REASON_CATEGORY_LABELS: Record<ReasonCategory, string> = {
  'legal-requirement': 'A legal or regulatory requirement',
  'clinical-safety': 'Clinical safety',
  'local-service-model': 'A local service model the standard does not fit',
  transitional: 'Transitional, while the organisation moves to the standard',
  'local-choice': 'A choice the standard leaves to each organisation',
  'legacy-practice': 'Legacy practice ("we have always done it this way")',
};

export type VariationStatus = 'proposed' | 'approved' | 'rejected' | 'withdrawn';

export type Variation = {
  organisationId: string;
  id: string;
  settingKey: SettingKey;
  value: unknown;
  reasonCategory: ReasonCategory;
  reason: string;
  status: VariationStatus;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  reviewBy: LocalDate | null;
};

/** Why a variation in force is not (or no longer) justified; empty when it is. */
export function justificationConcerns(variation: Variation, today: LocalDate): string[] {
  const concerns: string[] = [];
  if (variation.reasonCategory === 'legacy-practice') {
    concerns.push('The reason is legacy practice, not a need the standard cannot meet');
  }
  if (variation.reason.trim().length < 20) concerns.push('The reason given is too brief to assess');
  if (variation.decidedBy === variation.requestedBy)
    concerns.push('It was approved by the person who asked for it');
  if (variation.reasonCategory === 'transitional' && !variation.reviewBy) {
    concerns.push('A transitional variation has no date by which to return to the standard');
  }
  if (variation.reviewBy && variation.reviewBy < today)
    concerns.push(`Its review date (${variation.reviewBy}) has passed`);
  return concerns;
}
