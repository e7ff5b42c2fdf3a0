// Word lists and generators for realistic Korean shop data: names, addresses, products, order
// numbers, waybills in each courier's format and customer/agent message texts. Everything is drawn
// from a seeded PRNG, so the same ticket number always yields the same ticket.

/** mulberry32: tiny, fast, good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
export const int = (r: Rng, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));
export const digits = (r: Rng, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
};
/** Picks a key by weight: `weighted(r, [['a', 80], ['b', 20]])`. */
export function weighted<T>(r: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return table[table.length - 1][0];
}

const SURNAMES = ['김', '이', '박', '최', '정', '강', '조', '윤', '장', '임', '한', '오', '서', '신', '권', '황', '안', '송', '류', '홍'];
const SURNAMES_ROMAN = ['kim', 'lee', 'park', 'choi', 'jung', 'kang', 'cho', 'yoon', 'jang', 'lim', 'han', 'oh', 'seo', 'shin', 'kwon', 'hwang', 'ahn', 'song', 'ryu', 'hong'];
const GIVEN = ['민준', '서연', '도윤', '지우', '하준', '서윤', '시우', '하은', '지호', '수아', '예준', '지민', '주원', '채원', '현우', '지유', '건우', '윤서', '우진', '다은', '선우', '예린', '연우', '수빈', '유준', '소율', '정우', '민서', '승현', '은지'];
const MAIL_HOSTS = ['naver.com', 'gmail.com', 'daum.net', 'kakao.com', 'hanmail.net', 'nate.com'];

export function customer(r: Rng, n: number): { name: string; email: string; phone: string } {
  const s = Math.floor(r() * SURNAMES.length);
  return {
    name: SURNAMES[s] + pick(r, GIVEN),
    email: `${SURNAMES_ROMAN[s]}${n % 100_000}${pick(r, ['', '.shop', '_k', '88'])}@${pick(r, MAIL_HOSTS)}`,
    phone: `010-${digits(r, 4)}-${digits(r, 4)}`,
  };
}

const CITIES: [string, string[]][] = [
  ['서울특별시', ['강남구 테헤란로', '마포구 월드컵북로', '송파구 올림픽로', '관악구 관악로', '노원구 동일로']],
  ['부산광역시', ['해운대구 해운대로', '부산진구 중앙대로', '수영구 광안해변로']],
  ['경기도', ['성남시 분당구 판교역로', '수원시 영통구 광교중앙로', '고양시 일산동구 중앙로', '용인시 수지구 포은대로']],
  ['인천광역시', ['연수구 송도과학로', '남동구 인하로']],
  ['대구광역시', ['수성구 동대구로', '중구 국채보상로']],
  ['대전광역시', ['유성구 대학로', '서구 둔산로']],
  ['광주광역시', ['북구 용봉로', '서구 상무중앙로']],
  ['제주특별자치도', ['제주시 연동', '서귀포시 중앙로']],
];
export function address(r: Rng): string {
  const [city, streets] = pick(r, CITIES);
  const apt = r() < 0.7 ? `, ${int(r, 101, 120)}동 ${int(r, 1, 25)}0${int(r, 1, 4)}호` : '';
  return `${city} ${pick(r, streets)} ${int(r, 1, 400)}${apt}`;
}

