import { z } from '@hono/zod-openapi';
import { penceSchema } from '../../../kernel/http';

/** Quantities are exact decimal strings ("10", "2.5"); a JSON number is accepted on input. */
const decimal = z
  .string()
  .openapi({ description: 'Exact decimal, at most 3 decimal places', example: '2.5' });
const quantityInput = z
  .union([z.string(), z.number()])
  .openapi({ description: 'A decimal string, or a JSON number', example: '10' });
const scope = z.enum(['national', 'local']);

export const OrderableItemSchema = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    scope,
    gtin: z.string().nullable().openapi({ example: '05012345100012' }),
    description: z.string(),
    supplierName: z.string(),
    supplierItemCode: z.string(),
    unitCode: z.string().openapi({ description: 'UN/ECE Recommendation 20', example: 'XBX' }),
    packSize: z.number().int(),
    categoryCode: z.string(),
    listPricePence: penceSchema,
    vatRateBasisPoints: z.number().int(),
    accountCode: z.string(),
    active: z.boolean(),
    available: z.boolean(),
    localSupplierId: z.string().nullable(),
    contractId: z.string().nullable(),
    contractReference: z.string().nullable(),
    contractPricePence: penceSchema.nullable(),
    pricePence: penceSchema,
    onContract: z.boolean(),
  })
  .openapi('CatalogueItem');

export const NewCatalogueItemSchema = z
  .object({
    scope: scope.optional(),
    supplierId: z.string(),
    gtin: z.string().nullable().optional(),
    description: z.string(),
    supplierItemCode: z.string(),
    unitCode: z.string(),
    packSize: z.number().int(),
    categoryCode: z.string(),
    listPricePence: z.number().int(),
    vatRateBasisPoints: z.number().int().optional(),
    accountCode: z.string().nullable().optional(),
  })
  .openapi('NewCatalogueItem');

const IssueSchema = z.object({ path: z.string(), rule: z.string(), message: z.string() });

export const ImportReportSchema = z
  .object({
    importId: z.string(),
    fileName: z.string(),
    format: z.enum(['csv', 'xlsx']),
    scope,
    rowsRead: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    headers: z.array(z.string()),
    rejections: z.array(
      z.object({
        rowNumber: z.number().int(),
        raw: z.record(z.string(), z.string()),
        issues: z.array(IssueSchema),
      }),
    ),
  })
  .openapi('CatalogueImportReport');

export const ImportRequestSchema = z
  .object({
    fileName: z.string().min(1).openapi({ example: 'price-file.csv' }),
    content: z.string().openapi({ description: 'CSV text, or an XLSX workbook in base64' }),
    scope: scope.optional(),
  })
  .openapi('CatalogueImportRequest');

export const ContractSchema = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    reference: z.string(),
    title: z.string(),
    kind: z.enum(['national-framework', 'local-contract']),
    scope,
    supplierName: z.string().nullable(),
    validFrom: z.string(),
    validTo: z.string(),
    prices: z.number().int(),
  })
  .openapi('Contract');

export const NewContractSchema = z
  .object({
    reference: z.string(),
    title: z.string(),
    kind: z.enum(['national-framework', 'local-contract']),
    validFrom: z.string().openapi({ example: '2026-04-01' }),
    validTo: z.string().openapi({ example: '2027-03-31' }),
    supplierName: z.string().nullable().optional(),
  })
  .openapi('NewContract');

export const ContractPricesSchema = z
  .object({
    prices: z.array(
      z.object({
        itemId: z.string(),
        unitPricePence: z.number().int(),
        validFrom: z.string().nullable().optional(),
        validTo: z.string().nullable().optional(),
      }),
    ),
  })
  .openapi('ContractPrices');

const PostalSchema = z.object({
  lines: z.array(z.string()),
  town: z.string(),
  postcode: z.string(),
  countryCode: z.string(),
});

export const OrderingProfileSchema = z
  .object({
    buyerName: z.string(),
    endpointScheme: z.string().openapi({ example: '0088' }),
    endpointId: z.string(),
    deliveryAddress: PostalSchema,
    contact: z.object({ name: z.string(), email: z.string().nullable(), telephone: z.string().nullable() }),
  })
  .openapi('OrderingProfile');

const RouteStepSchema = z.object({
  level: z.number().int(),
  role: z.string(),
  upToPence: z.number().int().nullable(),
});

export const RequisitionSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    requesterId: z.string(),
    status: z.enum(['pending-approval', 'ordered', 'rejected', 'cancelled']),
    totalNetPence: penceSchema,
    approvalRoute: z.array(RouteStepSchema),
    touchlessBlockers: z.array(z.string()),
    decisions: z.array(
      z.object({
        level: z.number().int(),
        role: z.string(),
        decision: z.enum(['approved', 'rejected']),
        decidedBy: z.string(),
        onBehalfOf: z.string().nullable(),
        reason: z.string().nullable(),
        decidedAt: z.string(),
      }),
    ),
    awaitingLevel: RouteStepSchema.nullable(),
    neededBy: z.string().nullable(),
    note: z.string().nullable(),
    submittedAt: z.string(),
    decidedAt: z.string().nullable(),
    orderedAt: z.string().nullable(),
    closingReason: z.string().nullable(),
    lines: z.array(
      z.object({
        lineNo: z.number().int(),
        itemId: z.string().nullable(),
        description: z.string(),
        supplierId: z.string(),
        supplierItemCode: z.string().nullable(),
        gtin: z.string().nullable(),
        unitCode: z.string(),
        quantity: decimal,
        unitPricePence: penceSchema,
        vatRateBasisPoints: z.number().int(),
        netPence: penceSchema,
        accountCode: z.string(),
        costCentreCode: z.string(),
        contractId: z.string().nullable(),
        onContract: z.boolean(),
      }),
    ),
    purchaseOrderIds: z.array(z.string()),
  })
  .openapi('Requisition');

