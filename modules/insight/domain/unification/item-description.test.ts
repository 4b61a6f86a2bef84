import { describe, expect, it } from 'vitest';
import { readDescription, rewriteWords } from './item-description';
import { supplyVocabulary } from './supply-vocabulary';

function parse(text: string) {
  const read = readDescription(text, supplyVocabulary.keepPlural);
  return {
    words: rewriteWords(read.rawWords, supplyVocabulary),
    measurements: read.measurements,
    packQuantity: read.packQuantity,
  };
}

describe('reading a catalogue description', () => {
  it.each([
    {
      text: 'SYR 5ML LL PLASTIPAK BX100',
      words: ['syringe', 'luerlock', 'plastipak'],
      measurements: ['vol:5'],
      pack: 100,
    },
    {
      text: 'BD Plastipak Syringe Luer-Lock 5 ml (Box of 100)',
      words: ['bd', 'plastipak', 'syringe', 'luerlock'],
      measurements: ['vol:5'],
      pack: 100,
    },
    {
      text: 'foam drsg non-adh 10cm x 10cm',
      words: ['foam', 'dressing', 'nonadhesive'],
      measurements: ['dim:100x100'],
    },
    { text: '10x20cm foam dressing', words: ['foam', 'dressing'], measurements: ['dim:100x200'] },
    { text: 'HYPO NEEDLE 21G 25MM', words: ['hypodermic', 'needle'], measurements: ['gauge:21', 'len:25'] },
    {
      text: 'foley cath Ch14 silicone',
      words: ['foley', 'catheter', 'silicone'],
      measurements: ['french:14'],
    },
    { text: 'sharps bin 2.5 litre', words: ['sharps', 'container'], measurements: ['vol:2500'] },
    {
      text: 'apron polythene flat pack 80 cm',
      words: ['apron', 'polythene', 'flatpack'],
      measurements: ['len:800'],
    },
    { text: 'suture absorb 3/0 70cm', words: ['suture', 'absorbable'], measurements: ['len:700', 'usp:3-0'] },
    {
      text: 'gauze swabs 8 ply n/s 7.5x7.5cm',
      words: ['gauze', 'swab', 'nonsterile'],
      measurements: ['dim:75x75', 'ply:8'],
    },
    {
      text: 'glove exam nitrile pf extra small',
      words: ['glove', 'examination', 'nitrile', 'powderfree', 'xs'],
      measurements: [],
    },
    { text: 'incontinence pad, extra, S', words: ['incontinence', 'pad', 'extra', 's'], measurements: [] },
  ])('reads "$text"', ({ text, words, measurements, pack }) => {
    const parsed = parse(text);
    expect(parsed.words).toEqual(words);
    expect(parsed.measurements).toEqual(measurements);
    expect(parsed.packQuantity).toBe(pack);
  });

  it('tells 5 ml from 10 ml and gives 5 ml the same reading however it is written', () => {
    const fives = ['5ml', '5 ml', '5mls', '5.0ml', '5 ML'].map(
      (size) => parse(`syringe ${size}`).measurements,
    );
    expect(new Set(fives.map(String))).toEqual(new Set(['vol:5']));
    expect(parse('syringe 10ml').measurements).toEqual(['vol:10']);
  });

  it('applies corrections learnt from the catalogue before anything else', () => {
    const read = readDescription('SYRNGE LL 5ML', supplyVocabulary.keepPlural);
    expect(rewriteWords(read.rawWords, supplyVocabulary, new Map([['syrnge', 'syringe']]))).toEqual([
      'syringe',
      'luerlock',
    ]);
  });
});
