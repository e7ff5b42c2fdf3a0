// The five scenario templates a fresh ShopDesk starts with (see shared/scenarios.md). Every number
// that is shop policy (days, hours, KRW limits) lives in the definitions, so a lead can change it
// per template in the editor without a deploy. Option and reason values are camelCase because the
// schema's `id` rule applies to them.
import type { TemplateInput } from '@shopdesk/contracts/scenarios';

const missingItem: TemplateInput = {
  key: 'missing_item',
  type: 'missing_delivery',
  title: { ko: '배송 누락', en: 'Missing item in delivery' },
  active: true,
  definition: {
    summary: {
      ko: '주문한 상품 중 일부 또는 전부가 도착하지 않은 경우입니다. 배송 중인지 먼저 확인하고, 택배사 확인 후 재배송하거나 해당 상품을 환불합니다.',
      en: 'Part or all of an order did not arrive. Rule out a parcel still in transit, check with the courier, then reship or refund the missing items.',
    },
    customerTitle: { ko: '주문한 상품 중 일부가 오지 않았어요', en: 'Some of the items I ordered never arrived' },
    fields: [
      {
        id: 'orderNumber',
        type: 'order_number',
        label: { ko: '주문번호', en: 'Order number' },
        required: true,
        fillableBy: ['customer', 'agent'],
        prefillFrom: 'order.number',
      },
      {
        id: 'courierCode',
        type: 'courier_code',
        label: { ko: '택배사', en: 'Courier' },
        required: false,
        fillableBy: ['customer', 'agent'],
        prefillFrom: 'shipment.courierCode',
      },
      {
        id: 'waybillNumber',
        type: 'waybill',
        label: { ko: '송장번호', en: 'Waybill number' },
        help: {
          ko: '택배사 문의에 꼭 필요합니다. 상품이 여러 상자로 나뉘어 발송됐다면 누락된 상자의 송장번호를 적어 주세요.',
          en: 'Needed to query the courier. If the order shipped in several boxes, enter the waybill of the box that is missing.',
        },
        required: true,
        fillableBy: ['customer', 'agent'],
        prefillFrom: 'shipment.waybillNumber',
      },
      {
        id: 'missingItems',
        type: 'item_list',
        label: { ko: '받지 못한 상품', en: 'Items not received' },
        help: {
          ko: '빠진 상품마다 상품코드(SKU)와 수량을 적어 주세요.',
          en: 'List each missing product with its SKU and quantity.',
        },
        required: true,
        fillableBy: ['customer', 'agent'],
      },
      {
        id: 'noticedAt',
        type: 'datetime',
        label: { ko: '누락을 알게 된 시각', en: 'When the gap was noticed' },
        required: false,
        fillableBy: ['customer', 'agent'],
      },
      {
        id: 'howNoticed',
        type: 'enum',
        label: { ko: '알게 된 경위', en: 'How it was noticed' },
        required: false,
        fillableBy: ['customer', 'agent'],
        options: [
          { value: 'unboxing', label: { ko: '상자를 열어 보니 없었음', en: 'Not in the box when unpacked' } },
          { value: 'partialDeliveryNotice', label: { ko: '부분 배송 안내를 받음', en: 'Received a partial-delivery notice' } },
          { value: 'trackingDelivered', label: { ko: '배송 완료로 떴지만 받지 못함', en: 'Tracking says delivered, nothing received' } },
          { value: 'other', label: { ko: '기타', en: 'Other' } },
        ],
      },
      {
        id: 'photos',
        type: 'evidence',
        label: { ko: '사진 (선택)', en: 'Photos (optional)' },
        help: {
          ko: '받은 상자, 송장 라벨, 내용물 사진이 있으면 처리가 빨라집니다.',
          en: 'Photos of the box, its label and what was inside speed things up.',
        },
        required: false,
        fillableBy: ['customer', 'agent'],
      },
      {
        id: 'courierContactLog',
        type: 'text',
        label: { ko: '택배사 문의 기록', en: 'Courier contact log' },
        help: {
          ko: '문의 일시, 채널(전화·채팅·카카오톡), 담당자, 답변 내용을 한 줄씩 남겨 주세요.',
          en: 'One line per contact: date and time, channel (phone, chat, KakaoTalk), who answered and what they said.',
        },
        required: false,
        fillableBy: ['agent'],
        validation: { maxLength: 5000 },
      },
    ],
    checklist: [
      {
        id: 'compareItems',
        label: { ko: '주문 내역과 받은 상품 대조', en: 'Compare ordered and received items' },
        requires: ['missingItems'],
        blocking: true,
      },
      {
        id: 'checkTracking',
        label: { ko: '배송 조회로 아직 배송 중인지 확인', en: 'Check tracking for parcels still in transit' },
        help: {
          ko: '분할 배송이나 지연 배송이면 불필요한 클레임 대신 도착 예정일을 안내합니다.',
          en: 'If it was split or is just late, tell the customer when to expect it instead of raising a claim.',
        },
        requires: ['waybillNumber'],
      },
      {
        id: 'contactCourier',
        label: { ko: '주문번호·송장번호로 택배사에 문의', en: 'Query the courier with order and waybill numbers' },
        help: {
          ko: '통화나 채팅 내용은 택배사 문의 기록에 남깁니다.',
          en: 'Record each call or chat in the courier contact log.',
        },
        requires: ['orderNumber', 'waybillNumber'],
      },
      {
        id: 'requestReshipment',
        label: { ko: '누락 상품 재배송 요청', en: 'Request reshipment of the missing items' },
      },
      {
        id: 'refundIfNoReship',
        label: { ko: '재배송이 불가하면 해당 상품 환불', en: 'Refund the items if reshipment is impossible' },
        help: {
          ko: '품절이거나 재배송이 실패한 경우에만 진행합니다.',
          en: 'Only when the items are out of stock or the reshipment failed.',
        },
      },
      {
        id: 'keepEvidence',
        label: { ko: '채팅·문자·이메일 기록을 티켓에 보관', en: 'Keep chat, SMS and e-mail transcripts on the ticket' },
      },
    ],
    deadlines: [
      {
        id: 'courierCheckDue',
        label: { ko: '택배사 확인 기한', en: 'Courier check due' },
        help: {
          ko: '접수 후 1일 이내에 택배사 확인을 마칩니다. 일수는 쇼핑몰 정책에 맞게 바꿀 수 있습니다.',
          en: 'Finish the courier check within 1 day of the ticket. The number is shop policy and can be changed.',
        },
        rule: { kind: 'offset', from: 'ticket.createdAt', days: 1 },
        warnBeforeHours: 6,
      },
      {
        id: 'reshipDecisionDue',
        customerVisible: true,
        label: { ko: '재배송·환불 결정 기한', en: 'Reship or refund decision due' },
        help: {
          ko: '접수 후 2일 이내에 재배송 또는 환불을 결정합니다. 일수는 쇼핑몰 정책에 맞게 바꿀 수 있습니다.',
          en: 'Decide between reshipment and refund within 2 days of the ticket. The number is shop policy and can be changed.',
        },
        rule: { kind: 'offset', from: 'ticket.createdAt', days: 2 },
        warnBeforeHours: 12,
      },
    ],
    resolutions: [
      {
        code: 'reship',
        label: { ko: '누락 상품 재배송', en: 'Reship missing items' },
        requires: ['missingItems'],
        reply: 'reshipConfirmed',
        status: 'pending_warehouse',
      },
      {
        code: 'partial_refund',
        label: { ko: '누락 상품만 환불', en: 'Refund the missing items' },
        requires: ['missingItems'],
        requiresAmount: true,
        reply: 'refundConfirmed',
      },
      {
        code: 'full_refund',
        label: { ko: '주문 전액 환불', en: 'Refund the whole order' },
        reply: 'refundConfirmed',
      },
      {
        code: 'closed_no_fault',
        label: { ko: '늦게 도착 또는 착오로 종결', en: 'Closed: arrived late or customer error' },
        reasonCodes: [
          { code: 'arrivedLate', label: { ko: '늦게 도착함', en: 'Arrived late' } },
          { code: 'customerError', label: { ko: '고객 착오', en: 'Customer error' } },
        ],
        reply: 'arrivedAfterAll',
      },
    ],
    replies: [
      {
        id: 'checkingWithCourier',
        label: { ko: '접수 및 택배사 확인 중 안내', en: 'Received, checking with courier' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n주문하신 상품이 일부 도착하지 않아 많이 불편하셨을 것 같습니다. 문의는 {{ticket.reference}} 번으로 접수되었습니다.\n\n지금 {{shipment.courier}} 측에 송장번호 {{shipment.waybill}}의 배송 상태를 확인하고 있으며, {{deadline.reshipDecisionDue}}까지 재배송 또는 환불 여부를 안내해 드리겠습니다. 혹시 상자 사진이 있으시면 이 메일에 답장으로 보내 주시면 확인에 큰 도움이 됩니다.\n\n감사합니다.\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nWe are sorry that part of your order did not reach you. Your request is logged as {{ticket.reference}}.\n\nWe are checking waybill {{shipment.waybill}} with {{shipment.courier}} right now and will tell you by {{deadline.reshipDecisionDue}} whether we reship or refund. If you have a photo of the box, replying with it helps us a lot.\n\nKind regards,\n{{agent.name}}',
        },
      },
      {
        id: 'reshipConfirmed',
        label: { ko: '재배송 안내', en: 'Reshipment confirmed' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n주문번호 {{order.number}}에서 빠진 상품을 다시 보내 드리기로 했습니다. 출고되면 새 송장번호를 바로 알려 드리겠습니다. 추가 비용은 들지 않습니다.\n\n기다리시게 해서 죄송합니다.\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nWe are sending the items missing from order {{order.number}} again, at no cost to you. You will get the new waybill number as soon as the parcel leaves our warehouse.\n\nSorry for the wait,\n{{agent.name}}',
        },
      },
      {
        id: 'refundConfirmed',
        label: { ko: '환불 안내', en: 'Refund confirmed' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n주문번호 {{order.number}}의 누락 건에 대해 {{resolution.amount}}을 결제하신 수단으로 환불해 드렸습니다. 결제 수단에 따라 실제 반영까지 영업일 기준 며칠이 걸릴 수 있습니다.\n\n불편을 드려 죄송합니다.\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nWe have refunded {{resolution.amount}} for the missing items in order {{order.number}} to your original payment method. Depending on the method it can take a few business days to show up.\n\nWe apologise for the trouble,\n{{agent.name}}',
        },
      },
      {
        id: 'arrivedAfterAll',
        label: { ko: '도착 확인 후 종결', en: 'Closed: delivered after all' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n확인 결과 송장번호 {{shipment.waybill}}의 상품이 배송 완료된 것으로 확인되어 문의 {{ticket.reference}}를 종결합니다. 혹시 아직 받지 못하셨다면 이 메일에 답장해 주세요. 바로 다시 확인해 드리겠습니다.\n\n감사합니다.\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nOur check shows that the parcel with waybill {{shipment.waybill}} has been delivered, so we are closing request {{ticket.reference}}. If you still do not have it, just reply to this e-mail and we will look again right away.\n\nKind regards,\n{{agent.name}}',
        },
      },
    ],
    defaults: { priority: 'normal', slaPolicy: 'standard', tags: ['missing_item'] },
    automations: [
      {
        id: 'reshipmentJob',
        on: 'resolution:reship',
        action: 'reshipment_request',
        label: { ko: '창고에 재배송 요청 생성', en: 'Create a reshipment request for the warehouse' },
      },
      {
        id: 'decisionOverdue',
        on: 'deadline_warning:reshipDecisionDue',
        action: 'notify_lead',
        label: { ko: '결정 기한 임박을 팀장에게 알림', en: 'Tell the lead the decision is nearly overdue' },
      },
    ],
    suggest: {
      tagsAny: ['missing_item', 'partial_missing'],
      keywords: ['누락', '빠졌', '빠져', '일부만', '만 왔', '만 도착', '안 왔', '덜 왔', '안 들어', 'missing item', 'missing', 'not in the box'],
    },
  },
};

