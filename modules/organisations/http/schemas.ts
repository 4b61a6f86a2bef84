import { z } from '@hono/zod-openapi';
import { ROLES } from '../domain/roles';

export const RoleSchema = z.enum(ROLES).openapi('Role');

export const OrganisationSchema = z
  .object({
    id: z.string().openapi({ example: 'RXX' }),
    name: z.string(),
    kind: z.enum(['shared-service-provider', 'icb', 'trust']),
    trustType: z.enum(['acute', 'community', 'mental-health', 'ambulance']).nullable(),
    parentId: z.string().nullable(),
    status: z.enum(['member', 'onboarding', 'external']),
    region: z.string().nullable(),
    annualIncomePence: z.number().int().nullable(),
  })
  .openapi('Organisation');

export const NewOrganisationSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/)
      .openapi({ description: 'NHS ODS code or another unique code', example: 'RXX' }),
    name: z.string().min(1),
    kind: z.enum(['shared-service-provider', 'icb', 'trust']),
    trustType: z.enum(['acute', 'community', 'mental-health', 'ambulance']).nullable().optional(),
    parentId: z.string().nullable().optional(),
    status: z.enum(['member', 'onboarding', 'external']),
    region: z.string().nullable().optional(),
    annualIncomePence: z.number().int().nonnegative().nullable().optional(),
  })
  .openapi('NewOrganisation');

export const MembershipSchema = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  roles: z.array(RoleSchema),
});

export const SessionSchema = z
  .object({
    userId: z.string(),
    email: z.string(),
    displayName: z.string(),
    via: z.enum(['session', 'api-token']),
    organisationId: z
      .string()
      .nullable()
      .openapi({ description: 'The organisation the session currently acts for' }),
    memberships: z.array(MembershipSchema),
  })
  .openapi('Session');

export const SignInSchema = z
  .object({ email: z.string().email(), password: z.string().min(1) })
  .openapi('SignIn');

export const MemberSchema = z
  .object({ userId: z.string(), email: z.string(), displayName: z.string(), roles: z.array(RoleSchema) })
  .openapi('Member');

export const NewUserSchema = z
  .object({
    email: z.string().email(),
    displayName: z.string().min(1),
    password: z
      .string()
      .min(10)
      .optional()
      .openapi({ description: 'Omit for people who sign in only through the identity provider' }),
    roles: z.array(RoleSchema).min(1),
  })
  .openapi('NewUser');

export const NewApiTokenSchema = z
  .object({
    name: z.string().min(1),
    roles: z.array(RoleSchema).min(1),
    expiresAt: z.string().datetime().nullable().optional(),
  })
  .openapi('NewApiToken');

export const IssuedApiTokenSchema = z
  .object({
    id: z.string(),
    token: z.string().openapi({ description: 'Shown once: send it as `Authorization: Bearer <token>`' }),
    organisationId: z.string(),
    roles: z.array(RoleSchema),
    expiresAt: z.string().nullable(),
  })
  .openapi('IssuedApiToken');