export const PRODUCTS: { sku: string; name: string; price: number }[] = [
  { sku: 'TS-1001', name: '오버핏 반팔 티셔츠', price: 19_900 },
  { sku: 'HD-2030', name: '기모 후드집업', price: 49_000 },
  { sku: 'SN-3300', name: '러닝화 데일리 쿠션', price: 89_000 },
  { sku: 'BG-4120', name: '캔버스 토트백', price: 32_000 },
  { sku: 'CP-5005', name: '스테인리스 텀블러 500ml', price: 24_500 },
  { sku: 'EL-6010', name: '무선 블루투스 이어폰', price: 129_000 },
  { sku: 'EL-6200', name: '노트북 15인치', price: 1_290_000 },
  { sku: 'EL-6300', name: '태블릿 11인치 256GB', price: 899_000 },
  { sku: 'CO-7001', name: '비타민C 세럼 30ml', price: 27_000 },
  { sku: 'CO-7100', name: '선크림 SPF50+', price: 18_000 },
  { sku: 'FD-8001', name: '제주 감귤 5kg', price: 29_900 },
  { sku: 'FD-8200', name: '국산 참기름 350ml', price: 15_800 },
  { sku: 'HM-9001', name: '극세사 차렵이불 퀸', price: 69_000 },
  { sku: 'HM-9100', name: '논슬립 옷걸이 30개', price: 12_900 },
  { sku: 'KD-1200', name: '유아 물티슈 10팩', price: 21_000 },
  { sku: 'GM-1300', name: '게임 기프트카드 5만원권', price: 50_000 },
];

export function orderItems(r: Rng, highValue: boolean): { sku: string; name: string; qty: number; price: number }[] {
  if (highValue) {
    const p = pick(r, PRODUCTS.filter((x) => x.price >= 800_000));
    return [{ sku: p.sku, name: p.name, qty: 1, price: p.price }];
  }
  const count = weighted(r, [[1, 60], [2, 30], [3, 10]] as const);
  const cheap = PRODUCTS.filter((x) => x.price < 200_000);
  return Array.from({ length: count }, () => {
    const p = pick(r, cheap);
    return { sku: p.sku, name: p.name, qty: weighted(r, [[1, 80], [2, 15], [3, 5]] as const), price: p.price };
  });
}