const lostHighValue: TemplateInput = {
  key: 'lost_high_value',
  type: 'missing_delivery',
  title: { ko: '고가 상품 분실', en: 'High-value parcel lost' },
  active: true,
  definition: {
    summary: {
      ko: '고가 상품(해외 직구 포함)이 배송 중 분실된 경우입니다. 배송 조회로 분실을 확정하고 분쟁 기한 안에 증빙을 갖춰 분쟁·배상 청구를 진행합니다.',
      en: 'A high-value (often cross-border) parcel went missing in transit. Confirm the loss from tracking, then pursue the dispute and claims with evidence before the windows close.',
    },
    customerTitle: { ko: '비싼 상품을 주문했는데 배송 중에 사라졌어요', en: 'My expensive order got lost on the way' },
    fields: [
      {
        id: 'orderNumber',
        type: 'order_number',
        label: { ko: '주문번호', en: 'Order number' },
        required: true,
        fillableBy: ['customer', 'agent'],
        prefillFrom: 'order.number',
      },
      {
        id: 'trackingNumber',
        type: 'waybill',
        label: { ko: '운송장(추적) 번호', en: 'Tracking number' },
        required: true,
        fillableBy: ['customer', 'agent'],
        prefillFrom: 'shipment.waybillNumber',
      },
      {
        id: 'declaredValue',
        type: 'money_krw',
        label: { ko: '신고 가액 (원)', en: 'Declared value (KRW)' },
        help: {
          ko: '배상 청구와 보험 청구의 기준 금액입니다.',
          en: 'The basis for compensation and insurance claims.',
        },
        required: true,
        fillableBy: ['customer', 'agent'],
        validation: { min: 0 },
      },
      {
        id: 'expectedDeliveryDate',
        type: 'date',
        label: { ko: '도착 예정일', en: 'Expected delivery date' },
        help: {
          ko: '미배송 분쟁은 이 날짜 이후에 열 수 있고, 처리 기한도 이 날짜부터 계산합니다.',
          en: 'A not-delivered dispute can be opened only after this date, and the processing limit counts from it.',
        },
        required: true,
        fillableBy: ['customer', 'agent'],
        prefillFrom: 'shipment.expectedDeliveryDate',
      },
      {
        id: 'receivedAt',
        type: 'date',
        label: { ko: '수령일 (받은 경우)', en: 'Date received (if it arrived)' },
        help: {
          ko: '상품을 받았지만 파손·불일치인 경우에만 입력합니다. 수령일부터 분쟁 가능 기간을 계산합니다.',
          en: 'Only when the parcel arrived damaged or wrong. The dispute window counts from this date.',
        },
        required: false,
        fillableBy: ['customer', 'agent'],
      },
      {
        id: 'lastScan',
        type: 'text',
        label: { ko: '마지막 스캔 위치·시각', en: 'Last scan (place and time)' },
        help: {
          ko: '배송 조회가 멈춘 지점입니다. 예: 인천 통관 완료, 이후 조회 없음.',
          en: 'Where the tracking stopped, e.g. "cleared customs at Incheon, no scans since".',
        },
        required: false,
        fillableBy: ['customer', 'agent'],
        validation: { maxLength: 1000 },
      },
      {
        id: 'insured',
        type: 'boolean',
        label: { ko: '배송 보험 가입 여부', en: 'Shipping insurance' },
        required: false,
        fillableBy: ['customer', 'agent'],
      },
      {
        id: 'trackingEvidence',
        type: 'evidence',
        label: { ko: '배송 조회 캡처', en: 'Tracking screenshots' },
        help: {
          ko: '분실을 입증하는 핵심 자료입니다. 이 자료가 없으면 티켓을 종결할 수 없습니다.',
          en: 'The key proof of loss. The ticket cannot be resolved without it.',
        },
        required: true,
        fillableBy: ['customer', 'agent'],
      },
      {
        id: 'sellerConversation',
        type: 'evidence',
        label: { ko: '판매자와의 대화 기록', en: 'Seller conversation' },
        help: {
          ko: '메시지 캡처, 사진·동영상 등 분쟁에 낼 자료를 함께 올려 주세요.',
          en: 'Message screenshots, photos or video you would submit in a dispute.',
        },
        required: false,
        fillableBy: ['customer', 'agent'],
      },
      {
        id: 'disputeReference',
        type: 'text',
        label: { ko: '분쟁·클레임 접수번호', en: 'Dispute or claim reference' },
        required: false,
        fillableBy: ['agent'],
        validation: { maxLength: 200 },
      },
    ],
    checklist: [
      {
        id: 'confirmLoss',
        label: { ko: '배송 조회로 분실 확정', en: 'Confirm the loss from tracking' },
        help: {
          ko: '스캔이 어디서 멈췄는지 기록하고 조회 화면을 증빙으로 첨부합니다.',
          en: 'Note where the scans stopped and attach the tracking screens as proof.',
        },
        requires: ['trackingEvidence'],
        blocking: true,
      },
      {
        id: 'contactSeller',
        label: { ko: '판매자·택배사에 주문·추적 정보와 증빙 전달', en: 'Send order, tracking data and proof to seller and courier' },
        requires: ['orderNumber', 'trackingNumber'],
      },
      {
        id: 'openDispute',
        label: { ko: '기한 내 분쟁 제기', en: 'Open the dispute before the window closes' },
        help: {
          ko: '미배송 분쟁은 도착 예정일 이후에 열 수 있고, 받은 상품의 분쟁은 수령일 기준 기간 안에 열어야 합니다.',
          en: 'A not-delivered dispute opens after the expected delivery date; for goods that did arrive it must be opened within the window after receipt.',
        },
        requires: ['disputeReference'],
        blocking: true,
      },
      {
        id: 'collectEvidence',
        label: { ko: '사진·동영상·대화 기록 등 증빙 수집', en: 'Collect photos, video and conversation logs' },
      },
      {
        id: 'escalateClaims',
        label: { ko: '플랫폼 고객센터·택배사 클레임으로 이관', en: 'Escalate to platform support or courier claims' },
        help: {
          ko: '판매자가 협조하지 않거나 합의가 되지 않을 때 진행합니다.',
          en: 'When the seller does not cooperate or no agreement is reached.',
        },
      },
      {
        id: 'insuranceClaim',
        label: { ko: '보험 가입 시 보험 청구', en: 'File an insurance claim if insured' },
        help: { ko: '보험에 가입하지 않았다면 건너뜁니다.', en: 'Skip when the parcel was not insured.' },
        requires: ['insured'],
      },
    ],
    deadlines: [
      {
        id: 'disputeOpensAt',
        label: { ko: '미배송 분쟁 가능일', en: 'Not-delivered dispute opens' },
        help: {
          ko: '도착 예정일부터 미배송 분쟁을 열 수 있습니다. 일수는 템플릿에서 바꿀 수 있습니다.',
          en: 'A not-delivered dispute can be opened from the expected delivery date. The offset is configurable.',
        },
        rule: { kind: 'offset', from: 'field:expectedDeliveryDate', days: 0 },
        warnBeforeHours: 0,
      },
      {
        id: 'disputeWindowEndsAt',
        label: { ko: '수령 후 분쟁 마감', en: 'Dispute window after receipt closes' },
        help: {
          ko: '받은 상품(파손·불일치)의 분쟁은 수령일부터 15일 안에 열어야 합니다. 수령일이 없으면 계산하지 않습니다. 일수는 플랫폼 규정에 맞게 바꿀 수 있습니다.',
          en: 'For goods that arrived damaged or wrong, the dispute must be opened within 15 days of receipt. Not computed without a receipt date. Adjust the days to the platform rules.',
        },
        rule: { kind: 'offset', from: 'field:receivedAt', days: 15, endOfDay: true },
        warnBeforeHours: 72,
      },
      {
        id: 'processingEndsAt',
        customerVisible: true,
        label: { ko: '분쟁 처리 최대 기한', en: 'Dispute processing limit' },
        help: {
          ko: '분쟁은 도착 예정일부터 최대 60일까지 처리됩니다. 일수는 플랫폼 규정에 맞게 바꿀 수 있습니다.',
          en: 'Disputes are handled for at most 60 days from the expected delivery date. Adjust the days to the platform rules.',
        },
        rule: { kind: 'offset', from: 'field:expectedDeliveryDate', days: 60, endOfDay: true },
        warnBeforeHours: 168,
      },
    ],
    resolutions: [
      {
        code: 'full_refund',
        label: { ko: '전액 환불', en: 'Full refund' },
        requires: ['trackingEvidence'],
        reply: 'settled',
      },
      {
        code: 'partial_refund',
        label: { ko: '부분 환불', en: 'Partial refund' },
        requires: ['trackingEvidence'],
        requiresAmount: true,
        reply: 'settled',
      },
      {
        code: 'return_then_refund',
        label: { ko: '반품 후 환불', en: 'Return, then refund' },
        requires: ['trackingEvidence'],
        reply: 'returnFirst',
        status: 'pending_customer',
      },
      {
        code: 'reship',
        label: { ko: '재발송', en: 'Reship' },
        requires: ['trackingEvidence'],
        reply: 'reshipping',
        status: 'pending_warehouse',
      },
      {
        code: 'compensation',
        label: { ko: '배상', en: 'Compensation' },
        requires: ['trackingEvidence'],
        requiresAmount: true,
        reasonCodes: [
          { code: 'lateDelivery', label: { ko: '배송 지연 배상', en: 'Late delivery' } },
          { code: 'damageOrLoss', label: { ko: '파손·분실 손해 배상', en: 'Damage or loss' } },
          { code: 'consequentialHarm', label: { ko: '상품으로 인한 피해 보상', en: 'Harm caused by the product' } },
        ],
        reply: 'settled',
      },
    ],
    replies: [
      {
        id: 'lossReceived',
        label: { ko: '분실 접수 및 증빙 요청', en: 'Loss received, evidence requested' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n주문번호 {{order.number}} 상품이 배송 중 분실된 것으로 보여 걱정이 크시리라 생각합니다. 문의는 {{ticket.reference}} 번으로 접수되었고, 고가 상품 건으로 우선 처리하고 있습니다.\n\n분실을 입증하려면 아래 자료가 필요합니다. 가지고 계신 것을 이 메일에 답장으로 보내 주세요.\n- 배송 조회 화면 캡처 (운송장 {{field.trackingNumber}})\n- 판매자와 주고받은 메시지\n- 관련 사진이나 동영상\n\n분쟁은 {{deadline.processingEndsAt}}까지 처리되어야 하므로 가능한 한 빨리 보내 주시면 감사하겠습니다.\n\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nIt looks like order {{order.number}} was lost in transit, and we understand how worrying that is. Your request is logged as {{ticket.reference}} and is being handled with priority as a high-value case.\n\nTo prove the loss we need the following; please reply with whatever you have:\n- screenshots of the tracking page (tracking number {{field.trackingNumber}})\n- your messages with the seller\n- any related photos or video\n\nThe dispute has to be settled by {{deadline.processingEndsAt}}, so the sooner we have these, the better.\n\nKind regards,\n{{agent.name}}',
        },
      },
      {
        id: 'settled',
        label: { ko: '환불·배상 완료 안내', en: 'Refund or compensation paid' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n주문번호 {{order.number}} 분실 건은 "{{resolution.label}}"(으)로 처리되었으며, {{resolution.amount}}을 결제하신 수단으로 돌려 드렸습니다. 카드 결제는 카드사를 통해, 계좌이체는 결제하신 계좌로 입금되며 반영까지 며칠이 걸릴 수 있습니다.\n\n오래 기다려 주셔서 감사합니다.\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nThe loss of order {{order.number}} has been settled as "{{resolution.label}}", and {{resolution.amount}} has been paid back to your original payment method. Card payments are returned through the card issuer and bank transfers to the paying account; either can take a few days to appear.\n\nThank you for your patience,\n{{agent.name}}',
        },
      },
      {
        id: 'reshipping',
        label: { ko: '재발송 안내', en: 'Reshipment' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n분실된 주문번호 {{order.number}} 상품을 다시 보내 드리기로 했습니다. 이번에는 추적이 가능한 방식으로 발송하며, 새 운송장 번호가 나오면 바로 알려 드리겠습니다.\n\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nWe are sending the lost order {{order.number}} to you again, this time with full tracking. We will share the new tracking number as soon as we have it.\n\nKind regards,\n{{agent.name}}',
        },
      },
      {
        id: 'returnFirst',
        label: { ko: '반품 후 환불 안내', en: 'Return before refund' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n받으신 상품을 먼저 반품해 주시면 확인 후 바로 환불해 드리겠습니다. 반품 주소와 방법은 이어서 따로 안내해 드리며, 반품 비용은 고객님께 청구되지 않습니다. 발송하실 때 상자 사진을 남겨 두시면 좋습니다.\n\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nPlease send the item you received back to us first; we will refund you as soon as it is checked in. The return address and instructions follow in a separate message, and you will not be charged for the return. A photo of the packed box before you send it is a good idea.\n\nKind regards,\n{{agent.name}}',
        },
      },
    ],
    defaults: {
      priority: 'high',
      highValueThreshold: 300000,
      highValuePriority: 'urgent',
      slaPolicy: 'highValue',
      tags: ['high_value'],
    },
    automations: [
      {
        id: 'evidenceMissing',
        on: 'deadline_warning:processingEndsAt',
        action: 'notify_lead',
        whenMissing: ['trackingEvidence'],
        label: { ko: '처리 기한 임박, 증빙 없음: 팀장 알림', en: 'Processing limit near and no evidence: tell the lead' },
      },
      {
        id: 'disputeNotOpened',
        on: 'deadline_warning:disputeWindowEndsAt',
        action: 'escalate',
        whenMissing: ['disputeReference'],
        label: { ko: '분쟁 마감 임박, 미제기: 에스컬레이션', en: 'Dispute window closing and none opened: escalate' },
      },
      {
        id: 'reshipmentJob',
        on: 'resolution:reship',
        action: 'reshipment_request',
        label: { ko: '창고에 재발송 요청 생성', en: 'Create a reshipment request for the warehouse' },
      },
    ],
    suggest: {
      tagsAny: ['high_value', 'lost'],
      minOrderAmount: 300000,
      keywords: ['분실', '잃어버', 'lost', '해외', '직구', '배송조회', '배송 조회', 'lost parcel', 'aliexpress'],
    },
  },
};

