import { gs1CheckDigit } from '../../standards/gs1';
import type { DemoTrust } from '../world';

/**
 * The demo's purchasing world: the companies NHS trusts buy consumables from
 * (real names, fictional identifiers and bank details), the national
 * catalogue's product families, and how each trust's legacy supplier master
 * spells a supplier's name — so that insight has real harmonisation to do.
 */
export type DemoSupplier = {
  key: string;
  name: string;
  /** Seven digits; the VAT check digits are worked out (HMRC modulus 97) */
  vatBody: string;
  companiesHouseNumber: string;
  town: string;
  postcode: string;
};

export const DEMO_SUPPLIERS: readonly DemoSupplier[] = [
  {
    key: 'medline',
    name: 'Medline Industries Ltd',
    vatBody: '4125703',
    companiesHouseNumber: '02785409',
    town: 'Prescot',
    postcode: 'L34 9AA',
  },
  {
    key: 'molnlycke',
    name: 'Molnlycke Health Care Ltd',
    vatBody: '5301882',
    companiesHouseNumber: '03186740',
    town: 'Manchester',
    postcode: 'M15 4PW',
  },
  {
    key: 'bd',
    name: 'Becton Dickinson UK Ltd',
    vatBody: '2204917',
    companiesHouseNumber: '00932458',
    town: 'Wokingham',
    postcode: 'RG41 5TS',
  },
  {
    key: 'braun',
    name: 'B. Braun Medical Ltd',
    vatBody: '3170955',
    companiesHouseNumber: '01116012',
    town: 'Sheffield',
    postcode: 'S35 2PW',
  },
  {
    key: 'smithnephew',
    name: 'Smith & Nephew Healthcare Ltd',
    vatBody: '2452216',
    companiesHouseNumber: '00387543',
    town: 'Hull',
    postcode: 'HU3 2BN',
  },
  {
    key: 'convatec',
    name: 'Convatec Ltd',
    vatBody: '6012379',
    companiesHouseNumber: '01862281',
    town: 'Deeside',
    postcode: 'CH5 2NU',
  },
  {
    key: 'coloplast',
    name: 'Coloplast Ltd',
    vatBody: '3648821',
    companiesHouseNumber: '02151738',
    town: 'Peterborough',
    postcode: 'PE2 6FX',
  },
  {
    key: 'intersurgical',
    name: 'Intersurgical Ltd',
    vatBody: '2935510',
    companiesHouseNumber: '01473211',
    town: 'Wokingham',
    postcode: 'RG41 2RZ',
  },
  {
    key: 'bunzl',
    name: 'Bunzl Healthcare Ltd',
    vatBody: '4718264',
    companiesHouseNumber: '00608271',
    town: 'Rotherham',
    postcode: 'S63 5DB',
  },
  {
    key: 'gama',
    name: 'GAMA Healthcare Ltd',
    vatBody: '8861047',
    companiesHouseNumber: '05917343',
    town: 'Hemel Hempstead',
    postcode: 'HP2 7BE',
  },
  {
    key: 'hartmann',
    name: 'Paul Hartmann Ltd',
    vatBody: '2017336',
    companiesHouseNumber: '01006541',
    town: 'Heywood',
    postcode: 'OL10 2TT',
  },
  {
    key: 'lyreco',
    name: 'Lyreco UK Ltd',
    vatBody: '5549102',
    companiesHouseNumber: '00410617',
    town: 'Telford',
    postcode: 'TF3 3BQ',
  },
  {
    key: 'zimmer',
    name: 'Zimmer Biomet UK Ltd',
    vatBody: '6483390',
    companiesHouseNumber: '02542788',
    town: 'Swindon',
    postcode: 'SN3 4FP',
  },
  {
    key: 'verathon',
    name: 'Verathon Medical (UK) Ltd',
    vatBody: '7739925',
    companiesHouseNumber: '04386614',
    town: 'Stirling',
    postcode: 'FK7 7XE',
  },
  {
    key: 'daniels',
    name: 'Daniels Healthcare Ltd',
    vatBody: '1947721',
    companiesHouseNumber: '00746832',
    town: 'Kidlington',
    postcode: 'OX5 1DL',
  },
];

/** HMRC modulus 97: the two check digits that make the weighted sum divisible by 97. */
export function ukVatNumber(body: string): string {
  const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (8 - index), 0);
  return `GB${body}${String((97 - (sum % 97)) % 97).padStart(2, '0')}`;
}

export const withCheckDigit = (body: string): string => `${body}${gs1CheckDigit(body)}`;

