// The courier catalogue and status vocabulary in @shopdesk/contracts/couriers.
import {
  COURIER_PROVIDERS,
  courierByAftershipSlug,
  courierByCode,
  courierBySweetTrackerCode,
  COURIERS,
  isCourierProvider,
  isShipmentStatus,
  isTerminalShipmentStatus,
  SHIPMENT_STATUS_LABELS,
  SHIPMENT_STATUSES,
} from '@shopdesk/contracts/couriers';
import { adapterFor } from './provider';

describe('courier catalogue', () => {
  it('has the Korean majors under their Sweet Tracker codes, plus EMS and "other"', () => {
    expect(COURIERS.map((c) => [c.code, c.name.ko])).toEqual(
      expect.arrayContaining([
        ['01', '우체국택배'],
        ['04', 'CJ대한통운'],
        ['05', '한진택배'],
        ['06', '로젠택배'],
        ['08', '롯데택배'],
        ['12', '우체국 EMS'],
        ['other', '기타 택배사'],
      ]),
    );
  });

  it('has unique codes, unique Sweet Tracker codes and no slug claimed twice', () => {
    const codes = COURIERS.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    const st = COURIERS.map((c) => c.sweetTrackerCode).filter((c) => c !== null);
    expect(new Set(st).size).toBe(st.length);
    const slugs = COURIERS.flatMap((c) => c.aftershipSlugs);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const c of COURIERS) {
      expect(c.name.ko.length).toBeGreaterThan(0);
      expect(c.name.en.length).toBeGreaterThan(0);
      if (c.sweetTrackerCode !== null) expect(c.sweetTrackerCode).toBe(c.code);
    }
  });

  it.each([
    ['01', '1234567890123'],
    ['04', '631234567890'],
    ['05', '420123456789'],
    ['06', '30212345678'],
    ['08', '308912345678'],
    ['12', 'EE123456789KR'],
    ['other', 'ACME-0001'],
  ])('waybill pattern of %s compiles and matches %s', (code, waybill) => {
    const courier = courierByCode(code);
    expect(courier).toBeDefined();
    expect(new RegExp(courier!.waybillPattern).test(waybill)).toBe(true);
    expect(new RegExp(courier!.waybillPattern).test('not a waybill!')).toBe(false);
  });

  it('looks couriers up by code, AfterShip slug and Sweet Tracker code', () => {
    expect(courierByCode('04')?.name.en).toBe('CJ Logistics');
    expect(courierByCode('4')).toBeUndefined();
    expect(courierByAftershipSlug('kpost')?.code).toBe('01');
    expect(courierByAftershipSlug('KPOST')?.code).toBe('01');
    expect(courierByAftershipSlug('cj-gls')?.code).toBe('04');
    expect(courierByAftershipSlug('lotte')?.code).toBe('08');
    expect(courierByAftershipSlug('korea-post')?.code).toBe('12');
    expect(courierByAftershipSlug('dhl')).toBeUndefined();
    expect(courierBySweetTrackerCode('05')?.code).toBe('05');
    expect(courierBySweetTrackerCode('5')?.code).toBe('05');
    expect(courierBySweetTrackerCode('77')).toBeUndefined();
  });
});

describe('shipment statuses', () => {
  it('label every status in Korean and English', () => {
    expect(Object.keys(SHIPMENT_STATUS_LABELS).sort()).toEqual([...SHIPMENT_STATUSES].sort());
    for (const s of SHIPMENT_STATUSES) {
      expect(SHIPMENT_STATUS_LABELS[s].ko).toMatch(/\S/);
      expect(SHIPMENT_STATUS_LABELS[s].en).toMatch(/\S/);
    }
  });

  it('end tracking on delivered, returned_to_sender, expired and lost only', () => {
    expect(SHIPMENT_STATUSES.filter(isTerminalShipmentStatus).sort()).toEqual(
      ['delivered', 'expired', 'lost', 'returned_to_sender'].sort(),
    );
  });

  it('guards the string unions', () => {
    expect(isShipmentStatus('lost')).toBe(true);
    expect(isShipmentStatus('shipped')).toBe(false);
    expect(isShipmentStatus(3)).toBe(false);
    expect(COURIER_PROVIDERS.every(isCourierProvider)).toBe(true);
    expect(isCourierProvider('fedex')).toBe(false);
  });

  it('has an adapter for every provider', () => {
    for (const p of COURIER_PROVIDERS) expect(adapterFor(p).provider).toBe(p);
    expect(() => adapterFor('fedex' as never)).toThrow(/unknown courier provider/);
  });
});