const refundRefused: TemplateInput = {
  key: 'refund_refused',
  type: 'refund',
  title: { ko: '환불 거절 이의', en: 'Disputed refund refusal' },
  active: true,
  definition: {
    summary: {
      ko: '환불 요청이 거절되어 고객이 이의(사유서)를 제기한 경우입니다. 원래 거절 사유와 사유서 내용을 검토해 재환불·보상 여부를 결정합니다.',
      en: 'A refund was refused and the customer appeals. Review the original refusal reason against the appeal, then approve, compensate or uphold the refusal.',
    },
    customerTitle: { ko: '환불 신청이 거절됐는데 납득이 안 돼요', en: 'My refund was refused and I disagree' },
    fields: [
      {
        id: 'transactionId',
        type: 'transaction_id',
        label: { ko: '거래번호', en: 'Transaction number' },
        help: {
          ko: '결제 앱의 거래내역에서 확인할 수 있습니다.',
          en: 'Shown in the transaction history of the payment app.',
        },
        required: true,
        fillableBy: ['customer', 'agent'],
      },
      {
        id: 'orderNumber',
        type: 'order_number',
        label: { ko: '주문번호', en: 'Order number' },
        required: false,
        fillableBy: ['customer', 'agent'],
        prefillFrom: 'order.number',
      },
      {
        id: 'refundRequestedAt',
        type: 'datetime',
        label: { ko: '처음 환불을 요청한 일시', en: 'When the refund was first requested' },
        required: true,
        fillableBy: ['customer', 'agent'],
      },
      {
        id: 'paymentMethod',
        type: 'enum',
        label: { ko: '결제 수단', en: 'Payment method' },
        help: {
          ko: '카드 결제라면 고객이 카드사에 차지백을 요청할 수도 있습니다.',
          en: 'If paid by card, the customer may also ask the card issuer for a chargeback.',
        },
        required: true,
        fillableBy: ['customer', 'agent'],
        prefillFrom: 'order.paymentMethod',
        options: [
          { value: 'card', label: { ko: '신용·체크카드', en: 'Credit or debit card' } },
          { value: 'kakaopay', label: { ko: '카카오페이', en: 'KakaoPay' } },
          { value: 'mobile_carrier', label: { ko: '휴대폰 결제', en: 'Mobile carrier billing' } },
          { value: 'bank_transfer', label: { ko: '계좌이체', en: 'Bank transfer' } },
        ],
      },
      {
        id: 'refusalReason',
        type: 'enum',
        label: { ko: '안내받은 거절 사유', en: 'Reason given for the refusal' },
        required: true,
        fillableBy: ['customer', 'agent'],
        options: [
          { value: 'alreadyDelivered', label: { ko: '이미 상품·서비스가 제공됨', en: 'Goods or service already delivered' } },
          { value: 'pastDeadline', label: { ko: '환불 요청 기한이 지남', en: 'Requested after the deadline' } },
          { value: 'conditionFailed', label: { ko: '상품 상태가 환불 조건에 맞지 않음', en: 'Item condition fails the refund terms' } },
          { value: 'other', label: { ko: '기타', en: 'Other' } },
        ],
      },
      {
        id: 'problemDescription',
        type: 'text',
        label: { ko: '구체적인 문제 내용', en: 'What exactly went wrong' },
        required: true,
        fillableBy: ['customer', 'agent'],
        validation: { maxLength: 5000 },
      },
      {
        id: 'desiredOutcome',
        type: 'enum',
        label: { ko: '원하시는 해결 방법', en: 'Outcome wanted' },
        required: true,
        fillableBy: ['customer', 'agent'],
        options: [
          { value: 'reRefund', label: { ko: '환불 재검토', en: 'Reconsider the refund' } },
          { value: 'compensation', label: { ko: '보상', en: 'Compensation' } },
          { value: 'other', label: { ko: '기타', en: 'Other' } },
        ],
      },
      {
        id: 'screenshots',
        type: 'evidence',
        label: { ko: '캡처·관련 서류', en: 'Screenshots and documents' },
        help: {
          ko: '거절 안내 화면, 거래내역, 상품 사진 등을 첨부하면 검토가 빨라집니다.',
          en: 'The refusal notice, transaction history or item photos speed up the review.',
        },
        required: false,
        fillableBy: ['customer', 'agent'],
      },
      {
        id: 'providerContactLog',
        type: 'text',
        label: { ko: '결제사 고객센터 문의 기록', en: 'Payment provider contact log' },
        help: {
          ko: '문의 일시, 채널(전화·앱 채팅·이메일), 상담 번호와 답변 요지를 남깁니다.',
          en: 'Date and time, channel (phone, in-app chat, e-mail), case number and the gist of the answer.',
        },
        required: false,
        fillableBy: ['agent'],
        validation: { maxLength: 5000 },
      },
    ],
    checklist: [
      {
        id: 'reviewRefusal',
        label: { ko: '원래 거절 사유와 근거 확인', en: 'Review the original refusal reason and its basis' },
        requires: ['refusalReason'],
        blocking: true,
      },
      {
        id: 'checkAppeal',
        label: { ko: '사유서 내용 확인', en: 'Check the appeal contents' },
        help: {
          ko: '요청 일시, 거래번호, 구체적 문제, 원하는 해결 방법이 모두 있는지, 첨부 자료가 주장과 맞는지 봅니다.',
          en: 'Request date and time, transaction number, the concrete problem and the outcome wanted must all be there, and the attachments should back them up.',
        },
        requires: ['transactionId', 'refundRequestedAt', 'problemDescription', 'desiredOutcome'],
        blocking: true,
      },
      {
        id: 'checkTimeline',
        label: { ko: '요청 시점이 환불 기한 안이었는지 확인', en: 'Check the request was inside the refund deadline' },
        requires: ['refundRequestedAt'],
      },
      {
        id: 'contactProvider',
        label: { ko: '결제사 고객센터에 거래 확인', en: 'Check the transaction with the payment provider' },
        help: {
          ko: '카카오페이는 전화 1577-7500, 앱 내 고객센터 채팅, 이메일로 문의할 수 있습니다.',
          en: 'KakaoPay can be reached by phone on 1577-7500, through in-app support chat, or by e-mail.',
        },
        requires: ['providerContactLog'],
      },
      {
        id: 'anticipateEscalation',
        label: { ko: '외부 이의 경로 대비', en: 'Prepare for outside escalation' },
        help: {
          ko: '고객은 한국소비자원에 신고하거나, 카드 결제라면 카드사에 차지백을 요청할 수 있습니다. 판단 근거를 티켓에 남겨 둡니다.',
          en: 'The customer may report to the Korea Consumer Agency or, for card payments, request a chargeback. Keep the reasoning on the ticket.',
        },
      },
      {
        id: 'decide',
        label: { ko: '재환불·보상·거절 유지 결정', en: 'Decide: refund, compensate or uphold' },
        blocking: true,
      },
    ],
    deadlines: [
      {
        id: 'refundRequestDeadline',
        customerVisible: true,
        label: { ko: '환불 요청 기한', en: 'Refund request deadline' },
        help: {
          ko: '결제일부터 7일째 되는 날까지로 계산합니다. 일수는 쇼핑몰 환불 정책에 맞게 바꿔 주세요.',
          en: 'Counted as the end of the 7th day after payment. Set the days to match the shop refund policy.',
        },
        rule: { kind: 'offset', from: 'order.paidAt', days: 7, endOfDay: true },
        warnBeforeHours: 24,
      },
      {
        id: 'appealAnswerDue',
        customerVisible: true,
        label: { ko: '이의 답변 기한', en: 'Appeal answer due' },
        help: {
          ko: '접수 후 3일 안에 고객에게 결과를 안내합니다. 일수는 바꿀 수 있습니다.',
          en: 'Give the customer a decision within 3 days of the ticket. The days are configurable.',
        },
        rule: { kind: 'offset', from: 'ticket.createdAt', days: 3 },
        warnBeforeHours: 24,
      },
    ],
    resolutions: [
      {
        code: 'full_refund',
        label: { ko: '전액 환불 승인', en: 'Full refund approved' },
        reply: 'refundApproved',
      },
      {
        code: 'partial_refund',
        label: { ko: '부분 환불 승인', en: 'Partial refund approved' },
        requiresAmount: true,
        reply: 'refundApproved',
      },
      {
        code: 'refusal_upheld',
        label: { ko: '거절 유지', en: 'Refusal upheld' },
        reasonCodes: [
          { code: 'alreadyDelivered', label: { ko: '이미 상품·서비스가 제공됨', en: 'Goods or service already delivered' } },
          { code: 'pastDeadline', label: { ko: '환불 요청 기한 경과', en: 'Requested after the deadline' } },
          { code: 'conditionFailed', label: { ko: '상품 상태가 환불 조건에 맞지 않음', en: 'Item condition fails the refund terms' } },
        ],
        reply: 'refusalExplained',
      },
      {
        code: 'compensation',
        label: { ko: '보상', en: 'Compensation' },
        requiresAmount: true,
        reply: 'compensationOffered',
      },
      {
        code: 'referred_to_agency',
        label: { ko: '한국소비자원 안내로 종결', en: 'Referred to the Korea Consumer Agency' },
      },
    ],
    replies: [
      {
        id: 'appealReceived',
        label: { ko: '이의 접수 안내', en: 'Appeal received' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n환불 거절에 대한 이의를 {{ticket.reference}} 번으로 접수했습니다. 보내 주신 거래번호 {{field.transactionId}}와 설명을 바탕으로 처음 거절한 사유를 다시 검토하고, {{deadline.appealAnswerDue}}까지 결과를 알려 드리겠습니다.\n\n추가로 보내실 캡처나 서류가 있으면 이 메일에 답장으로 첨부해 주세요.\n\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nWe have logged your appeal against the refund refusal as {{ticket.reference}}. We are re-examining the original decision using transaction {{field.transactionId}} and your explanation, and will come back to you by {{deadline.appealAnswerDue}}.\n\nIf you have more screenshots or documents, just attach them in a reply.\n\nKind regards,\n{{agent.name}}',
        },
      },
      {
        id: 'refundApproved',
        label: { ko: '환불 승인 안내', en: 'Refund approved' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n다시 검토한 결과 환불을 승인했습니다. {{resolution.amount}}이 결제하신 수단으로 돌아가며, 반영까지 영업일 기준 며칠이 걸릴 수 있습니다.\n\n처음 안내로 불편을 드려 죄송합니다.\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nHaving looked at your case again, we have approved the refund. {{resolution.amount}} will go back to your original payment method; it can take a few business days to appear.\n\nWe are sorry for the trouble our first answer caused.\n{{agent.name}}',
        },
      },
      {
        id: 'refusalExplained',
        label: { ko: '거절 유지 설명', en: 'Refusal upheld, explained' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n보내 주신 내용을 꼼꼼히 다시 검토했지만, 이번 건은 환불 기준에 해당하지 않아 기존 결정을 유지하게 되었습니다.\n사유: {{resolution.reason}}\n\n원하시는 답변을 드리지 못해 죄송합니다. 결정에 동의하지 않으시면 한국소비자원에 상담을 신청하실 수 있고, 카드로 결제하셨다면 카드사에도 문의하실 수 있습니다. 검토에 쓴 자료는 요청하시면 보내 드리겠습니다.\n\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nWe went through everything you sent again, but this case does not meet the refund terms, so the original decision stands.\nReason: {{resolution.reason}}\n\nWe are sorry this is not the answer you hoped for. If you disagree, you can ask the Korea Consumer Agency for help and, if you paid by card, contact your card issuer. We are happy to send you the records we based the decision on.\n\nKind regards,\n{{agent.name}}',
        },
      },
      {
        id: 'compensationOffered',
        label: { ko: '보상 안내', en: 'Compensation offered' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n환불 대상은 아니지만 겪으신 불편을 고려해 {{resolution.amount}}을 보상해 드리기로 했습니다. 지급 방법은 따로 안내해 드리겠습니다.\n\n너그럽게 이해해 주셔서 감사합니다.\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nAlthough the order does not qualify for a refund, we would like to make up for the inconvenience with compensation of {{resolution.amount}}. We will send the payout details separately.\n\nThank you for your understanding,\n{{agent.name}}',
        },
      },
    ],
    defaults: { priority: 'normal', slaPolicy: 'standard', tags: ['refund_dispute'] },
    automations: [
      {
        id: 'answerOverdue',
        on: 'deadline_warning:appealAnswerDue',
        action: 'notify_lead',
        label: { ko: '이의 답변 기한 임박: 팀장 알림', en: 'Appeal answer nearly due: tell the lead' },
      },
    ],
    suggest: {
      paymentMethods: ['kakaopay', 'card'],
      keywords: ['환불 거절', '거절', '환불 불가', '이의', '사유서', 'refused', 'refund denied', 'appeal'],
    },
  },
};

