import { describe, expect, it } from 'vitest';
import { misspellingCorrections } from './misspellings';

describe('misspellingCorrections', () => {
  const counts = new Map([
    ['syringe', 500],
    ['syrnge', 1],
    ['catheter', 200],
    ['cahteter', 2],
    ['needle', 300],
    ['noodle', 1],
    ['luer', 400],
    ['lure', 1],
    ['plastipak', 80],
    ['plastipax', 60],
  ]);
  const corrections = misspellingCorrections(counts);

  it('corrects a rare word one edit from a common one', () => {
    expect(corrections.get('syrnge')).toBe('syringe');
    expect(corrections.get('cahteter')).toBe('catheter');
  });

  it('leaves alone short words, words two edits away, and words common in their own right', () => {
    expect(corrections.has('lure')).toBe(false);
    expect(corrections.has('noodle')).toBe(false);
    expect(corrections.has('plastipax')).toBe(false);
  });
});
