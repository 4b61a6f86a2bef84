/**
 * What the synthetic catalogue is made of: NHS consumable categories, the
 * attributes that tell their products apart, sizes, pack quantities and
 * prices, and the ways organisations write each word. Used only to generate
 * test and benchmark catalogues, never by the matcher.
 */

/** A word or phrase and the spellings organisations use for it (the first is the plain one). */
export type Spelling = readonly string[];

export type SizeSpec =
  | { kind: 'volume'; millilitres: number }
  | { kind: 'length'; millimetres: number }
  | { kind: 'area'; widthMm: number; heightMm: number }
  | { kind: 'gauge'; gauge: number }
  | { kind: 'french'; french: number }
  | { kind: 'letter'; letter: 'XS' | 'S' | 'M' | 'L' | 'XL' }
  | { kind: 'glove'; size: number }
  | { kind: 'suture'; usp: number };

export type ProductCategory = {
  noun: Spelling;
  /** Words some organisations add that do not change the product. */
  filler: readonly Spelling[];
  /** Attribute slots: every product picks one option per slot; different options are different products. */
  attributes: readonly (readonly Spelling[])[];
  sizes: readonly SizeSpec[];
  boxQuantities: readonly number[];
  /** Price of one unit in pence, lowest and highest. */
  unitPence: readonly [number, number];
};

const volumes = (...millilitres: number[]): SizeSpec[] =>
  millilitres.map((value) => ({ kind: 'volume', millilitres: value }));
const lengths = (...millimetres: number[]): SizeSpec[] =>
  millimetres.map((value) => ({ kind: 'length', millimetres: value }));
const areas = (...pairs: [number, number][]): SizeSpec[] =>
  pairs.map(([widthMm, heightMm]) => ({ kind: 'area', widthMm, heightMm }));
const gauges = (...values: number[]): SizeSpec[] => values.map((gauge) => ({ kind: 'gauge', gauge }));
const frenches = (...values: number[]): SizeSpec[] => values.map((french) => ({ kind: 'french', french }));
const letters: SizeSpec[] = (['XS', 'S', 'M', 'L', 'XL'] as const).map((letter) => ({
  kind: 'letter',
  letter,
}));

const sterile: Spelling[] = [
  ['sterile', 'ster', 'st'],
  ['non-sterile', 'non sterile', 'n/s', 'nonsterile'],
];

