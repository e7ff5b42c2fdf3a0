/** Send one reshipment request to the warehouse API. */
export const SEND_RESHIPMENT = 'send-reshipment';
export interface SendReshipmentPayload {
  reshipmentId: string;
}
export const reshipmentJobId = (id: string) => `reshipment-${id}`;