const micropaymentCancel: TemplateInput = {
  key: 'micropayment_cancel',
  type: 'cancellation',
  title: { ko: '휴대폰 소액결제 취소', en: 'Mobile micropayment cancellation' },
  active: true,
  definition: {
    summary: {
      ko: '휴대폰 소액결제(통신사 청구) 건의 취소 요청입니다. 결제가 속한 청구월 안이면 취소하고, 지났으면 환불로 전환합니다.',
      en: 'Cancelling a payment billed through the mobile carrier. Cancel while the payment is still in its billing month; after that it becomes a refund.',
    },
    customerTitle: { ko: '휴대폰으로 결제한 것을 취소하고 싶어요', en: 'I want to cancel something I paid for with my phone' },
    fields: [
      {
        id: 'productName',
        type: 'text',
        label: { ko: '구매한 상품·서비스', en: 'Product or service bought' },
        required: true,
        fillableBy: ['customer', 'agent'],
        validation: { maxLength: 200 },
      },
      {
        id: 'orderNumber',
        type: 'order_number',
        label: { ko: '주문번호 (있으면)', en: 'Order number (if any)' },
        required: false,
        fillableBy: ['customer', 'agent'],
        prefillFrom: 'order.number',
      },
      {
        id: 'paidAt',
        type: 'datetime',
        label: { ko: '결제 일시', en: 'Payment date and time' },
        help: {
          ko: '통신사 결제 확인 문자에 적힌 일시를 기준으로 합니다.',
          en: 'Use the time on the carrier confirmation SMS.',
        },
        required: true,
        fillableBy: ['customer', 'agent'],
        prefillFrom: 'order.paidAt',
      },
      {
        id: 'amount',
        type: 'money_krw',
        label: { ko: '결제 금액 (원)', en: 'Amount paid (KRW)' },
        help: {
          ko: '1회 결제 한도는 통신사와 가맹점마다 다릅니다. 상한값은 템플릿에서 바꿀 수 있습니다.',
          en: 'Per-payment limits differ by carrier and merchant; the maximum here is configurable per template.',
        },
        required: true,
        fillableBy: ['customer', 'agent'],
        prefillFrom: 'order.amount',
        validation: { min: 1, max: 1000000 },
      },
      {
        id: 'phoneNumber',
        type: 'phone',
        label: { ko: '결제한 휴대폰 번호', en: 'Phone number used to pay' },
        help: {
          ko: '화면에는 가운데 자리를 가려서 표시합니다.',
          en: 'Shown masked in the dashboard.',
        },
        required: true,
        fillableBy: ['customer', 'agent'],
        prefillFrom: 'customer.phone',
      },
      {
        id: 'carrier',
        type: 'enum',
        label: { ko: '통신사', en: 'Mobile carrier' },
        required: false,
        fillableBy: ['customer', 'agent'],
        options: [
          { value: 'skt', label: { ko: 'SKT', en: 'SKT' } },
          { value: 'kt', label: { ko: 'KT', en: 'KT' } },
          { value: 'lgu', label: { ko: 'LG U+', en: 'LG U+' } },
          { value: 'mvno', label: { ko: '알뜰폰', en: 'MVNO (budget carrier)' } },
        ],
      },
      {
        id: 'cancelReason',
        type: 'text',
        label: { ko: '취소 사유', en: 'Reason for cancelling' },
        required: false,
        fillableBy: ['customer', 'agent'],
        validation: { maxLength: 2000 },
      },
    ],
    checklist: [
      {
        id: 'matchPayment',
        label: { ko: '결제 내역과 상품·일시·금액·번호 대조', en: 'Match product, date, amount and phone to the payment' },
        requires: ['productName', 'paidAt', 'amount', 'phoneNumber'],
        blocking: true,
      },
      {
        id: 'checkWindow',
        label: { ko: '취소 가능 기간 안인지 확인', en: 'Check the cancellation window' },
        help: {
          ko: '결제가 속한 달의 청구가 마감됐으면 취소가 아니라 환불로 전환합니다.',
          en: 'Once the billing month of the payment has closed, switch to a refund instead of a cancellation.',
        },
        requires: ['paidAt'],
        blocking: true,
      },
      {
        id: 'submitCancel',
        label: { ko: '결제대행사·통신사에 취소 요청', en: 'Submit the cancellation to the payment gateway or carrier' },
      },
      {
        id: 'confirmNotice',
        label: { ko: '결과 통보(문자·이메일)와 환불 소요 기간 안내', en: 'Tell the customer about the SMS/e-mail notice and refund timing' },
      },
    ],
    deadlines: [
      {
        id: 'cancelWindowEndsAt',
        customerVisible: true,
        label: { ko: '취소 가능 기한 (청구월 말일)', en: 'Cancellation window ends (end of billing month)' },
        help: {
          ko: '통신사는 보통 결제한 달 안에서만 취소를 받습니다. 정책이 다르면 개월 수를 바꾸거나 일수 기준으로 바꿔 주세요.',
          en: 'Carriers usually accept cancellations only within the month of payment. Change the months, or switch to a day offset, if your policy differs.',
        },
        rule: { kind: 'end_of_month', from: 'field:paidAt', monthsAfter: 0 },
        warnBeforeHours: 72,
      },
    ],
    resolutions: [
      {
        code: 'cancelled',
        label: { ko: '결제 취소', en: 'Payment cancelled' },
        notAfterDeadline: 'cancelWindowEndsAt',
        alternative: 'converted_to_refund',
        reply: 'cancelDone',
      },
      {
        code: 'converted_to_refund',
        label: { ko: '환불로 전환', en: 'Converted to a refund' },
        reply: 'convertedToRefund',
      },
      {
        code: 'refusal_upheld',
        label: { ko: '취소 불가', en: 'Cancellation refused' },
        reasonCodes: [
          { code: 'windowPassed', label: { ko: '취소 가능 기간이 지남', en: 'Cancellation window has passed' } },
          { code: 'notOurPayment', label: { ko: '당사 결제 건이 아님', en: 'Not a payment made with us' } },
          { code: 'duplicateRequest', label: { ko: '이미 처리된 중복 요청', en: 'Duplicate of a handled request' } },
        ],
        reply: 'cancelRefused',
      },
    ],
    replies: [
      {
        id: 'requestReceived',
        label: { ko: '취소 요청 접수', en: 'Cancellation request received' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n휴대폰 소액결제 취소 요청을 {{ticket.reference}} 번으로 접수했습니다. 결제 내역을 확인한 뒤 바로 처리해 드리겠습니다. 이 결제는 {{deadline.cancelWindowEndsAt}}까지 취소할 수 있으며, 그 이후에는 환불로 진행됩니다.\n\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nWe have received your request to cancel a mobile phone payment, reference {{ticket.reference}}. We will check the payment and process it right away. This payment can be cancelled until {{deadline.cancelWindowEndsAt}}; after that it is handled as a refund.\n\nKind regards,\n{{agent.name}}',
        },
      },
      {
        id: 'cancelDone',
        label: { ko: '취소 완료 안내', en: 'Cancellation done' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n{{field.productName}} 결제({{field.amount}}) 취소를 요청했습니다. 처리 결과는 결제하신 휴대폰 문자 또는 이메일로 따로 안내됩니다. 취소가 청구서나 환불에 반영되기까지는 영업일 기준 며칠이 걸릴 수 있으니 양해 부탁드립니다.\n\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nWe have submitted the cancellation of your payment for {{field.productName}} ({{field.amount}}). You will receive the result by text message to the paying phone or by e-mail. It may take a few business days before the cancellation shows on your bill or the money is returned.\n\nKind regards,\n{{agent.name}}',
        },
      },
      {
        id: 'convertedToRefund',
        label: { ko: '환불 전환 안내', en: 'Switched to a refund' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n이 결제는 이미 통신사 청구가 마감되어 결제 취소 대신 환불로 처리해 드립니다. 환불 결과는 문자 또는 이메일로 안내되며, 입금까지 영업일 기준 며칠이 걸릴 수 있습니다.\n\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nThe carrier has already closed the billing month for this payment, so instead of cancelling it we are refunding you. You will be notified by text message or e-mail, and the money may take a few business days to arrive.\n\nKind regards,\n{{agent.name}}',
        },
      },
      {
        id: 'cancelRefused',
        label: { ko: '취소 불가 안내', en: 'Cancellation refused' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n요청하신 결제 취소를 진행할 수 없어 안내드립니다.\n사유: {{resolution.reason}}\n\n다른 결제 건을 말씀하신 것이라면 결제 확인 문자를 캡처해 이 메일에 답장해 주세요. 다시 확인해 드리겠습니다.\n\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nWe are sorry, but we cannot cancel this payment.\nReason: {{resolution.reason}}\n\nIf you meant a different payment, reply with a screenshot of its confirmation text message and we will check again.\n\nKind regards,\n{{agent.name}}',
        },
      },
    ],
    defaults: { priority: 'normal', slaPolicy: 'standard', tags: ['micropayment'] },
    automations: [
      {
        id: 'windowClosing',
        on: 'deadline_warning:cancelWindowEndsAt',
        action: 'notify_lead',
        label: { ko: '취소 기한 임박: 팀장 알림', en: 'Cancellation window closing: tell the lead' },
      },
    ],
    suggest: {
      paymentMethods: ['mobile_carrier'],
      keywords: ['소액결제', '휴대폰 결제', '핸드폰 결제', '통신사 결제', 'micropayment', 'carrier billing'],
    },
  },
};

