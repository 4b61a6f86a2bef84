import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { FC } from 'hono/jsx';
import { forbidden } from '../../../kernel/errors';
import type { AppEnv } from '../../../kernel/http';
import type { PurchaseOrderStatus, RequisitionStatus } from '../../../modules/procurement';
import { procurementPermissions } from '../../../modules/procurement';
import { Tag } from '../components';
import { hasAnyRole, type WebSession } from '../session';

export type ProcurementPermission = Parameters<typeof procurementPermissions.rolesFor>[0];

export function requireProcurementRole(session: WebSession, permission: ProcurementPermission): void {
  if (!hasAnyRole(session, procurementPermissions.rolesFor(permission))) {
    throw forbidden(
      'ROLE_REQUIRED',
      `This needs one of these roles in ${session.organisationName}: ${procurementPermissions.rolesFor(permission).join(', ')}`,
    );
  }
}

export const may = (session: WebSession, permission: ProcurementPermission): boolean =>
  hasAnyRole(session, procurementPermissions.rolesFor(permission));

const REQUISITION_TAGS: Record<
  RequisitionStatus,
  { label: string; colour: 'green' | 'yellow' | 'red' | 'grey' }
> = {
  'pending-approval': { label: 'Waiting for approval', colour: 'yellow' },
  ordered: { label: 'Ordered', colour: 'green' },
  rejected: { label: 'Rejected', colour: 'red' },
  cancelled: { label: 'Withdrawn', colour: 'grey' },
};

const ORDER_TAGS: Record<
  PurchaseOrderStatus,
  { label: string; colour: 'blue' | 'yellow' | 'green' | 'grey' | 'red' }
> = {
  issued: { label: 'Sent to supplier', colour: 'blue' },
  'partially-received': { label: 'Part received', colour: 'yellow' },
  received: { label: 'Received', colour: 'green' },
  closed: { label: 'Closed', colour: 'grey' },
  cancelled: { label: 'Cancelled', colour: 'red' },
};

export const RequisitionTag: FC<{ status: RequisitionStatus }> = ({ status }) => (
  <Tag colour={REQUISITION_TAGS[status].colour}>{REQUISITION_TAGS[status].label}</Tag>
);

export const OrderTag: FC<{ status: PurchaseOrderStatus }> = ({ status }) => (
  <Tag colour={ORDER_TAGS[status].colour}>{ORDER_TAGS[status].label}</Tag>
);

/** The basket lives in a cookie until the requisition is submitted: no half-finished requisitions in the database. */
export type Basket = {
  organisationId: string;
  costCentre: string;
  lines: { itemId: string; quantity: string }[];
};

const BASKET_COOKIE = 'mainstay_basket';

export function readBasket(c: Context<AppEnv>, organisationId: string): Basket {
  const empty: Basket = { organisationId, costCentre: '', lines: [] };
  const raw = getCookie(c, BASKET_COOKIE);
  if (!raw) return empty;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Basket;
    return parsed.organisationId === organisationId && Array.isArray(parsed.lines) ? parsed : empty;
  } catch {
    return empty;
  }
}

export function writeBasket(c: Context<AppEnv>, basket: Basket): void {
  if (basket.lines.length === 0 && basket.costCentre === '') {
    deleteCookie(c, BASKET_COOKIE, { path: '/procurement' });
    return;
  }
  setCookie(c, BASKET_COOKIE, Buffer.from(JSON.stringify(basket)).toString('base64url'), {
    path: '/procurement',
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: 60 * 60 * 12,
  });
}

export async function formOf(c: Context<AppEnv>): Promise<Record<string, string>> {
  return Object.fromEntries(
    Object.entries(await c.req.parseBody()).map(([key, value]) => [key, String(value)]),
  );
}
