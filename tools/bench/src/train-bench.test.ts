import { describe, expect, it } from 'vitest';
import { peerProcesses } from './train-bench.js';

describe('train benchmark: --peer-processes', () => {
  it('defaults to one PyTorch process and takes 1-20', () => {
    expect(peerProcesses(undefined)).toBe(1);
    expect(peerProcesses('5')).toBe(5);
    expect(peerProcesses('20')).toBe(20);
  });
  it('refuses anything else with BENCH_FLAG_INVALID, naming the flag', () => {
    for (const bad of ['0', '21', '2.5', 'three', '']) {
      expect(() => peerProcesses(bad)).toThrow(expect.objectContaining({ code: 'BENCH_FLAG_INVALID', message: expect.stringContaining('--peer-processes') }));
    }
  });
});