export const NewRequisitionSchema = z
  .object({
    lines: z.array(
      z.object({
        itemId: z.string().nullable().optional(),
        quantity: quantityInput,
        costCentreCode: z.string(),
        accountCode: z.string().nullable().optional(),
        description: z.string().nullable().optional(),
        supplierId: z.string().nullable().optional(),
        unitPricePence: z.number().int().nullable().optional(),
        unitCode: z.string().nullable().optional(),
        vatRateBasisPoints: z.number().int().nullable().optional(),
      }),
    ),
    neededBy: z.string().nullable().optional(),
    note: z.string().nullable().optional(),
  })
  .openapi('NewRequisition');

const OrderLineSchema = z.object({
  lineNo: z.number().int(),
  version: z.number().int(),
  itemId: z.string().nullable(),
  description: z.string(),
  gtin: z.string().nullable(),
  supplierItemCode: z.string().nullable(),
  unitCode: z.string(),
  orderedQuantity: decimal,
  receivedQuantity: decimal,
  invoicedQuantity: decimal,
  unitPricePence: penceSchema,
  vatRateBasisPoints: z.number().int(),
  netPence: penceSchema,
  accountCode: z.string(),
  costCentreCode: z.string(),
  contractId: z.string().nullable(),
});

const orderStatus = z.enum(['issued', 'partially-received', 'received', 'closed', 'cancelled']);

export const PurchaseOrderSchema = z
  .object({
    id: z.string(),
    number: z.string().openapi({ example: 'RN1-PO-000042' }),
    requisitionId: z.string(),
    requesterId: z.string(),
    supplierId: z.string(),
    status: orderStatus,
    version: z.number().int(),
    raisedVia: z.enum(['touchless', 'approval']),
    raisedBy: z.string(),
    raisedAt: z.string(),
    orderDate: z.string(),
    currency: z.literal('GBP'),
    totalNetPence: penceSchema,
    cancelReason: z.string().nullable(),
    lines: z.array(OrderLineSchema),
  })
  .openapi('PurchaseOrder');

export const RequisitionOutcomeSchema = z
  .object({ requisition: RequisitionSchema, purchaseOrders: z.array(PurchaseOrderSchema) })
  .openapi('RequisitionOutcome');

export const OrderVersionSchema = z
  .object({
    version: z.number().int(),
    change: z.enum(['raised', 'amended', 'cancelled']),
    reason: z.string(),
    totalNetPence: penceSchema,
    changedBy: z.string(),
    changedAt: z.string(),
    lines: z.array(OrderLineSchema.omit({ receivedQuantity: true, invoicedQuantity: true })),
  })
  .openapi('PurchaseOrderVersion');

export const AmendmentSchema = z
  .object({
    reason: z.string(),
    lines: z.array(
      z.object({
        lineNo: z.number().int(),
        quantity: quantityInput.optional(),
        unitPricePence: z.number().int().optional(),
      }),
    ),
  })
  .openapi('PurchaseOrderAmendment');

export const NewReceiptSchema = z
  .object({
    kind: z.enum(['receipt', 'return']).optional(),
    receivedOn: z.string().nullable().optional(),
    note: z.string().nullable().optional(),
    lines: z.array(z.object({ lineNo: z.number().int(), quantity: quantityInput })),
  })
  .openapi('NewGoodsReceipt');

export const GoodsReceiptSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    purchaseOrderId: z.string(),
    kind: z.enum(['receipt', 'return']),
    receivedOn: z.string(),
    note: z.string().nullable(),
    journalId: z.string().nullable(),
    recordedBy: z.string(),
    recordedAt: z.string(),
    lines: z.array(
      z.object({
        lineNo: z.number().int(),
        quantity: decimal,
        valuePence: penceSchema,
        accountCode: z.string(),
        costCentreCode: z.string(),
      }),
    ),
  })
  .openapi('GoodsReceipt');

export const MatchingOrderSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    supplierId: z.string(),
    status: orderStatus,
    currency: z.literal('GBP'),
    lines: z.array(OrderLineSchema.omit({ version: true, itemId: true, netPence: true, contractId: true })),
  })
  .openapi('PurchaseOrderForMatching');

export const DelegationSchema = z
  .object({
    id: z.string(),
    delegatorId: z.string(),
    deputyId: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    reason: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    revokedAt: z.string().nullable(),
  })
  .openapi('Delegation');

export const NewDelegationSchema = z
  .object({
    delegatorId: z.string().optional().openapi({ description: 'Default: you' }),
    deputyId: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    reason: z.string(),
  })
  .openapi('NewDelegation');

export const BudgetPositionSchema = z
  .object({
    costCentreCode: z.string(),
    financialYear: z.string(),
    budgetPence: penceSchema.nullable(),
    actualPence: penceSchema,
    committedPence: penceSchema,
    availablePence: penceSchema.nullable(),
  })
  .openapi('BudgetPosition');

export const MeasuresSchema = z
  .object({
    organisationId: z.string(),
    from: z.string(),
    to: z.string(),
    requisitionsSubmitted: z.number().int(),
    purchaseOrdersRaised: z.number().int(),
    touchlessPurchaseOrders: z.number().int(),
    touchlessRate: z.number().nullable(),
    requisitionToOrderSeconds: z.object({ median: z.number().nullable(), p90: z.number().nullable() }),
    requisitionsAwaitingApproval: z.number().int(),
    requisitionsRejected: z.number().int(),
    purchaseOrdersCancelled: z.number().int(),
    goodsReceipts: z.number().int(),
  })
  .openapi('ProcurementMeasures');
