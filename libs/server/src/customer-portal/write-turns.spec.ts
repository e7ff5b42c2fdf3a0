import { WriteTurns } from './write-turns';

const tick = () => new Promise((r) => setImmediate(r));

describe('WriteTurns', () => {
  it('runs up to the concurrency, queues up to maxWaiting, refuses the rest, and frees turns as work ends', async () => {
    const turns = new WriteTurns(1, 1);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const order: string[] = [];
    const first = turns.run(async () => {
      order.push('first');
      await held;
    });
    await tick();
    const second = turns.run(async () => {
      order.push('second');
    });
    await tick();
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(turns.run(async () => order.push('third'))).toBeNull(); // one writing, one waiting: full
    expect(order).toEqual(['first']);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
    await expect(turns.run(async () => 'again')).resolves.toBe('again');
  });
});
