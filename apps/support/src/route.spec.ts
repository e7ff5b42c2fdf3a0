import { routeFor } from './route';

describe('routeFor', () => {
  it('shows the form at /support/', () => {
    expect(routeFor('/support/')).toEqual({ screen: 'form' });
    expect(routeFor('/support')).toEqual({ screen: 'form' });
    expect(routeFor('/support/anything')).toEqual({ screen: 'form' });
  });

  it('shows the status page at /support/t/<reference>', () => {
    expect(routeFor('/support/t/SD-000123')).toEqual({ screen: 'status', reference: 'SD-000123' });
    expect(routeFor('/support/t/SD-000123/')).toEqual({ screen: 'status', reference: 'SD-000123' });
  });
});