/** How each trust's legacy supplier master writes a supplier's name. */
export function trustSupplierName(style: DemoTrust['legacyStyle'], name: string, index: number): string {
  switch (style) {
    case 'five-digit-caps':
      return name
        .toUpperCase()
        .replace(/\bLTD\b/, 'LIMITED')
        .replace(/\./g, '');
    case 'e-dash':
      return `${name} - ${4100 + index * 7}`;
    case 'c-prefix':
      return name
        .replace('Industries', 'Ind')
        .replace('Medical', 'Med')
        .replace('Healthcare', 'H/care')
        .replace(' & ', ' and ');
    case 'dotted':
      return `${name.toLowerCase()}.`;
    case 'amb-prefix':
      return `${name
        .replace(/ (UK )?Ltd$/, '')
        .replace(/\(UK\)/, '')
        .trim()} (AMB)`;
  }
}

export type DemoFamily = {
  name: string;
  variants: readonly string[];
  supplier: string;
  unit: string;
  pack: number;
  category: string;
  /** List price per ordering unit in pence, for the first variant; later variants cost a little more */
  pricePence: number;
  /** Share of the list price the national framework pays, or null when the family is not on it */
  contractShare: number | null;
  /** Which kinds of trust buy it */
  buyers: readonly DemoTrust['trustType'][];
};

const ALL: DemoFamily['buyers'] = ['acute', 'community', 'mental-health', 'ambulance'];
const CLINICAL: DemoFamily['buyers'] = ['acute', 'community', 'ambulance'];
const sizes = ['extra small', 'small', 'medium', 'large', 'extra large'];