export const productCategories: readonly ProductCategory[] = [
  {
    noun: ['syringe', 'syr', 'syringes'],
    filler: [
      ['hypodermic', 'hypo'],
      ['single use', 'single-use'],
    ],
    attributes: [
      [
        ['luer lock', 'luer-lock', 'll', 'luerlock'],
        ['luer slip', 'luer-slip', 'ls', 'luerslip'],
        ['eccentric tip', 'eccentric', 'ecc tip'],
        ['catheter tip', 'cath tip'],
      ],
    ],
    sizes: volumes(1, 2, 3, 5, 10, 20, 30, 50, 60),
    boxQuantities: [50, 100, 120],
    unitPence: [4, 60],
  },
  {
    noun: ['hypodermic needle', 'hypo needle', 'needle hypodermic', 'ndl hypo'],
    filler: [['single use']],
    attributes: [
      [
        ['standard bevel', 'std bevel'],
        ['safety', 'safety engineered'],
        ['blunt fill', 'blunt'],
      ],
    ],
    sizes: gauges(18, 19, 21, 23, 25, 27, 30),
    boxQuantities: [100],
    unitPence: [2, 25],
  },
  {
    noun: ['examination glove', 'exam glove', 'examination gloves', 'glv exam'],
    filler: [['ambidextrous', 'ambi']],
    attributes: [
      [['nitrile', 'nitr'], ['latex', 'ltx'], ['vinyl', 'vin'], ['neoprene']],
      [
        ['powder free', 'powder-free', 'pf', 'p/f'],
        ['powdered', 'pwd'],
      ],
    ],
    sizes: letters,
    boxQuantities: [100, 150, 200, 250],
    unitPence: [2, 12],
  },
  {
    noun: ['surgical glove', 'surgeons glove', 'glove surgical', 'surg glove'],
    filler: [['sterile', 'ster']],
    attributes: [
      [['latex', 'ltx'], ['polyisoprene', 'pi'], ['neoprene'], ['synthetic']],
      [
        ['powder free', 'pf'],
        ['underglove', 'under glove'],
      ],
    ],
    sizes: [5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9].map((size) => ({ kind: 'glove', size })),
    boxQuantities: [40, 50],
    unitPence: [35, 180],
  },
  {
    noun: ['iv cannula', 'i.v. cannula', 'cannula iv', 'cann iv'],
    filler: [['peripheral']],
    attributes: [
      [
        ['ported', 'with port'],
        ['non-ported', 'non ported', 'nonported'],
        ['safety', 'safety shielded'],
      ],
      [['winged'], ['straight']],
    ],
    sizes: gauges(14, 16, 17, 18, 20, 22, 24, 26),
    boxQuantities: [50, 100],
    unitPence: [40, 300],
  },
  {
    noun: ['foley catheter', 'catheter foley', 'foley cath', 'cath foley'],
    filler: [['2 way', 'two way', '2-way']],
    attributes: [
      [
        ['silicone', 'sil'],
        ['latex', 'ltx'],
        ['hydrogel coated', 'hydrogel'],
        ['ptfe coated', 'ptfe'],
      ],
      [['male', 'standard length', 'std length'], ['female'], ['paediatric', 'paed', 'pediatric']],
    ],
    sizes: frenches(10, 12, 14, 16, 18, 20, 22),
    boxQuantities: [1, 5, 10],
    unitPence: [90, 1400],
  },
  {
    noun: ['foam dressing', 'dressing foam', 'drsg foam', 'foam drsg'],
    filler: [['wound'], ['sterile', 'ster']],
    attributes: [
      [
        ['adhesive', 'adh'],
        ['non-adhesive', 'non adhesive', 'non-adh'],
        ['bordered', 'border'],
      ],
      [
        ['silicone', 'sil'],
        ['polyurethane', 'pu'],
      ],
    ],
    sizes: areas([50, 50], [75, 75], [100, 100], [100, 200], [125, 125], [150, 150], [150, 200], [200, 200]),
    boxQuantities: [5, 10, 20],
    unitPence: [45, 900],
  },
  {
    noun: ['hydrocolloid dressing', 'dressing hydrocolloid', 'drsg hydrocolloid', 'hydrocoll drsg'],
    filler: [['wound'], ['sterile']],
    attributes: [
      [
        ['thin', 'extra thin'],
        ['standard', 'std'],
        ['bordered', 'border'],
      ],
    ],
    sizes: areas([50, 100], [100, 100], [150, 150], [200, 200]),
    boxQuantities: [5, 10],
    unitPence: [60, 700],
  },
  {
    noun: ['gauze swab', 'swab gauze', 'gauze swabs', 'swabs gauze'],
    filler: [['cotton'], ['absorbent', 'abs']],
    attributes: [
      [
        ['4 ply', '4ply'],
        ['8 ply', '8ply'],
        ['12 ply', '12ply'],
        ['16 ply', '16ply'],
      ],
      sterile,
    ],
    sizes: areas([50, 50], [75, 75], [100, 100]),
    boxQuantities: [100, 200, 500],
    unitPence: [1, 8],
  },
  {
    noun: ['crepe bandage', 'bandage crepe', 'bdg crepe', 'crepe bdg'],
    filler: [['conforming']],
    attributes: [
      [['white'], ['skin tone', 'skin-tone', 'flesh']],
      [
        ['light support', 'light'],
        ['heavy support', 'heavy'],
      ],
    ],
    sizes: lengths(50, 75, 100, 150),
    boxQuantities: [10, 12, 20],
    unitPence: [20, 160],
  },
  {
    noun: ['surgical face mask', 'face mask surgical', 'mask surgical', 'surg mask'],
    filler: [['disposable', 'disp']],
    attributes: [
      [['type iir', 'type 2r', 'iir'], ['type ii', 'type 2'], ['ffp2'], ['ffp3']],
      [
        ['ear loop', 'earloop', 'ear loops'],
        ['tie on', 'ties', 'tie-on'],
      ],
      [['blue'], ['white'], ['green'], ['black']],
    ],
    sizes: [
      { kind: 'letter', letter: 'M' },
      { kind: 'letter', letter: 'L' },
    ],
    boxQuantities: [20, 50],
    unitPence: [5, 180],
  },
  {
    noun: ['polythene apron', 'apron polythene', 'polythene aprons', 'apron poly'],
    filler: [['disposable', 'disp']],
    attributes: [
      [['white'], ['blue'], ['green'], ['yellow'], ['red'], ['purple']],
      [
        ['on a roll', 'roll'],
        ['flat pack', 'flat packed', 'flat'],
      ],
    ],
    sizes: lengths(700, 800, 1050, 1200),
    boxQuantities: [100, 200],
    unitPence: [1, 6],
  },
  {
    noun: ['sharps container', 'sharps bin', 'container sharps', 'sharps box'],
    filler: [['un3291']],
    attributes: [
      [['yellow lid'], ['orange lid'], ['purple lid'], ['blue lid']],
      [
        ['standard', 'std'],
        ['spine', 'spine container'],
      ],
    ],
    sizes: volumes(600, 1000, 2500, 5000, 7000, 11500, 22000, 30000),
    boxQuantities: [1, 20, 50],
    unitPence: [45, 700],
  },
  {
    noun: ['specimen container', 'container specimen', 'specimen pot', 'universal container'],
    filler: [['polypropylene', 'pp']],
    attributes: [
      sterile,
      [
        ['with label', 'labelled'],
        ['without label', 'unlabelled'],
      ],
      [
        ['screw cap', 'screwcap'],
        ['push cap', 'snap cap'],
      ],
    ],
    sizes: volumes(30, 60, 100, 150, 250),
    boxQuantities: [100, 400, 500],
    unitPence: [3, 40],
  },
  {
    noun: ['blood collection tube', 'vacuum blood tube', 'blood tube', 'vacutainer tube'],
    filler: [['plastic']],
    attributes: [
      [
        ['edta'],
        ['sst', 'serum separator'],
        ['citrate', 'sodium citrate'],
        ['heparin', 'lithium heparin'],
        ['fluoride oxalate', 'fl ox'],
      ],
    ],
    sizes: volumes(2, 3, 4, 5, 6, 9, 10),
    boxQuantities: [100, 1000],
    unitPence: [5, 45],
  },
  {
    noun: ['alcohol wipe', 'wipe alcohol', 'isopropyl wipe', 'alcohol swab'],
    filler: [['70% ipa', '70% isopropyl alcohol']],
    attributes: [
      [
        ['individually wrapped', 'ind wrapped'],
        ['canister', 'tub'],
      ],
      [
        ['small', 'sml'],
        ['large', 'lge', 'lrg'],
      ],
    ],
    sizes: areas([30, 30], [60, 30], [65, 30], [100, 100]),
    boxQuantities: [100, 200],
    unitPence: [1, 6],
  },
  {
    noun: ['absorbable suture', 'suture absorbable', 'suture absorb', 'sutures absorbable'],
    filler: [['braided']],
    attributes: [
      [
        ['polyglactin 910', 'polyglactin'],
        ['polydioxanone', 'pds'],
        ['poliglecaprone', 'monocryl type'],
      ],
      [
        ['reverse cutting needle', 'rev cutting', 'reverse cutting'],
        ['taper point needle', 'taper point', 'taper'],
      ],
      [['45cm'], ['70cm'], ['90cm']],
    ],
    sizes: [6, 5, 4, 3, 2, 1].map((usp) => ({ kind: 'suture', usp })),
    boxQuantities: [12, 36],
    unitPence: [150, 900],
  },
  {
    noun: ['endotracheal tube', 'et tube', 'tube endotracheal', 'ett'],
    filler: [['oral/nasal', 'oral nasal']],
    attributes: [
      [['cuffed'], ['uncuffed', 'non-cuffed']],
      [
        ['murphy eye', 'murphy'],
        ['magill', 'magill curve'],
      ],
    ],
    sizes: lengths(3, 4, 5, 6, 7, 8, 9),
    boxQuantities: [1, 10],
    unitPence: [80, 900],
  },
  {
    noun: ['oxygen mask', 'mask oxygen', 'o2 mask', 'oxygen face mask'],
    filler: [['with tubing', 'w/tubing', 'and tubing']],
    attributes: [
      [['adult'], ['paediatric', 'paed', 'pediatric']],
      [
        ['medium concentration', 'medium conc'],
        ['high concentration', 'non-rebreathe', 'hi conc'],
      ],
    ],
    sizes: lengths(2100),
    boxQuantities: [1, 50],
    unitPence: [40, 250],
  },
  {
    noun: ['incontinence pad', 'pad incontinence', 'continence pad', 'incont pad'],
    filler: [['shaped']],
    attributes: [
      [['day'], ['night'], ['super'], ['extra', 'extra plus']],
      [['all in one', 'all-in-one'], ['pull up', 'pull-up'], ['insert']],
    ],
    sizes: letters,
    boxQuantities: [14, 20, 28, 30],
    unitPence: [10, 95],
  },
  {
    noun: ['ecg electrode', 'electrode ecg', 'ecg electrodes', 'electrodes ecg'],
    filler: [['pre-gelled', 'pregelled']],
    attributes: [
      [
        ['foam', 'foam backed'],
        ['cloth', 'cloth backed'],
        ['tab', 'tab type'],
      ],
      [['adult'], ['paediatric', 'paed'], ['neonatal', 'neo']],
    ],
    sizes: areas([24, 24], [36, 40], [43, 45], [50, 48], [55, 55]),
    boxQuantities: [30, 50, 100],
    unitPence: [2, 25],
  },
  {
    noun: ['iv extension set', 'extension set iv', 'ext set', 'extension line'],
    filler: [['sterile']],
    attributes: [
      [
        ['with 3 way tap', '3 way tap', '3-way tap', 'with three way tap'],
        ['single lumen', 'single'],
        ['double lumen', 'double'],
      ],
      [
        ['needle free connector', 'needlefree', 'nfc'],
        ['luer lock', 'll'],
      ],
    ],
    sizes: lengths(100, 150, 250, 500, 1000, 1500),
    boxQuantities: [50, 100],
    unitPence: [30, 350],
  },
  {
    noun: ['hand sanitiser gel', 'alcohol hand gel', 'hand gel', 'sanitiser gel hand'],
    filler: [['70% alcohol', '70 percent alcohol']],
    attributes: [
      [
        ['pump bottle', 'pump'],
        ['flip top', 'flip-top'],
        ['cartridge', 'refill'],
      ],
      [
        ['fragrance free', 'unperfumed'],
        ['perfumed', 'scented'],
      ],
    ],
    sizes: volumes(50, 100, 500, 800, 1000, 5000),
    boxQuantities: [1, 6, 12],
    unitPence: [60, 1500],
  },
  {
    noun: ['disinfectant wipe', 'wipe disinfectant', 'disinfectant wipes', 'disinf wipe'],
    filler: [['universal']],
    attributes: [
      [
        ['chlorine', 'chlor'],
        ['alcohol', 'alc'],
        ['peroxide', 'hydrogen peroxide'],
        ['detergent', 'det'],
      ],
      [
        ['canister', 'tub'],
        ['flow pack', 'flowpack', 'soft pack'],
      ],
    ],
    sizes: areas([200, 200], [200, 300], [300, 300], [350, 400]),
    boxQuantities: [100, 200, 225],
    unitPence: [2, 15],
  },
];

