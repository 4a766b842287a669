import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.js';

function fakeTarget(isTTY: boolean): { write: (t: string) => void; isTTY: boolean; text: () => string } {
  let text = '';
  return { write: (t) => void (text += t), isTTY, text: () => text };
}

describe('progress bar', () => {
  it('draws nothing for work that finishes within a second', () => {
    let t = 0;
    const target = fakeTarget(true);
    const p = createProgress('evaluating', target, { now: () => t, width: 10 });
    t = 500;
    p.update(50, 100);
    t = 990;
    p.update(100, 100);
    p.finish();
    expect(target.text()).toBe('');
  });

  it('appears after a second, redraws at most every 100 ms, and ends with the final count and a newline', () => {
    let t = 0;
    const target = fakeTarget(true);
    const p = createProgress('evaluating', target, { now: () => t, width: 10 });
    t = 1200;
    p.update(30, 100);
    t = 1250;
    p.update(40, 100); // within 100 ms of the last draw: skipped
    t = 1400;
    p.update(60, 100);
    t = 2000;
    p.update(100, 100);
    p.finish();
    expect(target.text().split('\r').slice(1)).toEqual([
      'evaluating [###.......] 30/100 1.2 s',
      'evaluating [######....] 60/100 1.4 s',
      'evaluating [##########] 100/100 2.0 s',
      'evaluating [##########] 100/100 2.0 s\n',
    ]);
  });

  it('stays silent when stderr is not a terminal (CI logs, pipes)', () => {
    let t = 0;
    const target = fakeTarget(false);
    const p = createProgress('evaluating', target, { now: () => t });
    t = 5000;
    p.update(10, 100);
    p.finish();
    expect(target.text()).toBe('');
  });
});
