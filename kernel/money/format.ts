import type { Pence } from './pence';

const groupThousands = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** £1,234.56 / −£12.00 — for people; machines get integer pence. */
export function formatPounds(amount: Pence | bigint, options: { symbol?: boolean } = {}): string {
  const negative = amount < 0n;
  const magnitude = negative ? -amount : amount;
  const pounds = groupThousands((magnitude / 100n).toString());
  const pennies = (magnitude % 100n).toString().padStart(2, '0');
  const symbol = options.symbol === false ? '' : '£';
  return `${negative ? '-' : ''}${symbol}${pounds}.${pennies}`;
}

/** 1234.56 with no grouping — the decimal form standards such as UBL expect. */
export function formatDecimalPounds(amount: Pence | bigint): string {
  const negative = amount < 0n;
  const magnitude = negative ? -amount : amount;
  return `${negative ? '-' : ''}${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
}
