import { z } from '@hono/zod-openapi';
import { ORGANISATION_HEADER } from './tenant';

/** Schemas shared by every module's routes. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ example: 'JOURNAL_INVALID' }),
    issues: z.array(
      z.object({
        path: z.string().openapi({ example: 'lines[1].amountPence' }),
        rule: z.string().openapi({ example: 'journal-balanced' }),
        message: z.string(),
      }),
    ),
    requestId: z.string(),
  })
  .openapi('Problem');

export const organisationHeaders = z.object({
  [ORGANISATION_HEADER.toLowerCase()]: z.string().optional().openapi({
    description:
      'The organisation to act for (its code). Required for sessions; API tokens act for their own organisation.',
    example: 'RXX',
  }),
});

export const idempotentHeaders = organisationHeaders.extend({
  'idempotency-key': z.string().min(1).max(255).optional().openapi({
    description: 'Send a unique key to make a retry safe: the same key and body returns the first result.',
  }),
});

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** The error responses every authenticated route can give. */
export const standardErrors = {
  400: problem('The request is malformed or names no organisation'),
  401: problem('Not signed in'),
  403: problem('Not allowed for this organisation or role'),
  404: problem('Not found'),
  409: problem('Conflicts with what is stored'),
  422: problem('The input breaks a rule'),
} as const;

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const penceSchema = z
  .number()
  .int()
  .openapi({ description: 'An amount in pence (integer)', example: 125050 });

export const pageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .openapi({ description: 'Items per page (default 50)' }),
  cursor: z.string().optional().openapi({ description: 'The nextCursor of the previous page' }),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