export const DEMO_FAMILIES: readonly DemoFamily[] = [
  {
    name: 'Nitrile examination gloves, powder free, box of 100',
    variants: sizes,
    supplier: 'medline',
    unit: 'XBX',
    pack: 100,
    category: 'IC-PPE',
    pricePence: 650,
    contractShare: 0.74,
    buyers: ALL,
  },
  {
    name: 'Nitrile examination gloves, powder free, box of 200',
    variants: sizes,
    supplier: 'bunzl',
    unit: 'XBX',
    pack: 200,
    category: 'IC-PPE',
    pricePence: 1_190,
    contractShare: 0.78,
    buyers: ALL,
  },
  {
    name: 'Vinyl examination gloves, box of 100',
    variants: ['small', 'medium', 'large'],
    supplier: 'bunzl',
    unit: 'XBX',
    pack: 100,
    category: 'IC-PPE',
    pricePence: 390,
    contractShare: 0.8,
    buyers: ALL,
  },
  {
    name: 'Sterile surgical gloves, latex free, box of 50 pairs',
    variants: ['6.0', '6.5', '7.0', '7.5', '8.0', '8.5'],
    supplier: 'molnlycke',
    unit: 'XBX',
    pack: 50,
    category: 'MS-GLV',
    pricePence: 3_480,
    contractShare: 0.82,
    buyers: ['acute'],
  },
  {
    name: 'Foam dressing, adhesive, pack of 10',
    variants: ['7.5cm x 7.5cm', '10cm x 10cm', '12.5cm x 12.5cm', '15cm x 15cm', '20cm x 20cm'],
    supplier: 'molnlycke',
    unit: 'XPK',
    pack: 10,
    category: 'MS-WND',
    pricePence: 1_420,
    contractShare: 0.71,
    buyers: CLINICAL,
  },
  {
    name: 'Silicone border dressing, pack of 10',
    variants: ['7.5cm x 7.5cm', '10cm x 10cm', '12.5cm x 12.5cm', '15cm x 20cm'],
    supplier: 'smithnephew',
    unit: 'XPK',
    pack: 10,
    category: 'MS-WND',
    pricePence: 1_690,
    contractShare: 0.73,
    buyers: CLINICAL,
  },
  {
    name: 'Hydrocolloid dressing, pack of 10',
    variants: ['5cm x 5cm', '10cm x 10cm', '15cm x 15cm'],
    supplier: 'convatec',
    unit: 'XPK',
    pack: 10,
    category: 'MS-WND',
    pricePence: 1_150,
    contractShare: 0.76,
    buyers: ['acute', 'community'],
  },
  {
    name: 'Non-adherent absorbent dressing, pack of 25',
    variants: ['5cm x 5cm', '10cm x 10cm', '10cm x 20cm'],
    supplier: 'hartmann',
    unit: 'XPK',
    pack: 25,
    category: 'MS-WND',
    pricePence: 620,
    contractShare: 0.8,
    buyers: CLINICAL,
  },
  {
    name: 'Syringe, luer lock, box of 100',
    variants: ['1ml', '2ml', '5ml', '10ml', '20ml', '50ml'],
    supplier: 'bd',
    unit: 'XBX',
    pack: 100,
    category: 'MS-SYR',
    pricePence: 780,
    contractShare: 0.79,
    buyers: CLINICAL,
  },
  {
    name: 'Hypodermic needle, box of 100',
    variants: ['18G x 1.5in', '19G x 1.5in', '21G x 1.5in', '23G x 1in', '25G x 5/8in'],
    supplier: 'bd',
    unit: 'XBX',
    pack: 100,
    category: 'MS-SYR',
    pricePence: 420,
    contractShare: 0.77,
    buyers: CLINICAL,
  },
  {
    name: 'Safety IV cannula, box of 50',
    variants: ['14G', '16G', '18G', '20G', '22G', '24G'],
    supplier: 'braun',
    unit: 'XBX',
    pack: 50,
    category: 'MS-IVT',
    pricePence: 5_400,
    contractShare: 0.75,
    buyers: ['acute', 'ambulance'],
  },
  {
    name: 'Gravity infusion giving set, box of 50',
    variants: ['standard', 'with burette', 'blood administration'],
    supplier: 'braun',
    unit: 'XBX',
    pack: 50,
    category: 'MS-IVT',
    pricePence: 4_200,
    contractShare: 0.8,
    buyers: ['acute', 'community'],
  },
  {
    name: 'Foley catheter, 2-way, 10ml balloon, each',
    variants: ['12Fr', '14Fr', '16Fr', '18Fr', '20Fr'],
    supplier: 'coloplast',
    unit: 'EA',
    pack: 1,
    category: 'MS-CAT',
    pricePence: 690,
    contractShare: 0.84,
    buyers: ['acute', 'community'],
  },
  {
    name: 'Urine drainage bag, box of 10',
    variants: ['2 litre night bag', '500ml leg bag', '750ml leg bag'],
    supplier: 'coloplast',
    unit: 'XBX',
    pack: 10,
    category: 'MS-CAT',
    pricePence: 1_320,
    contractShare: 0.81,
    buyers: ['acute', 'community'],
  },
  {
    name: 'Oxygen mask, adult, box of 50',
    variants: ['medium concentration', 'high concentration with reservoir', 'nebuliser kit'],
    supplier: 'intersurgical',
    unit: 'XBX',
    pack: 50,
    category: 'MS-RSP',
    pricePence: 3_150,
    contractShare: 0.78,
    buyers: ['acute', 'ambulance', 'community'],
  },
  {
    name: 'Nasal oxygen cannula, adult, box of 50',
    variants: ['2.1m tubing', '4m tubing'],
    supplier: 'intersurgical',
    unit: 'XBX',
    pack: 50,
    category: 'MS-RSP',
    pricePence: 2_280,
    contractShare: 0.8,
    buyers: ['acute', 'ambulance'],
  },
  {
    name: 'Suction catheter, box of 50',
    variants: ['10Fr', '12Fr', '14Fr', '16Fr'],
    supplier: 'intersurgical',
    unit: 'XBX',
    pack: 50,
    category: 'MS-RSP',
    pricePence: 1_960,
    contractShare: 0.82,
    buyers: ['acute', 'ambulance'],
  },
  {
    name: 'Reinforced surgical gown, sterile, case of 20',
    variants: ['medium', 'large', 'extra large', 'extra extra large'],
    supplier: 'molnlycke',
    unit: 'XCS',
    pack: 20,
    category: 'MS-THR',
    pricePence: 6_900,
    contractShare: 0.8,
    buyers: ['acute'],
  },
  {
    name: 'Universal drape pack, sterile, case of 10',
    variants: ['general surgery', 'orthopaedic', 'caesarean section'],
    supplier: 'molnlycke',
    unit: 'XCS',
    pack: 10,
    category: 'MS-THR',
    pricePence: 11_800,
    contractShare: 0.8,
    buyers: ['acute'],
  },
  {
    name: 'Disposable plastic apron, roll of 200',
    variants: ['white', 'blue', 'green', 'yellow', 'red'],
    supplier: 'bunzl',
    unit: 'XRO',
    pack: 200,
    category: 'IC-PPE',
    pricePence: 590,
    contractShare: 0.74,
    buyers: ALL,
  },
  {
    name: 'Type IIR fluid repellent surgical mask, box of 50',
    variants: ['ear loop', 'tie back'],
    supplier: 'bunzl',
    unit: 'XBX',
    pack: 50,
    category: 'IC-PPE',
    pricePence: 780,
    contractShare: 0.7,
    buyers: ALL,
  },
  {
    name: 'Alcohol hand sanitising gel',
    variants: ['100ml', '500ml pump', '1 litre'],
    supplier: 'gama',
    unit: 'XBO',
    pack: 1,
    category: 'IC-PPE',
    pricePence: 210,
    contractShare: 0.85,
    buyers: ALL,
  },
  {
    name: 'Universal disinfectant wipes',
    variants: ['pack of 40', 'pack of 100', 'pack of 200', 'canister of 225'],
    supplier: 'gama',
    unit: 'XPK',
    pack: 1,
    category: 'IC-PPE',
    pricePence: 240,
    contractShare: 0.83,
    buyers: ALL,
  },
  {
    name: 'Sporicidal wipes, pack of 100',
    variants: ['standard', 'large'],
    supplier: 'gama',
    unit: 'XPK',
    pack: 100,
    category: 'IC-PPE',
    pricePence: 880,
    contractShare: 0.84,
    buyers: ['acute', 'community', 'ambulance'],
  },
  {
    name: 'Incontinence pad, pack of 28',
    variants: ['light', 'normal', 'extra', 'super', 'night'],
    supplier: 'hartmann',
    unit: 'XPK',
    pack: 28,
    category: 'IC-HYG',
    pricePence: 740,
    contractShare: 0.77,
    buyers: ['acute', 'community', 'mental-health'],
  },
  {
    name: 'Patient washing wipes, pack of 8',
    variants: ['unscented', 'fragranced'],
    supplier: 'hartmann',
    unit: 'XPK',
    pack: 8,
    category: 'IC-HYG',
    pricePence: 145,
    contractShare: 0.8,
    buyers: ['acute', 'community', 'mental-health'],
  },
  {
    name: 'Blood glucose test strips, pot of 50',
    variants: ['meter A', 'meter B'],
    supplier: 'medline',
    unit: 'XBO',
    pack: 50,
    category: 'MS-DIA',
    pricePence: 1_550,
    contractShare: 0.72,
    buyers: ['acute', 'community', 'ambulance'],
  },
  {
    name: 'Tympanic thermometer probe covers, box of 800',
    variants: ['standard'],
    supplier: 'medline',
    unit: 'XBX',
    pack: 800,
    category: 'MS-DIA',
    pricePence: 3_350,
    contractShare: 0.79,
    buyers: ['acute', 'community', 'ambulance'],
  },
  {
    name: 'Sharps container',
    variants: ['1 litre', '2.5 litre', '5 litre', '11.5 litre', '22 litre'],
    supplier: 'daniels',
    unit: 'EA',
    pack: 1,
    category: 'MS-SYR',
    pricePence: 190,
    contractShare: 0.86,
    buyers: ALL,
  },
  {
    name: 'Cemented femoral hip stem, each',
    variants: ['size 1', 'size 2', 'size 3', 'size 4', 'size 5', 'size 6'],
    supplier: 'zimmer',
    unit: 'EA',
    pack: 1,
    category: 'MS-ORT',
    pricePence: 31_500,
    contractShare: 0.82,
    buyers: ['acute'],
  },
  {
    name: 'Portable bladder scanner, each',
    variants: ['standard'],
    supplier: 'verathon',
    unit: 'EA',
    pack: 1,
    category: 'EQ-MED',
    pricePence: 659_100,
    contractShare: null,
    buyers: ['acute', 'community'],
  },
  {
    name: 'Fingertip pulse oximeter, each',
    variants: ['adult', 'paediatric'],
    supplier: 'medline',
    unit: 'EA',
    pack: 1,
    category: 'EQ-MED',
    pricePence: 2_900,
    contractShare: null,
    buyers: ALL,
  },
  {
    name: 'Copier paper, A4, 80gsm, box of 5 reams',
    variants: ['white', 'recycled'],
    supplier: 'lyreco',
    unit: 'XBX',
    pack: 2_500,
    category: 'GS-OFF',
    pricePence: 1_890,
    contractShare: 0.88,
    buyers: ALL,
  },
  {
    name: 'Centrefeed blue roll, case of 6',
    variants: ['2-ply'],
    supplier: 'bunzl',
    unit: 'XCS',
    pack: 6,
    category: 'GS-CLN',
    pricePence: 1_450,
    contractShare: 0.85,
    buyers: ALL,
  },
  {
    name: 'Clinical waste sack, roll of 50',
    variants: ['orange', 'yellow', 'tiger stripe'],
    supplier: 'daniels',
    unit: 'XRO',
    pack: 50,
    category: 'GS-CLN',
    pricePence: 760,
    contractShare: 0.84,
    buyers: ALL,
  },
];

/** The item a trust pays far more for than its neighbours (the NAO's hip-stem example): insight should find it. */
export const PRICE_OUTLIER = {
  familyName: 'Cemented femoral hip stem, each',
  trustId: 'RN2',
  priceFactor: 1.9,
};
