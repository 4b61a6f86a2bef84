/**
 * The GS1 standard check digit (General Specifications §7.9): weight the digits
 * before the check digit 3, 1, 3, … starting from the rightmost, sum, and take
 * (10 − sum mod 10) mod 10. `body` is the key without its check digit and must
 * be digits only.
 */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  let weight = 3;
  for (let index = body.length - 1; index >= 0; index -= 1) {
    sum += weight * (body.charCodeAt(index) - 48);
    weight = 4 - weight;
  }
  return (10 - (sum % 10)) % 10;
}
