import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePounds } from '../../../../../kernel/money';
import { parseAmount, quickPence } from './amount';

describe('parseAmount', () => {
  it.each([
    ['"49,521.52 "'.slice(1, -1), 4952152n],
    ['-85,260.00', -8526000n],
    ['77,041', 7704100n],
    ['61459.03', 6145903n],
    ['26959.8', 2695980n],
    ['£1,234.56', 123456n],
    ['(1,234.00)', -123400n],
    ['\u00a025,000.00', 2500000n],
    ['1,234.56 CR', -123456n],
    ['1,234.56 DR', 123456n],
    ['GBP 100', 10000n],
    ['\u22121.50', -150n],
    ['+12', 1200n],
    ['1234-', -123400n],
  ])('reads %j as %i pence', (text, pence) => {
    expect(parseAmount(text)).toEqual({ ok: true, value: pence });
  });

  it.each(['', '-', 'abc', '12.345', '1,23.00', '1.2.3', '#N/A'])('refuses %j', (text) => {
    expect(parseAmount(text)).toMatchObject({ ok: false, rule: 'amount-format' });
  });

  it('reads the common shapes the same way as the kernel parsePounds', () => {
    const amountText = fc
      .tuple(
        fc.boolean(),
        fc.bigInt({ min: 0n, max: 9_999_999_999_999n }),
        fc.integer({ min: 0, max: 99 }),
        fc.constantFrom(0, 1, 2),
        fc.boolean(),
        fc.constantFrom('', ' ', '  '),
      )
      .map(([negative, pounds, pennies, places, grouped, trailing]) => {
        const whole = grouped ? pounds.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',') : pounds.toString();
        const fraction = places === 0 ? '' : `.${String(pennies).padStart(2, '0').slice(0, places)}`;
        return `${negative ? '-' : ''}${whole}${fraction}${trailing}`;
      });
    fc.assert(
      fc.property(amountText, (text) => {
        const kernel = parsePounds(text);
        expect(kernel.ok).toBe(true);
        expect(quickPence(text)).toBe(kernel.ok ? kernel.pence : null);
      }),
    );
  });

  it('leaves anything unusual to the kernel', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('1', '0', ',', '.', '-', ' ', '(', ')', '£', 'x') }),
        (text) => {
          const quick = quickPence(text);
          if (quick === null) return;
          const kernel = parsePounds(text);
          expect(kernel).toEqual({ ok: true, pence: quick });
        },
      ),
    );
  });
});
