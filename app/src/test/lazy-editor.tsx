import { act, cleanup, render } from '@testing-library/react';
import { LazyFieldEditor } from '../fields/LazyFieldEditor';

/**
 * The field editors load lazily (see LazyFieldEditor). Tests that open editors render one
 * first, inside act, so the chunk is resolved and later renders do not suspend mid-test.
 */
export async function warmLazyEditor(): Promise<void> {
  await act(async () => {
    render(<LazyFieldEditor field={{ name: 'warm', label: 'Warm', kind: 'text', required: false, custom: false, choices: [] }} value="" onChange={() => undefined} />);
    await import('../fields/FieldEditor');
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  cleanup();
}
