import { AttachmentEntity } from '../../attachments/attachment.entity';
import { BulkActionEntity, BulkActionItemEntity } from '../../bulk/bulk-action.entity';
import { SessionEntity } from '../../auth/session.entity';
import { ReshipmentRequestEntity } from '../../reshipments/reshipment-request.entity';
import { CourierEventEntity } from '../../couriers/courier-event.entity';
import { ShipmentEntity } from '../../couriers/shipment.entity';
import { MacroEntity } from '../../macros/macro.entity';
import { OutboundMessageEntity } from '../../mail/outbound-message.entity';
import { NotificationEntity } from '../../notifications/notification.entity';
import { BusinessCalendarEntity } from '../../sla/business-calendar.entity';
import { SlaPolicyEntity } from '../../sla/sla-policy.entity';
import { TicketSlaEntity } from '../../sla/ticket-sla.entity';
import { ScenarioTemplateEntity } from '../../scenarios/scenario-template.entity';
import { TicketScenarioEntity } from '../../scenarios/ticket-scenario.entity';
import { TicketStatsDailyEntity } from '../../activity/ticket-stats-daily.entity';
import { TicketEventEntity } from '../../tickets/ticket-event.entity';
import { TicketMessageEntity } from '../../tickets/ticket-message.entity';
import { TicketEntity } from '../../tickets/ticket.entity';
import { UserEntity } from '../../users/user.entity';
import { SavedViewEntity } from '../../saved-views/saved-view.entity';

/** Every entity the schema knows; the API, the worker and the migration CLI share this list. */
export const ENTITIES = [
  UserEntity,
  SessionEntity,
  TicketEntity,
  TicketMessageEntity,
  TicketEventEntity,
  TicketStatsDailyEntity,
  ScenarioTemplateEntity,
  TicketScenarioEntity,
  BusinessCalendarEntity,
  SlaPolicyEntity,
  TicketSlaEntity,
  NotificationEntity,
  ShipmentEntity,
  CourierEventEntity,
  ReshipmentRequestEntity,
  OutboundMessageEntity,
  AttachmentEntity,
  BulkActionEntity,
  BulkActionItemEntity,
  SavedViewEntity,
  MacroEntity,
];