/** '20261103-0012345': the shop's order number (date + sequence). */
export function orderNumber(r: Rng, paidAt: Date): string {
  const d = new Date(paidAt.getTime() + 9 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
  return `${d}-${digits(r, 7)}`;
}

/** Courier shares of a Korean shop's parcels; codes and waybill shapes from libs/contracts/src/couriers.ts. */
export const COURIER_SHARES = [
  ['04', 40],
  ['01', 15],
  ['05', 14],
  ['08', 14],
  ['06', 10],
  ['11', 2],
  ['23', 2],
  ['24', 2],
  ['12', 1],
] as const;

/** A waybill matching the courier's `waybillPattern`; `n` keeps it unique among seeded tickets. */
export function waybill(r: Rng, courier: string, n: number): string {
  const unique = String(n).padStart(8, '0');
  switch (courier) {
    case '01': return `6${digits(r, 4)}${unique}`; // 13 digits
    case '06': return `3${digits(r, 2)}${unique}`; // 11 digits
    case '12': return `EE${digits(r, 1)}${unique}KR`; // EMS: 2 letters, 9 digits, 2 letters
    case '11':
    case '23':
    case '24': return `${digits(r, 2)}${unique}`; // 10 digits (8–14 allowed)
    default: return `${int(r, 5, 6)}${digits(r, 3)}${unique}`; // 04, 05, 08: 12 digits
  }
}

export const SUBJECTS: Record<'missing_delivery' | 'refund' | 'cancellation', string[]> = {
  missing_delivery: ['배송이 오지 않았어요', '택배가 배송완료로 나오는데 못 받았습니다', '주문한 상품 중 일부가 빠져 있어요', '배송 조회가 일주일째 그대로예요', '상자는 왔는데 안에 상품이 없어요', '고가 상품이 분실된 것 같습니다'],
  refund: ['환불 요청합니다', '환불이 거절되었는데 이의 신청합니다', '반품했는데 환불이 안 됐어요', '판매자가 연락이 안 됩니다', '배송비 환불 문의', '부분 환불 가능한가요'],
  cancellation: ['결제 취소 부탁드립니다', '휴대폰 소액결제 취소해 주세요', '아이가 실수로 결제했어요', '주문 취소했는데 결제가 그대로예요', '중복 결제 취소 요청'],
};

const OPENERS: Record<'missing_delivery' | 'refund' | 'cancellation', string[]> = {
  missing_delivery: [
    '주문한 상품이 아직 도착하지 않았습니다. 배송 조회를 해 보니 며칠째 같은 곳에 머물러 있어요.',
    '택배 조회에는 배송완료로 나오는데 문 앞에도 경비실에도 없습니다. 확인 부탁드립니다.',
    '상자를 열어 보니 주문한 상품 중 하나가 빠져 있었어요. 사진 첨부합니다.',
    '선물용으로 주문한 건데 날짜 안에 못 받을 것 같아 걱정입니다.',
  ],
  refund: [
    '지난주에 반품 접수했고 택배 기사님이 회수해 가셨는데 아직 환불이 안 되었습니다.',
    '상품 불량으로 환불을 요청했는데 단순 변심이라며 거절되었습니다. 다시 검토해 주세요.',
    '결제한 뒤로 판매자와 연락이 전혀 되지 않습니다. 환불 받을 수 있을까요?',
    '배송비가 두 번 결제되었어요. 한 번은 환불해 주세요.',
  ],
  cancellation: [
    '아이가 게임 아이템을 휴대폰 소액결제로 샀습니다. 결제 취소 부탁드립니다.',
    '주문 직후에 취소 버튼을 눌렀는데 카드 결제가 그대로 남아 있어요.',
    '같은 주문이 두 번 결제되었습니다. 하나는 취소해 주세요.',
    '배송 전이라 취소하고 싶습니다. 빠른 처리 부탁드립니다.',
  ],
};

const AGENT_REPLIES = [
  '안녕하세요, {name} 고객님. 불편을 드려 죄송합니다. 주문 내역과 배송 상태를 확인하고 바로 안내드리겠습니다.',
  '{name} 고객님, 택배사에 확인 요청을 넣었습니다. 보통 1~2영업일 안에 답변이 오며 결과를 바로 알려 드리겠습니다.',
  '확인해 보니 환불 처리가 누락되어 있었습니다. 오늘 중으로 환불을 진행하겠습니다. 카드사 사정에 따라 3~5영업일이 걸릴 수 있습니다.',
  '결제 취소를 접수했습니다. 통신사 정책상 당월 결제는 바로 취소되며, 문자로 안내가 발송됩니다.',
  '누락된 상품은 오늘 재발송해 드리겠습니다. 새 송장번호는 발송 후 문자로 안내드리겠습니다.',
];
const CUSTOMER_FOLLOW_UPS = [
  '네 확인 감사합니다. 언제쯤 결과를 알 수 있을까요?',
  '아직 아무 연락이 없어서 다시 문의드립니다.',
  '사진 추가로 보내드립니다. 상자 겉면도 찍었어요.',
  '재발송 받았습니다. 빠른 처리 감사합니다!',
  '환불 확인했습니다. 감사합니다.',
];
const INTERNAL_NOTES = [
  '택배사 고객센터 통화: 분실 가능성 높음, 사고 접수 번호 받음.',
  '동일 고객 이전 문의 이력 있음. 팀장님 확인 필요.',
  '창고에 재고 확인 요청함. 내일 오전 회신 예정.',
  '결제 대행사에 취소 요청 완료, 승인번호 메모함.',
];

export function openingMessage(r: Rng, type: keyof typeof OPENERS, order: string, addr: string): string {
  return `${pick(r, OPENERS[type])} 주문번호는 ${order}이고 배송지는 ${addr}입니다.`;
}
export const agentReply = (r: Rng, name: string) => pick(r, AGENT_REPLIES).replace('{name}', name);
export const customerFollowUp = (r: Rng) => pick(r, CUSTOMER_FOLLOW_UPS);
export const internalNote = (r: Rng) => pick(r, INTERNAL_NOTES);
