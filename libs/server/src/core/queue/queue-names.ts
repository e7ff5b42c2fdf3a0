/** Every BullMQ queue in the system. Job files declare their job names and payloads beside their service. */
export enum QueueName {
  TicketActivity = 'ticket-activity',
  SlaLadder = 'sla-ladder',
  CourierEvents = 'courier-events',
  Reshipments = 'reshipments',
  Notifications = 'notifications',
  Exports = 'exports',
  BulkActions = 'bulk-actions',
}