const sellerUnreachable: TemplateInput = {
  key: 'seller_unreachable',
  type: 'refund',
  title: { ko: '결제 후 연락 두절', en: 'Seller unreachable after payment' },
  active: true,
  definition: {
    summary: {
      ko: '결제 후 판매자와 연락이 닿지 않는 경우입니다. 결제 사실부터 확인하고 모든 채널로 연락을 시도하며, 사기 가능성과 외부 신고 경로를 함께 검토합니다.',
      en: 'The customer paid and the seller went silent. Verify the payment first, try every channel and log it, and weigh fraud and outside reporting.',
    },
    customerTitle: { ko: '결제했는데 판매자와 연락이 안 돼요', en: 'I paid and now the seller does not answer' },
    fields: [
      {
        id: 'paymentProof',
        type: 'evidence',
        label: { ko: '결제 증빙', en: 'Proof of payment' },
        help: {
          ko: '영수증, 결제 완료 알림, 은행 거래내역 중 하나 이상을 첨부해 주세요.',
          en: 'Attach a receipt, the payment notification or a bank statement line.',
        },
        required: true,
        fillableBy: ['customer', 'agent'],
      },
      {
        id: 'orderNumber',
        type: 'order_number',
        label: { ko: '주문번호 (있으면)', en: 'Order number (if any)' },
        required: false,
        fillableBy: ['customer', 'agent'],
        prefillFrom: 'order.number',
      },
      {
        id: 'paidAt',
        type: 'datetime',
        label: { ko: '결제 일시', en: 'Payment date and time' },
        required: true,
        fillableBy: ['customer', 'agent'],
        prefillFrom: 'order.paidAt',
      },
      {
        id: 'amount',
        type: 'money_krw',
        label: { ko: '결제 금액 (원)', en: 'Amount paid (KRW)' },
        required: true,
        fillableBy: ['customer', 'agent'],
        prefillFrom: 'order.amount',
        validation: { min: 0 },
      },
      {
        id: 'productInfo',
        type: 'text',
        label: { ko: '구매한 상품 정보', en: 'What was bought' },
        help: {
          ko: '상품명, 옵션, 판매 페이지 주소 등을 적어 주세요.',
          en: 'Product name, options, and the link to the listing.',
        },
        required: true,
        fillableBy: ['customer', 'agent'],
        validation: { maxLength: 2000 },
      },
      {
        id: 'sellerId',
        type: 'text',
        label: { ko: '판매자 (상호·ID)', en: 'Seller (name or ID)' },
        required: false,
        fillableBy: ['customer', 'agent'],
        validation: { maxLength: 200 },
      },
      {
        id: 'contactAttempts',
        type: 'text',
        label: { ko: '판매자 연락 시도 기록', en: 'Seller contact attempts' },
        help: {
          ko: '시도할 때마다 일시, 채널(전화·이메일·메시지), 결과를 한 줄씩 남깁니다. 신고나 소송 때 그대로 증빙이 됩니다.',
          en: 'One line per attempt: date and time, channel (phone, e-mail, message) and outcome. It becomes evidence for a report or a lawsuit.',
        },
        required: false,
        fillableBy: ['agent'],
        validation: { maxLength: 10000 },
      },
      {
        id: 'fraudSuspected',
        type: 'boolean',
        label: { ko: '사기 의심', en: 'Fraud suspected' },
        required: false,
        fillableBy: ['agent'],
      },
    ],
    checklist: [
      {
        id: 'verifyPayment',
        label: { ko: '실제 결제가 이루어졌는지 확인', en: 'Verify the payment really went through' },
        help: {
          ko: '결제 오류나 미완료 결제일 수도 있으니 증빙과 결제 기록을 대조합니다.',
          en: 'It may be a payment error or an unfinished payment; match the proof against the payment records.',
        },
        requires: ['paymentProof'],
        blocking: true,
      },
      {
        id: 'ruleOutSystemError',
        label: { ko: '결제·시스템 오류 여부 확인', en: 'Rule out a payment or system error' },
      },
      {
        id: 'contactSeller',
        label: { ko: '모든 채널로 판매자 연락 시도 및 기록', en: 'Try every channel to reach the seller and log each attempt' },
        help: {
          ko: '전화를 피하는 판매자에게는 이메일이 기록도 남고 효과적입니다.',
          en: 'When a seller dodges calls, e-mail works better and leaves a record.',
        },
        requires: ['contactAttempts'],
        blocking: true,
      },
      {
        id: 'assessFraud',
        label: { ko: '사기 가능성 판단', en: 'Assess possible fraud' },
        help: {
          ko: '잠적, 폐업, 같은 판매자에 대한 다른 문의가 있으면 사기 의심으로 표시하고 팀장과 공유합니다.',
          en: 'Vanished seller, closed business or other complaints about the same seller: mark as suspected fraud and involve the lead.',
        },
        requires: ['fraudSuspected'],
      },
      {
        id: 'explainExternalRoutes',
        label: { ko: '한국소비자원 신고·법적 절차 안내', en: 'Explain the Korea Consumer Agency report and the legal route' },
        help: {
          ko: '해결되지 않으면 고객에게 신고 방법과 준비할 자료(결제 내역, 연락 기록)를 알려 줍니다.',
          en: 'If it stays unresolved, tell the customer how to report and what to prepare (payment records, contact log).',
        },
      },
    ],
    deadlines: [
      {
        id: 'sellerResponseDue',
        customerVisible: true,
        label: { ko: '판매자 응답 대기 기한', en: 'Seller response due' },
        help: {
          ko: '접수 후 3일 안에 판매자가 답하지 않으면 환불 또는 외부 신고 안내로 넘어갑니다. 일수는 바꿀 수 있습니다.',
          en: 'If the seller has not answered within 3 days of the ticket, move on to a refund or outside reporting. The days are configurable.',
        },
        rule: { kind: 'offset', from: 'ticket.createdAt', days: 3 },
        warnBeforeHours: 24,
      },
    ],
    resolutions: [
      {
        code: 'full_refund',
        label: { ko: '환불 완료', en: 'Refund issued' },
        requires: ['paymentProof'],
        reply: 'refundIssued',
      },
      {
        code: 'seller_fulfilled',
        label: { ko: '판매자 연락·주문 이행', en: 'Seller reached, order fulfilled' },
        reply: 'sellerReached',
      },
      {
        code: 'referred_to_agency',
        label: { ko: '한국소비자원·수사기관 안내', en: 'Referred to consumer agency or police' },
        requires: ['contactAttempts'],
        reply: 'externalRoutes',
      },
    ],
    replies: [
      {
        id: 'caseReceived',
        label: { ko: '접수 및 확인 중 안내', en: 'Received, looking into it' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n결제 후 판매자와 연락이 되지 않아 많이 불안하셨을 것 같습니다. 문의는 {{ticket.reference}} 번으로 접수되었습니다.\n\n먼저 결제가 정상적으로 처리되었는지 확인하고, 판매자에게 전화와 이메일 등 가능한 모든 방법으로 연락해 보겠습니다. {{deadline.sellerResponseDue}}까지 진행 상황을 알려 드리겠습니다. 영수증이나 결제 알림을 아직 보내지 않으셨다면 이 메일에 답장으로 첨부해 주세요.\n\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nNot hearing back from a seller after paying is worrying, and we are on it. Your request is logged as {{ticket.reference}}.\n\nWe will first confirm that the payment went through, then try to reach the seller by phone, e-mail and every other channel we have. You will hear from us by {{deadline.sellerResponseDue}}. If you have not sent a receipt or payment notification yet, please attach it in a reply.\n\nKind regards,\n{{agent.name}}',
        },
      },
      {
        id: 'refundIssued',
        label: { ko: '환불 완료 안내', en: 'Refund issued' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n판매자와 끝내 연락이 닿지 않아 결제하신 {{resolution.amount}}을 환불해 드렸습니다. 결제 수단에 따라 반영까지 영업일 기준 며칠이 걸릴 수 있습니다.\n\n오래 기다리시게 해서 죄송합니다.\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nWe could not get hold of the seller, so we have refunded the {{resolution.amount}} you paid. Depending on the payment method it may take a few business days to show up.\n\nSorry for the long wait,\n{{agent.name}}',
        },
      },
      {
        id: 'sellerReached',
        label: { ko: '판매자 연락 완료 안내', en: 'Seller reached' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n판매자와 연락이 되어 주문을 이행하기로 확인했습니다. 발송 정보가 나오면 바로 전달해 드리겠습니다. 혹시 다시 연락이 끊기면 이 메일에 답장만 해 주세요.\n\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nWe have reached the seller and they have confirmed they will fulfil your order. We will pass on the shipping details as soon as we have them. If they go quiet again, simply reply to this e-mail.\n\nKind regards,\n{{agent.name}}',
        },
      },
      {
        id: 'externalRoutes',
        label: { ko: '외부 신고 경로 안내', en: 'Outside reporting options' },
        body: {
          ko: '안녕하세요, {{customer.name}} 고객님.\n\n여러 차례, 여러 방법으로 판매자에게 연락했지만 답을 받지 못했습니다. 이런 경우 한국소비자원에 피해를 신고하실 수 있고, 사기가 의심되면 경찰에 신고하시거나 법률 상담을 거쳐 소송을 검토하실 수 있습니다.\n\n신고할 때 필요한 결제 내역과 저희의 연락 시도 기록은 요청하시면 정리해서 보내 드리겠습니다.\n\n{{agent.name}} 드림',
          en: 'Hello {{customer.name}},\n\nWe have tried to reach the seller several times and through several channels without an answer. You can report the case to the Korea Consumer Agency, and if you suspect fraud you can go to the police or, after legal advice, consider a lawsuit.\n\nOn request we will put together the payment records and our log of contact attempts for you to submit.\n\nKind regards,\n{{agent.name}}',
        },
      },
    ],
    defaults: { priority: 'high', slaPolicy: 'standard', tags: ['seller_unreachable'] },
    automations: [
      {
        id: 'fraudReview',
        on: 'applied',
        action: 'notify_lead',
        label: { ko: '사기 가능성 검토 요청', en: 'Fraud review request' },
      },
      {
        id: 'sellerSilent',
        on: 'deadline_warning:sellerResponseDue',
        action: 'escalate',
        label: { ko: '판매자 무응답 기한 임박: 에스컬레이션', en: 'Seller still silent near the deadline: escalate' },
      },
    ],
    suggest: {
      paymentMethods: ['bank_transfer'],
      keywords: ['연락 두절', '연락이 안', '연락 안 됨', '잠적', '답장이 없', 'no response', 'seller not responding'],
    },
  },
};

export const SEED_TEMPLATES: TemplateInput[] = [
  missingItem,
  lostHighValue,
  refundRefused,
  micropaymentCancel,
  sellerUnreachable,
];
