import { runInNewContext } from 'node:vm';
import { browserSource } from './sidebar-probe';

function double(value: number): number {
  return value * 2;
}

describe('browserSource', () => {
  it('calls the function with its arguments, its helpers declared beside it', () => {
    const script = ({ values }: { values: number[] }) => {
      const inner = (value: number) => double(value) + 1;
      return values.map(inner);
    };
    expect(runInNewContext(browserSource(script, { values: [1, 2] }, [double]))).toEqual([3, 5]);
  });
});