/** Stems and endings for synthetic manufacturer names. */
export const manufacturerStems = [
  'Medi',
  'Sure',
  'Acu',
  'Vita',
  'Cura',
  'Ortho',
  'Steri',
  'Derma',
  'Uro',
  'Cardio',
  'Neuro',
  'Opti',
  'Nova',
  'Bio',
  'Clini',
  'Aqua',
  'Dura',
  'Flexi',
  'Pura',
  'Sana',
  'Theta',
  'Vaso',
  'Aero',
  'Omni',
  'Primo',
  'Sol',
  'Terra',
  'Ultra',
  'Vero',
  'Zen',
  'Alto',
  'Brio',
  'Cirra',
  'Delta',
  'Ecko',
  'Fenn',
  'Gala',
  'Helio',
  'Iona',
  'Juno',
];
export const manufacturerEndings = [
  'tex',
  'line',
  'care',
  'flex',
  'sure',
  'tec',
  'gen',
  'vance',
  'plus',
  'form',
  'cor',
  'med',
  'wick',
  'guard',
  'dyne',
  'lab',
  'pharm',
  'quip',
  'star',
  'wave',
  'ton',
  'field',
  'bridge',
  'vale',
  'mark',
  'core',
  'path',
  'point',
  'shire',
  'gate',
];
export const manufacturerMiddles = ['ra', 'lo', 'ne', 'vi', 'ta', 'mo', 'ri', 'sa', 'do', 'ku', 'be', 'zi'];
/** How the legal suffixes and descriptors vary around one manufacturer's name. */
export const manufacturerForms = [
  (name: string) => `${name} Ltd`,
  (name: string) => `${name.toUpperCase()} LIMITED`,
  (name: string) => name,
  (name: string) => `${name} UK Ltd`,
  (name: string) => `${name} (UK) Limited`,
  (name: string) => `${name.toUpperCase()} LTD`,
  (name: string) => `${name} Medical Ltd`,
] as const;

