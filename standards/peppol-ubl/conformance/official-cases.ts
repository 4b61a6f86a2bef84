/**
 * The official expectations (expected/*.csv in the shared fixtures) as test cases. Test support only.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { fixturePath } from '../../../testing/fixtures';
import { extractVefaTests } from './vefa';

export const CORPORA = ['en16931-validation', 'peppol-bis-billing-3'] as const;
export type Corpus = (typeof CORPORA)[number];

type Row = Record<string, string>;

function csv(corpus: Corpus, name: string): Row[] {
  return parse(readFileSync(fixturePath(corpus, 'expected', name)), { columns: true }) as Row[];
}

export type UnitCase = {
  readonly corpus: Corpus;
  readonly file: string;
  readonly testIndex: number;
  readonly expected: 'success' | 'error' | 'warning';
  readonly rule: string;
  readonly description: string;
  readonly document: string;
};

/** The rule family an assertion id belongs to: BR-CO-15 → BR-CO, PEPPOL-EN16931-R040 → PEPPOL-EN16931, DK-R-002 → DK-R. */
export function ruleFamily(rule: string): string {
  if (/^BR-\d/.test(rule)) return 'BR (core)';
  return rule.replace(/-[A-Z]*\d+(-\d+)?$/, '');
}

export function unitCases(): UnitCase[] {
  const documents = new Map<string, string[]>();
  const documentAt = (corpus: Corpus, file: string, index: number) => {
    const key = `${corpus}/${file}`;
    let tests = documents.get(key);
    if (tests === undefined) {
      tests = extractVefaTests(readFileSync(fixturePath(corpus, file), 'utf8')).map((test) => test.document);
      documents.set(key, tests);
    }
    const document = tests[index - 1];
    if (document === undefined) throw new Error(`${key} has no test ${index}`);
    return document;
  };
  return CORPORA.flatMap((corpus) =>
    csv(corpus, 'unit-test-cases.csv')
      .filter((row) => row.syntax === 'ubl')
      .map((row) => ({
        corpus,
        file: row.file ?? '',
        testIndex: Number(row.test_index),
        expected: row.expected as UnitCase['expected'],
        rule: row.rule ?? '',
        description: row.description ?? '',
        document: documentAt(corpus, row.file ?? '', Number(row.test_index)),
      })),
  );
}

export type FullDocumentCase = {
  readonly corpus: Corpus;
  readonly file: string;
  /** Fatal rules the reference implementation raised (current rule sets). */
  readonly fatal: readonly string[];
  /** Whether only the CEN rules are compared (the CEN corpus) or CEN and PEPPOL (the PEPPOL corpus). */
  readonly cenOnly: boolean;
};

const CURRENT_RULESETS: Record<Corpus, readonly string[]> = {
  'en16931-validation': ['cen'],
  'peppol-bis-billing-3': ['cen-1.3.16', 'peppol-3.0.19'],
};

export function fullDocumentCases(): FullDocumentCase[] {
  return CORPORA.flatMap((corpus) => {
    const byFile = new Map<string, Set<string>>();
    for (const row of csv(corpus, 'full-document-results.csv')) {
      if (row.syntax !== 'ubl' || !CURRENT_RULESETS[corpus].includes(row.ruleset ?? '')) continue;
      const fatal = byFile.get(row.file ?? '') ?? new Set<string>();
      if (row.flag === 'fatal' && row.rule) fatal.add(row.rule);
      byFile.set(row.file ?? '', fatal);
    }
    return [...byFile].map(([file, fatal]) => ({
      corpus,
      file,
      fatal: [...fatal].sort(),
      cenOnly: corpus === 'en16931-validation',
    }));
  });
}

/** Rule ids of the catalogue for one UBL rule set (`cen-ubl` or `peppol-ubl`). */
export function catalogueIds(ruleset: 'cen-ubl' | 'peppol-ubl'): string[] {
  const corpus: Corpus = ruleset === 'cen-ubl' ? 'en16931-validation' : 'peppol-bis-billing-3';
  return csv(corpus, 'rule-catalogue.csv')
    .filter((row) => row.ruleset === ruleset)
    .map((row) => row.rule ?? '');
}
