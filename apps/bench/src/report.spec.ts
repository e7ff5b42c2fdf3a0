import { initialScripts } from './bundles.bench';
import { figureRow, verdictLines } from './report';
import { type BenchFigure, verdict } from './stats';

describe('initialScripts', () => {
  it('takes the module script and modulepreloads of index.html, not stylesheets', () => {
    const html = `
      <script type="module" crossorigin src="/support/assets/index-A.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor-B.js">
      <link rel="stylesheet" crossorigin href="./assets/index-C.css">`;
    expect(initialScripts(html)).toEqual(['assets/index-A.js', 'assets/vendor-B.js']);
  });
});

describe('goals', () => {
  const rate: BenchFigure = { name: 'acks', unit: 'acks/s', runs: [2_000, 3_500, 4_000], goal: { stat: 'median', op: '>=', value: 3_000 } };
  const latency: BenchFigure = { name: 'view', unit: 'ms', runs: [5, 6, 50], goal: { stat: 'p95', op: '<=', value: 20 } };

  it('checks the goal on the named statistic', () => {
    expect(verdict(rate)).toBe('PASS');
    expect(verdict(latency)).toBe('FAIL');
    expect(verdict({ ...latency, runs: [] })).toBeUndefined();
  });

  it('prints one line per goal and the share of the ceiling for rates', () => {
    expect(verdictLines([{ bench: 'webhooks', dataset: '', figures: [rate, { name: 'x', unit: 'ms', runs: [1] }] }])).toEqual([
      'PASS  webhooks: acks — median 3,500 acks/s (goal median ≥ 3,000 acks/s)',
    ]);
    const row = figureRow({ ...rate, ceilings: [{ name: 'raw add', runs: [7_000] }] });
    expect(row).toContain('raw add: 7,000');
    expect(row).toContain('50 %');
  });
});