/** Syllables for product range names ("Vasoflo", "Duraline"). */
export const rangeSyllables = [
  'flo',
  'vas',
  'dex',
  'lin',
  'cor',
  'pak',
  'sil',
  'tra',
  'mon',
  'vel',
  'fix',
  'sorb',
  'lite',
  'gard',
  'kin',
  'zen',
  'pro',
  'tal',
  'ven',
  'rix',
  'bel',
  'cam',
  'dor',
  'fen',
  'gol',
  'har',
  'jet',
  'kor',
  'lum',
  'mar',
  'nex',
  'orb',
  'pel',
  'quin',
  'ros',
  'sab',
  'tor',
  'ulm',
  'wex',
  'yar',
];

export const distributors = [
  {
    names: [
      'NHS Supply Chain',
      'NHS SUPPLY CHAIN',
      'Supply Chain Coordination Ltd',
      'NHS Supply Chain (SCCL)',
    ],
    codePrefix: 'F',
  },
  { names: ['Bunzl Healthcare', 'BUNZL HEALTHCARE LTD', 'Bunzl Healthcare Ltd'], codePrefix: 'BZ' },
  { names: ['Williams Medical Supplies', 'WILLIAMS MEDICAL SUPPLIES LTD'], codePrefix: 'WMS' },
  { names: ['Medline UK', 'Medline Industries Ltd', 'MEDLINE UK LTD'], codePrefix: 'ML' },
  { names: ['Owens & Minor', 'Owens and Minor UK Ltd'], codePrefix: 'OM' },
] as const;
