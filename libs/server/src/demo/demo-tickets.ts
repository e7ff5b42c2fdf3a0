// Demo data for the ShopDesk seed: 50 support tickets, 10 per support scenario.
//
// Every person, e-mail address, phone number, order, seller code and tracking number below is
// invented. E-mail addresses use only the reserved example.com / example.kr / example.net domains,
// and phone numbers use the 010-0xxx / 010-1xxx ranges, which are not issued to subscribers.
// Waybill numbers have the usual length per courier (CJ/한진/롯데 12 digits, 우체국 13, 로젠 11);
// international tracking numbers follow the UPU S10 format (with a valid check digit) or the
// 16-character LP… format used by marketplace logistics.
//
// `ageHours` is how long before the seed run the ticket was created; `afterHours` places each
// message relative to the ticket's creation. The order dates assume a seed run in late November 2026.

import type { CreateTicketInput, MessageKind, TicketStatus } from '@shopdesk/contracts/tickets';

export type DemoScenario =
  | 'missing_item'
  | 'lost_high_value'
  | 'refund_refused'
  | 'micropayment_cancel'
  | 'seller_unreachable';
export type DemoAgentKey = 'agent' | 'lead' | 'admin';

export interface DemoMessage {
  kind: MessageKind;
  author: 'customer' | DemoAgentKey;
  /** Plain text, Korean. */
  body: string;
  /** Hours after ticket creation. */
  afterHours: number;
}

export interface DemoTicket {
  scenario: DemoScenario;
  input: CreateTicketInput;
  /** Final status to drive the ticket to. */
  status: TicketStatus;
  /** How long ago the ticket was created (0.5 … 24*40). */
  ageHours: number;
  assignTo: DemoAgentKey | null;
  messages: DemoMessage[];
}

