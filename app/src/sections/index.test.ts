import { SECTIONS } from '../../../common/sidebar-settings';
import { RELATED_SECTIONS } from './index';

it('has a component for every section of every sidebar except the summary', () => {
  for (const entity of Object.keys(SECTIONS) as Array<keyof typeof SECTIONS>) {
    const names = Object.keys(RELATED_SECTIONS[entity]).sort();
    expect(names).toEqual(SECTIONS[entity].filter((name) => name !== 'summary').sort());
  }
});
