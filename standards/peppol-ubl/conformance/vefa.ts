/**
 * Reads the official unit-test files (VEFA validator test sets): each `<test>` holds an
 * `<assert>` with expected outcomes and one invoice fragment after it. Test support only.
 */
export type Expectation = { readonly kind: 'success' | 'error' | 'warning'; readonly rule: string };
export type VefaTest = { readonly expectations: readonly Expectation[]; readonly document: string };

export function extractVefaTests(text: string): VefaTest[] {
  const tests: VefaTest[] = [];
  for (const match of text.matchAll(/<test(?:\s[^>]*)?>([\s\S]*?)<\/test>/g)) {
    const body = match[1] ?? '';
    const assertion = /<assert>([\s\S]*?)<\/assert>/.exec(body);
    if (assertion === null) continue;
    const expectations = [
      ...(assertion[1] ?? '').matchAll(/<(success|error|warning)>\s*([^<\s]+)\s*<\/\1>/g),
    ].map((expected) => ({ kind: expected[1] as Expectation['kind'], rule: expected[2] ?? '' }));
    const document = `<?xml version="1.0" encoding="UTF-8"?>\n${body.slice(assertion.index + assertion[0].length).trim()}\n`;
    tests.push({ expectations, document });
  }
  return tests;
}