export const DEMO_TICKETS: DemoTicket[] = [
  // ───────────────────────────── 1. 배송 누락 (missing_item) ─────────────────────────────
  {
    scenario: 'missing_item',
    status: 'new',
    ageHours: 1.5,
    assignTo: null,
    input: {
      type: 'missing_delivery',
      subject: '티셔츠 2장 중 1장만 왔어요',
      description:
        '어제 택배를 받았는데 티셔츠를 2장 주문했는데 1장만 들어 있었습니다. 양말과 모자는 잘 왔고 상자 테이프도 뜯긴 흔적이 없었어요. 나머지 1장은 어떻게 받을 수 있을까요?',
      priority: 'normal',
      channel: 'form',
      tags: ['partial_missing'],
      customer: { name: '김민지', email: 'minji.kim@example.com', phone: '010-0412-7785' },
      order: {
        number: 'ORD-20261118-48213',
        items: [
          { sku: 'SKU-TSHIRT-BLK-M', name: '오버핏 반팔 티셔츠 블랙 M', qty: 2, price: 19900 },
          { sku: 'SKU-SOCK-WHT-3P', name: '스포츠 양말 화이트 3족', qty: 1, price: 8900 },
          { sku: 'SKU-CAP-NVY', name: '코튼 볼캡 네이비', qty: 1, price: 24000 },
        ],
        amount: 72700,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-11-18T21:14:05+09:00',
      },
      shipment: { courierCode: '04', waybillNumber: '677074107010', expectedDeliveryDate: '2026-11-20' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '받은 상자와 내용물 사진을 찍어 두었습니다. 필요하시면 바로 보내드릴게요.',
        afterHours: 0.2,
      },
    ],
  },
  {
    scenario: 'missing_item',
    status: 'new',
    ageHours: 4,
    assignTo: 'agent',
    input: {
      type: 'missing_delivery',
      subject: '냄비 세트 중 편수냄비가 없습니다',
      description:
        '프라이팬과 유리 뚜껑만 들어 있고 편수냄비가 빠져 있어요. 상자가 생각보다 작아서 이상하다 싶었는데 역시나였습니다. 배송조회에는 그냥 배송완료로만 나와요.',
      priority: 'normal',
      channel: 'phone',
      tags: ['partial_missing'],
      customer: { name: '이서준', email: 'seojun.lee@example.kr', phone: '010-0927-3341' },
      order: {
        number: 'ORD-20261117-20457',
        items: [
          { sku: 'SKU-PAN-28-IH', name: '통주물 IH 프라이팬 28cm', qty: 1, price: 45000 },
          { sku: 'SKU-POT-20-SS', name: '스테인리스 편수냄비 20cm', qty: 1, price: 38000 },
          { sku: 'SKU-LID-28-GLS', name: '강화유리 뚜껑 28cm', qty: 1, price: 12500 },
        ],
        amount: 95500,
        currency: 'KRW',
        paymentMethod: 'kakaopay',
        paidAt: '2026-11-17T12:40:33+09:00',
      },
      shipment: { courierCode: '05', waybillNumber: '587433286111', expectedDeliveryDate: '2026-11-20' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '전화로 말씀드린 건 상자 사진 올립니다. 송장 스티커도 같이 찍었어요.',
        afterHours: 0.3,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '전화 접수 건. WMS상 3개 SKU 한 박스 출고로 기록됨(분리 배송 아님). 포장 검수 사진 요청해 둠.',
        afterHours: 0.6,
      },
    ],
  },
  {
    scenario: 'missing_item',
    status: 'open',
    ageHours: 20,
    assignTo: 'agent',
    input: {
      type: 'missing_delivery',
      subject: '세럼 2개 주문했는데 1개만 왔어요',
      description:
        '비타민C 세럼을 두 개 주문했는데 한 개만 들어 있었습니다. 크림과 마스크팩은 다 왔어요. 다음 주 수요일에 줄 생일 선물이라 그 전에 받을 수 있으면 좋겠습니다.',
      priority: 'normal',
      channel: 'form',
      tags: ['partial_missing', 'gift_order'],
      customer: { name: '박지우', email: 'jiwoo_park@example.net', phone: '010-1035-6628' },
      order: {
        number: 'ORD-20261115-73920',
        items: [
          { sku: 'SKU-SERUM-VITC-30', name: '비타민C 세럼 30ml', qty: 2, price: 28000 },
          { sku: 'SKU-CREAM-CICA-50', name: '시카 수분크림 50ml', qty: 1, price: 32000 },
          { sku: 'SKU-MASK-SHEET-10', name: '진정 시트마스크 10매', qty: 1, price: 15000 },
        ],
        amount: 103000,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-11-15T09:05:12+09:00',
      },
      shipment: { courierCode: '08', waybillNumber: '241031680676', expectedDeliveryDate: '2026-11-19' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '상자 안에 들어 있던 거래명세서에도 세럼 수량이 2개로 적혀 있어요.',
        afterHours: 0.3,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '박지우 고객님, 불편을 드려 죄송합니다. 주문번호 ORD-20261115-73920의 출고 내역과 포장 검수 기록을 확인하고 있습니다. 누락이 확인되면 세럼 1개를 바로 재발송해 드리고, 선물 일정에 맞출 수 있도록 우선 출고로 요청하겠습니다. 오늘 중으로 결과를 다시 안내드리겠습니다.',
        afterHours: 2.5,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '검수 사진상 세럼 1개만 담김 → 출고 누락 가능성 높음. 재고 충분, 재발송 요청 예정.',
        afterHours: 3,
      },
    ],
  },
  {
    scenario: 'missing_item',
    status: 'open',
    ageHours: 30,
    assignTo: 'lead',
    input: {
      type: 'missing_delivery',
      subject: '코트만 빠지고 니트·머플러만 도착했어요',
      description:
        '코트, 니트, 머플러를 한 번에 주문했는데 니트와 머플러만 왔습니다. 송장도 하나, 상자도 하나였고 코트는 없었어요. 제일 비싼 상품이 빠져 있어서 많이 당황스럽습니다.',
      priority: 'high',
      channel: 'email',
      tags: ['vip', 'partial_missing'],
      customer: { name: '최예린', email: 'yerin.choi92@example.com', phone: '010-0581-2290' },
      order: {
        number: 'ORD-20261114-11876',
        items: [
          { sku: 'SKU-COAT-WOOL-BEI-M', name: '울 블렌드 싱글 코트 베이지 M', qty: 1, price: 189000 },
          { sku: 'SKU-KNIT-CASH-GRY-M', name: '캐시미어 라운드 니트 그레이 M', qty: 1, price: 79000 },
          { sku: 'SKU-MUFF-KNIT-CRM', name: '니트 머플러 크림', qty: 1, price: 29000 },
        ],
        amount: 297000,
        currency: 'KRW',
        paymentMethod: 'kakaopay',
        paidAt: '2026-11-14T22:31:47+09:00',
      },
      shipment: { courierCode: '01', waybillNumber: '6516888572130', expectedDeliveryDate: '2026-11-19' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '혹시 코트만 따로 발송되는 건지도 확인 부탁드려요. 그런 안내는 받은 적이 없습니다.',
        afterHours: 0.4,
      },
      {
        kind: 'internal_note',
        author: 'lead',
        body: 'VIP 고객. 코트 별도 송장 없음 → 분리 출고 아님. 출고 누락이면 당일 출고로 재발송, 사과 쿠폰 검토.',
        afterHours: 3,
      },
      {
        kind: 'public_reply',
        author: 'lead',
        body: '최예린 고객님, 이용에 불편을 드려 진심으로 죄송합니다. 확인해 보니 코트는 별도로 발송된 기록이 없어 물류센터에 출고 누락 여부를 확인 요청했습니다. 누락이 확인되는 대로 코트를 당일 출고로 다시 보내드리고 새 송장번호를 안내드리겠습니다. 조금만 기다려 주세요.',
        afterHours: 5,
      },
    ],
  },
  {
    scenario: 'missing_item',
    status: 'pending_courier',
    ageHours: 52,
    assignTo: 'agent',
    input: {
      type: 'missing_delivery',
      subject: '배송완료로 뜨는데 물건을 못 받았어요',
      description:
        '배송조회에는 11월 17일 오후에 문 앞 배송완료로 나오는데 아무것도 받지 못했습니다. 경비실과 옆집에도 물어봤지만 없었어요. 혹시 다른 동으로 간 건 아닌지 확인 부탁드려요.',
      priority: 'normal',
      channel: 'form',
      tags: ['wrong_address', 'courier_claim'],
      customer: { name: '정하준', email: 'hajun.jung@example.com', phone: '010-1164-0938' },
      order: {
        number: 'ORD-20261112-55031',
        items: [
          { sku: 'SKU-PROTEIN-CHOC-2KG', name: '웨이 프로틴 초코맛 2kg', qty: 1, price: 54900 },
          { sku: 'SKU-SHAKER-600', name: '쉐이커 보틀 600ml', qty: 2, price: 6500 },
        ],
        amount: 67900,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-11-12T14:22:09+09:00',
      },
      shipment: { courierCode: '04', waybillNumber: '686666440154', expectedDeliveryDate: '2026-11-17' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '배송완료 문자에 사진이 첨부돼 있었는데 저희 집 현관이 아니에요. 캡처해서 올립니다.',
        afterHours: 0.2,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '정하준 고객님, 사진까지 보내주셔서 감사합니다. 배송완료 사진이 고객님 댁 현관과 다르다는 내용을 포함해 CJ대한통운에 송장번호 686666440154로 오배송 조사를 요청했습니다. 담당 기사님 확인까지 보통 1~2영업일이 걸리며, 상품 회수가 어려우면 재발송과 환불 중 원하시는 방법으로 처리해 드리겠습니다.',
        afterHours: 3,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: 'CJ 고객센터 사고 접수 완료, 집배점 회신 대기. 48시간 내 회신 없으면 재발송 진행.',
        afterHours: 3.2,
      },
    ],
  },
  {
    scenario: 'missing_item',
    status: 'pending_courier',
    ageHours: 75,
    assignTo: 'agent',
    input: {
      type: 'missing_delivery',
      subject: '선반 두 박스 중 한 박스가 안 왔어요',
      description:
        '선반이 두 박스로 나뉘어 온다고 들었는데 기둥 부품 박스만 받고 선반판 박스는 못 받았습니다. 조립을 못 해서 거실에 그대로 세워 두고 있어요.',
      priority: 'normal',
      channel: 'phone',
      tags: ['multi_box', 'courier_claim'],
      customer: { name: '강수빈', email: 'subin.kang@example.kr', phone: '010-0739-5512' },
      order: {
        number: 'ORD-20261116-30684',
        items: [
          { sku: 'SKU-RACK-3T-WHT', name: '3단 스틸 선반 화이트', qty: 1, price: 42000 },
          { sku: 'SKU-BOX-STRG-L', name: '리빙박스 대형', qty: 4, price: 7900 },
        ],
        amount: 73600,
        currency: 'KRW',
        paymentMethod: 'kakaopay',
        paidAt: '2026-11-16T10:12:33+09:00',
      },
      shipment: { courierCode: '06', waybillNumber: '36596839387', expectedDeliveryDate: '2026-11-18' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '기사님 말씀으로는 차에 한 박스만 실려 있었다고 하시네요.',
        afterHours: 0.5,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '강수빈 고객님, 불편을 드려 죄송합니다. 로젠택배에 송장번호 36596839387로 두 번째 박스의 위치 확인을 요청했습니다. 터미널에 남아 있는 경우 이어서 배송되며, 분실로 확인되면 선반판을 바로 재발송해 드리겠습니다. 결과가 나오는 대로 연락드리겠습니다.',
        afterHours: 4,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '로젠 터미널에서 2/2 박스 미스캔. 터미널 재고 확인 회신 대기 중.',
        afterHours: 4.5,
      },
    ],
  },
  {
    scenario: 'missing_item',
    status: 'pending_warehouse',
    ageHours: 46,
    assignTo: 'agent',
    input: {
      type: 'missing_delivery',
      subject: '충전기가 누락됐습니다',
      description:
        '케이블 3개는 왔는데 충전기가 없어요. 상자 안에 완충재만 잔뜩 들어 있었습니다. 혹시 따로 발송되는 건가요?',
      priority: 'normal',
      channel: 'form',
      tags: ['partial_missing', 'reship'],
      customer: { name: '조은우', email: 'eunwoo.cho@example.net', phone: '010-1420-8867' },
      order: {
        number: 'ORD-20261113-61542',
        items: [
          { sku: 'SKU-CABLE-C2C-1M', name: 'USB-C 충전 케이블 1m', qty: 3, price: 9900 },
          { sku: 'SKU-CHGR-65W-GAN', name: '65W GaN 고속 충전기', qty: 1, price: 39000 },
        ],
        amount: 68700,
        currency: 'KRW',
        paymentMethod: 'kakaopay',
        paidAt: '2026-11-13T19:48:26+09:00',
      },
      shipment: { courierCode: '05', waybillNumber: '521200494414', expectedDeliveryDate: '2026-11-18' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '개봉 영상은 없지만 열었을 때 상자 안 사진은 있어요.',
        afterHours: 0.3,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '조은우 고객님, 기다려 주셔서 감사합니다. 물류센터 출고 검수 기록에서 충전기 누락이 확인되어 충전기 1개 재발송을 요청했습니다. 출고되면 새 송장번호를 문자로 보내드리며 보통 1~2일 안에 받아보실 수 있습니다. 받으신 케이블은 그대로 사용하시면 됩니다.',
        afterHours: 6,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '재발송 요청 생성 (SKU-CHGR-65W-GAN ×1). 창고 출고되면 송장 업데이트.',
        afterHours: 6.2,
      },
    ],
  },
  {
    scenario: 'missing_item',
    status: 'pending_warehouse',
    ageHours: 70,
    assignTo: 'agent',
    input: {
      type: 'missing_delivery',
      subject: '기저귀 3팩 주문했는데 2팩만 왔어요',
      description:
        '기저귀 세 팩을 주문했는데 두 팩만 왔습니다. 아기가 쓰는 거라 금방 떨어지니 최대한 빨리 보내주셨으면 해요.',
      priority: 'high',
      channel: 'agent',
      tags: ['partial_missing', 'reship', 'priority_item'],
      customer: { name: '윤서연', email: 'seoyeon.yoon@example.com', phone: '010-0258-4419' },
      order: {
        number: 'ORD-20261116-84417',
        items: [
          { sku: 'SKU-DIAPER-M-64', name: '밴드형 기저귀 중형 64매', qty: 3, price: 27900 },
          { sku: 'SKU-WIPE-80-10P', name: '순면 물티슈 80매 10팩', qty: 1, price: 16900 },
        ],
        amount: 100600,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-11-16T11:03:54+09:00',
      },
      shipment: { courierCode: '01', waybillNumber: '6625049940170', expectedDeliveryDate: '2026-11-18' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '채팅으로 말씀드린 주문 건이에요. 받은 두 팩 사진 첨부합니다.',
        afterHours: 0.1,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '윤서연 고객님, 급하게 쓰셔야 하는 상품인데 불편을 드려 정말 죄송합니다. 누락된 기저귀 1팩을 오늘 우선 출고로 재발송하도록 요청했습니다. 출고되면 우체국택배 송장번호를 문자로 보내드리겠습니다.',
        afterHours: 2,
      },
      {
        kind: 'internal_note',
        author: 'lead',
        body: '육아용품 누락은 우선 처리. 창고에 당일 출고 재요청, 누락 원인(피킹 수량 오류?)도 같이 확인 요청.',
        afterHours: 2.5,
      },
      {
        kind: 'customer_message',
        author: 'customer',
        body: '아직 출고됐다는 문자를 못 받았어요. 언제쯤 출발하나요?',
        afterHours: 30,
      },
    ],
  },
  {
    scenario: 'missing_item',
    status: 'resolved',
    ageHours: 190,
    assignTo: 'agent',
    input: {
      type: 'missing_delivery',
      subject: '독서대가 같이 안 왔어요',
      description:
        '아이 과학 전집은 잘 받았는데 함께 주문한 원목 독서대가 없습니다. 주문 내역에는 둘 다 결제된 걸로 나와요.',
      priority: 'normal',
      channel: 'form',
      tags: ['partial_missing', 'out_of_stock', 'partial_refund'],
      customer: { name: '장도현', email: 'dohyun.jang@example.kr', phone: '010-1873-2206' },
      order: {
        number: 'ORD-20261111-39268',
        items: [
          { sku: 'SKU-BOOK-SCI-SET5', name: '어린이 과학 전집 5권 세트', qty: 1, price: 68000 },
          { sku: 'SKU-BOOKSTAND-WD', name: '원목 독서대', qty: 1, price: 23000 },
        ],
        amount: 91000,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-11-11T08:17:40+09:00',
      },
      shipment: { courierCode: '04', waybillNumber: '671916733460', expectedDeliveryDate: '2026-11-13' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '상자를 다 뒤져 봤는데 독서대는 정말 없어요.',
        afterHours: 0.4,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '장도현 고객님, 확인해 보니 독서대가 출고 직전 품절되어 함께 포장되지 못했습니다. 재입고가 12월 중순 예정이라 재발송 대신 독서대 금액 23,000원을 부분 환불해 드리는 방법을 제안드립니다. 괜찮으실지 답장 주시면 바로 처리하겠습니다.',
        afterHours: 5,
      },
      {
        kind: 'customer_message',
        author: 'customer',
        body: '네, 기다리기 어려우니 환불로 해주세요.',
        afterHours: 20,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '말씀하신 대로 23,000원 부분 환불을 처리했습니다. 카드사에 따라 승인 취소가 반영되기까지 3~5영업일 정도 걸릴 수 있습니다. 불편을 드려 다시 한번 죄송합니다.',
        afterHours: 22,
      },
    ],
  },
  {
    scenario: 'missing_item',
    status: 'closed',
    ageHours: 820,
    assignTo: 'agent',
    input: {
      type: 'missing_delivery',
      subject: '코스터가 들어 있지 않아요',
      description: '머그 세트는 잘 받았는데 같이 주문한 코르크 코스터가 보이지 않습니다. 주문서에는 포함되어 있어요.',
      priority: 'low',
      channel: 'form',
      tags: ['customer_error'],
      customer: { name: '임채원', email: 'chaewon.lim@example.com', phone: '010-0346-9051' },
      order: {
        number: 'ORD-20261013-27705',
        items: [
          { sku: 'SKU-MUG-CER-2P', name: '세라믹 머그 2개 세트', qty: 1, price: 22000 },
          { sku: 'SKU-COASTER-CORK-4P', name: '코르크 코스터 4개입', qty: 1, price: 7500 },
        ],
        amount: 29500,
        currency: 'KRW',
        paymentMethod: 'kakaopay',
        paidAt: '2026-10-13T16:29:11+09:00',
      },
      shipment: { courierCode: '08', waybillNumber: '298583701533', expectedDeliveryDate: '2026-10-16' },
    },
    messages: [
      {
        kind: 'public_reply',
        author: 'agent',
        body: '임채원 고객님, 코스터는 머그 세트 상자 맨 아래 완충재 밑에 작은 비닐로 따로 포장되어 있습니다. 한 번만 더 확인해 주시겠어요? 그래도 없으시면 말씀 주세요. 바로 다시 보내드리겠습니다.',
        afterHours: 3,
      },
      {
        kind: 'customer_message',
        author: 'customer',
        body: '아, 정말 맨 밑에 있었네요! 번거롭게 해드려 죄송합니다.',
        afterHours: 9,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '찾으셨다니 다행입니다. 다음에는 안내 스티커를 붙여 더 잘 보이게 포장하겠습니다. 좋은 하루 보내세요.',
        afterHours: 10,
      },
    ],
  },

  // ─────────────────────────── 2. 고가 상품 분실 (lost_high_value) ───────────────────────────
  {
    scenario: 'lost_high_value',
    status: 'new',
    ageHours: 2,
    assignTo: null,
    input: {
      type: 'missing_delivery',
      subject: '드론 배송 조회가 통관 후 멈췄어요',
      description:
        '11월 8일 인천공항 통관 완료 이후로 2주 가까이 배송 조회가 바뀌지 않습니다. 예상 도착일도 지났는데 소식이 없어서 분실된 건 아닌지 걱정됩니다.',
      priority: 'high',
      channel: 'form',
      tags: ['high_value', 'cross_border', 'tracking_stalled'],
      customer: { name: '한지호', email: 'jiho.han@example.com', phone: '010-0814-3367' },
      order: {
        number: 'ORD-20261101-90215',
        items: [{ sku: 'SKU-DRONE-4K-FLD', name: '4K 폴더블 드론 (배터리 3개 구성)', qty: 1, price: 689000 }],
        amount: 689000,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-11-01T23:12:50+09:00',
      },
      shipment: { courierCode: '04', waybillNumber: 'LP00427472628124', expectedDeliveryDate: '2026-11-15' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '조회 화면 캡처 첨부합니다. 마지막 기록은 11/8 "국내 택배사 인계"예요.',
        afterHours: 0.3,
      },
    ],
  },
  {
    scenario: 'lost_high_value',
    status: 'open',
    ageHours: 10,
    assignTo: 'lead',
    input: {
      type: 'missing_delivery',
      subject: '220만 원대 노트북이 분실된 것 같습니다',
      description:
        'EMS 조회가 11월 6일 "교환국 도착(중국)" 이후로 멈춰 있습니다. 예상 배송일이 일주일 넘게 지났고 금액이 커서 정말 불안해요. 주문할 때 배송 보험을 선택했는데 어떻게 처리되나요?',
      priority: 'urgent',
      channel: 'form',
      tags: ['high_value', 'cross_border', 'insured', 'ems'],
      customer: { name: '오다은', email: 'daeun.oh@example.kr', phone: '010-1509-7724' },
      order: {
        number: 'ORD-20261028-16390',
        items: [
          { sku: 'SKU-LAPTOP-GM-16', name: '16인치 게이밍 노트북', qty: 1, price: 2190000 },
          { sku: 'SKU-MOUSE-WL-GM', name: '무선 게이밍 마우스', qty: 1, price: 89000 },
        ],
        amount: 2279000,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-10-28T10:44:19+09:00',
      },
      shipment: { courierCode: '01', waybillNumber: 'EB848991496CN', expectedDeliveryDate: '2026-11-12' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '주문 확인 메일과 카드 결제 내역 캡처를 같이 보내드립니다.',
        afterHours: 0.5,
      },
      {
        kind: 'public_reply',
        author: 'lead',
        body: '오다은 고객님, 걱정이 크셨을 텐데 자료까지 보내주셔서 감사합니다. EMS 번호 EB848991496CN은 11월 6일 이후 스캔 기록이 없어 우체국에 국제우편 행방조사를 청구했고, 해외 발송처에도 분실 확인을 요청했습니다. 배송 보험이 적용된 주문이라 분실로 확정되면 보험 청구와 별도로 전액 환불과 재발송 중 원하시는 방법을 고르실 수 있습니다. 조사 결과는 영업일 기준 7일 안에 안내드리겠습니다.',
        afterHours: 3,
      },
      {
        kind: 'internal_note',
        author: 'lead',
        body: '신고가액 2,279,000원, 보험 O. 증거(조회 캡처·결제 내역) 확보. 분쟁 처리 기한 60일 감안해 12/1까지 회신 없으면 재발송 승인.',
        afterHours: 3.5,
      },
    ],
  },
  {
    scenario: 'lost_high_value',
    status: 'open',
    ageHours: 26,
    assignTo: 'agent',
    input: {
      type: 'missing_delivery',
      subject: '로봇청소기 추적이 "항공 출발 대기"에서 멈춤',
      description:
        '10월 말에 주문한 로봇청소기가 11월 3일 "항공 출발 대기" 이후로 아무 기록이 없습니다. 판매자 채팅에도 답이 없어서 이쪽으로 문의드립니다.',
      priority: 'high',
      channel: 'email',
      tags: ['high_value', 'cross_border', 'dispute_opened', 'uninsured'],
      customer: { name: '서민재', email: 'minjae.seo@example.com', phone: '010-0673-1148' },
      order: {
        number: 'ORD-20261024-58102',
        items: [{ sku: 'SKU-ROBOVAC-LDS-W', name: 'LDS 로봇청소기 자동먼지통 포함 화이트', qty: 1, price: 459000 }],
        amount: 459000,
        currency: 'KRW',
        paymentMethod: 'kakaopay',
        paidAt: '2026-10-24T20:05:33+09:00',
      },
      shipment: { courierCode: '08', waybillNumber: 'LP00632993818355', expectedDeliveryDate: '2026-11-10' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '판매자와 나눈 채팅 캡처 3장 첨부합니다. 마지막 답장은 11월 5일이었어요.',
        afterHours: 0.1,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '서민재 고객님, 자료를 보내주셔서 감사합니다. 추적번호 LP00632993818355는 중국 출국 전 단계에서 기록이 멈춰 있어 현지 물류사에 분실 여부 확인을 요청했습니다. 예상 도착일(11월 10일)이 지나 "미배송" 분쟁을 열 수 있는 상태라 저희가 판매처에 분쟁을 접수해 두었습니다. 3영업일 안에 결과를 다시 안내드리겠습니다.',
        afterHours: 6,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '판매처 분쟁 접수 완료. 배송 보험 미가입 → 판매처 책임으로 환불 받는 방향. 분쟁 처리 60일 기한 체크.',
        afterHours: 6.5,
      },
    ],
  },
  {
    scenario: 'lost_high_value',
    status: 'pending_warehouse',
    ageHours: 100,
    assignTo: 'lead',
    input: {
      type: 'missing_delivery',
      subject: '렌즈 분실 확정, 재발송 원합니다',
      description:
        '우체국 조회 결과가 "행방조사 결과: 분실"로 바뀌었습니다. 촬영 일정이 잡혀 있어서 환불보다는 같은 제품을 다시 받고 싶어요.',
      priority: 'high',
      channel: 'form',
      tags: ['high_value', 'cross_border', 'insured', 'reship'],
      customer: { name: '신다현', email: 'dahyun.shin@example.net', phone: '010-1238-5590' },
      order: {
        number: 'ORD-20261020-73348',
        items: [
          { sku: 'SKU-MLENS-50-F18', name: '미러리스 단렌즈 50mm F1.8', qty: 1, price: 329000 },
          { sku: 'SKU-ND-FILTER-58', name: '가변 ND 필터 58mm', qty: 1, price: 59000 },
        ],
        amount: 388000,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-10-20T13:27:02+09:00',
      },
      shipment: { courierCode: '01', waybillNumber: 'RB398655697CN', expectedDeliveryDate: '2026-11-06' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '"분실" 표시된 조회 화면 캡처 올립니다.',
        afterHours: 0.2,
      },
      {
        kind: 'public_reply',
        author: 'lead',
        body: '신다현 고객님, 분실 확인 결과를 알려주셔서 감사합니다. 원하시는 대로 같은 상품 두 가지를 국내 창고 재고에서 다시 보내드리도록 요청했습니다. 해외 배송이 아니라 국내 택배로 출고되어 2~3일 안에 받아보실 수 있고, 출고되면 새 송장번호를 알려드리겠습니다.',
        afterHours: 5,
      },
      {
        kind: 'internal_note',
        author: 'lead',
        body: '국내 재고 렌즈 2개 있음 → 재발송 승인. 해외 발송분 분실 보상은 보험 청구로 별도 진행.',
        afterHours: 5.5,
      },
      {
        kind: 'customer_message',
        author: 'customer',
        body: '촬영이 이번 토요일인데 그 전에 받을 수 있을까요? 출고 문자를 아직 못 받았어요.',
        afterHours: 60,
      },
    ],
  },
  {
    scenario: 'lost_high_value',
    status: 'pending_courier',
    ageHours: 140,
    assignTo: 'lead',
    input: {
      type: 'missing_delivery',
      subject: '통관 후 택배 허브에서 모니터가 사라졌어요',
      description:
        '통관을 마치고 CJ대한통운으로 넘어갔는데 허브 도착 이후 열흘 넘게 기록이 없습니다. 배송 기사님께 전화했더니 물건이 내려오지 않았다고 하시네요. 고가 제품이라 빨리 처리해 주세요.',
      priority: 'urgent',
      channel: 'phone',
      tags: ['high_value', 'cross_border', 'courier_claim'],
      customer: { name: '권태윤', email: 'taeyoon.kwon@example.com', phone: '010-0195-8823' },
      order: {
        number: 'ORD-20261015-40926',
        items: [{ sku: 'SKU-MONITOR-OLED-34', name: '34인치 OLED 울트라와이드 모니터', qty: 1, price: 1249000 }],
        amount: 1249000,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-10-15T18:50:44+09:00',
      },
      shipment: { courierCode: '04', waybillNumber: '695504091251', expectedDeliveryDate: '2026-11-05' },
    },
    messages: [
      {
        kind: 'internal_note',
        author: 'lead',
        body: '전화 접수, 고객 많이 화나 있음. 국제 구간은 정상 인계, 국내 구간 분실로 보임. CJ 사고 접수 번호 받으면 여기 기록.',
        afterHours: 0.5,
      },
      {
        kind: 'public_reply',
        author: 'lead',
        body: '권태윤 고객님, CJ대한통운에 운송장 695504091251 기준으로 분실 사고 접수를 마쳤습니다. 택배사 조사는 보통 5영업일 정도 걸리며, 그 안에 제품이 발견되지 않으면 택배사 보상과 별개로 저희가 먼저 전액 환불 또는 재발송을 진행하겠습니다. 구매 영수증과 조회 화면 캡처를 이 티켓에 답장으로 남겨 주시면 청구 서류에 바로 첨부하겠습니다.',
        afterHours: 4,
      },
      {
        kind: 'customer_message',
        author: 'customer',
        body: '영수증이랑 조회 캡처 올렸습니다. 빠른 처리 부탁드립니다.',
        afterHours: 30,
      },
    ],
  },
  {
    scenario: 'lost_high_value',
    status: 'pending_courier',
    ageHours: 210,
    assignTo: 'agent',
    input: {
      type: 'missing_delivery',
      subject: '미국발 EMS 스마트워치 미도착',
      description:
        '미국에서 보낸 EMS가 10월 25일 "발송국 출발" 이후로 업데이트가 없습니다. 예상일에서 2주가 넘게 지나서 분쟁 기한도 걱정돼요.',
      priority: 'high',
      channel: 'form',
      tags: ['high_value', 'cross_border', 'dispute_opened', 'ems'],
      customer: { name: '황수아', email: 'sua.hwang@example.kr', phone: '010-1647-2039' },
      order: {
        number: 'ORD-20261008-22571',
        items: [
          { sku: 'SKU-WATCH-SMT-TI47', name: '티타늄 스마트워치 47mm', qty: 1, price: 549000 },
          { sku: 'SKU-STRAP-SPT-BLK', name: '스포츠 밴드 블랙', qty: 2, price: 24000 },
        ],
        amount: 597000,
        currency: 'KRW',
        paymentMethod: 'kakaopay',
        paidAt: '2026-10-08T09:36:27+09:00',
      },
      shipment: { courierCode: '01', waybillNumber: 'EZ300119683US', expectedDeliveryDate: '2026-10-28' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '미국 판매자에게 받은 발송 영수증 사진 첨부합니다.',
        afterHours: 0.2,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '황수아 고객님, 예상 도착일(10월 28일)이 지나 미배송 분쟁 대상이어서 바로 접수해 두었습니다. 우체국에 국제 행방조사도 함께 청구했으며, 미국 측 회신까지 통상 2~3주가 걸리는 점 양해 부탁드립니다. 진행 상황은 주 1회 이상 이 티켓으로 알려드리겠습니다.',
        afterHours: 4,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '미국 측 회신 대기. 분쟁 처리 기한 12/27(예상일+60일) → 12/20에 리마인드, 그 전에 환불 전환 검토.',
        afterHours: 4.3,
      },
      {
        kind: 'customer_message',
        author: 'customer',
        body: '혹시 진행 상황에 변동이 있을까요? 아직 조회는 그대로입니다.',
        afterHours: 150,
      },
    ],
  },
  {
    scenario: 'lost_high_value',
    status: 'pending_customer',
    ageHours: 60,
    assignTo: 'agent',
    input: {
      type: 'missing_delivery',
      subject: '3D 프린터가 "배달 준비"에서 일주일째',
      description:
        '11월 12일에 국내 우체국으로 인계됐다고 나오고 그 뒤로 "배달 준비" 상태에서 일주일째 그대로입니다. 관할 우체국에 전화했더니 물건을 찾지 못하겠다고 하셨어요.',
      priority: 'high',
      channel: 'form',
      tags: ['high_value', 'cross_border', 'evidence_needed'],
      customer: { name: '안시우', email: 'siwoo.ahn@example.com', phone: '010-0962-4475' },
      order: {
        number: 'ORD-20261026-67014',
        items: [
          { sku: 'SKU-3DP-FDM-K1', name: '고속 FDM 3D 프린터', qty: 1, price: 529000 },
          { sku: 'SKU-PLA-1KG-BLK', name: 'PLA 필라멘트 1kg 블랙', qty: 2, price: 22000 },
        ],
        amount: 573000,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-10-26T15:58:08+09:00',
      },
      shipment: { courierCode: '01', waybillNumber: 'EE026663280CN', expectedDeliveryDate: '2026-11-14' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '우체국과 통화한 건 11월 18일 오전이었습니다.',
        afterHours: 0.4,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '안시우 고객님, 분실 보상 청구를 위해 자료가 조금 더 필요합니다. ① 배송 조회 화면 캡처, ② 우체국 통화 시 안내받은 내용(담당자를 알고 계시면 함께), ③ 현관이나 우편함에 부재 안내문이 없었는지 확인 부탁드립니다. 회신해 주시면 바로 우체국 손해배상 청구와 판매처 분쟁을 함께 진행하겠습니다.',
        afterHours: 8,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '주문서에 배송 보험 옵션 미선택. 증거 받는 대로 분쟁 오픈(처리 기한 60일).',
        afterHours: 8.2,
      },
    ],
  },
  {
    scenario: 'lost_high_value',
    status: 'pending_customer',
    ageHours: 96,
    assignTo: 'agent',
    input: {
      type: 'missing_delivery',
      subject: '일본발 커피머신, 배달완료인데 못 받았습니다',
      description:
        'EMS 조회에는 11월 6일 "배달완료(본인)"로 나오지만 저는 그날 출장 중이었고 받은 적이 없습니다. 어제 출장에서 돌아와 보니 집 앞에도 아무것도 없었어요.',
      priority: 'high',
      channel: 'email',
      tags: ['high_value', 'cross_border', 'delivered_not_received'],
      customer: { name: '송지안', email: 'jian.song@example.net', phone: '010-1381-6604' },
      order: {
        number: 'ORD-20261019-85297',
        items: [
          { sku: 'SKU-ESPRESSO-SEMI', name: '반자동 에스프레소 머신', qty: 1, price: 729000 },
          { sku: 'SKU-GRINDER-CON', name: '코니컬 버 커피 그라인더', qty: 1, price: 189000 },
        ],
        amount: 918000,
        currency: 'KRW',
        paymentMethod: 'kakaopay',
        paidAt: '2026-10-19T21:09:55+09:00',
      },
      shipment: { courierCode: '01', waybillNumber: 'EJ763509108JP', expectedDeliveryDate: '2026-11-07' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: 'EMS 조회 화면 캡처 첨부합니다. 서명란의 이름도 제 이름이 아니에요.',
        afterHours: 0.1,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '송지안 고객님, 우체국에 배달 당시 수령인 서명과 배달 위치 확인을 요청했습니다. 혹시 가족분이나 관리사무소에서 대신 받아 두지 않았는지 한 번 확인 부탁드리며, 출장 일정을 보여줄 수 있는 자료(숙박 영수증 등)가 있으시면 회신해 주세요. 분쟁을 제출할 때 증거로 함께 첨부하겠습니다.',
        afterHours: 5,
      },
      {
        kind: 'internal_note',
        author: 'lead',
        body: '배달완료 후 미수령 주장. 서명 사본과 고객 자료 받은 뒤 분쟁 제출 여부 판단.',
        afterHours: 6,
      },
    ],
  },
  {
    scenario: 'lost_high_value',
    status: 'resolved',
    ageHours: 300,
    assignTo: 'agent',
    input: {
      type: 'missing_delivery',
      subject: '태블릿 세트가 3주째 도착하지 않아요',
      description:
        '10월 초에 주문한 태블릿, 펜, 케이스가 아직도 오지 않았습니다. 조회는 "해외 물류센터 출고" 이후 변화가 없어요. 환불이든 재발송이든 빨리 처리되면 좋겠습니다.',
      priority: 'high',
      channel: 'form',
      tags: ['high_value', 'cross_border', 'full_refund'],
      customer: { name: '전현우', email: 'hyunwoo.jeon@example.com', phone: '010-0487-3916' },
      order: {
        number: 'ORD-20261002-31458',
        items: [
          { sku: 'SKU-TABLET-11-256', name: '11인치 태블릿 256GB', qty: 1, price: 649000 },
          { sku: 'SKU-PEN-STYLUS', name: '태블릿 스타일러스 펜', qty: 1, price: 99000 },
          { sku: 'SKU-CASE-FOLIO-11', name: '폴리오 케이스 11인치', qty: 1, price: 39000 },
        ],
        amount: 787000,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-10-02T12:14:36+09:00',
      },
      shipment: { courierCode: '04', waybillNumber: 'LP00188986775072', expectedDeliveryDate: '2026-10-20' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '환불로 받는 게 더 빠르다면 환불로 부탁드립니다.',
        afterHours: 0.2,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '전현우 고객님, 오래 기다리시게 해서 죄송합니다. 판매처와 물류사에 분실 여부를 확인 요청했고, 결과가 나오는 즉시 말씀하신 대로 환불로 진행하겠습니다.',
        afterHours: 6,
      },
      {
        kind: 'internal_note',
        author: 'lead',
        body: '물류사 분실 확정 회신 받음. 판매처 분쟁 승인. 전액 환불 승인.',
        afterHours: 120,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '전현우 고객님, 물류사에서 분실이 최종 확인되어 결제하신 카드로 787,000원 전액 승인 취소를 진행했습니다. 카드사에 따라 3~7영업일 후 반영되며, 그 이후에도 확인되지 않으면 이 티켓으로 알려주세요.',
        afterHours: 122,
      },
    ],
  },
  {
    scenario: 'lost_high_value',
    status: 'closed',
    ageHours: 900,
    assignTo: 'agent',
    input: {
      type: 'missing_delivery',
      subject: '공기청정기 EMS 행방불명',
      description:
        '9월에 주문한 공기청정기가 예상일보다 열흘이 지났는데도 오지 않았습니다. EMS 조회는 "항공기 탑재 대기"에서 멈춰 있어요.',
      priority: 'high',
      channel: 'form',
      tags: ['high_value', 'cross_border', 'late_delivery', 'compensation'],
      customer: { name: '홍나연', email: 'nayeon.hong@example.com', phone: '010-1752-0381' },
      order: {
        number: 'ORD-20260912-64730',
        items: [{ sku: 'SKU-AIRPURI-H13-L', name: 'H13 헤파 공기청정기 대형', qty: 1, price: 349000 }],
        amount: 349000,
        currency: 'KRW',
        paymentMethod: 'kakaopay',
        paidAt: '2026-09-12T10:22:18+09:00',
      },
      shipment: { courierCode: '01', waybillNumber: 'EA861465194CN', expectedDeliveryDate: '2026-10-05' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '판매자 쪽에서는 이미 보냈다는 말만 반복합니다. 대화 캡처 첨부해요.',
        afterHours: 0.5,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '홍나연 고객님, 우체국에 EMS 번호 EA861465194CN으로 국제 행방조사를 청구했고 판매처에도 분실 여부 확인을 요청했습니다. 결과가 나오면 바로 안내드리겠습니다.',
        afterHours: 8,
      },
      {
        kind: 'customer_message',
        author: 'customer',
        body: '오늘 드디어 도착했어요! 다만 상자가 많이 찌그러져 있었어요. 작동은 잘 됩니다.',
        afterHours: 200,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '늦게나마 받으셨다니 다행입니다. 배송 지연과 포장 파손에 대한 보상으로 30,000원 부분 환불을 진행했습니다. 카카오페이 결제 취소는 영업일 기준 3일 이내 반영됩니다. 오래 기다려 주셔서 감사합니다.',
        afterHours: 205,
      },
    ],
  },

  // ─────────────────────────── 3. 환불 거절 이의 (refund_refused) ───────────────────────────
  {
    scenario: 'refund_refused',
    status: 'new',
    ageHours: 1,
    assignTo: null,
    input: {
      type: 'refund',
      subject: '운동화 환불 거절 사유가 납득이 안 됩니다',
      description:
        '사이즈가 작아서 집 안에서 한 번 신어 보고 반품했는데 "착용 흔적"이 있다며 환불이 거절됐습니다. 밑창 얼룩은 받았을 때부터 있던 거고 받자마자 찍은 사진도 있어요. 다시 검토 부탁드립니다.',
      priority: 'normal',
      channel: 'form',
      tags: ['refund_refused', 'kakaopay', 'appeal'],
      customer: { name: '유건우', email: 'gunwoo.yoo@example.com', phone: '010-0306-5182' },
      order: {
        number: 'ORD-20261109-47260',
        items: [{ sku: 'SKU-SNEAK-WHT-270', name: '레더 스니커즈 화이트 270', qty: 1, price: 89000 }],
        amount: 89000,
        currency: 'KRW',
        paymentMethod: 'kakaopay',
        paidAt: '2026-11-09T20:41:13+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '받은 날 찍은 밑창 사진과 반품 직전 사진 두 장 첨부합니다. 환불 요청은 11월 14일 오후 3시쯤 했고, 카카오페이 거래번호도 함께 적어 두었어요.',
        afterHours: 0.2,
      },
    ],
  },
  {
    scenario: 'refund_refused',
    status: 'new',
    ageHours: 3,
    assignTo: null,
    input: {
      type: 'refund',
      subject: '반품 기한이 지났다고 환불이 거절됐어요',
      description:
        '출장 간 사이에 택배가 와서 돌아와 열어 보니 원피스 색이 상세 사진과 많이 달랐습니다. 수령 후 7일이 지나 환불이 안 된다고 하는데 실제로 상자를 연 건 어제예요. 예외로 검토해 주실 수 있을까요?',
      priority: 'normal',
      channel: 'email',
      tags: ['refund_refused', 'kakaopay', 'past_deadline'],
      customer: { name: '고은서', email: 'eunseo.ko@example.kr', phone: '010-1294-7738' },
      order: {
        number: 'ORD-20261028-12093',
        items: [
          { sku: 'SKU-DRESS-LIN-NVY-S', name: '린넨 롱 원피스 네이비 S', qty: 1, price: 67000 },
          { sku: 'SKU-BELT-LTH-BRN', name: '소가죽 벨트 브라운', qty: 1, price: 25000 },
        ],
        amount: 92000,
        currency: 'KRW',
        paymentMethod: 'kakaopay',
        paidAt: '2026-10-28T13:16:27+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '출장 일정을 확인할 수 있는 항공권 캡처와 실제 색상 사진 첨부합니다. 벨트는 괜찮아서 원피스만 환불받고 싶어요.',
        afterHours: 0.1,
      },
    ],
  },
  {
    scenario: 'refund_refused',
    status: 'open',
    ageHours: 8,
    assignTo: 'agent',
    input: {
      type: 'refund',
      subject: '받지도 않은 모바일 교환권인데 환불 불가래요',
      description:
        '교환권이 "발송 완료"라서 환불할 수 없다는 답을 받았는데 저는 문자를 받은 적이 없습니다. 주문할 때 받는 사람 번호를 잘못 입력한 것 같아요. 사용되지 않았다면 환불받고 싶습니다.',
      priority: 'normal',
      channel: 'form',
      tags: ['refund_refused', 'kakaopay', 'digital_goods'],
      customer: { name: '문준혁', email: 'junhyuk.moon@example.com', phone: '010-0845-2617' },
      order: {
        number: 'ORD-20261104-68835',
        items: [{ sku: 'SKU-GIFT-CAFE-30K', name: '카페 모바일 교환권 3만원권', qty: 2, price: 30000 }],
        amount: 60000,
        currency: 'KRW',
        paymentMethod: 'kakaopay',
        paidAt: '2026-11-04T18:02:51+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '주문 상세를 다시 보니 수신 번호 끝자리가 하나 틀려 있네요.',
        afterHours: 0.3,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '문준혁 고객님, 문의 주셔서 감사합니다. 교환권 발급사에 두 장의 사용 여부를 조회 요청했습니다. 사용되지 않은 것으로 확인되면 발송 완료 상태라도 발급을 취소하고 카카오페이로 환불해 드릴 수 있으며, 원하시면 올바른 번호로 재발송해 드릴 수도 있습니다. 이미 사용된 경우에는 사용 일시를 함께 안내드리겠습니다.',
        afterHours: 3,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '발급사 조회 요청함. 거절 사유가 "이미 제공됨"이었지만 오입력 번호로 발송된 건 → 미사용이면 환불 승인 가능.',
        afterHours: 3.2,
      },
    ],
  },
  {
    scenario: 'refund_refused',
    status: 'open',
    ageHours: 28,
    assignTo: 'lead',
    input: {
      type: 'refund',
      subject: '불량 매트리스인데 개봉했다고 환불 거절',
      description:
        '압축 포장을 풀고 이틀 잤는데 스프링 소리가 심하고 한쪽이 꺼져 있습니다. 단순 변심이 아니라 불량인데 개봉한 상품이라 환불이 안 된다고 하네요. 해결이 안 되면 카드사에 이의제기를 할 생각입니다.',
      priority: 'high',
      channel: 'phone',
      tags: ['refund_refused', 'defect_claim', 'chargeback_risk'],
      customer: { name: '양소율', email: 'soyul.yang@example.net', phone: '010-1563-9940' },
      order: {
        number: 'ORD-20261112-39517',
        items: [{ sku: 'SKU-MATTRESS-Q-HYB', name: '하이브리드 매트리스 퀸', qty: 1, price: 429000 }],
        amount: 429000,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-11-12T11:25:06+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '꺼진 부분 사진과 소음이 들리는 영상 올렸습니다.',
        afterHours: 0.5,
      },
      {
        kind: 'internal_note',
        author: 'lead',
        body: '전화 접수, 고객 격앙. 카드 차지백 언급. 거절 사유 "상품 상태"는 변심 기준으로 적용된 것 → 하자 여부 먼저 판정. 제조사 방문 점검 요청.',
        afterHours: 2,
      },
      {
        kind: 'public_reply',
        author: 'lead',
        body: '양소율 고객님, 보내주신 사진과 영상 잘 확인했습니다. 말씀하신 증상은 제품 하자 여부를 판단해야 하는 사안이라 개봉 여부와 관계없이 다시 검토하겠습니다. 제조사에 방문 점검을 요청했고 일정이 잡히면 바로 연락드리겠습니다. 점검 결과 하자로 확인되면 무상 회수 후 전액 환불해 드립니다.',
        afterHours: 4,
      },
    ],
  },
  {
    scenario: 'refund_refused',
    status: 'open',
    ageHours: 50,
    assignTo: 'agent',
    input: {
      type: 'refund',
      subject: '기한 안에 반품 신청했는데 기한 초과라니요',
      description:
        '11월 1일에 반품 신청을 했고 회수는 택배사 사정으로 11월 6일에야 됐습니다. 그런데 입고일 기준으로 기한이 지났다며 환불이 거절됐어요. 신청 내역 캡처도 가지고 있습니다.',
      priority: 'normal',
      channel: 'form',
      tags: ['refund_refused', 'kakaopay', 'appeal'],
      customer: { name: '손재원', email: 'jaewon.son@example.com', phone: '010-0719-3354' },
      order: {
        number: 'ORD-20261025-80462',
        items: [{ sku: 'SKU-HEADSET-BT-ANC', name: '노이즈캔슬링 블루투스 헤드셋', qty: 1, price: 159000 }],
        amount: 159000,
        currency: 'KRW',
        paymentMethod: 'kakaopay',
        paidAt: '2026-10-25T09:48:31+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '카카오페이 거래번호와 반품 신청 완료 화면 캡처입니다. 원하는 건 전액 환불이에요.',
        afterHours: 0.2,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '손재원 고객님, 확인해 보니 반품 신청은 11월 1일에 정상 접수된 것이 맞습니다. 기한은 회수·입고일이 아니라 신청일 기준으로 판단해야 하므로 거절 건을 다시 검토하도록 요청했습니다. 검수에 문제가 없으면 2영업일 안에 환불 승인 여부를 안내드리겠습니다.',
        afterHours: 6,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '수령 10/27, 신청 11/1 → 7일 이내. "기한 초과" 사유 잘못 적용됨. 리드 승인 요청.',
        afterHours: 6.3,
      },
    ],
  },
  {
    scenario: 'refund_refused',
    status: 'pending_customer',
    ageHours: 80,
    assignTo: 'agent',
    input: {
      type: 'refund',
      subject: '피부 트러블 났는데 개봉 제품이라 환불 거절',
      description:
        '쿠션 하나를 써 보고 얼굴에 붉은 트러블이 올라와서 환불을 요청했는데 개봉했다는 이유로 거절됐습니다. 다른 하나는 뜯지도 않았어요. 적어도 미개봉 제품은 환불해 주셔야 하는 것 아닌가요?',
      priority: 'normal',
      channel: 'form',
      tags: ['refund_refused', 'kakaopay', 'partial_refund'],
      customer: { name: '배하은', email: 'haeun.bae@example.kr', phone: '010-1027-6481' },
      order: {
        number: 'ORD-20261030-25946',
        items: [
          { sku: 'SKU-CUSHION-21', name: '커버 쿠션 21호', qty: 2, price: 32000 },
          { sku: 'SKU-LIPTINT-05', name: '립 틴트 05 로지', qty: 1, price: 18000 },
        ],
        amount: 82000,
        currency: 'KRW',
        paymentMethod: 'kakaopay',
        paidAt: '2026-10-30T22:17:44+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '트러블 난 사진이 있긴 한데 얼굴이라 올리기가 좀 그렇네요. 필요하면 보내겠습니다.',
        afterHours: 0.1,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '배하은 고객님, 피부 트러블로 고생하셨다니 마음이 쓰입니다. 미개봉 쿠션 1개는 회수 후 바로 환불해 드리겠습니다. 사용하신 제품은 얼굴 사진 대신 피부과 진료 확인서나 소견서를 보내주시면 제조사와 함께 제품 이상 여부를 다시 검토하겠습니다. 회수 가능한 날짜도 함께 알려주세요.',
        afterHours: 9,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '미개봉 1개(32,000원) 부분 환불 가능. 개봉분은 소견서 받으면 리드 판단.',
        afterHours: 9.5,
      },
    ],
  },
  {
    scenario: 'refund_refused',
    status: 'pending_customer',
    ageHours: 130,
    assignTo: 'agent',
    input: {
      type: 'refund',
      subject: '다운 재킷 솔기 터짐, 기간 지났다고 거절',
      description:
        '한 달 정도 입었는데 어깨 솔기가 터지면서 털이 계속 빠져나옵니다. 교환·환불 기간이 지났다고 거절됐는데 이건 불량이지 변심이 아니에요. 해결이 안 되면 카드사에 결제 이의신청을 하려고 합니다.',
      priority: 'high',
      channel: 'email',
      tags: ['refund_refused', 'defect_claim', 'chargeback_risk'],
      customer: { name: '백승민', email: 'seungmin.baek@example.com', phone: '010-0553-8127' },
      order: {
        number: 'ORD-20261014-70318',
        items: [{ sku: 'SKU-JACKET-DOWN-BLK-L', name: '구스 다운 재킷 블랙 L', qty: 1, price: 259000 }],
        amount: 259000,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-10-14T16:33:20+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '구매 영수증 첨부합니다. 세탁은 한 번도 하지 않았습니다.',
        afterHours: 0.2,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '백승민 고객님, 불편을 드려 죄송합니다. 단순 변심 반품 기간(수령 후 7일)은 지났지만 제품 하자는 그와 별도로 검토할 수 있습니다. 터진 부위 사진 2~3장(전체 모습과 확대 사진)을 회신해 주시면 품질팀 확인 후 수선·교환·환불 중 처리 방법을 안내드리겠습니다. 카드사 이의신청은 고객님의 권리이지만, 그 전에 저희가 먼저 빠르게 해결해 드리겠습니다.',
        afterHours: 7,
      },
      {
        kind: 'internal_note',
        author: 'lead',
        body: '차지백 리스크. 사진 들어오면 하자 판정 48시간 내 완료할 것.',
        afterHours: 8,
      },
    ],
  },
  {
    scenario: 'refund_refused',
    status: 'resolved',
    ageHours: 200,
    assignTo: 'agent',
    input: {
      type: 'refund',
      subject: '시든 화분이 왔는데 환불 불가라니요',
      description:
        '몬스테라가 도착했을 때부터 잎이 누렇고 흙에서 냄새가 났습니다. 생물이라 수령 후 환불이 안 된다는 답을 받았는데, 받자마자 이런 상태였어요.',
      priority: 'normal',
      channel: 'form',
      tags: ['refund_refused', 'kakaopay', 'partial_refund'],
      customer: { name: '허윤아', email: 'yoona.heo@example.net', phone: '010-1836-2258' },
      order: {
        number: 'ORD-20261110-53681',
        items: [
          { sku: 'SKU-PLANT-MONS-L', name: '몬스테라 대형 화분', qty: 1, price: 48000 },
          { sku: 'SKU-POT-CER-30', name: '세라믹 화분 30cm', qty: 1, price: 26000 },
        ],
        amount: 74000,
        currency: 'KRW',
        paymentMethod: 'kakaopay',
        paidAt: '2026-11-10T08:55:39+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '개봉 직후 찍은 잎과 뿌리 사진입니다.',
        afterHours: 0.2,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '허윤아 고객님, 사진 확인했습니다. 식물은 수령 후 단순 변심 반품이 어렵지만, 받으신 시점에 이미 상태가 나빴다면 예외로 처리합니다. 사진상 뿌리 부패가 배송 전부터 진행된 것으로 보여 몬스테라 금액 48,000원을 환불해 드리겠습니다. 세라믹 화분은 정상이라 그대로 사용하시면 됩니다.',
        afterHours: 5,
      },
      {
        kind: 'customer_message',
        author: 'customer',
        body: '빠르게 다시 봐주셔서 감사해요.',
        afterHours: 30,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '카카오페이 결제 부분 취소로 48,000원이 처리되었습니다. 보통 당일에서 3영업일 안에 반영되며, 확인이 어려우시면 카카오페이 고객센터(1577-7500)에서도 조회하실 수 있습니다.',
        afterHours: 32,
      },
    ],
  },
  {
    scenario: 'refund_refused',
    status: 'resolved',
    ageHours: 260,
    assignTo: 'lead',
    input: {
      type: 'refund',
      subject: '후드티 반품 거절 재검토 요청',
      description:
        '택을 떼긴 했지만 한 번도 입지 않았습니다. 세탁 흔적이 있다고 하는데 저는 세탁한 적이 없어요. 사유서 제출합니다.',
      priority: 'normal',
      channel: 'email',
      tags: ['refund_refused', 'kakaopay', 'refusal_upheld', 'partial_refund'],
      customer: { name: '노지훈', email: 'jihoon.noh@example.com', phone: '010-0631-4470' },
      order: {
        number: 'ORD-20261016-91827',
        items: [
          { sku: 'SKU-HOODIE-GRY-XL', name: '기모 후드티 그레이 XL', qty: 1, price: 45000 },
          { sku: 'SKU-JOGGER-GRY-XL', name: '조거 팬츠 그레이 XL', qty: 1, price: 39000 },
        ],
        amount: 84000,
        currency: 'KRW',
        paymentMethod: 'kakaopay',
        paidAt: '2026-10-16T19:30:02+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '환불 요청 일시는 10월 21일 오전 10시 40분, 카카오페이 거래번호 첨부합니다. 두 벌 모두 환불을 원합니다.',
        afterHours: 0.3,
      },
      {
        kind: 'internal_note',
        author: 'lead',
        body: '검수 사진 재확인. 후드 세탁 흔적(유연제 향, 수축) 명확 → 거절 유지. 팬츠는 택 부착 정상 → 부분 환불 승인.',
        afterHours: 19,
      },
      {
        kind: 'public_reply',
        author: 'lead',
        body: '노지훈 고객님, 재검토 결과를 안내드립니다. 검수 담당자 두 명이 교차 확인한 결과 후드티에서 세탁 후 생기는 수축과 섬유유연제 향이 확인되어, 아쉽지만 후드티는 환불 불가 결정을 유지하게 되었습니다. 조거 팬츠는 택이 달린 정상 상태라 39,000원 환불을 진행했습니다. 결과에 동의하기 어려우시면 카카오페이 고객센터(1577-7500)나 한국소비자원에 조정을 요청하실 수 있으며, 원하시면 검수 사진을 모두 보내드리겠습니다.',
        afterHours: 20,
      },
      {
        kind: 'customer_message',
        author: 'customer',
        body: '알겠습니다. 검수 사진은 메일로 받아 보겠습니다.',
        afterHours: 40,
      },
    ],
  },
  {
    scenario: 'refund_refused',
    status: 'closed',
    ageHours: 700,
    assignTo: 'agent',
    input: {
      type: 'refund',
      subject: '온라인 클래스 1강만 들었는데 환불 거절',
      description:
        '4주짜리 베이킹 클래스를 결제했는데 첫 강의를 보고 제 수준과 맞지 않아 환불을 요청했습니다. 이미 수강을 시작했다며 전액 거절됐는데, 남은 기간만큼은 돌려받고 싶어요.',
      priority: 'normal',
      channel: 'phone',
      tags: ['refund_refused', 'service', 'partial_refund'],
      customer: { name: '심가은', email: 'gaeun.shim@example.kr', phone: '010-1118-5726' },
      order: {
        number: 'ORD-20261003-18564',
        items: [{ sku: 'SKU-CLASS-BAKE-4W', name: '온라인 베이킹 클래스 수강권 (4주)', qty: 1, price: 120000 }],
        amount: 120000,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-10-03T14:06:48+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '전화로 말씀드린 대로 1주차 강의만 봤습니다. 수강 기록 확인 부탁드려요.',
        afterHours: 0.5,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '심가은 고객님, 수강 기록을 확인해 보니 4주 과정 중 1주차 강의만 재생되었습니다. 이미 제공된 1주차를 제외한 잔여분 90,000원을 환불해 드리는 것으로 다시 결정되었고, 카드 부분 승인 취소는 카드사에 따라 3~7영업일이 걸립니다.',
        afterHours: 6,
      },
      {
        kind: 'customer_message',
        author: 'customer',
        body: '네, 그렇게 처리해 주세요. 감사합니다.',
        afterHours: 10,
      },
    ],
  },

  // ─────────────────────── 4. 휴대폰 소액결제 취소 (micropayment_cancel) ───────────────────────
  {
    scenario: 'micropayment_cancel',
    status: 'new',
    ageHours: 0.5,
    assignTo: null,
    input: {
      type: 'cancellation',
      subject: '휴대폰 결제 주문 취소 부탁드려요',
      description: '기종을 잘못 선택해서 결제했습니다. 아직 발송 전이면 취소 부탁드려요.',
      priority: 'low',
      channel: 'form',
      tags: ['mobile_payment', 'wrong_option'],
      customer: { name: '나윤호', email: 'yoonho.na@example.com', phone: '010-0287-6653' },
      order: {
        number: 'ORD-20261121-20318',
        items: [{ sku: 'SKU-PHCASE-CLR-15', name: '투명 젤리 휴대폰 케이스', qty: 1, price: 12900 }],
        amount: 12900,
        currency: 'KRW',
        paymentMethod: 'mobile_carrier',
        paidAt: '2026-11-21T23:52:10+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '결제 승인 문자는 주문자 번호로 받았습니다. 맞는 기종으로 다시 주문할게요.',
        afterHours: 0.1,
      },
    ],
  },
  {
    scenario: 'micropayment_cancel',
    status: 'new',
    ageHours: 3,
    assignTo: null,
    input: {
      type: 'cancellation',
      subject: '같은 주문이 두 번 결제됐어요',
      description:
        '결제 중 화면이 멈춰서 다시 눌렀더니 49,000원이 두 번 청구됐다는 문자가 왔습니다. 하나만 주문한 거라 중복 결제 건 취소 부탁드립니다.',
      priority: 'normal',
      channel: 'form',
      tags: ['mobile_payment', 'duplicate_payment'],
      customer: { name: '진소희', email: 'sohee.jin@example.net', phone: '010-1406-3390' },
      order: {
        number: 'ORD-20261121-55702',
        items: [{ sku: 'SKU-EARBUD-TWS-WHT', name: '무선 이어폰 화이트', qty: 1, price: 49000 }],
        amount: 49000,
        currency: 'KRW',
        paymentMethod: 'mobile_carrier',
        paidAt: '2026-11-21T19:03:44+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '결제 승인 문자 두 개 캡처해서 첨부해요. 시간 차이가 1분밖에 안 나요.',
        afterHours: 0.2,
      },
    ],
  },
  {
    scenario: 'micropayment_cancel',
    status: 'open',
    ageHours: 6,
    assignTo: 'agent',
    input: {
      type: 'cancellation',
      subject: '아이가 모르고 결제한 기프트카드 취소',
      description:
        '초등학생 아이가 제 휴대폰으로 인증 문자를 받아 게임 기프트카드를 결제했습니다. 코드는 아직 쓰지 않았다고 하니 취소가 가능한지 봐주세요.',
      priority: 'normal',
      channel: 'phone',
      tags: ['mobile_payment', 'minor_purchase', 'digital_goods'],
      customer: { name: '지민혁', email: 'minhyuk.ji@example.kr', phone: '010-0594-1273' },
      order: {
        number: 'ORD-20261119-63041',
        items: [{ sku: 'SKU-GAME-CARD-50K', name: '게임 충전 기프트카드 5만원권', qty: 2, price: 50000 }],
        amount: 100000,
        currency: 'KRW',
        paymentMethod: 'mobile_carrier',
        paidAt: '2026-11-19T16:27:35+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '문자로 받은 PIN 번호는 어디에도 입력하지 않았습니다.',
        afterHours: 0.2,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '전화 접수. 발급사에 PIN 2건 사용 여부 조회 요청. 미사용이면 당월 결제라 통신사 결제 취소 가능.',
        afterHours: 1,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '지민혁 고객님, 기프트카드 2장의 사용 여부를 발급사에 조회하고 있습니다. 사용되지 않은 것으로 확인되면 이번 달 결제 건이라 휴대폰 결제 자체를 취소해 드릴 수 있고, 이번 달 통신요금 청구에서도 빠집니다. 결과는 오늘 중 문자로 알려드리겠습니다.',
        afterHours: 2,
      },
    ],
  },
  {
    scenario: 'micropayment_cancel',
    status: 'open',
    ageHours: 18,
    assignTo: 'agent',
    input: {
      type: 'cancellation',
      subject: '출고 전 주문 취소 요청합니다',
      description: '배송이 늦어진다는 안내를 받고 다른 곳에서 샀어요. 아직 출고 전으로 나오는데 취소해 주세요.',
      priority: 'low',
      channel: 'form',
      tags: ['mobile_payment', 'before_shipment'],
      customer: { name: '엄다인', email: 'dain.um@example.com', phone: '010-1672-4058' },
      order: {
        number: 'ORD-20261118-40927',
        items: [
          { sku: 'SKU-STICKER-PACK-A', name: '다이어리 꾸미기 스티커 팩 A', qty: 3, price: 3500 },
          { sku: 'SKU-PEN-GEL-5C', name: '젤펜 5색 세트', qty: 1, price: 6800 },
        ],
        amount: 17300,
        currency: 'KRW',
        paymentMethod: 'mobile_carrier',
        paidAt: '2026-11-18T12:10:59+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '휴대폰 결제로 한 주문이에요. 문자로 결과 알려주시면 됩니다.',
        afterHours: 0.3,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '엄다인 고객님, 주문번호 ORD-20261118-40927은 아직 출고 전이라 바로 취소할 수 있습니다. 휴대폰 결제는 결제하신 달 안에만 결제 취소가 가능한데, 이번 달 결제 건이라 문제없습니다. 취소가 완료되면 문자로 알려드리며, 통신사 내역에 반영되기까지 1~3영업일 정도 걸릴 수 있습니다.',
        afterHours: 4,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '창고 출고 보류 요청 완료. 보류 확인되면 PG 결제 취소 진행.',
        afterHours: 4.2,
      },
    ],
  },
  {
    scenario: 'micropayment_cancel',
    status: 'open',
    ageHours: 26,
    assignTo: 'lead',
    input: {
      type: 'cancellation',
      subject: '제가 하지 않은 휴대폰 결제가 있어요',
      description:
        '통신요금 내역을 보다가 11월 12일 새벽에 69,800원 결제를 발견했습니다. 그 시간엔 자고 있었고 인증 문자를 받은 기억도 없어요. 취소와 함께 어떻게 결제된 건지 확인 부탁드립니다.',
      priority: 'high',
      channel: 'form',
      tags: ['mobile_payment', 'fraud_risk', 'unauthorized'],
      customer: { name: '원지아', email: 'jia.won@example.com', phone: '010-1145-6287' },
      order: {
        number: 'ORD-20261112-35906',
        items: [
          { sku: 'SKU-VITAMIN-D-90', name: '비타민D 1000IU 90정', qty: 2, price: 18900 },
          { sku: 'SKU-OMEGA3-60', name: '알티지 오메가3 60캡슐', qty: 1, price: 32000 },
        ],
        amount: 69800,
        currency: 'KRW',
        paymentMethod: 'mobile_carrier',
        paidAt: '2026-11-12T03:18:22+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '통신사 앱의 소액결제 이용 내역 캡처 첨부합니다.',
        afterHours: 0.4,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '원지아 고객님, 많이 놀라셨을 텐데 먼저 연락 주셔서 감사합니다. 해당 주문은 아직 출고 전이라 배송을 보류했고, 결제 당시 인증 기록(인증 시각과 접속 기기)을 결제대행사에 확인 요청했습니다. 이번 달 결제 건이라 본인 결제가 아닌 것으로 확인되면 휴대폰 결제 자체를 취소해 드립니다. 만일을 위해 통신사 고객센터에서 소액결제 차단 설정도 해 두시길 권해 드립니다.',
        afterHours: 5,
      },
      {
        kind: 'internal_note',
        author: 'lead',
        body: '명의도용 의심: 배송지가 고객 등록 주소와 다름. PG 인증 로그 요청. 도용 확인 시 결제 취소 + 경찰 신고 안내.',
        afterHours: 6,
      },
    ],
  },
  {
    scenario: 'micropayment_cancel',
    status: 'pending_customer',
    ageHours: 40,
    assignTo: 'agent',
    input: {
      type: 'cancellation',
      subject: '지난달 휴대폰 결제 건도 취소되나요?',
      description:
        '10월 말에 결제했는데 상품이 이번 주에야 도착했고 키보드 한 줄이 입력되지 않습니다. 휴대폰 결제라 취소가 안 된다는 얘기를 들었는데 방법이 있을까요?',
      priority: 'normal',
      channel: 'email',
      tags: ['mobile_payment', 'converted_to_refund', 'defect_claim'],
      customer: { name: '채승우', email: 'seungwoo.chae@example.net', phone: '010-0378-9916' },
      order: {
        number: 'ORD-20261029-77315',
        items: [
          { sku: 'SKU-KEYBOARD-MINI-BT', name: '미니 블루투스 키보드', qty: 1, price: 39900 },
          { sku: 'SKU-MOUSEPAD-XL', name: '데스크 장패드 XL', qty: 1, price: 15900 },
        ],
        amount: 55800,
        currency: 'KRW',
        paymentMethod: 'mobile_carrier',
        paidAt: '2026-10-29T21:44:07+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '입력이 안 되는 키를 눌러 보는 영상 첨부합니다. 장패드까지 같이 환불받고 싶어요.',
        afterHours: 0.3,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '채승우 고객님, 불편을 드려 죄송합니다. 휴대폰 결제는 통신사 정책상 결제한 달 안에만 결제 취소가 가능해서, 10월 결제 건은 결제 취소 대신 환불로 처리해 드려야 합니다. 상품 회수와 검수가 끝나면 55,800원을 계좌로 입금해 드리니, 환불받으실 은행과 예금주를 회신해 주세요. 계좌번호는 보안을 위해 상태 확인 페이지의 답장으로만 보내주시기 바랍니다.',
        afterHours: 8,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '당월 취소 불가 → 환불 전환. 회수 접수 완료, 계좌 정보 대기.',
        afterHours: 8.3,
      },
    ],
  },
  {
    scenario: 'micropayment_cancel',
    status: 'resolved',
    ageHours: 72,
    assignTo: 'agent',
    input: {
      type: 'cancellation',
      subject: '깔창 사이즈를 잘못 골랐어요, 취소해 주세요',
      description: '240을 골라야 했는데 250으로 결제했어요. 아직 안 보냈으면 취소해 주세요.',
      priority: 'low',
      channel: 'form',
      tags: ['mobile_payment', 'cancelled'],
      customer: { name: '천영숙', email: 'youngsook.chun@example.kr', phone: '010-0462-3578' },
      order: {
        number: 'ORD-20261117-28164',
        items: [{ sku: 'SKU-INSOLE-MEMO-250', name: '메모리폼 기능성 깔창 250mm', qty: 2, price: 8900 }],
        amount: 17800,
        currency: 'KRW',
        paymentMethod: 'mobile_carrier',
        paidAt: '2026-11-17T10:35:41+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '딸 휴대폰 말고 제 휴대폰으로 결제했어요.',
        afterHours: 0.2,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '천영숙 고객님, 출고 전이라 주문을 바로 취소했습니다. 휴대폰 결제 17,800원은 이번 달 통신요금 청구에서 빠지며, 취소 결과는 문자로도 보내드렸습니다. 통신사 내역에 반영되기까지 1~3영업일 정도 걸릴 수 있으니 양해 부탁드립니다.',
        afterHours: 3,
      },
      {
        kind: 'customer_message',
        author: 'customer',
        body: '고마워요. 240으로 다시 주문할게요.',
        afterHours: 5,
      },
    ],
  },
  {
    scenario: 'micropayment_cancel',
    status: 'resolved',
    ageHours: 150,
    assignTo: 'agent',
    input: {
      type: 'cancellation',
      subject: '품절 취소됐는데 휴대폰 요금에 청구돼 있어요',
      description:
        '품절로 주문이 취소됐다는 안내를 받았는데 통신사 앱에서 보니 결제 내역이 그대로 남아 있습니다. 이번 달 요금에 청구되는 건 아닌지 걱정돼요.',
      priority: 'normal',
      channel: 'email',
      tags: ['mobile_payment', 'cancelled', 'out_of_stock'],
      customer: { name: '방석진', email: 'seokjin.bang@example.com', phone: '010-1589-0734' },
      order: {
        number: 'ORD-20261113-84052',
        items: [
          { sku: 'SKU-LAMP-LED-DESK', name: 'LED 스탠드 조명', qty: 1, price: 34900 },
          { sku: 'SKU-BULB-E26-3P', name: 'LED 전구 E26 3개입', qty: 1, price: 9900 },
        ],
        amount: 44800,
        currency: 'KRW',
        paymentMethod: 'mobile_carrier',
        paidAt: '2026-11-13T14:51:06+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '품절 안내 메일과 통신사 결제 내역 캡처 첨부합니다.',
        afterHours: 0.3,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '방석진 고객님, 확인해 보니 주문은 취소되었지만 결제 취소 요청이 결제대행사에 전달되지 않은 상태였습니다. 방금 결제 취소를 다시 요청해 완료했고, 통신사 결제 내역에서 사라지기까지 1~3영업일 걸릴 수 있습니다. 이번 달 결제 건이라 요금으로 청구되지 않습니다. 불편을 드려 죄송합니다.',
        afterHours: 4,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '품절 자동취소 시 PG 취소 누락 의심. 같은 날 품절 취소 건 전체 점검 요청, 개발팀 공유.',
        afterHours: 4.2,
      },
      {
        kind: 'customer_message',
        author: 'customer',
        body: '오늘 보니 취소로 바뀌어 있네요. 감사합니다.',
        afterHours: 50,
      },
    ],
  },
  {
    scenario: 'micropayment_cancel',
    status: 'resolved',
    ageHours: 320,
    assignTo: 'lead',
    input: {
      type: 'cancellation',
      subject: '텀블러 휴대폰 결제 취소 요청',
      description: '지난달 말에 산 텀블러 두 개를 취소하고 싶습니다. 선물하려던 건데 필요 없어졌어요.',
      priority: 'low',
      channel: 'form',
      tags: ['mobile_payment', 'window_passed', 'rejected'],
      customer: { name: '구본석', email: 'bonseok.koo@example.net', phone: '010-0714-2865' },
      order: {
        number: 'ORD-20261030-19572',
        items: [{ sku: 'SKU-TUMBLER-500-SLV', name: '스테인리스 텀블러 500ml 실버', qty: 2, price: 21000 }],
        amount: 42000,
        currency: 'KRW',
        paymentMethod: 'mobile_carrier',
        paidAt: '2026-10-30T17:05:12+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '포장은 뜯었지만 사용하지는 않았습니다.',
        afterHours: 0.5,
      },
      {
        kind: 'internal_note',
        author: 'lead',
        body: '10월 결제 → 당월 취소 불가. 10/31 수령, 단순 변심 반품 기한(7일)도 경과. 하자 없음 → 거절, 사유 "기간 경과".',
        afterHours: 5,
      },
      {
        kind: 'public_reply',
        author: 'lead',
        body: '구본석 고객님, 안타깝지만 해당 주문은 10월 결제 건이라 통신사 정책상 휴대폰 결제 취소 기간(결제한 달)이 지났습니다. 또한 10월 31일 수령 후 7일이 지나 단순 변심 반품 기간도 끝나 취소나 환불이 어렵습니다. 제품에 이상이 있다면 사진과 함께 말씀해 주시면 따로 검토하겠습니다.',
        afterHours: 6,
      },
      {
        kind: 'customer_message',
        author: 'customer',
        body: '알겠습니다. 다음부터는 빨리 신청할게요.',
        afterHours: 30,
      },
    ],
  },
  {
    scenario: 'micropayment_cancel',
    status: 'closed',
    ageHours: 600,
    assignTo: 'agent',
    input: {
      type: 'cancellation',
      subject: '무선 충전 패드 주문 취소',
      description: '같은 제품을 선물로 받게 되어서 주문을 취소하고 싶습니다.',
      priority: 'low',
      channel: 'form',
      tags: ['mobile_payment', 'cancelled'],
      customer: { name: '표한결', email: 'hangyeol.pyo@example.com', phone: '010-1950-4417' },
      order: {
        number: 'ORD-20261026-51739',
        items: [{ sku: 'SKU-CHARGER-WL-15W', name: '15W 무선 충전 패드', qty: 1, price: 24900 }],
        amount: 24900,
        currency: 'KRW',
        paymentMethod: 'mobile_carrier',
        paidAt: '2026-10-26T20:13:28+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '출고 전이라고 나와서 바로 신청했습니다.',
        afterHours: 0.3,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '표한결 고객님, 요청하신 주문을 취소했습니다. 10월 결제 건을 이번 달 안에 취소한 것이라 통신요금으로 청구되지 않으며, 결과는 문자로도 보내드렸습니다. 통신사 내역 반영까지는 며칠 걸릴 수 있습니다.',
        afterHours: 2,
      },
    ],
  },

  // ─────────────────────── 5. 결제 후 연락 두절 (seller_unreachable) ───────────────────────
  {
    scenario: 'seller_unreachable',
    status: 'new',
    ageHours: 2,
    assignTo: null,
    input: {
      type: 'refund',
      subject: '소파 입금 후 판매자와 연락이 안 됩니다',
      description:
        '11월 10일에 무통장입금으로 589,000원을 보냈고 입금 확인 문자도 받았습니다. 2주 안에 배송된다고 했는데 지금은 판매자 전화가 꺼져 있고 문의 글에도 답이 없어요.',
      priority: 'high',
      channel: 'form',
      tags: ['seller_unreachable', 'bank_transfer'],
      customer: { name: '김도윤', email: 'doyoon.kim@example.net', phone: '010-0193-5547' },
      order: {
        number: 'ORD-20261110-62843',
        items: [{ sku: 'SKU-SOFA-3S-FAB-GRY', name: '3인용 패브릭 소파 그레이', qty: 1, price: 589000 }],
        amount: 589000,
        currency: 'KRW',
        paymentMethod: 'bank_transfer',
        paidAt: '2026-11-10T15:42:17+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '이체 확인증과 판매자와 주고받은 문자 캡처 첨부합니다. 마지막 답장은 11월 13일이었어요.',
        afterHours: 0.2,
      },
    ],
  },
  {
    scenario: 'seller_unreachable',
    status: 'open',
    ageHours: 12,
    assignTo: 'lead',
    input: {
      type: 'refund',
      subject: '캠핑용품 판매자 스토어가 사라졌어요',
      description:
        '에어 텐트와 매트를 계좌이체로 결제했는데 오늘 들어가 보니 판매자 스토어 페이지가 없어졌습니다. 같은 일을 겪었다는 글이 커뮤니티에 여러 개 올라와 있어요. 돈을 돌려받을 수 있을까요?',
      priority: 'urgent',
      channel: 'phone',
      tags: ['seller_unreachable', 'fraud_risk', 'bank_transfer', 'settlement_hold'],
      customer: { name: '류정민', email: 'jungmin.ryu@example.com', phone: '010-1327-8802' },
      order: {
        number: 'ORD-20261103-17492',
        items: [
          { sku: 'SKU-TENT-AIR-6P', name: '에어 텐트 6인용', qty: 1, price: 690000 },
          { sku: 'SKU-MAT-SELF-2P', name: '자충 매트 2인용', qty: 1, price: 129000 },
        ],
        amount: 819000,
        currency: 'KRW',
        paymentMethod: 'bank_transfer',
        paidAt: '2026-11-03T10:05:51+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '전화로 말씀드린 이체 내역 캡처 올립니다.',
        afterHours: 0.2,
      },
      {
        kind: 'internal_note',
        author: 'lead',
        body: '판매자 S-31087 최근 3일 동일 문의 6건. 정산 보류 걸었고 계정 상태 확인 요청함. 연락 시도: 전화 2회 꺼짐, 이메일 1회 발송.',
        afterHours: 0.5,
      },
      {
        kind: 'public_reply',
        author: 'lead',
        body: '류정민 고객님, 불안하신 마음 충분히 이해합니다. 해당 판매자는 현재 판매가 중지된 상태이며, 판매자에게 지급될 정산금을 저희가 보류해 두었습니다. 판매자에게 전화와 이메일로 계속 연락을 시도하고 있고, 48시간 안에 응답이 없으면 보류한 정산금으로 결제 금액을 환불하는 방향으로 진행하겠습니다. 진행 상황은 이 티켓으로 계속 알려드리겠습니다.',
        afterHours: 2,
      },
    ],
  },
  {
    scenario: 'seller_unreachable',
    status: 'open',
    ageHours: 30,
    assignTo: 'agent',
    input: {
      type: 'refund',
      subject: '카드 결제는 됐는데 주문 내역이 없어요',
      description:
        '결제 완료 문자는 왔는데 주문 내역에 아무것도 없고 판매자에게 문의해도 답이 없습니다. 카드사 앱에도 129,000원 승인으로 나와요.',
      priority: 'high',
      channel: 'form',
      tags: ['payment_error', 'orphan_payment'],
      customer: { name: '성우진', email: 'woojin.sung@example.kr', phone: '010-0849-6620' },
      order: {
        items: [{ sku: 'SKU-BLENDER-HP-2L', name: '초고속 블렌더 2L', qty: 1, price: 129000 }],
        amount: 129000,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-11-20T19:31:08+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '카드 승인 문자 캡처입니다. 승인번호도 보이게 찍었어요.',
        afterHours: 0.1,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '성우진 고객님, 결제대행사 기록을 조회해 보니 카드 승인은 정상 처리되었지만 그 직후 주문 저장 단계에서 오류가 나 주문이 만들어지지 않았습니다. 판매자 문제가 아닌 시스템 오류로 보여 승인 취소를 요청해 두었고, 카드사에 따라 취소 반영까지 3~5영업일 걸릴 수 있습니다. 취소가 확인되면 다시 안내드리겠습니다.',
        afterHours: 3,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: 'PG 승인 건 있음, 주문 테이블에 없음. PG사 취소 요청 접수. 같은 시간대 고아 결제 더 있는지 개발팀 확인 요청.',
        afterHours: 3.3,
      },
    ],
  },
  {
    scenario: 'seller_unreachable',
    status: 'open',
    ageHours: 48,
    assignTo: 'agent',
    input: {
      type: 'refund',
      subject: '모션데스크 판매자가 2주째 답이 없습니다',
      description:
        '주문 후 "제작 중"이라고만 나오고 2주째 배송 소식이 없습니다. 판매자 번호로 여러 번 전화했지만 받지 않고, 남긴 문의 3건에도 답이 없어요.',
      priority: 'high',
      channel: 'email',
      tags: ['seller_unreachable', 'bank_transfer'],
      customer: { name: '하성빈', email: 'seongbin.ha@example.com', phone: '010-1256-3397' },
      order: {
        number: 'ORD-20261105-29381',
        items: [
          { sku: 'SKU-DESK-MOTOR-1400', name: '모션데스크 1400', qty: 1, price: 349000 },
          { sku: 'SKU-CHAIR-ERGO-MESH', name: '메쉬 인체공학 의자', qty: 1, price: 259000 },
        ],
        amount: 608000,
        currency: 'KRW',
        paymentMethod: 'bank_transfer',
        paidAt: '2026-11-05T21:26:38+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '판매자에게 남긴 문의 3건 캡처와 입금 내역 첨부합니다.',
        afterHours: 0.3,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '하성빈 고객님, 오래 기다리시게 해서 죄송합니다. 판매자에게 등록된 이메일과 담당자 휴대폰으로 연락을 요청했고, 연락 시도 내역은 모두 이 티켓에 기록하고 있습니다. 2영업일 안에 판매자 답변이 없으면 주문을 취소하고 결제 금액 전액을 환불해 드리겠습니다.',
        afterHours: 7,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '판매자 S-20417: 이메일 1회 발송, 전화 2회 부재. 최근까지 정산 정상 수령 → 잠적보다는 응대 지연 가능성. 재시도 예정.',
        afterHours: 7.5,
      },
    ],
  },
  {
    scenario: 'seller_unreachable',
    status: 'open',
    ageHours: 90,
    assignTo: 'lead',
    input: {
      type: 'refund',
      subject: '가죽 토트백 입금 후 판매자 잠적',
      description:
        '입금하자마자 판매자가 카카오톡에서 저를 차단했고 스토어 문의도 막혀 있습니다. 다른 구매자들도 같은 일을 겪었다고 해요.',
      priority: 'high',
      channel: 'agent',
      tags: ['seller_unreachable', 'fraud_risk', 'bank_transfer', 'settlement_hold'],
      customer: { name: '우혜진', email: 'hyejin.woo@example.com', phone: '010-1478-2051' },
      order: {
        number: 'ORD-20261116-44608',
        items: [{ sku: 'SKU-BAG-LTH-TOTE-BLK', name: '소가죽 토트백 블랙', qty: 1, price: 398000 }],
        amount: 398000,
        currency: 'KRW',
        paymentMethod: 'bank_transfer',
        paidAt: '2026-11-16T17:38:09+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '차단되기 전 대화 캡처와 입금 확인증 보내드립니다.',
        afterHours: 0.4,
      },
      {
        kind: 'internal_note',
        author: 'admin',
        body: '판매자 S-33196 계정 정지 및 정산 보류 처리 완료. 동일 판매자 피해 의심 티켓 11건 태그 정리 중.',
        afterHours: 20,
      },
      {
        kind: 'public_reply',
        author: 'lead',
        body: '우혜진 고객님, 해당 판매자 계정은 현재 정지되었고 정산금은 지급 보류 상태입니다. 보류된 금액으로 피해 구매자분들께 환불할 수 있는지 검토 중이며, 이번 주 안에 결과를 안내드리겠습니다. 별도로 한국소비자원 상담이나 경찰 신고를 원하시면 필요한 거래 확인서를 발급해 드리겠습니다.',
        afterHours: 22,
      },
    ],
  },
  {
    scenario: 'seller_unreachable',
    status: 'pending_customer',
    ageHours: 64,
    assignTo: 'agent',
    input: {
      type: 'refund',
      subject: '선물세트 발송 예정일이 지났는데 판매자 연락 두절',
      description:
        '거래처 선물용으로 4세트를 주문했는데 발송 예정일이 일주일 지났습니다. 판매자 전화는 없는 번호라고 나와요. 다음 주 초까지 못 받으면 환불해 주세요.',
      priority: 'normal',
      channel: 'form',
      tags: ['seller_unreachable', 'fraud_risk', 'gift_order'],
      customer: { name: '주영호', email: 'youngho.joo@example.net', phone: '010-0926-4138' },
      order: {
        number: 'ORD-20261106-50274',
        items: [{ sku: 'SKU-TEA-GIFT-SET', name: '전통차 선물세트', qty: 4, price: 32500 }],
        amount: 130000,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-11-06T09:14:25+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '판매자 상세페이지에 있던 연락처로 세 번 걸었는데 모두 결번 안내가 나왔습니다.',
        afterHours: 0.2,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '주영호 고객님, 판매자 등록 번호가 연결되지 않는 것을 저희도 확인했습니다. 판매자 이메일로 발송 여부를 다시 요청해 두었는데, 선물 일정이 있으시니 지금 바로 주문 취소 후 카드 승인 취소로 전액 환불을 받으실지, 아니면 내일 오후 6시까지 판매자 회신을 기다려 보실지 알려주세요.',
        afterHours: 5,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '판매자 S-27705 대표번호 결번, 이메일 2회째 무응답. 사업자 휴·폐업 여부 조회 필요.',
        afterHours: 5.3,
      },
    ],
  },
  {
    scenario: 'seller_unreachable',
    status: 'pending_customer',
    ageHours: 110,
    assignTo: 'agent',
    input: {
      type: 'refund',
      subject: '입금했는데 계속 "입금대기", 판매자도 답이 없어요',
      description:
        '판매자가 문자로 알려준 계좌로 123,000원을 보냈는데 주문은 계속 "입금대기"로 나오고 판매자는 답이 없습니다. 혹시 사기인지 걱정돼요.',
      priority: 'high',
      channel: 'form',
      tags: ['seller_unreachable', 'fraud_risk', 'off_platform_payment'],
      customer: { name: '민서희', email: 'seohee.min@example.kr', phone: '010-0635-7289' },
      order: {
        number: 'ORD-20261108-73516',
        items: [
          { sku: 'SKU-CAMERA-INST-MINI', name: '즉석카메라 미니', qty: 1, price: 89000 },
          { sku: 'SKU-FILM-INST-20', name: '즉석 필름 20매', qty: 2, price: 17000 },
        ],
        amount: 123000,
        currency: 'KRW',
        paymentMethod: 'bank_transfer',
        paidAt: '2026-11-08T13:20:45+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '어제 판매자 문의란에도 글을 남겼는데 답이 없어서 여기에 남깁니다.',
        afterHours: 0.3,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '민서희 고객님, 확인해 보니 해당 주문의 결제 계좌는 저희 플랫폼 가상계좌인데, 입금하신 곳은 판매자가 문자로 따로 안내한 개인 계좌로 보입니다. 정확한 확인을 위해 이체 확인증(받는 분 이름과 계좌번호가 보이도록)과 판매자에게 받은 문자 캡처를 보내주세요. 개인 계좌 입금 유도는 정책 위반이라 판매자 조사를 바로 시작했으며, 거래 은행에도 이 이체 건을 알리고 경찰 신고를 함께 검토해 주시길 권해 드립니다.',
        afterHours: 10,
      },
      {
        kind: 'internal_note',
        author: 'lead',
        body: '직거래 유도 사기 의심. 판매자 S-29054 메시지 로그 확인 요청. 증빙 받으면 경찰 신고용 거래 확인서 발급.',
        afterHours: 11,
      },
    ],
  },
  {
    scenario: 'seller_unreachable',
    status: 'resolved',
    ageHours: 180,
    assignTo: 'agent',
    input: {
      type: 'refund',
      subject: '난방기 주문 후 판매자와 연락이 안 돼요',
      description:
        '10월 말에 라디에이터와 가습기를 주문했는데 2주가 넘도록 발송이 안 되고 있습니다. 판매자에게 전화도 문자도 해 봤지만 답이 없어 환불을 원합니다.',
      priority: 'high',
      channel: 'email',
      tags: ['seller_unreachable', 'seller_reached'],
      customer: { name: '곽미정', email: 'mijeong.kwak@example.com', phone: '010-1093-4562' },
      order: {
        number: 'ORD-20261030-36127',
        items: [
          { sku: 'SKU-HEATER-OIL-11', name: '오일 라디에이터 11핀', qty: 1, price: 159000 },
          { sku: 'SKU-HUMID-UV-4L', name: 'UV 살균 가습기 4L', qty: 1, price: 69000 },
        ],
        amount: 228000,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-10-30T13:02:47+09:00',
      },
      shipment: { courierCode: '05', waybillNumber: '503593574739', expectedDeliveryDate: '2026-11-17' },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '결제 영수증과 판매자에게 보낸 문자 캡처 첨부합니다. 날이 추워져서 급해요.',
        afterHours: 0.2,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '곽미정 고객님, 판매자에게 이메일과 전화로 연락을 시도하고 있습니다. 내일 오후까지 응답이 없으면 주문을 취소하고 카드 승인 취소로 환불해 드리겠습니다.',
        afterHours: 8,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '판매자 회신 옴: 대표 입원으로 출고 지연, 오늘 일괄 출고. 한진 송장 등록 확인.',
        afterHours: 30,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '곽미정 고객님, 판매자와 연락이 닿았습니다. 개인 사정으로 출고가 늦어졌다고 하며 오늘 라디에이터와 가습기를 함께 발송했습니다(한진택배 503593574739). 받아보시고 문제가 있거나 그래도 환불을 원하시면 이 티켓에 바로 답장 주세요.',
        afterHours: 31,
      },
    ],
  },
  {
    scenario: 'seller_unreachable',
    status: 'resolved',
    ageHours: 400,
    assignTo: 'lead',
    input: {
      type: 'refund',
      subject: '김치냉장고 판매자가 폐업했다는 소문이…',
      description:
        '10월 중순에 김치냉장고 대금을 입금했는데 배송 예정일이 지나도 소식이 없습니다. 판매자 전화는 꺼져 있고 폐업했다는 이야기도 들었어요. 환불받을 수 있을까요?',
      priority: 'urgent',
      channel: 'form',
      tags: ['seller_unreachable', 'fraud_risk', 'bank_transfer', 'full_refund'],
      customer: { name: '이하린', email: 'harin.lee@example.net', phone: '010-0752-1984' },
      order: {
        number: 'ORD-20261014-58893',
        items: [{ sku: 'SKU-KIMCHI-FRIDGE-204', name: '스탠드형 김치냉장고 204L', qty: 1, price: 899000 }],
        amount: 899000,
        currency: 'KRW',
        paymentMethod: 'bank_transfer',
        paidAt: '2026-10-14T11:47:03+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '입금 확인증과 주문 확인 문자 캡처 보내드립니다.',
        afterHours: 0.3,
      },
      {
        kind: 'internal_note',
        author: 'lead',
        body: '판매자 S-30562 폐업 신고 확인. 해당 주문 대금 미정산 상태 → 보류금으로 전액 환불 승인.',
        afterHours: 3,
      },
      {
        kind: 'public_reply',
        author: 'lead',
        body: '이하린 고객님, 확인 결과 판매자가 최근 폐업한 것으로 확인되었습니다. 다행히 판매 대금이 아직 판매자에게 정산되지 않아 결제하신 899,000원 전액을 환불해 드릴 수 있습니다. 결제 시 등록하신 환불 계좌로 2영업일 안에 입금해 드리겠습니다.',
        afterHours: 4,
      },
      {
        kind: 'public_reply',
        author: 'lead',
        body: '등록하신 환불 계좌로 899,000원 입금을 완료했습니다. 불안한 시간을 보내시게 해 죄송하며, 확인이 안 되시면 이 티켓으로 말씀해 주세요.',
        afterHours: 50,
      },
    ],
  },
  {
    scenario: 'seller_unreachable',
    status: 'closed',
    ageHours: 950,
    assignTo: 'agent',
    input: {
      type: 'refund',
      subject: '거리측정기 결제 후 판매자 연락 두절',
      description:
        '9월 말에 카드로 결제했는데 2주가 지나도록 발송이 안 되고 판매자도 연락을 받지 않습니다. 결제 금액을 돌려받고 싶어요.',
      priority: 'high',
      channel: 'email',
      tags: ['seller_unreachable', 'chargeback', 'kca_referral'],
      customer: { name: '박서윤', email: 'seoyun.park@example.com', phone: '010-1821-6073' },
      order: {
        number: 'ORD-20260921-24785',
        items: [{ sku: 'SKU-GOLF-RANGE-LSR', name: '골프 레이저 거리측정기', qty: 1, price: 279000 }],
        amount: 279000,
        currency: 'KRW',
        paymentMethod: 'card',
        paidAt: '2026-09-21T19:22:14+09:00',
      },
    },
    messages: [
      {
        kind: 'customer_message',
        author: 'customer',
        body: '카드 매출전표와 판매자에게 보낸 메일 캡처 첨부합니다.',
        afterHours: 0.5,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '박서윤 고객님, 판매자에게 이메일과 전화로 연락을 시도하고 있으며 시도 내역은 모두 기록해 두고 있습니다. 결과를 곧 안내드리겠습니다.',
        afterHours: 6,
      },
      {
        kind: 'internal_note',
        author: 'agent',
        body: '판매자 3회 연락 실패(이메일 2, 전화 1). 대금 이미 정산 완료 → 플랫폼 보류금 없음. 카드사 이의제기 + 한국소비자원 안내로 마무리.',
        afterHours: 100,
      },
      {
        kind: 'public_reply',
        author: 'agent',
        body: '박서윤 고객님, 판매자에게 세 차례 연락했지만 응답이 없었고 판매 대금이 이미 정산되어 저희가 직접 환불해 드리기 어려운 상황입니다. 카드 결제 건이므로 카드사에 "물품 미수령"으로 이의제기(차지백)를 신청하시면 결제 취소를 받으실 수 있으며, 필요한 거래 확인서와 연락 시도 기록을 이 티켓에 첨부해 드렸습니다. 한국소비자원 피해구제 신청도 함께 진행하실 수 있습니다.',
        afterHours: 102,
      },
    ],
  },
];
