/** requested → sent → accepted → shipped → delivered, or failed / cancelled. */
export const RESHIPMENT_STATUSES = ['requested', 'sent', 'accepted', 'shipped', 'delivered', 'failed', 'cancelled'] as const;
export type ReshipmentStatus = (typeof RESHIPMENT_STATUSES)[number];

export interface ReshipmentRecord {
  id: string;
  ticketId: string;
  items: { sku: string; qty: number; name?: string }[];
  reason: string;
  status: ReshipmentStatus;
  idempotencyKey: string;
  attempts: number;
  lastError: string | null;
  warehouseRef: string | null;
  courierCode: string | null;
  waybill: string | null;
  createdAt: string;
  updatedAt: string;
}
