import { invalid } from '../../../kernel/errors';
import { isSettingKey, SETTING_KEYS, SETTINGS, type SettingKey } from '../domain/catalogue';
import standard2026v1 from './2026.1.json';

export type StandardDocument = {
  version: string;
  title: string;
  effectiveFrom: string;
  notes: string;
  settings: Record<SettingKey, unknown>;
};

/** The standards shipped with this version of Mainstay; the Design Authority publishes later ones through the API. */
export const SHIPPED_STANDARDS: readonly StandardDocument[] = [standard2026v1 as StandardDocument];

/** A standard must give a valid value for every setting in the catalogue, and nothing else. */
export function validateStandard(document: { version: string; settings: Record<string, unknown> }): void {
  const issues = [
    ...SETTING_KEYS.filter((key) => !(key in document.settings)).map((key) => ({
      path: `settings.${key}`,
      rule: 'standard-complete',
      message: `the standard must set ${key}`,
    })),
    ...Object.entries(document.settings).flatMap(([key, value]) => {
      if (!isSettingKey(key)) {
        return [
          {
            path: `settings.${key}`,
            rule: 'setting-known',
            message: `${key} is not a setting Mainstay reads`,
          },
        ];
      }
      const parsed = SETTINGS[key].schema.safeParse(value);
      return parsed.success
        ? []
        : parsed.error.issues.map((issue) => ({
            path: `settings.${key}${issue.path.length ? `.${issue.path.join('.')}` : ''}`,
            rule: 'setting-value-valid',
            message: issue.message,
          }));
    }),
  ];
  if (issues.length > 0) {
    throw invalid(
      'STANDARD_INVALID',
      `Standard ${document.version} is not valid: ${issues.length} problem(s)`,
      issues,
    );
  }
}
