import document from '../reference-data/categories-2026.1.json';

export type Category = { code: string; name: string; accountCode: string };

export const CATEGORIES: { version: string; categories: readonly Category[] } = document;

const byCode = new Map(CATEGORIES.categories.map((category) => [category.code, category]));

export function categoryOf(code: string): Category | undefined {
  return byCode.get(code.trim().toUpperCase());
}
