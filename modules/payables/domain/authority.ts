/** A level of delegated authority from the Standing Financial Instructions: a role and the most it may approve. */
export type AuthorityLevel = { role: string; upToPence: number | null };

/**
 * The most this person may approve: the highest limit among the levels whose role they hold
 * (null when one of them is unlimited, 0n when they hold none).
 */
export function authorityOf(roles: readonly string[], levels: readonly AuthorityLevel[]): bigint | null {
  let most = 0n;
  for (const level of levels) {
    if (!roles.includes(level.role)) continue;
    if (level.upToPence === null) return null;
    if (BigInt(level.upToPence) > most) most = BigInt(level.upToPence);
  }
  return most;
}

export function withinAuthority(
  amountPence: bigint,
  roles: readonly string[],
  levels: readonly AuthorityLevel[],
): boolean {
  const limit = authorityOf(roles, levels);
  return limit === null || amountPence <= limit;
}

/** The first level whose limit covers the amount: who must approve it. */
export function requiredLevel(amountPence: bigint, levels: readonly AuthorityLevel[]): AuthorityLevel | null {
  return levels.find((level) => level.upToPence === null || amountPence <= BigInt(level.upToPence)) ?? null;
}
