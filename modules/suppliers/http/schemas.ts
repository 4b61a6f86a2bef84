import { z } from '@hono/zod-openapi';

const AddressSchema = z
  .object({
    purpose: z.enum(['registered', 'trading', 'ordering', 'remittance']),
    lines: z.array(z.string()).min(1).max(4),
    town: z.string(),
    postcode: z.string(),
    countryCode: z.string().openapi({ example: 'GB' }),
  })
  .openapi('SupplierAddress');

const NewContactSchema = z
  .object({
    name: z.string().min(1),
    role: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
    telephone: z.string().nullable().optional(),
  })
  .openapi('NewSupplierContact');

export const ContactSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.string().nullable(),
    email: z.string().nullable(),
    telephone: z.string().nullable(),
    addedAt: z.string(),
    addedBy: z.string(),
  })
  .openapi('SupplierContact');

export const SupplierSchema = z
  .object({
    id: z.string(),
    organisationId: z.string(),
    name: z.string(),
    companiesHouseNumber: z.string().nullable().openapi({ example: '01234567' }),
    vatNumber: z.string().nullable().openapi({ example: 'GB999999973' }),
    endpointScheme: z.string().nullable().openapi({ example: '0088' }),
    endpointId: z.string().nullable(),
    gln: z.string().nullable(),
    paymentTermsDays: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'null: the framework standard terms' }),
    addresses: z.array(AddressSchema),
    contacts: z.array(ContactSchema),
    status: z.enum(['active', 'inactive']),
    pendingBankChange: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Supplier');

const supplierFields = {
  name: z.string(),
  companiesHouseNumber: z.string().nullable().optional(),
  vatNumber: z.string().nullable().optional(),
  endpointScheme: z.string().nullable().optional(),
  endpointId: z.string().nullable().optional(),
  gln: z.string().nullable().optional(),
  paymentTermsDays: z.number().int().nullable().optional(),
  addresses: z.array(AddressSchema).optional(),
};

export const BankDetailsChangeSchema = z
  .object({
    sortCode: z.string().openapi({ example: '12-34-56' }),
    accountNumber: z.string().openapi({ example: '12345678' }),
    accountName: z.string(),
    source: z
      .string()
      .openapi({ description: 'Where the request came from', example: 'Letter on letterhead, 3 June' }),
  })
  .openapi('BankDetailsChange');

export const NewSupplierSchema = z
  .object({
    ...supplierFields,
    contacts: z.array(NewContactSchema).optional(),
    bankDetails: BankDetailsChangeSchema.optional(),
  })
  .openapi('NewSupplier');

export const SupplierChangesSchema = z
  .object({
    ...supplierFields,
    name: z.string().optional(),
    status: z.enum(['active', 'inactive']).optional(),
  })
  .openapi('SupplierChanges');

export const BankDetailsRecordSchema = z
  .object({
    id: z.string(),
    supplierId: z.string(),
    sortCode: z.string(),
    accountNumber: z.string(),
    accountName: z.string(),
    status: z.enum(['pending', 'verified', 'rejected', 'superseded']),
    source: z.string(),
    enteredBy: z.string(),
    enteredAt: z.string(),
    verifiedBy: z.string().nullable(),
    verifiedAt: z.string().nullable(),
    verificationContactId: z.string().nullable(),
    verificationNote: z.string().nullable(),
    rejectedBy: z.string().nullable(),
    rejectedAt: z.string().nullable(),
  })
  .openapi('BankDetailsRecord');

export const VerificationSchema = z
  .object({
    contactId: z.string().openapi({ description: 'The contact on file who was called back' }),
    outcome: z.enum(['confirmed', 'rejected']),
    note: z
      .string()
      .openapi({ description: 'Who was spoken to and what they confirmed, or why the change is rejected' }),
  })
  .openapi('BankDetailsVerification');

export { NewContactSchema };
