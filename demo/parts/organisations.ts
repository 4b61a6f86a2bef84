import { hashPassword } from '../../modules/organisations/domain/secrets';
import { asGenerator, type DemoContext } from '../context';
import { DEMO_PASSWORD, ICB, JOINING, PEOPLE, PROVIDER, TRUSTS } from '../world';

/** The provider, the board, five trusts and one joining organisation; every persona with their memberships. */
export async function seedOrganisations(demo: DemoContext): Promise<void> {
  const { platform } = demo;
  await platform.runner.withTenant(asGenerator(PROVIDER.id), async (tx) => {
    const register = platform.organisations.registerOrganisation;
    await register(tx, {
      id: PROVIDER.id,
      name: PROVIDER.name,
      kind: 'shared-service-provider',
      status: 'member',
      region: 'North East and Yorkshire',
    });
    await register(tx, {
      id: ICB.id,
      name: ICB.name,
      kind: 'icb',
      status: 'member',
      parentId: PROVIDER.id,
      region: 'North East and Yorkshire',
    });
    for (const trust of TRUSTS) {
      await register(tx, {
        id: trust.id,
        name: trust.name,
        kind: 'trust',
        trustType: trust.trustType,
        status: 'member',
        parentId: ICB.id,
        region: 'North East and Yorkshire',
        annualIncomePence: BigInt(trust.monthlyIncomePounds) * 12n * 100n,
      });
    }
    await register(tx, {
      id: JOINING.id,
      name: JOINING.name,
      kind: 'trust',
      trustType: JOINING.trustType,
      status: 'onboarding',
      parentId: ICB.id,
      region: 'North East and Yorkshire',
      annualIncomePence: 21_000_000n * 12n * 100n,
    });
  });

  // One argon2 hash shared by every demo account: hashing is deliberately slow, and they share the password.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const person of PEOPLE) {
    const [first, ...rest] = person.memberships;
    const userId = await platform.runner.withTenant(asGenerator(first!.organisationId), async (tx) => {
      const user = await platform.organisations.createUser(tx, {
        email: person.email,
        displayName: person.name,
        passwordHash,
      });
      await platform.organisations.setRoles(tx, user.id, first!.roles);
      return user.id;
    });
    for (const membership of rest) {
      await platform.runner.withTenant(asGenerator(membership.organisationId), (tx) =>
        platform.organisations.setRoles(tx, userId, membership.roles),
      );
    }
    demo.people.set(person.email, userId);
  }
}
